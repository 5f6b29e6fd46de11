import type { Client } from '@temporalio/client';
import { PROGRAMMES } from '../domain/programmes/index.js';
import { defineCampaign, type CampaignDefinition, type SettingsInput } from '../domain/campaign-definition.js';
import type { Actor } from '../domain/roles.js';
import type { PrismaClient } from '../prisma/db.js';
import { launchCampaign } from '../api/campaign-launch.js';

/**
 * The definition stored with a campaign row a test writes straight into the database (no workflow behind
 * it): the programme's own, on its default calendar, so every reader of stored definitions (the portals'
 * lists of campaigns in reach among them) takes the row for what it is.
 */
export function storedDefinition(programme: string, year: number, jurisdictionId: string, settings?: SettingsInput): object {
  const r = defineCampaign(PROGRAMMES[programme]!, { year, jurisdictionId, settings });
  if (!r.definition) throw new Error(JSON.stringify(r.problems));
  return r.definition;
}

/** A programme's English name of one of its stages, for stage rows a test writes itself. */
export const stageNameEn = (programme: string, key: string): string => PROGRAMMES[programme]!.stages.find((s) => s.key === key)?.nameEn ?? key;

export const COORDINATOR: Actor = { userId: 'u-coord-changxing', role: 'coordinator', displayName: '长兴县统筹' };

/**
 * A Changxing calendar compressed into seconds: stage i starts `gapMs` after stage i-1 is due and lasts
 * `stageMs[i]` (the real calendar is months long; the engine only sees instants). The first stage starts
 * `startInMs` after `at` (default now; a time-skipping test passes its server's clock, test/helpers-time.ts).
 */
export function compressedCalendar(opts: { stageMs?: number[]; gapMs?: number; startInMs?: number; at?: number } = {}) {
  const stageMs = opts.stageMs ?? [1500, 6000, 1500, 1500, 1500];
  const gap = opts.gapMs ?? 200;
  let t = (opts.at ?? Date.now()) + (opts.startInMs ?? 500);
  return PROGRAMMES.changxing!.stages.map((s, i) => {
    const startsAt = t;
    const dueAt = t + stageMs[i]!;
    t = dueAt + gap;
    return { key: s.key, startsAt: new Date(startsAt).toISOString(), dueAt: new Date(dueAt).toISOString() };
  });
}

export function compressedDefinition(
  year: number,
  opts: { stageMs?: number[]; gapMs?: number; leadMs?: number; startInMs?: number; at?: number; settings?: SettingsInput } = {},
): CampaignDefinition {
  const r = defineCampaign(PROGRAMMES.changxing!, {
    year,
    jurisdictionId: '330522',
    stages: compressedCalendar(opts),
    reminderLeadHours: (opts.leadMs ?? 2000) / 3600_000,
    settings: opts.settings,
  });
  if (!r.definition) throw new Error(JSON.stringify(r.problems));
  return r.definition;
}

export async function launch(client: Client, db: PrismaClient, taskQueue: string, definition: CampaignDefinition, operatorIds?: string[]) {
  return launchCampaign({ client, db, taskQueue, definition, actor: COORDINATOR, operatorIds });
}

/**
 * A Changxing calendar whose stage `openKey` is open right now for `openMs`: the stages before it lie just
 * in the past (they open and close at once on launch), the ones after it follow. A test of one stage
 * then runs without waiting through the others. `now` is a time-skipping test's server clock.
 */
export function calendarOpenAt(openKey: string, openMs = 120_000, programme = 'changxing', now = Date.now()) {
  const keys = PROGRAMMES[programme]!.stages.map((s) => s.key);
  const at = keys.indexOf(openKey);
  return keys.map((key, i) => {
    const startsAt = i < at ? now - (at - i) * 2000 : i === at ? now - 500 : now + openMs + (i - at) * 2000;
    const dueAt = i < at ? startsAt + 1000 : i === at ? now + openMs : startsAt + 1000;
    return { key, startsAt: new Date(startsAt).toISOString(), dueAt: new Date(dueAt).toISOString() };
  });
}

export function definitionOpenAt(year: number, openKey: string, opts: { openMs?: number; at?: number; settings?: SettingsInput } = {}): CampaignDefinition {
  const r = defineCampaign(PROGRAMMES.changxing!, {
    year,
    jurisdictionId: '330522',
    stages: calendarOpenAt(openKey, opts.openMs, 'changxing', opts.at),
    reminderLeadHours: 0,
    settings: opts.settings,
  });
  if (!r.definition) throw new Error(JSON.stringify(r.problems));
  return r.definition;
}
