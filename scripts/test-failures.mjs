// Prints, a line each, the tests a vitest pass failed, from its JSON report (scripts/test.sh writes one per
// pass). The summary at the end of `npm test` repeats these lines: CI keeps only the tail of a long log,
// and the first pass's failures scroll out of it under the second pass's output.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [file] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.log(`  (no test report at ${file}: ${e.code ?? e.message})`);
  process.exit(0);
}
const firstLine = (text) =>
  String(text ?? '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 240) ?? '';
for (const suite of report.testResults ?? []) {
  const name = relative(process.cwd(), suite.name);
  const failed = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
  for (const t of failed) console.log(`  ✗ ${name} > ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`);
  // A file can fail with no failed test: an error in a hook or at import.
  if (suite.status === 'failed' && failed.length === 0) console.log(`  ✗ ${name}: ${firstLine(suite.message)}`);
}
