// Objection reference numbers (DOMAIN.md "Objection … with a reference number"): YY-GS-NNNNNN-XXXXXX, the
// year lodged (Asia/Shanghai), GS for 公示, a sequence and a random part. The sequence keeps it short and
// readable over the phone; the random part (6 Crockford base32 characters, 30 bits from the CSPRNG) keeps a
// number one knows from finding anyone else's by counting (OWASP API Security Top 10, API1:2023: prefer
// random, unpredictable values as the ids of records).
import { randomInt } from 'node:crypto';
import type { PrismaClient } from '../../prisma/db.js';
import { shanghaiDate } from '../../domain/time.js';

// Crockford's base32: no I, L, O or U, so nothing reads as 1, 0 or a word.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const REFERENCE_PATTERN = /^\d{2}-GS-\d{6,}-[0-9A-HJKMNP-TV-Z]{6}$/;

export async function newObjectionReference(db: PrismaClient, at = Date.now()): Promise<string> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT nextval('objection_reference_seq') AS n`;
  const random = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${shanghaiDate(at).slice(2, 4)}-GS-${String(row!.n).padStart(6, '0')}-${random}`;
}

/**
 * A reference as people type it: spaces dropped, upper case, and the look-alikes Crockford's alphabet
 * leaves out read as what they look like (O → 0, I and L → 1) everywhere but in "GS".
 */
export function normalizeReference(input: string): string {
  return input
    .replace(/\s+/g, '')
    .toUpperCase()
    .split('-')
    .map((part, i) => (i === 1 ? part : part.replace(/O/g, '0').replace(/[IL]/g, '1')))
    .join('-');
}
