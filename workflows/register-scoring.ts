// RegisterScoringWorkflow: dynamic scoring of a Lijiang campaign's registers (附件1 第15条: 以平台的评分
// 规则为准……结合市场监督管理部门的相关数据，对入库产品及企业进行动态评分). Every period (a campaign
// setting, e.g. monthly, changeable while it runs) — or when the office asks — each filed entry with
// figures recorded in the period is scored; the activity proposes removals (第16条) and the entries'
// workflows open the office's confirmation. Long-lived: it continues as new when its history grows.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { IntakeRules } from '../domain/programmes/index.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/roles.js';
import { addDuration, parseDuration } from '../domain/duration.js';
import { REJECT, removalProposedSignal, runScoringUpdate, scoringStateQuery, setScoringPeriodUpdate } from './messages.js';

export interface RegisterScoringInput {
  campaignId: string;
  settings: {
    scoringPeriod: string;
    scoreWeights: { rating: number; complaints: number; findings: number };
    complaintRateLimit: number;
    belowAverageMargin: number;
  };
  clauses: IntakeRules['clauses'];
  /** Carried over continue-as-new. */
  state?: { period: string; runs: number; nextRunAt: number };
}

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const HOUR = 3600_000;
export const validScoringPeriod = (p: string) => {
  const d = parseDuration(p);
  return !!d && (d.years + d.months + d.days > 0 || d.ms >= HOUR);
};

export async function RegisterScoringWorkflow(input: RegisterScoringInput): Promise<void> {
  let period = input.state?.period ?? input.settings.scoringPeriod;
  let runs = input.state?.runs ?? 0;
  let nextRunAt = input.state?.nextRunAt ?? addDuration(Date.now(), parseDuration(period)!);
  let running = false;
  let changed = 0;

  const state = () => ({ campaignId: input.campaignId, period, nextRunAt, runs });
  setHandler(scoringStateQuery, state);

  async function run(actor: Actor) {
    await condition(() => !running);
    running = true;
    try {
      runs += 1;
      const periodKey = `run-${runs}`;
      const r = await acts.scoreRegisters({
        campaignId: input.campaignId,
        runId: `${input.campaignId}:${periodKey}`,
        periodKey,
        settings: input.settings,
        actor,
        clause: input.clauses.scoring,
      });
      for (const p of r.proposals) {
        try {
          await getExternalWorkflowHandle(p.workflowId).signal(removalProposedSignal, {
            runId: r.runId,
            periodKey,
            score: p.score,
            average: p.average,
            reasons: p.reasons,
          });
        } catch (e) {
          if (!/not found/i.test((e as Error).message)) throw e; // removed meanwhile: nothing to propose
        }
      }
      return { runId: r.runId, scored: r.scored, proposed: r.proposals.length };
    } finally {
      running = false;
    }
  }

  setHandler(runScoringUpdate, ({ actor }) => run(actor));
  setHandler(
    setScoringPeriodUpdate,
    async ({ period: p, actor }) => {
      period = p;
      nextRunAt = addDuration(Date.now(), parseDuration(p)!);
      changed += 1;
      await acts.recordScoringPeriod({ campaignId: input.campaignId, period: p, nextRunAt, actor, clause: input.clauses.scoring });
      return state();
    },
    {
      validator: ({ period: p }) => {
        if (!validScoringPeriod(p))
          throw ApplicationFailure.create({
            type: REJECT.invalid,
            message: `评分周期「${p}」无效（ISO 8601，至少 1 小时，如 P1M） / period "${p}" must be an ISO 8601 duration of at least an hour, such as P1M`,
          });
      },
    },
  );

  for (;;) {
    const seen = changed;
    const timedOut = !(await condition(() => changed !== seen || workflowInfo().continueAsNewSuggested, Math.max(1, nextRunAt - Date.now())));
    if (timedOut) {
      await run(SYSTEM_ACTOR);
      // The next period follows this one; a long outage does not fire a burst of catch-up runs.
      nextRunAt = addDuration(nextRunAt, parseDuration(period)!);
      if (nextRunAt <= Date.now()) nextRunAt = addDuration(Date.now(), parseDuration(period)!);
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => allHandlersFinished() && !running);
      return continueAsNew<typeof RegisterScoringWorkflow>({ ...input, state: { period, runs, nextRunAt } });
    }
  }
}
