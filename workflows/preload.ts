// Loaded once per worker and shared by every workflow it runs (runtime/bundle-workflows.ts WORKFLOW_PRELOAD_MODULES).
// The SDK deep-freezes what it preloads, so only modules without per-workflow state belong here:
// - zod, whose module scope is 2.8 MiB of heap that every cached workflow would otherwise instantiate.
//   Its lazy defaults (its English locale and memoizer, written into its global config by the first
//   schema built) are set here, before the freeze. The parse also keeps the import in the bundle:
//   webpack drops an unused import of a package that declares no side effects.
// - the domain's rules (programmes, forms, calendars, roles): pure data and functions. Their zod schemas
//   are built on first use (domain/lazy.ts) into a closure, which the freeze does not reach, so each is
//   built once per worker instead of once per workflow (about 270 KiB per case for every form).
//   test/preload.test.ts checks that every domain module the workflows import is listed here.
import * as z from 'zod';
import '../domain/application-form.js';
import '../domain/calendar.js';
import '../domain/campaign-definition.js';
import '../domain/case.js';
import '../domain/corrections.js';
import '../domain/duration.js';
import '../domain/programmes/defined.js';
import '../domain/programmes/index.js';
import '../domain/programmes/kinds/index.js';
import '../domain/programmes/kinds/staged-award.js';
import '../domain/roles.js';
import '../domain/roster-schedule.js';
import '../domain/scoring.js';
import '../domain/self-check.js';
import '../domain/slices.js';
import '../domain/task-forms.js';
import '../domain/time.js';

z.object({ s: z.string().min(1), n: z.number().int().min(0).max(1), e: z.enum(['a']).optional(), l: z.array(z.union([z.literal(1), z.null()])) })
  .strict()
  .parse({ s: 'x', n: 1, l: [1, null] });
