// TitleWorkflow: a granted "长兴放心电商" title, alive until it expires (a durable timer a year long) or is
// revoked (changxing 三、评定管理: 有效期为一年；取消称号情形 1–6). Complaints and negative public opinion open
// an interview with a rectification deadline, then verification (四、工作要求（二）).
import { ApplicationFailure, condition, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { StagedAwardRules } from '../domain/programmes/kinds/index.js';
import type { StagedAwardSettings } from '../domain/programmes/index.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/roles.js';
import { shanghaiDateTime } from '../domain/time.js';
import type { InterviewResult, VerificationResult } from '../domain/task-forms.js';
import {
  REJECT,
  completeTaskUpdate,
  reportComplaintUpdate,
  revokeTitleUpdate,
  titleProgressQuery,
  type CaseTaskState,
  type TitleProgress,
} from './messages.js';
import { checkRectifyBy, checkVerification, verificationOutcome } from './rectification.js';
import { validateCompletion } from './task-validation.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

export interface TitleInput {
  titleId: string;
  caseId: string;
  campaignId: string;
  operatorName: string;
  jurisdictionId: string;
  grantedAt: number;
  expiresAt: number;
  rules: Pick<StagedAwardRules, 'revocationGrounds' | 'clauses'>;
  settings: Pick<StagedAwardSettings, 'maxRectificationRounds' | 'verificationDays'>;
  /**
   * How long before an interview's or verification's due time its holder is reminded (the campaign's
   * reminder lead). Absent in titles granted before reminders: they run on without them.
   */
  reminderLeadMs?: number;
}

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

const DAY = 86_400_000;
/** A week after the coordinators were told, a task still open goes to the leaders above (as workflows/overdue.ts). */
const ESCALATION_DAYS_MS = 7 * DAY;

export async function TitleWorkflow(input: TitleInput): Promise<TitleProgress> {
  const { rules, settings } = input;
  const clause = rules.clauses;
  const tasks = new Map<string, CaseTaskState & { complaint: number; dueAt: number }>();
  // Version 2: an interview or verification past its due date is marked overdue and its
  // officers told. Titles granted before this version run on without it (Temporal's patching API).
  const markOverdue = patched('title-task-overdue');
  // Version 3: a reminder before each task's due date, and the escalation chain once it is overdue (the
  // coordinators at once, the leaders above a week later; workflows/overdue.ts does the same for case tasks).
  const chain = input.reminderLeadMs !== undefined && patched('title-task-reminder-and-escalation');
  const reminded = new Set<string>();
  const toLeaders = new Set<string>();
  const wakeups: { at: number; complaint: number; round: number; order: object }[] = [];
  let status: TitleProgress['status'] = 'active';
  let revocation: { ground: string; evidence: string; attachmentIds?: string[]; actor: Actor } | undefined;
  let complaints = 0;
  /** Complaints and completions being recorded right now (a revocation waits for them, not they for it). */
  let busy = 0;
  const tracked =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      busy++;
      try {
        return await fn(...a);
      } finally {
        busy--;
      }
    };
  const progress = (): TitleProgress => ({ titleId: input.titleId, status, expiresAt: input.expiresAt, tasks: [...tasks.values()] });
  setHandler(titleProgressQuery, progress);

  async function openTask(type: 'interview' | 'verification', complaint: number, round: number, dueAt: number, details: object) {
    const id = `${input.titleId}:complaint${complaint}:${type}${round > 1 ? `#${round}` : ''}`;
    if (tasks.has(id)) return id;
    tasks.set(id, { id, type, stageKey: 'after_award', status: 'open', overdue: false, round, complaint, dueAt });
    await acts.createTask({
      id,
      campaignId: input.campaignId,
      stageKey: 'after_award',
      caseId: input.caseId,
      type,
      title: `${type === 'interview' ? '行政约谈' : '整改复查'}${round > 1 ? `（第${round}轮）` : ''}：${input.operatorName}`,
      assigneeRole: 'county_officer',
      jurisdictionId: input.jurisdictionId,
      dueAt,
      workflowId: workflowInfo().workflowId,
      details: { titleId: input.titleId, operatorName: input.operatorName, round, ...details },
      notify: {
        kind: 'assignment',
        title: `称号主体「${input.operatorName}」需${type === 'interview' ? '约谈' : '复查'} / ${type} needed`,
        body: `截止 / due ${shanghaiDateTime(dueAt)}`,
      },
    });
    return id;
  }

  setHandler(
    revokeTitleUpdate,
    async (r) => {
      revocation = r;
      await condition(() => status !== 'active');
      return progress();
    },
    {
      validator: ({ ground, evidence }) => {
        if (status !== 'active' || revocation)
          throw ApplicationFailure.create({
            type: REJECT.conflict,
            message: `称号已${status === 'expired' ? '到期' : '撤销'} / the title is already ${revocation ? 'revoked' : status}`,
          });
        if (!rules.revocationGrounds.some((g) => g.key === ground))
          throw ApplicationFailure.create({
            type: REJECT.invalid,
            message: `撤销须依据方案所列六种情形之一 / ground must be one of ${rules.revocationGrounds.map((g) => g.key).join(', ')}`,
          });
        if (!evidence.trim()) throw ApplicationFailure.create({ type: REJECT.invalid, message: '须提供证据说明 / evidence is required' });
      },
    },
  );

  setHandler(
    reportComplaintUpdate,
    tracked(async ({ kind, description, actor }) => {
      const n = ++complaints;
      await acts.recordTitleEvent({
        key: `title:${input.titleId}:complaint:${n}`,
        titleId: input.titleId,
        action: `title.${kind}`,
        actor,
        clause: clause.complaint,
        reason: description,
        data: { complaint: n },
      });
      const taskId = await openTask('interview', n, 1, Date.now() + settings.verificationDays * DAY, { kind, description });
      return { taskId };
    }),
    {
      validator: ({ description }) => {
        if (status !== 'active' || revocation) throw ApplicationFailure.create({ type: REJECT.conflict, message: `称号已不在有效期 / the title is ${status}` });
        if (!description.trim()) throw ApplicationFailure.create({ type: REJECT.invalid, message: '须填写投诉或舆情内容 / a description is required' });
      },
    },
  );

  setHandler(
    completeTaskUpdate,
    tracked(async ({ taskId, actor, result, claimed }) => {
      const t = tasks.get(taskId)!;
      t.status = 'done';
      const completedAt = await acts.recordTaskCompletion({ taskId, actor, claimed, result: result as object, late: t.overdue, clause: clause.complaint });
      const round = t.round ?? 1;
      if (t.type === 'interview') {
        const r = result as InterviewResult;
        const at = checkRectifyBy(r.rectifyBy, 0);
        wakeups.push({ at, complaint: t.complaint, round: 1, order: { measure: r.measure, rectifyBy: at, note: r.note } });
      } else {
        const r = result as VerificationResult;
        const outcome = verificationOutcome(r, round, settings.maxRectificationRounds);
        await acts.recordTitleEvent({
          key: `task:${t.id}:outcome`,
          titleId: input.titleId,
          action: `title.rectification_${outcome.kind}`,
          actor,
          clause: clause.complaint,
          reason: r.note,
          data: { round },
        });
        if (outcome.kind === 'again')
          wakeups.push({ at: outcome.rectifyBy, complaint: t.complaint, round: round + 1, order: { rectifyBy: outcome.rectifyBy, previousNote: r.note } });
      }
      return { taskId, status: 'done' as const, completedAt, late: t.overdue };
    }),
    {
      validator: (i) => {
        validateCompletion(tasks, i);
        const t = tasks.get(i.taskId)!;
        if (status !== 'active' || revocation)
          throw ApplicationFailure.create({ type: REJECT.conflict, message: `称号已${status === 'expired' ? '到期' : '撤销'} / the title has ended` });
        if (t.type === 'interview')
          checkRectifyBy((i.result as InterviewResult).rectifyBy, Date.now(), { at: input.expiresAt, what: '称号到期 / the title expires' });
        else
          checkVerification(i.result as VerificationResult, t.round ?? 1, settings.maxRectificationRounds, Date.now(), {
            at: input.expiresAt,
            what: '称号到期 / the title expires',
          });
      },
    },
  );

  // Until expiry or revocation; rectification deadlines open verifications on the way.
  let ended: 'revoked' | 'expired';
  for (;;) {
    const seen = wakeups.length;
    const late = () => [...tasks.values()].filter((t) => markOverdue && t.status === 'open' && !t.overdue);
    const toRemind = () => [...tasks.values()].filter((t) => chain && t.status === 'open' && !t.overdue && !reminded.has(t.id));
    const stillOpen = () => [...tasks.values()].filter((t) => chain && t.status === 'open' && t.overdue && !toLeaders.has(t.id));
    const next = Math.min(
      input.expiresAt,
      ...wakeups.map((w) => w.at),
      ...late().map((t) => t.dueAt),
      ...toRemind().map((t) => t.dueAt - input.reminderLeadMs!),
      ...stillOpen().map((t) => t.dueAt + ESCALATION_DAYS_MS),
    );
    const tasksSeen = tasks.size;
    // (Version 1 did not wake for a new task: only patched runs do, so old histories replay unchanged.)
    await condition(() => revocation !== undefined || wakeups.length !== seen || (markOverdue && tasks.size !== tasksSeen), Math.max(1, next - Date.now()));
    if (revocation) {
      await acts.endTitle({
        titleId: input.titleId,
        status: 'revoked',
        ground: revocation.ground,
        evidence: revocation.evidence,
        // Absent in revocations of before (their histories replay with the same activity input).
        ...(revocation.attachmentIds?.length ? { attachmentIds: revocation.attachmentIds } : {}),
        actor: revocation.actor,
        clause: clause.revocation,
      });
      ended = 'revoked';
      break;
    }
    if (Date.now() >= input.expiresAt) {
      await acts.endTitle({ titleId: input.titleId, status: 'expired', actor: SYSTEM_ACTOR, clause: clause.award });
      ended = 'expired';
      break;
    }
    for (const w of wakeups.filter((x) => Date.now() >= x.at)) {
      wakeups.splice(wakeups.indexOf(w), 1);
      await openTask('verification', w.complaint, w.round, w.at + settings.verificationDays * DAY, { order: w.order });
    }
    for (const t of toRemind().filter((x) => Date.now() >= x.dueAt - input.reminderLeadMs! && Date.now() < x.dueAt)) {
      reminded.add(t.id);
      if (input.reminderLeadMs! > 0) await acts.sendTaskReminder({ taskId: t.id, dueAt: t.dueAt });
    }
    for (const t of late().filter((x) => Date.now() >= x.dueAt)) {
      t.overdue = true; // completed from now on, it is recorded as late
      await acts.markTaskOverdue({ taskId: t.id, clause: clause.complaint });
      if (chain) await acts.escalateToCoordinators({ taskId: t.id, clause: clause.complaint });
    }
    for (const t of stillOpen().filter((x) => Date.now() >= x.dueAt + ESCALATION_DAYS_MS)) {
      toLeaders.add(t.id);
      await acts.escalateToLeaders({ taskId: t.id, clause: clause.complaint });
    }
  }
  // A complaint or completion still in flight finishes first; then nothing of the title is left open.
  await condition(() => busy === 0);
  await acts.cancelOpenTasks({ workflowId: workflowInfo().workflowId, reason: `称号已${ended === 'revoked' ? '撤销' : '到期'} / title ${ended}` });
  for (const t of tasks.values()) if (t.status === 'open') t.status = 'done';
  status = ended; // only now: a revocation Update returns once the title's open work is cancelled
  return progress();
}
