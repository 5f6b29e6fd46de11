// Programmes a campaign can be launched from: the built-ins in code (domain/programmes/) and those a
// coordinator defined as data (programme_definition), at their latest or a given version.
import { PROGRAMMES, type Programme } from '../domain/programmes/index.js';
import { programmeFromSpec, type ProgrammeSpec } from '../domain/programmes/defined.js';
import type { PrismaClient } from '../prisma/db.js';

export interface LoadedProgramme {
  programme: Programme;
  builtIn: boolean;
  /** The definition's version; null for a built-in. */
  version: number | null;
  spec?: ProgrammeSpec;
  createdAt?: Date;
  createdById?: string | null;
  /** The jurisdiction that owns a defined programme: it and those above it may revise it. */
  jurisdictionId?: string | null;
}

/** The programme `id` (a defined one at `version`, else its latest), or undefined when there is none. */
export async function loadProgramme(db: PrismaClient, id: string, version?: number): Promise<LoadedProgramme | undefined> {
  const builtIn = PROGRAMMES[id];
  if (builtIn) return version === undefined ? { programme: builtIn, builtIn: true, version: null } : undefined;
  const row = await db.programmeDefinition.findFirst({ where: { id, ...(version !== undefined ? { version } : {}) }, orderBy: { version: 'desc' } });
  if (!row) return undefined;
  const spec = row.spec as unknown as ProgrammeSpec;
  return {
    programme: programmeFromSpec(spec, row.version),
    builtIn: false,
    version: row.version,
    spec,
    createdAt: row.createdAt,
    createdById: row.createdById,
    jurisdictionId: row.jurisdictionId,
  };
}
