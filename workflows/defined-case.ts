// DefinedCaseWorkflow: one operator inside a campaign of a programme defined as data (DOMAIN.md
// Programme D: "run another staged campaign (stages, deadlines, rubric, roster) from a definition
// without new workflow code"). Everything it does comes from the campaign's rules (CampaignRules.defined,
// the definition version the campaign was launched with): when a stage opens it opens one task per task
// type of the stage (`form:<key>`, for the type's role, due with the stage), checks each completion against
// the type's field list, and in the rubric stage opens the `rubric` task: points per item (each at most the
// item's points), the total computed from them, a veto item excludes the case. The case then waits for the
// coordinator's roster decision (listDecisionSignal), or the end of the campaign.
import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { Actor, Role } from '../domain/roles.js';
import { RUBRIC_TASK, type DefinedRules } from '../domain/programmes/defined.js';
import { formSchema, rubricSchema, type RubricResult } from '../domain/task-forms.js';
import type { CaseInput } from './case.js';
import { caseTaskId } from './case.js';
import {
  REJECT,
  campaignEndedSignal,
  caseProgressQuery,
  completeTaskUpdate,
  listDecisionSignal,
  stageClosedSignal,
  stageExtendedSignal,
  stageOpenedSignal,
  type CaseTaskState,
} from './messages.js';
import { validateCompletion } from './task-validation.js';
import { ACTIVITY_OPTIONS } from './activity-options.js';

const acts = proxyActivities<Activities>(ACTIVITY_OPTIONS);

export async function DefinedCaseWorkflow(input: CaseInput<'defined'>): Promise<{ caseId: string; outcome: string }> {
  const { seed } = input;
  const d: DefinedRules = input.rules.defined;
  const caseId = seed.caseId;
  const tasks = new Map<string, CaseTaskState>();
  const opened: { stageKey: string; dueAt: number }[] = [];
  const openedStages = new Set<string>();
  let listed: boolean | undefined;
  let campaignEnded = false;
  let outcome = 'enrolled';
  let totalPoints: number | undefined;
  let vetoed = false;

  setHandler(stageOpenedSignal, (e) => void opened.push(e));
  setHandler(stageExtendedSignal, () => {}); // tasks follow their stage: the projection moves their deadline
  // The campaign's closeStage marked the projection overdue; mirror it here, in the order we heard it.
  setHandler(stageClosedSignal, (e) => {
    for (const t of tasks.values()) if (t.stageKey === e.stageKey && t.status === 'open') t.overdue = true;
  });
  setHandler(campaignEndedSignal, () => void (campaignEnded = true));
  setHandler(listDecisionSignal, (x) => void (listed = x.listed));
  setHandler(caseProgressQuery, () => ({
    caseId,
    status: 'active',
    tasks: [...tasks.values()],
    totalE4: totalPoints === undefined ? undefined : totalPoints * 10_000,
    proposed: outcome === 'scored',
    ...(vetoed ? { excluded: { kind: 'vetoed', reason: outcome } } : {}),
  }));

  const formOf = (type: string) => d.taskTypes.find((t) => `form:${t.key}` === type)?.form;
  const schemaOf = (t: CaseTaskState) => {
    if (t.type === RUBRIC_TASK) return rubricSchema(d.rubric.items, d.rubric.vetoItems);
    const form = formOf(t.type);
    return form ? formSchema(form) : undefined;
  };

  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, result, claimed }) => {
      const t = tasks.get(taskId)!;
      t.status = 'done'; // before any await: a second concurrent Update is refused
      const completedAt = await acts.recordTaskCompletion({ taskId, actor, claimed, result: result as object, late: t.overdue, clause: d.clause });
      if (t.type === RUBRIC_TASK) await scored(result as RubricResult, actor);
      return { taskId, status: 'done', completedAt, late: t.overdue };
    },
    {
      validator: (i) => {
        validateCompletion(tasks, i, schemaOf);
        if (listed !== undefined) throw ApplicationFailure.create({ type: REJECT.conflict, message: '名单已确认，不再办理 / the roster is already confirmed' });
      },
    },
  );

  /** The rubric's total is the sum of the items' points (never typed in); any veto item excludes the case. */
  async function scored(r: RubricResult, actor: Actor) {
    totalPoints = d.rubric.items.reduce((n, x) => n + (r.points[x.key] ?? 0), 0);
    const parts = d.rubric.items.map((x) => ({ dimension: x.key, name: x.name, score: r.points[x.key] ?? 0, weight: x.points }));
    if (r.vetoes.length) {
      vetoed = true;
      const names = r.vetoes.map((v) => d.rubric.vetoItems.find((x) => x.key === v)?.name ?? v).join('、');
      outcome = 'vetoed';
      await acts.recordCaseDecision({
        key: `case:${caseId}:rubric`,
        caseId,
        action: 'case.audit_vetoed',
        actor,
        clause: d.clause,
        reason: `否决项：${names}`,
        data: { parts, total: totalPoints, vetoes: r.vetoes, programmeVersion: d.version },
        score: { totalScore: totalPoints, parts, proposed: false },
        exclude: { kind: 'vetoed', reason: `否决项：${names}` },
        currentStep: 'vetoed',
      });
      return;
    }
    outcome = 'scored';
    await acts.recordCaseDecision({
      key: `case:${caseId}:rubric`,
      caseId,
      action: 'case.scored',
      actor,
      clause: d.clause,
      reason: r.comment,
      data: { parts, total: totalPoints, programmeVersion: d.version },
      score: { totalScore: totalPoints, parts, proposed: true },
      currentStep: 'scored',
    });
  }

  async function openStageTasks(stageKey: string, dueAt: number) {
    const stage = input.stages.find((s) => s.key === stageKey);
    if (!stage) return;
    for (const tpl of stage.caseTasks) {
      const id = caseTaskId(caseId, stageKey, tpl.type);
      if (tasks.has(id)) continue;
      tasks.set(id, { id, type: tpl.type, stageKey, status: 'open', overdue: false });
      const role = tpl.assigneeRole as Role;
      const rubric = tpl.type === RUBRIC_TASK;
      await acts.createTask({
        id,
        campaignId: input.campaignId,
        stageKey,
        caseId,
        type: tpl.type,
        title: `${tpl.title}：${seed.operatorName}`,
        assigneeRole: role,
        // The county officer works the operator's own jurisdiction; auditors and coordinators the campaign's.
        jurisdictionId: role === 'county_officer' ? seed.jurisdictionId : input.jurisdictionId,
        dueAt,
        followsStage: true,
        workflowId: workflowInfo().workflowId,
        details: {
          operatorId: seed.operatorId,
          operatorName: seed.operatorName,
          operatorUscc: seed.operatorUscc,
          programmeVersion: d.version,
          ...(rubric ? { items: d.rubric.items, vetoItems: d.rubric.vetoItems } : { taskType: tpl.type.slice('form:'.length), form: formOf(tpl.type) ?? [] }),
        } as object,
      });
    }
    await acts.updateCaseStep({ caseId, currentStep: `${stageKey}:open` });
  }

  if (!input.projected)
    await acts.projectCase({ campaignId: input.campaignId, seed, workflowId: workflowInfo().workflowId, actor: input.enrolledBy, clause: d.clause });

  // Stages open in order; each brings its tasks. The case is over at the roster decision, a veto, or the
  // end of the campaign (its open work is still done then: never silently dropped).
  for (;;) {
    await condition(() => opened.length > 0 || listed !== undefined || vetoed || campaignEnded);
    const e = opened.shift();
    if (e) {
      if (!openedStages.has(e.stageKey) && !vetoed && listed === undefined) {
        openedStages.add(e.stageKey);
        await openStageTasks(e.stageKey, e.dueAt);
      }
      continue;
    }
    break;
  }
  if (listed !== undefined && !vetoed) {
    outcome = listed ? 'listed' : 'not_listed';
    // Work the roster made moot (e.g. a rubric task never scored before the stage closed) is cancelled.
    const open = [...tasks.values()].filter((t) => t.status === 'open');
    if (open.length) {
      for (const t of open) t.status = 'done';
      await acts.cancelOpenTasks({ workflowId: workflowInfo().workflowId, reason: '名单已确认 / the roster was confirmed' });
    }
  }
  await condition(() => [...tasks.values()].every((t) => t.status === 'done') && allHandlersFinished());
  await acts.updateCaseStep({ caseId, currentStep: outcome === 'scored' || outcome === 'enrolled' ? 'completed' : outcome, completed: true });
  return { caseId, outcome };
}
