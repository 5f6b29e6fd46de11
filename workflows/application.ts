// ApplicationWorkflow: one application in an application programme (Zhoushan 绿色直播间, 六、（二）–（四)).
// The county pre-reviews it within the campaign's period (overdue → escalated to the city): pass reports
// it to the city, return asks for more material (the clock from return to resubmission is recorded),
// reject ends it with the reason. The city auditor then scores the 12 criteria; a veto item fails it
// whatever the points. The case then waits for the city's list decision. A pre-review's decision is corrected
// while what it opened (the applicant's answer, or the city audit) is still open: that is withdrawn and the
// corrected decision (or the pre-review reopened and decided again) takes its place (README "Corrections").
import { ApplicationFailure, allHandlersFinished, condition, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { CaseSeed } from '../activities/case.js';
import type { RulesOf, StageDefinition } from '../domain/campaign-definition.js';
import type { ApplicationSettings } from '../domain/programmes/index.js';
import type { AccountRole, Actor } from '../domain/roles.js';
import { addDuration, parseDuration } from '../domain/duration.js';
import type { CityAuditResult, PreReviewResult, ResubmissionResult } from '../domain/task-forms.js';
import { splitDocument } from '../domain/application-form.js';
import {
  REJECT,
  campaignEndedSignal,
  caseProgressQuery,
  completeTaskUpdate,
  correctTaskUpdate,
  listDecisionSignal,
  stageClosedSignal,
  stageExtendedSignal,
  stageOpenedSignal,
  type CaseTaskState,
  type CorrectTaskInput,
} from './messages.js';
import { validateCompletion } from './task-validation.js';
import type { CorrectionRecord } from '../activities/correction.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';
import { resultUnlessWithdrawn, resultWithDeadline, type Deadline } from './overdue.js';
import { checkCorrection, completionKey, refuse, refuseWhileCorrecting } from './correction-gate.js';
import { createTaskAtStep } from './task-step.js';

export interface ApplicationInput {
  campaignId: string;
  /** The city running the campaign: its auditors audit, its coordinators get escalations. */
  jurisdictionId: string;
  stages: StageDefinition[];
  settings: ApplicationSettings;
  rules: RulesOf<'application'>;
  seed: CaseSeed;
  form: unknown;
  enrolledBy: Actor;
  /** Cases started before task reminders existed have none: no reminder. */
  reminderLeadMs?: number;
}

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

export async function ApplicationWorkflow(input: ApplicationInput): Promise<{ caseId: string; outcome: string }> {
  const { seed, settings } = input;
  const app = input.rules.application;
  const cl = app.clauses;
  const caseId = seed.caseId;
  const tasks = new Map<string, CaseTaskState>();
  const results = new Map<string, { result: unknown; actor: Actor }>();
  const stageDue = new Map(input.stages.map((s) => [s.key, s.dueAt]));
  let listed: boolean | undefined;
  let campaignEnded = false;
  let outcome = 'filed';
  let totalPoints: number | undefined;
  /** The application as it stands (case_file.application): the latest submission, as recorded. */
  let form = input.form as object;
  // Corrections of the city audit (DOMAIN.md "Correction"): how often each task was corrected, and how many
  // times the audit was reopened (the main flow then waits for its new result and decides again).
  const corrections = new Map<string, number>();
  let correcting = false;
  /** Completions being recorded right now (a correction meanwhile would judge a half-recorded case). */
  let completing = 0;
  let auditReopened = 0;
  /** What the last pre-review decision opened and is still open: a correction of that decision withdraws it. */
  let followUp: { from: string; taskId: string } | undefined;
  /** The correction that withdrew it, for the main flow to decide again. */
  let withdrawal: { seq: number; reopened: boolean } | undefined;
  const withdrawn = new Set<string>();

  setHandler(stageOpenedSignal, (e) => void stageDue.set(e.stageKey, e.dueAt));
  setHandler(stageExtendedSignal, (e) => void stageDue.set(e.stageKey, e.dueAt));
  // The campaign's closeStage marked the projection; mirror it (the audit task follows its stage).
  setHandler(stageClosedSignal, (e) => {
    for (const t of tasks.values()) if (t.stageKey === e.stageKey && t.status === 'open') t.overdue = true;
  });
  setHandler(campaignEndedSignal, () => void (campaignEnded = true));
  setHandler(listDecisionSignal, (d) => void (listed = d.listed));
  setHandler(caseProgressQuery, () => ({
    caseId,
    status: 'active',
    tasks: [...tasks.values()],
    totalE4: totalPoints === undefined ? undefined : totalPoints * 10_000,
    proposed: outcome === 'audited',
  }));

  const criteria = app.rubric.flatMap((g) => g.criteria);
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, result, claimed }) => {
      const t = tasks.get(taskId)!;
      t.status = 'done';
      completing++; // a correction waits until this decision is recorded (workflows/correction-gate.ts)
      try {
        const clause = t.type === 'city_audit' ? cl.audit : t.type === 'escalation' ? input.rules.clauses.deadline : cl.preReview;
        const completedAt = await acts.recordTaskCompletion({
          taskId,
          actor,
          claimed,
          result: result as object,
          late: t.overdue,
          clause,
          ...completionKey(corrections, taskId),
        });
        results.set(taskId, { result, actor });
        return { taskId, status: 'done', completedAt, late: t.overdue };
      } finally {
        completing--;
      }
    },
    {
      validator: (i) => {
        refuseWhileCorrecting(correcting);
        validateCompletion(tasks, i);
        if (tasks.get(i.taskId)!.type !== 'city_audit') return;
        checkAudit(i.result as CityAuditResult);
      },
    },
  );

  function checkAudit(r: CityAuditResult) {
    const problems: string[] = [];
    for (const c of criteria) {
      const v = r.points[c.key];
      const max = settings.criterionPoints?.[c.key] ?? 0;
      if (v === undefined) problems.push(`「${c.name}」未评分 / ${c.key} has no points`);
      else if (v > max) problems.push(`「${c.name}」最多 ${max} 分 / ${c.key}: at most ${max}`);
    }
    for (const k of Object.keys(r.points)) if (!criteria.some((c) => c.key === k)) problems.push(`未知评审项 / unknown criterion ${k}`);
    for (const v of r.vetoes) if (!app.vetoItems.some((x) => x.key === v)) problems.push(`未知否决项 / unknown veto item ${v}`);
    if (problems.length) throw ApplicationFailure.create({ type: REJECT.invalid, message: problems.join('；') });
  }
  const partsOf = (audit: CityAuditResult) =>
    criteria.map((c) => ({ dimension: c.key, name: c.name, score: audit.points[c.key] ?? 0, weight: settings.criterionPoints?.[c.key] ?? 0 }));
  const totalOf = (audit: CityAuditResult) => criteria.reduce((n, c) => n + (audit.points[c.key] ?? 0), 0);

  // 更正 of the city audit (六、（三）市局审核), while the city's list is not yet confirmed: amended points
  // recompute the total at once; reopened, the auditor audits again and the case is decided anew. Once the
  // cultivation list is published the activity refuses (a list is superseded by a new publication, not edited).
  setHandler(
    correctTaskUpdate,
    async ({ taskId, actor, reason, reopen, result }) => {
      correcting = true; // before any await: a second correction meanwhile is refused by the validator
      try {
        patched('decision-corrections');
        const t = tasks.get(taskId)!;
        const seq = (corrections.get(taskId) ?? 0) + 1;
        if (t.type === 'pre_review') return await correctPreReview(t, seq, { taskId, actor, reason, reopen, result });
        const saved = { status: t.status, overdue: t.overdue, outcome, totalPoints };
        const rec: CorrectionRecord = { taskId, seq, actor, reason, reopen: !!reopen, clause: cl.audit, guard: 'cultivation' };
        if (reopen) {
          Object.assign(t, { status: 'open' });
          rec.score = { totalScore: null, parts: null, proposed: false };
          rec.currentStep = 'city_audit:open';
          outcome = 'reported';
          totalPoints = undefined;
        } else {
          const audit = result as CityAuditResult;
          totalPoints = totalOf(audit);
          rec.result = audit as object;
          rec.score = { totalScore: totalPoints, parts: partsOf(audit), proposed: true };
          rec.currentStep = 'audited';
        }
        const r = await acts.recordCorrection(rec);
        if (r.refusal) {
          Object.assign(t, { status: saved.status, overdue: saved.overdue });
          outcome = saved.outcome;
          totalPoints = saved.totalPoints;
          throw refuse(REJECT.conflict, r.refusal);
        }
        corrections.set(taskId, seq);
        if (reopen) {
          results.delete(taskId);
          auditReopened++;
        } else results.set(taskId, { result, actor: results.get(taskId)!.actor });
        return { taskId, status: t.status, seq, ...(totalPoints !== undefined ? { totalE4: totalPoints * 10_000 } : {}), proposed: outcome === 'audited' };
      } finally {
        correcting = false;
      }
    },
    {
      validator: (i) => {
        const t = tasks.get(i.taskId);
        checkCorrection(i, t, {
          types: ['city_audit', 'pre_review'],
          // A follow-up a correction withdrew (cancelled) is not a decision any more.
          done: t?.status === 'done' && !withdrawn.has(t.id),
          busy: correcting || completing > 0 || !!withdrawal,
        });
        if (t.type === 'pre_review') return checkPreReviewCorrection(i.taskId);
        if (outcome !== 'audited' || listed !== undefined)
          throw refuse(REJECT.conflict, '本申报的审核结论已定，不能再更正 / this application is decided: its audit can no longer be corrected');
        if (i.reopen) return;
        const audit = i.result as CityAuditResult;
        checkAudit(audit);
        // A veto ends the application: that is the auditor's to decide again, on the reopened audit.
        if (audit.vetoes.length)
          throw refuse(REJECT.invalid, '否决项须由审核员重新审核时勾选，请选择「退回重新办理」 / a veto item needs the audit reopened for the auditor');
      },
    },
  );

  /**
   * 更正 of a pre-review (六、（二）属地初审): amended to another decision, or reopened for the county. What the
   * old decision opened (the applicant's answer, or the city audit) is cancelled in the same transaction and
   * the main flow decides again; amended to the same decision (another reason), it is only recorded.
   */
  async function correctPreReview(t: CaseTaskState, seq: number, i: CorrectTaskInput) {
    const was = results.get(t.id)!;
    const now = i.reopen ? undefined : (i.result as PreReviewResult);
    const withdraws = !now || now.decision !== (was.result as PreReviewResult).decision;
    await acts.recordCorrection({
      taskId: t.id,
      seq,
      actor: i.actor,
      reason: i.reason,
      reopen: !!i.reopen,
      clause: cl.preReview,
      ...(i.reopen ? { overdue: t.overdue, currentStep: 'pre_review:open' } : { result: i.result as object }),
      ...(withdraws ? { cancelTaskIds: [followUp!.taskId] } : {}),
    });
    corrections.set(t.id, seq);
    if (withdraws) {
      tasks.get(followUp!.taskId)!.status = 'done'; // cancelled: nothing more to do
      withdrawn.add(followUp!.taskId);
      followUp = undefined;
      withdrawal = { seq, reopened: !!i.reopen };
    }
    if (i.reopen) {
      t.status = 'open';
      results.delete(t.id);
    } else results.set(t.id, { result: i.result, actor: i.actor }); // the decision made again is the corrector's
    return { taskId: t.id, status: t.status, seq };
  }

  /** Validator half: the decision's follow-up is still open (nothing answered or audited on it yet). */
  function checkPreReviewCorrection(taskId: string): void {
    if (followUp?.from === taskId && tasks.get(followUp.taskId)?.status === 'open') return;
    const answered = (type: string) => [...tasks.values()].some((x) => x.type === type && x.status === 'done' && !withdrawn.has(x.id));
    throw refuse(
      REJECT.conflict,
      outcome === 'rejected'
        ? '不予通过的决定已办结，不能再更正；申报人可重新申报 / the rejection is final: it can no longer be corrected; the applicant may apply again'
        : answered('city_audit')
          ? '市局已审核，属地初审结论不能再更正 / the city has audited: the pre-review can no longer be corrected'
          : answered('resubmission')
            ? '申报人已补充材料，本轮初审结论不能再更正 / the applicant has answered: this pre-review can no longer be corrected'
            : '本案件的下一步正在办理，请稍后再试 / the next step of this case is being opened: try again',
    );
  }

  async function open(
    type: string,
    round: number,
    o: { title: string; role: AccountRole; jurisdictionId: string; stageKey: string; dueAt: number; followsStage?: boolean; details?: object; again?: number },
  ) {
    // Opened again after a correction withdrew the first of the same round: an id of its own (`~2`).
    const id = `${caseId}:${type}${round > 1 ? `#${round}` : ''}${o.again ? `~${o.again + 1}` : ''}`;
    tasks.set(id, { id, type, stageKey: o.stageKey, status: 'open', overdue: false, round });
    await createTaskAtStep(
      acts,
      {
        id,
        campaignId: input.campaignId,
        stageKey: o.stageKey,
        caseId,
        type,
        title: `${o.title}${round > 1 ? `（第${round}轮）` : ''}：${seed.operatorName}`,
        assigneeRole: o.role,
        jurisdictionId: o.jurisdictionId,
        dueAt: o.dueAt,
        followsStage: o.followsStage ?? false,
        workflowId: workflowInfo().workflowId,
        details: {
          operatorId: seed.operatorId,
          operatorName: seed.operatorName,
          operatorUscc: seed.operatorUscc,
          round,
          application: form,
          ...(o.details ?? {}),
        },
        ...(type === 'city_audit'
          ? {
              notify: {
                kind: 'assignment',
                title: `「${seed.operatorName}」已上报市局审核 / reported for the city audit`,
                body: `由属地初审通过 / passed the county pre-review`,
              },
            }
          : {}),
      },
      caseId,
      `${type}:open`,
    );
    return id;
  }

  /** The task's result; past its own deadline it is marked overdue and escalated to the city, once. */
  const deadlineOf = (dueAt?: number): Deadline => ({
    dueAt,
    campaignId: input.campaignId,
    caseId,
    coordinatorJurisdictionId: input.jurisdictionId,
    escalationTitle: `${seed.operatorName} 的属地初审`,
    clause: input.rules.clauses.deadline,
    reminderLeadMs: input.reminderLeadMs,
    details: { county: seed.jurisdictionId, operatorName: seed.operatorName },
    notify: { title: `属地初审逾期：${seed.operatorName} / county pre-review overdue`, body: `${seed.jurisdictionId}` },
  });
  const resultOf = <R>(id: string, dueAt?: number) => resultWithDeadline<R>({ tasks, results }, id, deadlineOf(dueAt));
  /** A follow-up's result, or undefined when a correction of the decision that opened it withdrew it. */
  const resultUnlessWithdrawnOf = <R>(id: string) => resultUnlessWithdrawn<R>({ tasks, results }, id, deadlineOf(), () => withdrawal !== undefined);
  /** After a withdrawal: the corrected decision, or the reopened pre-review's new one. */
  async function decidedAgain(id: string, due: number): Promise<{ r: PreReviewResult; actor: Actor; seq: number }> {
    const { seq, reopened } = withdrawal!;
    withdrawal = undefined;
    // Reopened, the pre-review keeps its period: escalated at its due time if that is still ahead.
    const next = reopened
      ? await resultOf<PreReviewResult>(id, due > Date.now() ? due : undefined)
      : (results.get(id) as { result: PreReviewResult; actor: Actor });
    return { r: next.result, actor: next.actor, seq };
  }

  const decide = (d: Omit<Parameters<typeof acts.recordCaseDecision>[0], 'caseId'>) => acts.recordCaseDecision({ caseId, ...d });

  await acts.projectCase({ campaignId: input.campaignId, seed, workflowId: workflowInfo().workflowId, actor: input.enrolledBy, clause: cl.application });
  // Version 1 of the application (a history recorded before versions were kept returns nothing here).
  const filed = await acts.recordApplication({
    key: `case:${caseId}:filed`,
    caseId,
    action: 'application.filed',
    form,
    actor: input.enrolledBy,
    clause: cl.eligibility,
    version: 1,
  });
  if (filed) form = filed as object;

  // 属地初审: rounds until it passes or is rejected. Each pass of the loop acts on one decision: as the county
  // made it, or as a correction left it (its key then numbered, the first kept).
  const period = parseDuration(settings.preReviewPeriod ?? 'P10D')!;
  let round = 1;
  let due = addDuration(Date.now(), period);
  let id = await open('pre_review', round, {
    title: '属地初审',
    role: 'county_officer',
    jurisdictionId: seed.jurisdictionId,
    stageKey: app.applicationStage,
    dueAt: due,
  });
  let { result: r, actor } = await resultOf<PreReviewResult>(id, due);
  let corrected = 0;
  const opened = new Map<string, number>(); // follow-ups opened per round, for the ids of those opened again
  const again = (key: string) => {
    const n = opened.get(key) ?? 0;
    opened.set(key, n + 1);
    return n;
  };
  let audited: { result: CityAuditResult; actor: Actor } | undefined;
  let auditId = '';
  while (!audited) {
    const key = `${id}:decision${corrected ? `:${corrected}` : ''}`;
    if (r.decision === 'pass') {
      await decide({ key, action: 'application.reported', actor, clause: cl.preReview, reason: r.reason, data: { round }, currentStep: 'reported' });
      // 市局审核: the city auditor scores the 12 criteria; a veto item fails the audit whatever the points.
      auditId = await open('city_audit', 1, {
        title: '市局审核',
        role: 'auditor',
        jurisdictionId: input.jurisdictionId,
        stageKey: app.auditStage,
        dueAt: stageDue.get(app.auditStage)!,
        followsStage: true,
        details: { rubric: app.rubric, vetoItems: app.vetoItems, criterionPoints: settings.criterionPoints },
        again: again('city_audit'),
      });
      followUp = { from: id, taskId: auditId };
      audited = await resultUnlessWithdrawnOf<CityAuditResult>(auditId);
      if (!audited) ({ r, actor, seq: corrected } = await decidedAgain(id, due));
      continue;
    }
    if (r.decision === 'reject') {
      await decide({
        key,
        action: 'application.rejected',
        actor,
        clause: cl.preReview,
        reason: r.reason,
        data: { round },
        exclude: { kind: 'rejected', reason: r.reason! },
      });
      outcome = 'rejected';
      return finish();
    }
    // Returned: the applicant supplies what is missing; the time it took is on the record.
    const returnedAt = Date.now();
    await decide({
      key,
      action: 'application.returned',
      actor,
      clause: cl.preReview,
      reason: r.reason,
      data: { round, missing: r.missing ?? [] },
      currentStep: 'returned',
    });
    // 六、（二）"由直播间运营者提出申请": the answer is the live room's own (its portal), or an officer's for it
    // (api/resources/tasks.ts, acting for the operator). Only the assignee role changed: replay-safe.
    const rid = await open('resubmission', round, {
      title: '补充材料',
      role: 'operator',
      jurisdictionId: seed.jurisdictionId,
      stageKey: app.applicationStage,
      dueAt: addDuration(returnedAt, period),
      details: { reason: r.reason, missing: r.missing ?? [], version: round },
      again: again(`resubmission#${round}`),
    });
    followUp = { from: id, taskId: rid };
    const answer = await resultUnlessWithdrawnOf<ResubmissionResult>(rid);
    if (!answer) {
      ({ r, actor, seq: corrected } = await decidedAgain(id, due));
      continue;
    }
    followUp = undefined;
    const { result: supplied, actor: by } = answer;
    // The edited form replaces the application; its attachments are those listed (kept as they were when
    // the answer only explains). The signed statement stays with the application.
    const { form: fields, attachmentIds: before, statement } = splitDocument(form as Record<string, unknown>);
    const next: object = {
      ...(supplied.form ?? fields),
      ...((supplied.attachmentIds ?? before).length ? { attachmentIds: supplied.attachmentIds ?? before } : {}),
      ...(statement ? { statement } : {}),
    };
    const recorded = await acts.recordApplication({
      key: `case:${caseId}:resubmitted:${round}`,
      caseId,
      action: 'application.resubmitted',
      form: next,
      actor: by,
      clause: cl.application,
      reason: supplied.supplied ?? '已修改申报表 / the form was edited',
      data: { round, returnedAt, resubmittedAt: Date.now(), elapsedMs: Date.now() - returnedAt },
      version: round + 1,
    });
    if (recorded) form = recorded as object;
    round++;
    corrected = 0;
    due = addDuration(Date.now(), period);
    id = await open('pre_review', round, {
      title: '属地初审',
      role: 'county_officer',
      jurisdictionId: seed.jurisdictionId,
      stageKey: app.applicationStage,
      dueAt: due,
    });
    ({ result: r, actor } = await resultOf<PreReviewResult>(id, due));
  }
  followUp = undefined;
  const { result: audit, actor: auditor } = audited;
  if (await decideAudit(audit, auditor, `case:${caseId}:audited`)) return finish();

  // The city's list decision (the listed room lives on in its CultivationWorkflow). A corrected audit that
  // was reopened is audited again and decided anew (its own audit key) while the list waits for it.
  for (;;) {
    const reopened = auditReopened;
    await condition(() => listed !== undefined || campaignEnded || auditReopened !== reopened);
    if (auditReopened === reopened) break;
    const again = await resultOf<CityAuditResult>(auditId);
    if (await decideAudit(again.result, again.actor, `case:${caseId}:audited:${auditReopened}`)) return finish();
  }
  if (listed !== undefined) outcome = listed ? 'listed' : 'not_listed';
  return finish();

  /** Records the audit's decision; true when a veto ended the application. */
  async function decideAudit(audit: CityAuditResult, auditor: Actor, key: string): Promise<boolean> {
    totalPoints = totalOf(audit);
    const parts = partsOf(audit);
    if (audit.vetoes.length) {
      const names = audit.vetoes.map((v) => app.vetoItems.find((x) => x.key === v)?.name ?? v).join('、');
      await decide({
        key,
        action: 'case.audit_vetoed',
        actor: auditor,
        clause: cl.audit,
        reason: `否决项：${names}`,
        data: { parts, total: totalPoints, vetoes: audit.vetoes },
        score: { totalScore: totalPoints, parts, proposed: false },
        exclude: { kind: 'vetoed', reason: `否决项：${names}` },
      });
      outcome = 'vetoed';
      return true;
    }
    await decide({
      key,
      action: 'case.audited',
      actor: auditor,
      clause: cl.audit,
      reason: audit.comment,
      data: { parts, total: totalPoints },
      score: { totalScore: totalPoints, parts, proposed: true },
      currentStep: 'audited',
    });
    outcome = 'audited';
    return false;
  }

  async function finish() {
    // An escalation still open is still the coordinator's to acknowledge here.
    await condition(() => [...tasks.values()].every((t) => t.status === 'done') && allHandlersFinished());
    await acts.updateCaseStep({ caseId, currentStep: outcome === 'audited' ? 'completed' : outcome, completed: true });
    return { caseId, outcome };
  }
}
