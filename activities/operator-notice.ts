// The operator's own notices (README "Notifications to operators"), written by the activities that record
// the decisions, in the same transaction and keyed by the decision's audit key, so a retried activity
// writes each once. Addressed to the operator's account (role operator, recipientUserId); an operator
// without an account gets none: the staff acting for it see the officers' notices as before. The
// notice lies at the case's jurisdiction, so the bureau's webhooks of that subtree receive it too.
import type { Prisma } from '../prisma/generated/client.js';
import { OPERATOR_ROLE } from '../domain/roles.js';
import { operatorNoticeText } from '../domain/operator-notices.js';
import type { NewNotification } from './notify.js';

type Tx = Prisma.TransactionClient;

export interface OperatorEvent {
  /** The decision's audit key: the notice's key is derived from it. */
  key: string;
  action: string;
  caseId: string;
  taskId?: string | null;
  reason?: string | null;
  data?: unknown;
}

/** The accounts of these operators, by operator id. */
export async function operatorAccounts(tx: Tx, operatorIds: string[]): Promise<Map<string, string>> {
  if (!operatorIds.length) return new Map();
  const users = await tx.user.findMany({
    where: { role: OPERATOR_ROLE, operatorId: { in: [...new Set(operatorIds)] } },
    select: { id: true, operatorId: true },
  });
  return new Map(users.map((u) => [u.operatorId!, u.id]));
}

export const operatorNoticeKey = (auditKey: string) => `operator:${auditKey}`;

/** The notices these decisions send to the operators concerned (none for other actions or without an account). */
export async function operatorNotices(tx: Tx, events: OperatorEvent[]): Promise<NewNotification[]> {
  const relevant = events.filter((e) => operatorNoticeText(e.action, '', e.reason, e.data));
  if (!relevant.length) return [];
  const cases = await tx.case.findMany({
    where: { id: { in: [...new Set(relevant.map((e) => e.caseId))] } },
    select: { id: true, campaignId: true, jurisdictionId: true, operatorId: true },
  });
  const byId = new Map(cases.map((c) => [c.id, c]));
  const accounts = await operatorAccounts(
    tx,
    cases.map((c) => c.operatorId),
  );
  if (!accounts.size) return [];
  const campaigns = new Map(
    (await tx.campaign.findMany({ where: { id: { in: [...new Set(cases.map((c) => c.campaignId))] } }, select: { id: true, name: true } })).map((c) => [
      c.id,
      c.name,
    ]),
  );
  return relevant.flatMap((e) => {
    const c = byId.get(e.caseId);
    const userId = c && accounts.get(c.operatorId);
    if (!c || !userId) return [];
    const text = operatorNoticeText(e.action, campaigns.get(c.campaignId) ?? c.campaignId, e.reason, e.data)!;
    return [
      {
        key: operatorNoticeKey(e.key),
        kind: text.kind,
        recipientRole: OPERATOR_ROLE,
        recipientUserId: userId,
        jurisdictionId: c.jurisdictionId,
        campaignId: c.campaignId,
        taskId: e.taskId ?? null,
        caseId: c.id,
        title: text.title,
        body: text.body,
      },
    ];
  });
}
