// CultivationWorkflow: a live room on the city cultivation list (市级培育库, zhoushan 六、（四）), alive
// until it is removed (七、（三）: 情节严重的移出培育库). The city nominates it to the provincial list and
// records the province's answer whenever it comes (no deadline the city controls); monitoring findings
// are recorded; a serious one, or the city's decision, removes it — withdrawing a pending nomination.
// Where the campaign sets a period, the county evaluates the room every period (七、（三）日常监测和评估);
// one that fails is proposed for removal and the city decides (README "Periodic evaluation of listed rooms").
import { ApplicationFailure, allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { ApplicationRules } from '../domain/programmes/index.js';
import type { Actor } from '../domain/roles.js';
import { addDuration } from '../domain/duration.js';
import type { ListingEvaluationResult, ListingRemovalReviewResult } from '../domain/task-forms.js';
import {
  REJECT,
  listingProgressQuery,
  nominateUpdate,
  provinceAnswerUpdate,
  recordFindingUpdate,
  removeListingUpdate,
  completeTaskUpdate,
  type CaseTaskState,
  type ListingProgress,
} from './messages.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';
import { validateCompletion } from './task-validation.js';
import { resultUnlessWithdrawn, type TaskBook } from './overdue.js';

export interface CultivationInput {
  listingId: string;
  clauses: ApplicationRules['clauses'];
  /** Carried over continue-as-new. */
  state?: Pick<ListingProgress, 'nomination' | 'findings'>;
  /** The periodic evaluation (七、（三）), where the campaign sets a period: who evaluates, and where the tasks go. */
  evaluation?: {
    periodMonths: number;
    campaignId: string;
    /** The room's county: its officers evaluate, its coordinators are told of an overdue one. */
    jurisdictionId: string;
    /** The city, whose coordinators decide a proposed removal. */
    cityJurisdictionId: string;
    name: string;
    /** The campaign stage the tasks are filed under (its last). */
    stageKey: string;
    /** Days the county has for an evaluation, and the city for a removal review. */
    days: number;
    /** How long before either is due its holders are reminded (the campaign's reminder lead). */
    reminderLeadMs?: number;
    /** Carried over continue-as-new: evaluations so far, and when the next is due. */
    done?: number;
    nextAt?: number;
  };
}

const DAY = 86_400_000;

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

export async function CultivationWorkflow(input: CultivationInput): Promise<ListingProgress> {
  const cl = input.clauses;
  const id = input.listingId;
  const p: ListingProgress = { listingId: id, status: 'listed', nomination: input.state?.nomination ?? 'none', findings: input.state?.findings ?? 0 };
  let removal: { reason: string; actor: Actor } | undefined;
  let busy = 0;
  const reject = (type: string, message: string) => ApplicationFailure.create({ type, message });
  const listedOnly = () => {
    if (p.status !== 'listed' || removal) throw reject(REJECT.conflict, '已移出培育库 / the room has been removed from the list');
  };
  const event = async (
    key: string,
    action: string,
    actor: Actor,
    clause: string,
    extra: Omit<Parameters<typeof acts.recordListingEvent>[0], 'key' | 'listingId' | 'action' | 'actor' | 'clause'>,
  ) => {
    busy++;
    try {
      await acts.recordListingEvent({ key, listingId: id, action, actor, clause, ...extra });
    } finally {
      busy--;
    }
  };
  setHandler(listingProgressQuery, () => p);

  // The periodic evaluation's tasks (listing_evaluation, listing_removal_review), completed as Updates.
  const book: TaskBook = { tasks: new Map<string, CaseTaskState>(), results: new Map() };
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, result, claimed }) => {
      const t = book.tasks.get(taskId)!;
      t.status = 'done';
      busy++;
      try {
        const completedAt = await acts.recordTaskCompletion({ taskId, actor, claimed, result: result as object, late: t.overdue, clause: cl.monitoring });
        book.results.set(taskId, { result, actor });
        return { taskId, status: 'done', completedAt, late: t.overdue };
      } finally {
        busy--;
      }
    },
    { validator: (i) => validateCompletion(book.tasks, i) },
  );

  setHandler(
    nominateUpdate,
    async ({ actor }) => {
      p.nomination = 'pending';
      await event(`listing:${id}:nominated`, 'listing.nominated', actor, cl.nomination, { patch: { nomination: 'pending', nominatedAt: Date.now() } });
      return p;
    },
    {
      validator: (_i: { actor: Actor }) => {
        listedOnly();
        if (p.nomination !== 'none') throw reject(REJECT.conflict, `已推荐（${p.nomination}） / already nominated (${p.nomination})`);
      },
    },
  );

  setHandler(
    provinceAnswerUpdate,
    async ({ accepted, note, actor }) => {
      p.nomination = accepted ? 'accepted' : 'declined';
      await event(`listing:${id}:province`, accepted ? 'listing.province_accepted' : 'listing.province_declined', actor, cl.nomination, {
        reason: note,
        patch: { nomination: p.nomination, provinceAnsweredAt: Date.now(), provinceNote: note },
      });
      return p;
    },
    {
      validator: ({ note }) => {
        if (p.nomination !== 'pending')
          throw reject(REJECT.conflict, `没有待省局答复的推荐（${p.nomination}） / no nomination awaiting the province (${p.nomination})`);
        if (!note.trim()) throw reject(REJECT.invalid, '须记录省局答复内容 / record what the province said');
      },
    },
  );

  setHandler(
    recordFindingUpdate,
    async ({ description, serious, actor }) => {
      const n = ++p.findings;
      if (serious) removal = { reason: `严重违法：${description}`, actor };
      await event(`listing:${id}:finding:${n}`, serious ? 'listing.serious_finding' : 'listing.finding', actor, cl.monitoring, {
        reason: description,
        data: { serious, n },
        patch: { finding: true },
      });
      return p;
    },
    {
      validator: ({ description }) => {
        listedOnly();
        if (!description.trim()) throw reject(REJECT.invalid, '须填写监测发现 / describe the finding');
      },
    },
  );

  setHandler(
    removeListingUpdate,
    async ({ reason, actor }) => {
      removal = { reason, actor };
      await condition(() => p.status === 'removed');
      return p;
    },
    {
      validator: ({ reason }) => {
        listedOnly();
        if (!reason.trim()) throw reject(REJECT.invalid, '须说明移出理由 / a reason is required');
      },
    },
  );

  const ev = input.evaluation && patched('listing-periodic-evaluation') ? input.evaluation : undefined;
  let evaluating = false;
  let nextAt = ev ? (ev.nextAt ?? addDuration(Date.now(), { years: 0, months: ev.periodMonths, days: 0, ms: 0 })) : undefined;
  let evaluations = ev?.done ?? 0;
  const stop = () => removal !== undefined || workflowInfo().continueAsNewSuggested;
  if (ev) void evaluationLoop(ev);

  await condition(stop);
  if (!removal) {
    // A room stays listed for years: start afresh with its state before the history grows large. An
    // evaluation under way is finished first, and a removal decided meanwhile (by it, a serious finding or
    // the city) is carried out here rather than lost; runs without evaluations wait as they always did.
    await condition(ev ? () => removal !== undefined || (busy === 0 && !evaluating && allHandlersFinished()) : () => busy === 0);
    if (!ev || !removal)
      await continueAsNew<typeof CultivationWorkflow>({
        ...input,
        state: { nomination: p.nomination, findings: p.findings },
        ...(ev ? { evaluation: { ...ev, done: evaluations, nextAt } } : {}),
      });
  }
  await condition(() => busy === 0);
  const withdrawn = p.nomination === 'pending';
  if (withdrawn) p.nomination = 'withdrawn';
  await acts.recordListingEvent({
    key: `listing:${id}:removed`,
    listingId: id,
    action: 'listing.removed',
    actor: removal!.actor,
    clause: cl.removal,
    reason: removal!.reason,
    data: { nominationWithdrawn: withdrawn },
    patch: { removed: true, ...(withdrawn ? { nomination: 'withdrawn' } : {}) },
  });
  // An evaluation or review still open when the room leaves the list is no longer wanted.
  if (ev && [...book.tasks.values()].some((t) => t.status === 'open'))
    await acts.cancelOpenTasks({ workflowId: workflowInfo().workflowId, reason: `已移出培育库：${removal!.reason}` });
  p.status = 'removed';
  return p;

  /**
   * Every period, the county evaluates the room; a failing evaluation proposes its removal, which the city
   * confirms (removed, as by a serious finding) or not (kept, with its reason). Stops once removal begins.
   */
  async function evaluationLoop(e: NonNullable<CultivationInput['evaluation']>): Promise<void> {
    for (;;) {
      if (await condition(stop, Math.max(1, nextAt! - Date.now()))) return;
      evaluating = true;
      try {
        const n = ++evaluations;
        nextAt = addDuration(nextAt!, { years: 0, months: e.periodMonths, days: 0, ms: 0 });
        const evaluation = await taskResult<ListingEvaluationResult>(
          e,
          `${id}:evaluation#${n}`,
          'listing_evaluation',
          `定期评估（第${n}次）：${e.name}`,
          e.jurisdictionId,
          'county_officer',
          { round: n },
        );
        if (!evaluation || evaluation.result.passed) continue;
        await event(`listing:${id}:evaluation:${n}:failed`, 'listing.evaluation_failed', evaluation.actor, cl.monitoring, {
          reason: evaluation.result.note,
          data: { n },
        });
        const review = await taskResult<ListingRemovalReviewResult>(
          e,
          `${id}:removal_review#${n}`,
          'listing_removal_review',
          `移出培育库确认：${e.name}`,
          e.cityJurisdictionId,
          'coordinator',
          {
            round: n,
            evaluationNote: evaluation.result.note,
            evaluatedBy: evaluation.actor.displayName,
          },
        );
        if (!review) return;
        if (review.result.decision === 'remove') {
          removal ??= { reason: `定期评估不合格：${review.result.reason}`, actor: review.actor };
          return;
        }
        await event(`listing:${id}:evaluation:${n}:kept`, 'listing.kept', review.actor, cl.removal, { reason: review.result.reason, data: { n } });
      } finally {
        evaluating = false;
      }
    }
  }

  /** Opens one of the evaluation's tasks and waits for it (escalated when overdue), or undefined once removal begins. */
  async function taskResult<R>(
    e: NonNullable<CultivationInput['evaluation']>,
    taskId: string,
    type: string,
    title: string,
    jurisdictionId: string,
    assigneeRole: 'county_officer' | 'coordinator',
    details: object,
  ): Promise<{ result: R; actor: Actor } | undefined> {
    const dueAt = Date.now() + e.days * DAY;
    book.tasks.set(taskId, { id: taskId, type, stageKey: e.stageKey, status: 'open', overdue: false });
    await acts.createTask({
      id: taskId,
      campaignId: e.campaignId,
      stageKey: e.stageKey,
      caseId: id,
      type,
      title,
      assigneeRole,
      jurisdictionId,
      dueAt,
      workflowId: workflowInfo().workflowId,
      details: { listingId: id, name: e.name, clause: cl.monitoring, ...details },
      notify: { kind: 'assignment', title, body: cl.monitoring },
    });
    return resultUnlessWithdrawn<R>(
      book,
      taskId,
      {
        dueAt,
        campaignId: e.campaignId,
        caseId: id,
        // The coordinators over the task: the county's for its evaluation, the city's for the removal review.
        coordinatorJurisdictionId: jurisdictionId,
        escalationTitle: title,
        clause: cl.monitoring,
        reminderLeadMs: e.reminderLeadMs,
      },
      () => removal !== undefined,
    );
  }
}
