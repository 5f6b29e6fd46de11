// CaseWorkflow: one operator inside a campaign (DOMAIN.md "Case"). It opens the tasks the programme
// gives each case when a stage opens, and accepts their completion as Updates.
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { CaseSeed } from '../activities/case.js';
import type { StageDefinition } from '../domain/campaign-definition.js';
import type { Actor } from '../domain/roles.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import {
  campaignEndedSignal,
  caseProgressQuery,
  completeTaskUpdate,
  stageClosedSignal,
  stageExtendedSignal,
  stageOpenedSignal,
  type CaseTaskState,
} from './messages.js';
import { validateCompletion } from './task-validation.js';

export interface CaseInput {
  campaignId: string;
  jurisdictionId: string;
  stages: StageDefinition[];
  seed: CaseSeed;
  enrolledBy: Actor;
}

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** What a task's form needs to show, by task type. */
function taskDetails(type: string, seed: CaseSeed): object {
  const base = { operatorId: seed.operatorId, operatorName: seed.operatorName, operatorUscc: seed.operatorUscc };
  if (type === 'self_check') return { ...base, areas: SELF_CHECK_AREAS };
  return base;
}

export async function CaseWorkflow(input: CaseInput): Promise<{ caseId: string; tasks: CaseTaskState[] }> {
  const { seed } = input;
  const tasks = new Map<string, CaseTaskState>();
  type Event = { kind: 'opened' | 'extended'; stageKey: string; dueAt: number } | { kind: 'closed'; stageKey: string };
  const events: Event[] = [];
  let campaignEnded = false;

  setHandler(stageOpenedSignal, (e) => void events.push({ kind: 'opened', ...e }));
  setHandler(stageExtendedSignal, (e) => void events.push({ kind: 'extended', ...e }));
  setHandler(stageClosedSignal, (e) => void events.push({ kind: 'closed', ...e }));
  setHandler(campaignEndedSignal, () => void (campaignEnded = true));
  setHandler(caseProgressQuery, () => ({ caseId: seed.caseId, status: 'active', tasks: [...tasks.values()] }));

  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, result }) => {
      const t = tasks.get(taskId)!;
      t.status = 'done'; // before any await: a concurrent second completion is refused by the validator
      const completedAt = await acts.recordTaskCompletion({ taskId, actor, result: result as object, late: t.overdue });
      await acts.updateCaseStep({ caseId: seed.caseId, currentStep: `${t.type}:done` });
      return { taskId, status: 'done', completedAt, late: t.overdue };
    },
    { validator: (i) => validateCompletion(tasks, i) },
  );

  await acts.projectCase({ campaignId: input.campaignId, seed, workflowId: `case-${seed.caseId}`, actor: input.enrolledBy });

  const openTasks = () => [...tasks.values()].filter((t) => t.status === 'open');
  for (;;) {
    await condition(() => events.length > 0 || (campaignEnded && openTasks().length === 0));
    const e = events.shift();
    if (!e) break;
    const stage = input.stages.find((s) => s.key === e.stageKey);
    if (!stage) continue;
    if (e.kind === 'opened') {
      for (const tpl of stage.caseTasks) {
        const id = `${seed.caseId}:${stage.key}:${tpl.type}`;
        if (tasks.has(id)) continue;
        // Known to the workflow before the row exists: the API only sees a task once it is projected,
        // so a completion can never arrive for a task the workflow does not know.
        tasks.set(id, { id, type: tpl.type, stageKey: stage.key, status: 'open', overdue: false });
        await acts.createTask({
          id,
          campaignId: input.campaignId,
          stageKey: stage.key,
          caseId: seed.caseId,
          type: tpl.type,
          title: `${tpl.title}：${seed.operatorName}`,
          assigneeRole: tpl.assigneeRole,
          jurisdictionId: seed.jurisdictionId,
          dueAt: e.dueAt,
          followsStage: true,
          workflowId: `case-${seed.caseId}`,
          details: taskDetails(tpl.type, seed),
        });
        await acts.updateCaseStep({ caseId: seed.caseId, currentStep: `${tpl.type}:open` });
      }
    } else if (e.kind === 'closed') {
      // The campaign's closeStage activity already marked the projection; keep our state in step.
      for (const t of tasks.values()) if (t.stageKey === e.stageKey && t.status === 'open') t.overdue = true;
    }
  }

  await acts.updateCaseStep({ caseId: seed.caseId, currentStep: 'completed', completed: true });
  return { caseId: seed.caseId, tasks: [...tasks.values()] };
}
