// The workflow tier's global setup (vitest.config.ts): the database and the workflow bundle, and the
// launcher of Temporal's time-skipping test server, but no dev server (test/global-setup.ts).
import type { TestProject } from 'vitest/node';
import { startServices, stopServices } from './global-setup.js';

export const setup = (project: TestProject) => startServices(project, { testServer: true });
export const teardown = stopServices;
