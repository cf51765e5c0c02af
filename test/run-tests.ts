/**
 * `npm test`: runs vitest and closes with the plain line CI reads, `N passed, N failed` (skipped tests are counted on
 * the line before).
 * Extra arguments are passed to vitest (e.g. `npm test -- test/store`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, needsBuild } from '../bin/build.js';

// The tests start the real CLI as child processes: from the compiled dist/ (see test/helpers/run-cli.ts), so build it
// first when a source is newer (`npm ci` has built it already on a clean checkout).
if (process.env.REGWATCH_TEST_SOURCES !== '1' && needsBuild() && !(await build())) {
  console.log('dist/ could not be built: the tests run the CLI from the sources (REGWATCH_TEST_SOURCES=1)');
  process.env.REGWATCH_TEST_SOURCES = '1';
}

const out = join('test-results', 'vitest.json');
rmSync(out, { force: true });
const vitest = join('node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

interface Summary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}
let summary: Summary | undefined;
try {
  summary = JSON.parse(readFileSync(out, 'utf8')) as Summary;
} catch {
  summary = undefined;
}
if (!summary) {
  console.log('0 passed, 1 failed');
  process.exit(run.status ?? 1);
}
// A suite that failed to load counts as a failure even when it had no test that ran.
const failed = summary.numFailedTests + (summary.numFailedTests === 0 ? summary.numFailedTestSuites : 0);
const skipped = summary.numPendingTests + summary.numTodoTests;
if (skipped > 0) console.log(`(${skipped} skipped)`);
console.log(`${summary.numPassedTests} passed, ${failed} failed`);
process.exit(run.status ?? (failed > 0 ? 1 : 0));
