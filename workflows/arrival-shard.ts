// ArrivalShardWorkflow: takes the cases that join a running campaign (Zhoushan applications 六、（二）,
// Lijiang register applications 附件1 第17条, enrolment during 动员部署 changxing 四、（一）) and passes the
// campaign's stage news on to them, as CaseBatchWorkflow does for the cases of a launch. Each arrival
// would otherwise add about 35 events to the campaign's own history, which never continues as new: a few
// thousand arrivals (Lijiang's window runs two years) would reach Temporal's 51,200-event limit. A shard
// takes at most `capacity` cases; the API sends arrivals to the campaign's current shard and asks the
// campaign for the next one when it is full (api/arrivals.ts), so the campaign's history grows by one
// child per shard, not per arrival.
//
// The shard refuses what it can see (its stage closed by the news it got, the same case twice, no room)
// in Update validators, which leave no event. The database decides the rest in one transaction with the
// stage row locked (activities/arrival.ts): the stage still takes arrivals (closing it takes the same
// lock) and the case is not in the campaign yet (two shards may be asked for the same operator).
// Deterministic orchestration only: every write is an activity.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  workflowInfo,
  type SignalDefinition,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities/index.js';
import type { CaseSeed } from '../activities/case.js';
import type { CampaignRules } from '../domain/campaign-definition.js';
import { kindOfRules, tracksOfRules } from '../domain/programmes/kinds/index.js';
import type { Actor } from '../domain/roles.js';
import { shanghaiDate } from '../domain/time.js';
import {
  REJECT,
  batchAssignedSignal,
  campaignEndedSignal,
  fileApplicationUpdate,
  fileIntakeApplicationUpdate,
  stageClosedSignal,
  stageExtendedSignal,
  stageOpenedSignal,
  type BatchAssignment,
  type EnrolInput,
  type IntakeEntrySeed,
  type StageState,
} from './messages.js';
import { ROUTE, admitCasesUpdate, arrivalShardProgressQuery, intakeBatchOpenedSignal } from './arrival-messages.js';
import { startCaseChild, type CaseChild, type CaseCommon } from './case-child.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

export interface ArrivalShardInput {
  common: CaseCommon;
  /** 1-based: the campaign's n-th shard. */
  seq: number;
  capacity: number;
  /** The campaign's stages when it started the shard; later news comes by signal. */
  stages: StageState[];
  /** Stages the campaign had begun to close by then. */
  closing: string[];
}

export type ArrivalKind = 'enrolment' | 'application' | 'intake';
export function arrivalKindOf(rules: CampaignRules): ArrivalKind {
  const kind = kindOfRules(rules);
  return kind === 'register' ? 'intake' : kind === 'application' ? 'application' : 'enrolment';
}
/** The stage during which a programme takes arrivals. */
export function arrivalStageKey(rules: CampaignRules): string {
  if (rules.kind === 'register') return rules.intake.windowStage;
  if (rules.kind === 'application') return rules.application.applicationStage;
  return rules.enrolmentStage;
}
/** The clauses an arrival cites: the campaign's enrolment entry's, and each case's `case.enrolled` entry's. */
function arrivalClauses(rules: CampaignRules): { clause: string; caseClause: string } {
  if (rules.kind === 'register') return { clause: rules.intake.clauses.window, caseClause: rules.intake.clauses.window };
  if (rules.kind === 'application') return { clause: rules.application.clauses.application, caseClause: rules.application.clauses.application };
  return { clause: rules.clauses.enrolment, caseClause: rules.kind === 'defined' ? rules.defined.clause : rules.clauses.enrolment };
}

/**
 * Whether `stage` takes arrivals of `kind` now. Enrolment runs until its stage closes (changxing
 * 四、（一）); applications and register intake are taken from the stage's start by the calendar, even in
 * the instant before the campaign has marked it open, until it closes.
 */
export function takesArrivals(kind: ArrivalKind, stage: Pick<StageState, 'status' | 'startsAt'>, closing: boolean, now: number): boolean {
  if (closing || stage.status === 'closed') return false;
  return kind === 'enrolment' || stage.status === 'open' || now >= stage.startsAt;
}

/** The refusal of an arrival outside its stage, in the words the campaign has always used. */
export function arrivalClosed(kind: ArrivalKind, s: Pick<StageState, 'key' | 'name' | 'status' | 'startsAt' | 'dueAt'>): ApplicationFailure {
  const conflict = (message: string) => ApplicationFailure.create({ type: REJECT.conflict, message });
  if (kind === 'enrolment') return conflict(`「${s.name}」阶段已结束，不能再纳入经营主体 / enrolment closed with stage ${s.key}`);
  if (kind === 'application') return conflict(`「${s.name}」阶段未开放，不受理申报 / applications are taken while stage ${s.key} is open (it is ${s.status})`);
  const pending = s.status === 'pending';
  return conflict(
    `申报时间为 ${shanghaiDate(s.startsAt)} 至 ${shanghaiDate(s.dueAt)}，${pending ? '尚未开始' : '已经截止'}，现不受理申报 / applications are taken from ${shanghaiDate(s.startsAt)} to ${shanghaiDate(s.dueAt)} (Asia/Shanghai); the window ${pending ? 'has not opened yet' : 'has closed'}`,
  );
}

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

export async function ArrivalShardWorkflow(input: ArrivalShardInput): Promise<{ seq: number; cases: number }> {
  const { common, capacity, seq } = input;
  const rules = common.rules;
  const kind = arrivalKindOf(rules);
  const stageKey = arrivalStageKey(rules);
  const shardId = workflowInfo().workflowId;
  const reject = (type: string, message: string) => ApplicationFailure.create({ type, message });

  // The shard's view of the campaign, updated as soon as news arrives: its validators judge by it.
  const stages = new Map(input.stages.map((s) => [s.key, { ...s }]));
  const closing = new Set(input.closing);
  let ended = false;

  // What the cases have been told. News, each case's first word and review batches go out one at a time,
  // in the order they came: a case started late still hears "opened" before "closed".
  const openAtStart = input.stages.find((s) => s.status === 'open');
  const told: { open?: { stageKey: string; dueAt: number }; ended: boolean } = {
    open: openAtStart && { stageKey: openAtStart.key, dueAt: openAtStart.dueAt },
    ended: false,
  };
  const inbox: (() => Promise<void>)[] = [];
  const cases = new Map<string, CaseChild>(); // told their first word
  const finished = new Set<string>();

  let admitted = 0; // cases taken, room is counted from this (a refusal after acceptance keeps its place: it cost events too)
  let arrivals = 0; // admissions: each one's audit key
  const enrolled = new Set<string>();
  // Register programmes: cases not yet placed in a review batch, and places for cases not started yet.
  const unbatched = new Set<string>();
  const placed = new Map<string, BatchAssignment>();

  setHandler(arrivalShardProgressQuery, () => ({ seq, capacity, admitted, started: cases.size, finished: finished.size }));

  async function tell<Args extends unknown[]>(workflowId: string, signal: SignalDefinition<Args>, ...args: Args): Promise<void> {
    if (finished.has(workflowId)) return;
    try {
      await getExternalWorkflowHandle(workflowId).signal(signal, ...args);
    } catch (e) {
      if (!/not found/i.test((e as Error).message)) throw e;
      finished.add(workflowId); // it finished between our look and the signal
    }
  }
  const tellAll = <Args extends unknown[]>(signal: SignalDefinition<Args>, ...args: Args) =>
    Promise.all([...cases.values()].map((c) => tell(c.workflowId, signal, ...args)));

  // The campaign may repeat news the shard's input already held (it started the shard meanwhile): only a change is passed on.
  setHandler(stageOpenedSignal, (e) => {
    const s = stages.get(e.stageKey);
    if (!s || s.status === 'closed' || (s.status === 'open' && s.dueAt === e.dueAt)) return;
    Object.assign(s, { status: 'open', dueAt: e.dueAt });
    inbox.push(async () => {
      told.open = { ...e };
      await tellAll(stageOpenedSignal, e);
    });
  });
  setHandler(stageExtendedSignal, (e) => {
    const s = stages.get(e.stageKey);
    if (!s || s.dueAt === e.dueAt) return;
    s.dueAt = e.dueAt;
    inbox.push(async () => {
      if (told.open?.stageKey === e.stageKey) told.open.dueAt = e.dueAt;
      await tellAll(stageExtendedSignal, e);
    });
  });
  setHandler(stageClosedSignal, (e) => {
    const s = stages.get(e.stageKey);
    if (!s || s.status === 'closed') return;
    s.status = 'closed';
    closing.delete(e.stageKey);
    inbox.push(async () => {
      if (told.open?.stageKey === e.stageKey) told.open = undefined;
      await tellAll(stageClosedSignal, e);
    });
  });
  setHandler(campaignEndedSignal, () => {
    if (ended) return;
    ended = true;
    inbox.push(async () => {
      told.ended = true;
      await tellAll(campaignEndedSignal);
    });
  });
  // 分批次审核入库: the campaign opened a batch of every queued application; this shard tells its own
  // cases their places (the batch's order is the database's: priority, then first filed).
  setHandler(
    intakeBatchOpenedSignal,
    (b) =>
      void inbox.push(async () => {
        if (unbatched.size === 0) return;
        const ranks = await acts.intakeBatchRanks({ batchId: b.batchId, caseIds: [...unbatched] });
        await Promise.all(
          ranks.map(({ caseId, rank }) => {
            unbatched.delete(caseId);
            const place = { batchId: b.batchId, seq: b.seq, reviewDueAt: b.reviewDueAt, rank };
            const c = cases.get(caseId);
            if (c) return tell(c.workflowId, batchAssignedSignal, place);
            placed.set(caseId, place); // told with its first word
            return undefined;
          }),
        );
      }),
  );

  const stageNow = () => stages.get(stageKey)!;
  function refuseOutsideStage(): void {
    if (ended || !takesArrivals(kind, stageNow(), closing.has(stageKey), Date.now())) throw arrivalClosed(kind, stageNow());
  }
  const full = () => reject(ROUTE.full, `arrival shard ${seq} has taken its ${capacity} cases`);
  const duplicate = (seeds: CaseSeed[]) =>
    kind === 'enrolment'
      ? reject(REJECT.conflict, `已纳入本活动 / already enrolled: ${seeds.map((c) => c.operatorName).join(', ')}`)
      : kind === 'application'
        ? reject(REJECT.conflict, `「${seeds[0]!.operatorName}」已申报 / ${seeds[0]!.operatorName} has already applied`)
        : reject(REJECT.conflict, `「${seeds[0]!.operatorName}」已申报该项 / this application has already been filed`);

  /** Records the arrival in the database, starts its cases and queues their first word. */
  async function admit(seeds: CaseSeed[], actor: Actor, extra: { form?: unknown; entry?: IntakeEntrySeed }) {
    // Before any await: a concurrent second arrival of the same case is refused, and the room is taken.
    for (const s of seeds) enrolled.add(s.caseId);
    admitted += seeds.length;
    const n = ++arrivals;
    // Placed in a batch opened from now on, if the database has its entry by then.
    if (kind === 'intake') for (const s of seeds) unbatched.add(s.caseId);
    const r = await acts.admitArrivals({
      campaignId: common.campaignId,
      key: `${shardId}:${n}`,
      stageKey,
      kind,
      seeds,
      actor,
      ...arrivalClauses(rules),
      ...(extra.entry && rules.kind === 'register' ? { entry: extra.entry, entryClause: rules.intake.clauses[extra.entry.register] } : {}),
    });
    if (r.refused) {
      for (const s of seeds) {
        enrolled.delete(s.caseId);
        unbatched.delete(s.caseId);
      }
      if (r.refused.duplicates) {
        const dup = seeds.filter((s) => r.refused!.duplicates!.includes(s.caseId));
        throw duplicate(dup.length ? dup : seeds);
      }
      throw arrivalClosed(kind, { ...stageNow(), status: r.refused.stageStatus as StageState['status'] });
    }
    const started = await Promise.all(
      seeds.map((seed) =>
        // The cases of an enrolment were projected with it; an application's workflow records its form.
        startCaseChild(common, seed, actor, extra.entry ? { entry: extra.entry } : extra.form, {
          projected: kind === 'enrolment',
          rejectDuplicate: true,
        }).catch((e: unknown) => {
          if (e instanceof WorkflowExecutionAlreadyStartedError) throw duplicate([seed]);
          throw e;
        }),
      ),
    );
    for (const [i, child] of started.entries()) {
      const caseId = seeds[i]!.caseId;
      child.result().then(
        () => finished.add(child.workflowId),
        () => finished.add(child.workflowId),
      );
      inbox.push(async () => {
        cases.set(caseId, child);
        // A case taken while a stage is open still gets that stage's work.
        if (told.open) await tell(child.workflowId, stageOpenedSignal, told.open);
        if (told.ended) await tell(child.workflowId, campaignEndedSignal);
        const place = placed.get(caseId);
        if (place) {
          placed.delete(caseId);
          await tell(child.workflowId, batchAssignedSignal, place);
        }
      });
    }
    return r;
  }

  setHandler(
    fileApplicationUpdate,
    async ({ seed, form, actor }) => {
      await admit([seed], actor, { form });
      return { caseId: seed.caseId };
    },
    {
      validator: ({ seed }) => {
        if (kind !== 'application') throw reject(REJECT.invalid, '本项目不受理申报 / this programme takes no applications');
        refuseOutsideStage();
        if (enrolled.has(seed.caseId)) throw duplicate([seed]);
        if (admitted >= capacity) throw full();
      },
    },
  );

  setHandler(
    fileIntakeApplicationUpdate,
    async ({ seed, entry, actor }) => {
      const r = await admit([seed], actor, { entry });
      return { caseId: seed.caseId, queued: r.queued ?? 0 };
    },
    {
      validator: ({ seed }) => {
        if (kind !== 'intake') throw reject(REJECT.invalid, '本项目不受理入库申报 / this programme keeps no registers');
        refuseOutsideStage();
        if (enrolled.has(seed.caseId)) throw duplicate([seed]);
        if (admitted >= capacity) throw full();
      },
    },
  );

  setHandler(
    admitCasesUpdate,
    async ({ cases: seeds, actor }) => {
      const taken = seeds.slice(0, capacity - admitted); // the rest goes to the next shard
      const r = await admit(taken, actor, {});
      return { taken: taken.length, caseCount: r.caseCount };
    },
    {
      validator: ({ cases: seeds }: EnrolInput) => {
        if (kind !== 'enrolment') throw reject(REJECT.invalid, '本项目须逐一申报 / this programme enrols by application');
        refuseOutsideStage();
        if (seeds.length === 0) throw reject(REJECT.invalid, '没有要纳入的经营主体 / nothing to enrol');
        const dup = seeds.filter((c, i) => enrolled.has(c.caseId) || seeds.findIndex((x) => x.caseId === c.caseId) !== i);
        if (dup.length) throw duplicate(dup);
        // A programme without tracks (a defined one) enrols cases without one.
        const tracks = tracksOfRules(rules);
        const noTrack = tracks.length === 0 ? [] : seeds.filter((c) => !tracks.some((t) => t.key === c.track));
        if (noTrack.length)
          throw reject(
            REJECT.invalid,
            `须选择赛道 / a track (${tracks.map((t) => t.key).join(' | ')}) is required: ${noTrack.map((c) => c.operatorName).join(', ')}`,
          );
        if (admitted >= capacity) throw full();
      },
    },
  );

  // Words are passed on until the campaign's calendar is over and each case of the shard has finished
  // (a register application filed in time is still placed in a batch after the window); the shard then
  // returns, as a launch batch does (the campaign completes when its cases have).
  const allFinished = () => [...cases.values()].every((c) => finished.has(c.workflowId));
  for (;;) {
    await condition(() => inbox.length > 0 || (told.ended && allHandlersFinished() && allFinished()));
    const next = inbox.shift();
    if (!next) break;
    await next();
  }
  await Promise.all([...cases.values()].map((c) => c.result()));
  return { seq, cases: cases.size };
}
