// The workflow bundle (webpack, through the SDK's bundleWorkflowCode): the workflows, the modules every
// workflow shares (WORKFLOW_PRELOAD_MODULES) and the workflow interceptors, in one file a Worker loads
// with `workflowBundle: { codePath }`. Temporal's production advice is to bundle ahead of the worker
// (docs.temporal.io, "Workflow bundling"): webpack's ~250 MiB peak and ~100 MiB it leaves behind then
// never count against the worker's memory (README "Deploying").
//
//   node --import tsx runtime/bundle-workflows.ts OUT [WORKFLOWS_PATH]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

const SELF = fileURLToPath(import.meta.url);

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
/** Bundled with the workflows: a Worker given the bundle installs them from it. */
export const WORKFLOW_INTERCEPTOR_MODULES = [
  fileURLToPath(new URL('../workflows/interceptors.ts', import.meta.url)),
  fileURLToPath(new URL('../workflows/report-close.ts', import.meta.url)),
];

/**
 * Modules every workflow in a worker shares instead of instantiating its own copy (the SDK's reusable V8
 * context loads them once and freezes them): workflows/preload.ts loads zod and the domain's rules, which
 * hold no per-workflow state (README "Deploying", WORKER_MAX_CACHED_WORKFLOWS).
 */
export const WORKFLOW_PRELOAD_MODULES = [fileURLToPath(new URL('../workflows/preload.ts', import.meta.url))];

/** The bundle of `workflowsPath` (default: the production workflows), built in this process. */
export async function workflowBundleCode(workflowsPath = WORKFLOWS_PATH): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    preloadModules: WORKFLOW_PRELOAD_MODULES,
    // webpack's statistics of every build would drown the log; its warnings and errors still show.
    logger: new DefaultLogger('WARN'),
  });
  return code;
}

/** Bundles `workflowsPath` (default: the production workflows) into `out`, in this process. */
export async function bundleWorkflows(out: string, workflowsPath?: string): Promise<void> {
  writeFileSync(out, await workflowBundleCode(workflowsPath));
}

/**
 * Bundles in a child process and hands the file to `use` (a Worker reads it whole at create); the file is
 * removed afterwards. The child's warnings and errors go to this process's stderr.
 */
export async function withBundleBuiltApart<T>(workflowsPath: string | undefined, use: (codePath: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'campaign-workflows-'));
  const out = path.join(dir, 'workflow-bundle.js');
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, out, ...(workflowsPath ? [workflowsPath] : [])], { stdio: ['ignore', 'inherit', 'inherit'] });
  // A worker stopped while bundling takes the bundler with it.
  const stopChild = () => child.kill('SIGKILL');
  process.once('exit', stopChild);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    if (code !== 0) throw new Error(`bundling the workflows failed (${signal ?? `exit ${code}`}; its output is above)`);
    return await use(out);
  } finally {
    process.removeListener('exit', stopChild);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out, workflowsPath] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node --import tsx runtime/bundle-workflows.ts OUT [WORKFLOWS_PATH]');
    process.exit(2);
  }
  await bundleWorkflows(out, workflowsPath);
}
