import { changxing } from './changxing.js';
import { zhoushan } from './zhoushan.js';
import { lijiang } from './lijiang.js';
import type { Programme } from './types.js';

export type * from './types.js';
export { PROGRAMME_KINDS, unknownKind } from './types.js';

/** The built-in programmes, from the notices in ../shared/seeds (defined programmes live in the database). */
export const BUILT_IN = { changxing, zhoushan, lijiang } as const;
/** By id, for a programme named in a request or a record. */
export const PROGRAMMES: Record<string, Programme> = BUILT_IN;
