// The register programme's part of a CampaignWorkflow (Lijiang 入库): applications are taken while the
// window stage is open (公告: 申报时间为2023年8月23日至2025年8月23日) and queue until the office opens a
// review batch (分批次进行审核入库); a batch takes every queued application, highest priority first.
// Campaigns started since the arrival shards take applications there (workflows/arrival-shard.ts): the
// queue is then the database's, and a batch's places are told to the cases by their shards.
import { ApplicationFailure, ParentClosePolicy, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { CaseSeed } from '../activities/case.js';
import type { CampaignDefinitionOf } from '../domain/campaign-definition.js';
import type { Actor } from '../domain/roles.js';
import { shanghaiDate } from '../domain/time.js';
import {
  REJECT,
  batchAssignedSignal,
  fileIntakeApplicationUpdate,
  intakeQueueQuery,
  openIntakeBatchUpdate,
  type IntakeEntrySeed,
  type StageState,
} from './messages.js';
import { RegisterScoringWorkflow } from './register-scoring.js';
import { ROUTE, intakeBatchOpenedSignal } from './arrival-messages.js';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export { registerScoringWorkflowId } from './ids.js';
import { registerScoringWorkflowId } from './ids.js';

export interface IntakeHost {
  def: CampaignDefinitionOf<'register'>;
  stageFor(key: string): StageState;
  isProjected(): boolean;
  closing: Set<string>;
  enrolled: Set<string>;
  startCase(seed: CaseSeed, actor: Actor, extra: { entry: IntakeEntrySeed }): Promise<void>;
  signalCase<Args extends unknown[]>(workflowId: string, signal: import('@temporalio/workflow').SignalDefinition<Args>, ...args: Args): Promise<void>;
  caseWorkflowId(caseId: string): string;
  /** Set when applications go to arrival shards: news for the shards only. */
  arrivalShards?: { signal<Args extends unknown[]>(signal: import('@temporalio/workflow').SignalDefinition<Args>, ...args: Args): Promise<void> };
}

export function installIntake(host: IntakeHost): { startScoring(): Promise<void> } {
  const { def } = host;
  const intake = def.rules.intake;
  const reject = (type: string, message: string) => ApplicationFailure.create({ type, message });
  const queue: { caseId: string; priority: number; filedAt: number }[] = [];
  let batches = 0;
  let opening = false;

  setHandler(
    fileIntakeApplicationUpdate,
    async ({ seed, entry, actor }) => {
      host.enrolled.add(seed.caseId); // before any await: the same application twice is refused
      const workflowId = host.caseWorkflowId(seed.caseId);
      await acts.projectCase({ campaignId: def.campaignId, seed, workflowId, actor, clause: intake.clauses.window });
      await acts.projectRegisterEntry({
        entryId: seed.caseId,
        campaignId: def.campaignId,
        operatorId: seed.operatorId,
        jurisdictionId: seed.jurisdictionId,
        ...entry,
        form: entry.form as object,
        workflowId,
        actor,
        clause: intake.clauses[entry.register],
      });
      // Queued only once projected: a batch opened meanwhile finds the entry to put in review.
      queue.push({ caseId: seed.caseId, priority: entry.priority, filedAt: Date.now() });
      await host.startCase(seed, actor, { entry });
      await acts.recordEnrolment({ campaignId: def.campaignId, caseCount: host.enrolled.size, added: [seed.caseId], actor, clause: intake.clauses.window });
      return { caseId: seed.caseId, queued: queue.length };
    },
    {
      validator: ({ seed }) => {
        if (host.arrivalShards)
          throw reject(ROUTE.sharded, '本活动的申报由分片受理 / this campaign takes applications through its arrival shards (api/arrivals.ts)');
        const w = host.stageFor(intake.windowStage);
        // By the calendar: a window whose start has passed takes applications even in the instant before
        // the workflow has marked it open (right after the launch).
        const open = w.status === 'open' || (w.status === 'pending' && Date.now() >= w.startsAt);
        if (!host.isProjected() || !open || host.closing.has(w.key))
          throw reject(
            REJECT.conflict,
            `申报时间为 ${shanghaiDate(w.startsAt)} 至 ${shanghaiDate(w.dueAt)}，${w.status === 'pending' ? '尚未开始' : '已经截止'}，现不受理申报 / applications are taken from ${shanghaiDate(w.startsAt)} to ${shanghaiDate(w.dueAt)} (Asia/Shanghai); the window ${w.status === 'pending' ? 'has not opened yet' : 'has closed'}`,
          );
        if (host.enrolled.has(seed.caseId)) throw reject(REJECT.conflict, `「${seed.operatorName}」已申报该项 / this application has already been filed`);
      },
    },
  );

  setHandler(
    openIntakeBatchUpdate,
    async ({ reviewDueAt, actor }) => {
      opening = true;
      try {
        const shards = host.arrivalShards;
        if (shards) {
          // Every application the database has queued, in review order; the shards tell their cases.
          const seq = batches + 1;
          const b = await acts.openQueuedIntakeBatch({ campaignId: def.campaignId, seq, reviewDueAt, actor, clause: intake.clauses.review });
          if (!b.batchId) throw reject(REJECT.conflict, '没有待审核的申报，无需开启批次 / no application is waiting for a batch');
          batches = seq;
          await shards.signal(intakeBatchOpenedSignal, { batchId: b.batchId, seq, reviewDueAt });
          return { batchId: b.batchId, seq, size: b.size };
        }
        // Highest priority first (优先入库), then first come; the office reviews in this order.
        const taken = [...queue].sort((a, b) => b.priority - a.priority || a.filedAt - b.filedAt || a.caseId.localeCompare(b.caseId));
        const seq = batches + 1;
        const { batchId } = await acts.openIntakeBatch({
          campaignId: def.campaignId,
          seq,
          reviewDueAt,
          caseIds: taken.map((x) => x.caseId),
          actor,
          clause: intake.clauses.review,
        });
        batches = seq;
        for (const t of taken) queue.splice(queue.indexOf(t), 1);
        for (const [i, t] of taken.entries())
          await host.signalCase(host.caseWorkflowId(t.caseId), batchAssignedSignal, { batchId, seq, reviewDueAt, rank: i + 1 });
        return { batchId, seq, size: taken.length };
      } finally {
        opening = false;
      }
    },
    {
      validator: ({ reviewDueAt }) => {
        if (opening) throw reject(REJECT.conflict, '另一批次正在开启 / another batch is being opened');
        // With shards the queue is the database's: the handler finds out (and refuses the same way).
        if (!host.arrivalShards && queue.length === 0) throw reject(REJECT.conflict, '没有待审核的申报，无需开启批次 / no application is waiting for a batch');
        if (!(reviewDueAt > Date.now())) throw reject(REJECT.invalid, '审核截止时间必须在将来 / the review deadline must be in the future');
      },
    },
  );
  setHandler(intakeQueueQuery, () => ({ queued: queue.map((q) => q.caseId), batches }));

  return {
    // Dynamic scoring (附件1 第15条) runs for as long as the registers live, beyond this campaign's window.
    async startScoring() {
      const s = def.settings;
      await startChild(RegisterScoringWorkflow, {
        workflowId: registerScoringWorkflowId(def.campaignId),
        args: [
          {
            campaignId: def.campaignId,
            settings: {
              scoringPeriod: s.scoringPeriod,
              scoreWeights: s.scoreWeights,
              complaintRateLimit: s.complaintRateLimit,
              belowAverageMargin: s.belowAverageMargin,
            },
            clauses: intake.clauses,
          },
        ],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    },
  };
}
