// A diligent county: completes every open task of a campaign with a valid, uneventful result, so a test
// can run a whole campaign to its end.
import type { Harness } from './helpers.js';
import type { Actor } from '../domain/roles.js';
import { SELF_CHECK_AREAS } from '../domain/self-check.js';
import { completeTaskUpdate } from '../workflows/messages.js';

const RESULTS: Record<string, unknown> = {
  self_check: { areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'compliant' })) },
  self_check_review: { decision: 'accepted' },
  inspection: { method: 'inspection', areas: SELF_CHECK_AREAS.map((a) => ({ key: a.key, finding: 'ok' })) },
  verification: { passed: true, note: '已整改到位' },
  score: { score: 90 },
  escalation: { note: '已督办' },
};

const ACTORS: Record<string, Actor> = {
  county_officer: { userId: 'u-officer-changxing', role: 'county_officer', displayName: '长兴县执法员' },
  auditor: { userId: 'u-auditor-changxing', role: 'auditor', displayName: '长兴考评组' },
  coordinator: { userId: 'u-coord-changxing', role: 'coordinator', displayName: '长兴县统筹' },
};

// Five evaluation groups score a case, one person per dimension (changxing 四、（四）): the county's and its
// stations' auditors, one each.
const SCORERS: Record<string, string> = { department: 'changxing', third_party: 'zhicheng', industry: 'taihu', consumer: 'huaxi', social: 'heping' };

/** The task's role; an operator's task (its self-check) is done by the county's officer for it. */
function actorFor(t: { type: string; assigneeRole: string; details: unknown }): Actor {
  if (t.type === 'score') {
    const slug = SCORERS[(t.details as { dimension: string }).dimension]!;
    return { userId: `u-auditor-${slug}`, role: 'auditor', displayName: `${slug} 考评组` };
  }
  if (t.assigneeRole !== 'operator') return ACTORS[t.assigneeRole]!;
  const d = t.details as { operatorId: string; operatorName: string };
  return { ...ACTORS.county_officer!, onBehalfOf: { operatorId: d.operatorId, operatorName: d.operatorName } };
}

/** Completes every task of the campaign open right now; returns how many. */
export async function completeOpenWork(h: Harness, campaignId: string): Promise<number> {
  const open = await h.db.task.findMany({ where: { campaignId, status: 'open' }, orderBy: { createdAt: 'asc' } });
  for (const t of open) {
    await h.env.client.workflow
      .getHandle(t.workflowId)
      .executeUpdate(completeTaskUpdate, { args: [{ taskId: t.id, actor: actorFor(t), result: RESULTS[t.type] }] });
  }
  return open.length;
}
