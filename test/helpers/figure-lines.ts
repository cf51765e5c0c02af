/** The figures the shipped rules read from one document, one `metric|value|period|batch|basis|change` line each. */
import { join } from 'node:path';
import { classify, loadRules } from '../../src/classify/index.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';

const loaded = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]);
if (!loaded.rules) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
/** The shipped rules, loaded once for every test that reads a document with them. */
export const shippedRules = loaded.rules;
const rules = shippedRules;

export const figureLines = (title: string, text: string, date: string | undefined): string[] =>
  classify({ title, text, date }, rules).figures.map(
    (f) =>
      `${f.metric}|${f.value}|${f.period ?? '-'}|${f.batch ?? '-'}|${f.change_basis ?? '-'}|${f.change_pct ?? '-'}`,
  );
