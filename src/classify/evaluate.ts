import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type Category, type Figure } from '../types.js';
import { classify } from './index.js';
import type { RuleSet } from './compile-rules.js';
import { readDocument } from './read-document.js';

/** One labelled document of the corpus (test/fixtures/corpus/labels.jsonl). */
export interface Label {
  file: string;
  date?: string;
  source?: string;
  categories: Category[];
  figures: Array<
    Pick<Figure, 'metric' | 'value' | 'period' | 'batch'> & Partial<Pick<Figure, 'change_pct' | 'change_basis'>>
  >;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface EvalReport {
  documents: number;
  perCategory: Record<Category, Counts>;
  categoriesMicro: Counts;
  figures: Counts;
  /** Figures that also match change_pct and change_basis. */
  figuresWithChange: Counts;
  mistakes: Array<{ file: string; missing: string[]; extra: string[] }>;
}

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export const f1 = (c: Counts) => {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

const figureKey = (f: Pick<Figure, 'metric' | 'value' | 'period' | 'batch'>) =>
  `${f.metric}|${Math.round(f.value * 10) / 10}|${f.period ?? '-'}|${f.batch ?? '-'}`;
const changeKey = (f: Partial<Pick<Figure, 'change_pct' | 'change_basis'>>) =>
  `${f.change_basis ?? '-'}|${f.change_pct ?? '-'}`;

/** Count matches between two multisets of keys. */
function match(expected: string[], actual: string[]): Counts & { missing: string[]; extra: string[] } {
  const left = [...actual];
  const missing: string[] = [];
  let tp = 0;
  for (const e of expected) {
    const i = left.indexOf(e);
    if (i >= 0) {
      tp++;
      left.splice(i, 1);
    } else missing.push(e);
  }
  return { tp, fp: left.length, fn: missing.length, missing, extra: left };
}

const add = (a: Counts, b: Counts) => {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
};

/** Every `labels*.jsonl` of the corpus folder (the corpus may come in parts), one label per line. */
export function readLabels(dir: string): Label[] {
  return readdirSync(dir)
    .filter((f) => /^labels.*\.jsonl$/.test(f))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Label),
    );
}

/** Classify every labelled document and compare with its labels. */
export function evaluate(dir: string, rules: RuleSet): EvalReport {
  const labels = readLabels(dir);
  const perCategory = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Category,
    Counts
  >;
  const report: EvalReport = {
    documents: labels.length,
    perCategory,
    categoriesMicro: { tp: 0, fp: 0, fn: 0 },
    figures: { tp: 0, fp: 0, fn: 0 },
    figuresWithChange: { tp: 0, fp: 0, fn: 0 },
    mistakes: [],
  };
  for (const label of labels) {
    const doc = readDocument(readFileSync(join(dir, label.file), 'utf8'), label.date);
    const result = classify(doc, rules);
    const got = new Set(result.categories.map((c) => c.category));
    const want = new Set(label.categories);
    const missing: string[] = [];
    const extra: string[] = [];
    for (const c of CATEGORIES) {
      const counts = perCategory[c];
      if (got.has(c) && want.has(c)) counts.tp++;
      else if (got.has(c)) {
        counts.fp++;
        extra.push(c);
      } else if (want.has(c)) {
        counts.fn++;
        missing.push(c);
      }
    }
    const figs = match(label.figures.map(figureKey), result.figures.map(figureKey));
    add(report.figures, figs);
    add(
      report.figuresWithChange,
      match(
        label.figures.map((f) => `${figureKey(f)}|${changeKey(f)}`),
        result.figures.map((f) => `${figureKey(f)}|${changeKey(f)}`),
      ),
    );
    missing.push(...figs.missing);
    extra.push(...figs.extra);
    if (missing.length || extra.length) report.mistakes.push({ file: label.file, missing, extra });
  }
  for (const c of CATEGORIES) add(report.categoriesMicro, perCategory[c]);
  return report;
}

const pct = (x: number) => x.toFixed(3);

export function formatReport(r: EvalReport, verbose = false): string {
  const lines = [
    `${r.documents} documents`,
    '',
    `${'category'.padEnd(24)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}   tp  fp  fn`,
  ];
  const row = (name: string, c: Counts) =>
    `${name.padEnd(24)}${pct(precision(c)).padStart(7)}${pct(recall(c)).padStart(7)}${pct(f1(c)).padStart(7)}  ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}`;
  for (const c of CATEGORIES) lines.push(row(c, r.perCategory[c]));
  lines.push(
    row('micro (categories)', r.categoriesMicro),
    '',
    row('figures', r.figures),
    row('figures incl. change', r.figuresWithChange),
  );
  if (verbose) {
    lines.push('', 'mistakes:');
    for (const m of r.mistakes)
      lines.push(`  ${m.file}`, ...m.missing.map((x) => `    missing ${x}`), ...m.extra.map((x) => `    extra   ${x}`));
  }
  return `${lines.join('\n')}\n`;
}
