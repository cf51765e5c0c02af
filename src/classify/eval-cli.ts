import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue } from '../config/config-issue.js';
import { SHIPPED_CONFIG_DIR } from '../config/paths.js';
import { evaluate, f1, formatReport, hasCorpus, PARTS, type Part } from './evaluate.js';
import { loadRules } from './load-rules.js';

/**
 * `npm run eval [-- --part train|train-odd|train-even|heldout|all] [--verbose] [--real DIR] [--own DIR]`: precision, recall and F1 of the
 * shipped rules. The headline is the shared real corpus (`../shared/corpus-real/` beside the checkout), scored on the
 * chosen part (train by default); the project's own corpus (`test/fixtures/corpus/`) is scored whole beside it.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const USAGE = `npm run eval [-- options]: precision, recall and F1 of the shipped rules
  --part P       the real corpus's part: ${PARTS.join(', ')} (default train)
  --verbose, -v  list each document's mistakes
  --real DIR     the real corpus (default ../shared/corpus-real beside the checkout)
  --own DIR      the project's own corpus (default test/fixtures/corpus); a folder with one part's .txt files and its
                 labels-<part>.jsonl scores that part alone
`;
let parsed;
try {
  parsed = parseArgs({
    options: {
      part: { type: 'string', default: 'train' },
      verbose: { type: 'boolean', short: 'v', default: false },
      real: { type: 'string', default: join(REPO, '..', 'shared', 'corpus-real') },
      own: { type: 'string', default: join(REPO, 'test', 'fixtures', 'corpus') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const part = values.part as Part;
if (!PARTS.includes(part)) {
  process.stderr.write(`--part ${values.part}: use one of ${PARTS.join(', ')}\n`);
  process.exit(2);
}
const loaded = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]);
if (!loaded.rules) {
  for (const issue of loaded.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.exit(2);
}

const bars = (r: ReturnType<typeof evaluate>) => f1(r.categoriesMicro) >= 0.95 && f1(r.figures) >= 0.9;
let ok = true;
if (hasCorpus(values.real)) {
  const real = evaluate(values.real, loaded.rules, part);
  process.stdout.write(`== real corpus (${values.real}), part ${part}: `);
  process.stdout.write(formatReport(real, values.verbose));
  process.stdout.write(`bars (category micro-F1 ≥ 0.95, figure F1 ≥ 0.90): ${bars(real) ? 'met' : 'NOT met'}\n\n`);
  ok &&= bars(real);
} else {
  process.stdout.write(
    `== real corpus: ${values.real} not found (it sits beside the checkout as shared/corpus-real)\n\n`,
  );
}
const own = evaluate(values.own, loaded.rules, 'all');
process.stdout.write(`== own corpus (${values.own}): `);
process.stdout.write(formatReport(own, values.verbose));
process.stdout.write(`bars (category micro-F1 ≥ 0.95, figure F1 ≥ 0.90): ${bars(own) ? 'met' : 'NOT met'}\n`);
process.exitCode = ok && bars(own) ? 0 : 1;
