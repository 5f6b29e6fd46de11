// What each worker bundles (README "Benchmark"): the production worker's bundle (runtime/bundle-workflows.ts
// WORKFLOWS_PATH, as `npm start` builds it) has none of the bench's workflows; the bench's worker's
// (workflows/bench/index.ts) has them and every production workflow. Needs no services.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workflowBundleCode as bundle, WORKFLOWS_PATH } from '../runtime/bundle-workflows.js';

const BENCH_WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/bench/index.ts', import.meta.url));
const BENCH_NAMES = ['BenchNoopWorkflow', 'BenchUpdateWorkflow', 'benchPing', 'benchDone'];

describe('workflow bundles', () => {
  it('keeps the bench’s workflows out of the production bundle, and in the bench’s', async () => {
    const [production, bench] = await Promise.all([bundle(WORKFLOWS_PATH), bundle(BENCH_WORKFLOWS_PATH)]);
    expect(BENCH_NAMES.filter((n) => production.includes(n))).toEqual([]);
    expect(BENCH_NAMES.filter((n) => !bench.includes(n))).toEqual([]);
    // The bench measures the production worker: everything it runs is in the bench's bundle too.
    const workflows = [...readFileSync(WORKFLOWS_PATH, 'utf8').matchAll(/^export \{ (\w+Workflow) \}/gm)].map((m) => m[1]!);
    expect(workflows.length).toBeGreaterThan(10);
    expect(workflows.filter((n) => !production.includes(n) || !bench.includes(n))).toEqual([]);
  }, 180_000);

  it('loads zod once per worker: the preload survives tree shaking and is what the workflows import', async () => {
    const production = await bundle(WORKFLOWS_PATH);
    // webpack reduces an unused import of a side-effect-free package to `0;`, and each workflow would
    // then instantiate its own zod (2.8 MiB of heap each, runtime/bundle-workflows.ts WORKFLOW_PRELOAD_MODULES).
    const preload = /exports\.preloadModules = function preloadModules\(\) \{([^}]*)\}/.exec(production)?.[1] ?? '';
    expect(preload).toContain('./workflows/preload.ts');
    // …and the preload module itself still loads zod (an import it does not use would be dropped too).
    const preloadModule = /"\.\/workflows\/preload\.ts"[^]*?\/\*\*\*\/ \}/.exec(production)?.[0] ?? '';
    expect(preloadModule).toMatch(/__webpack_require__\([^)]*"\.\/node_modules\/zod\//);
  }, 180_000);

  it('shares the domain’s rules: every domain module a workflow requires is preloaded', async () => {
    const production = await bundle(WORKFLOWS_PATH);
    // A module's body runs from its `/***/ "path"` line to the next one.
    const modules = new Map([...production.matchAll(/^\/\*\*\*\/ "([^"]+)"$([^]*?)(?=^\/\*\*\*\/ "|(?![^]))/gm)].map((m) => [m[1]!, m[2]!]));
    const domainRequires = (body: string) => new Set([...body.matchAll(/__webpack_require__\([^)]*"(\.\/domain\/[^"]+)"\)/g)].map((m) => m[1]!));
    const fromWorkflows = new Set(
      [...modules]
        .filter(([path]) => path.startsWith('./workflows/'))
        .flatMap(([path, body]) => (path === './workflows/preload.ts' ? [] : [...domainRequires(body)])),
    );
    const preloaded = domainRequires(modules.get('./workflows/preload.ts') ?? '');
    expect(fromWorkflows.size).toBeGreaterThan(5);
    expect([...fromWorkflows].filter((path) => !preloaded.has(path))).toEqual([]);
  }, 180_000);
});
