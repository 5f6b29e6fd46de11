// What the campaign workflow (workflows/campaign.ts: the stage calendar) offers each kind's installer.
// An installer registers its kind's Updates and Queries on the campaign and keeps its own state; the
// calendar asks it, before the campaign completes, whether the kind's own work is settled.
import { ApplicationFailure, type SignalDefinition } from '@temporalio/workflow';
import type { CaseSeed } from '../../activities/case.js';
import type { CampaignDefinitionOf } from '../../domain/campaign-definition.js';
import type { ProgrammeKind } from '../../domain/programmes/index.js';
import type { Actor } from '../../domain/roles.js';
import type { StageState } from '../messages.js';

export interface CampaignHost<K extends ProgrammeKind> {
  def: CampaignDefinitionOf<K>;
  stages: StageState[];
  /** The stage of this key, or a not-found refusal. */
  stageFor(key: string): StageState;
  /** The campaign's projection is written (cases may join). */
  isProjected(): boolean;
  /** Stages whose closing has begun. */
  closing: Set<string>;
  /** Cases of the campaign, by case id. */
  enrolled: Set<string>;
  startCase(seed: CaseSeed, actor: Actor, form?: unknown): Promise<void>;
  signalCase<Args extends unknown[]>(workflowId: string, signal: SignalDefinition<Args>, ...args: Args): Promise<void>;
  /** Set when new cases join through arrival shards (workflows/arrival-shard.ts): news for the shards only. */
  arrivalShards?: { signal<Args extends unknown[]>(signal: SignalDefinition<Args>, ...args: Args): Promise<void> };
}

export interface KindPart {
  /** Runs once the campaign's projection is written (e.g. the register's scoring starts). */
  afterProjection?(): Promise<void>;
  /** The kind's own work is over: the campaign may complete once its cases have (e.g. a 公示 is final). */
  settled(): boolean;
}

/** A refusal the API maps to a 4xx (api/errors.ts fromTemporal), in Chinese and English. */
export const reject = (type: string, message: string) => ApplicationFailure.create({ type, message });
