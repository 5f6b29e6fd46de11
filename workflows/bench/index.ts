// The bundle of the bench's worker (`npm run bench`, which points runtime/worker-main.ts here with
// WORKER_WORKFLOWS_PATH): every production workflow, plus the bench's own no-op and ping workflows.
export * from '../index.js';
export { BenchNoopWorkflow, BenchUpdateWorkflow } from './workflows.js';
