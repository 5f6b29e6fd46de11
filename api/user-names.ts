// People are shown by name, never by id (README "The console's words"): one lookup for a page of rows.
import type { PrismaClient } from '../prisma/db.js';

/** The display names of the users among `ids`; a user since removed reads as —, no user as null. */
export async function userNames(
  db: PrismaClient,
  ids: (string | null | undefined)[],
  /** Someone already at hand (the caller): not looked up again. */
  known?: { id: string; displayName: string },
): Promise<(id: string | null | undefined) => string | null> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x && x !== known?.id))];
  const rows = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } }) : [];
  const names = new Map(rows.map((u) => [u.id, u.displayName]));
  if (known) names.set(known.id, known.displayName);
  return (id) => (id ? (names.get(id) ?? '—') : null);
}
