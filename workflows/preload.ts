// Loaded once per worker and shared by every workflow it runs (runtime/worker.ts WORKFLOW_PRELOAD_MODULES):
// zod's module scope is 2.8 MiB of heap, which every cached workflow would otherwise instantiate for itself.
// The SDK freezes what it preloads, so zod's lazy defaults (its English locale and memoizer, written into
// its global config by the first schema built) are set here, before the freeze. The parse also keeps the
// import in the bundle: webpack drops an unused import of a package that declares no side effects.
import * as z from 'zod';

z.object({ s: z.string().min(1), n: z.number().int().min(0).max(1), e: z.enum(['a']).optional(), l: z.array(z.union([z.literal(1), z.null()])) })
  .strict()
  .parse({ s: 'x', n: 1, l: [1, null] });
