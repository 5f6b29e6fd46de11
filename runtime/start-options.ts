// npm start's flags (`npm start -- --demo`), apart from runtime/start.ts so they can be tested without
// starting anything.
import { parseArgs } from 'node:util';

export interface StartOptions {
  /**
   * Seed the demo (80 accounts sharing one printed password, README "Two commands") into an empty
   * database and launch the demo campaigns. Always on the embedded database, a single machine's; on
   * DATABASE_URL, a deployment's, only when asked for with --demo (README "Production profile").
   */
  demo: boolean;
}

/** Throws (a TypeError naming the option) on anything but --demo. */
export function startOptions(args: string[], databaseUrl: string | undefined): StartOptions {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } }, strict: true, allowPositionals: false });
  return { demo: !databaseUrl || values.demo };
}
