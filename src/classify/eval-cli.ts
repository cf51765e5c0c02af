import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { formatIssue } from '../config/config-issue.js';
import { SHIPPED_CONFIG_DIR } from '../config/paths.js';
import { evaluate, f1, formatReport } from './evaluate.js';
import { loadRules } from './load-rules.js';

/** `npm run eval [-- --verbose] [CORPUS_DIR]`: precision, recall and F1 of the shipped rules on the labelled corpus. */
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const dir =
  args.find((a) => !a.startsWith('-')) ?? fileURLToPath(new URL('../../test/fixtures/corpus/', import.meta.url));
const loaded = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]);
if (!loaded.rules) {
  for (const issue of loaded.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.exit(2);
}
const report = evaluate(dir, loaded.rules);
process.stdout.write(formatReport(report, verbose));
const ok = f1(report.categoriesMicro) >= 0.95 && f1(report.figures) >= 0.9;
process.stdout.write(`\nbars: category micro-F1 ≥ 0.95, figure F1 ≥ 0.90 → ${ok ? 'met' : 'NOT met'}\n`);
process.exitCode = ok ? 0 : 1;
