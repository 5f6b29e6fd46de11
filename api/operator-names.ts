import type { PrismaClient } from '../prisma/db.js';

/** Rows that name an operator by id, with its name and USCC added for display (one query per page). */
export async function withOperatorNames<T extends { operatorId: string }>(db: PrismaClient, rows: T[]) {
  const ops = new Map(
    (await db.operator.findMany({ where: { id: { in: rows.map((r) => r.operatorId) } }, select: { id: true, name: true, uscc: true } })).map((o) => [o.id, o]),
  );
  return rows.map((r) => ({ ...r, operatorName: ops.get(r.operatorId)?.name ?? null, operatorUscc: ops.get(r.operatorId)?.uscc ?? null }));
}
