import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type Category, type Figure } from '../types.js';
import { classify } from './index.js';
import type { RuleSet } from './compile-rules.js';
import { readDocument } from './read-document.js';

type LabelFigure = Pick<Figure, 'metric' | 'value' | 'period' | 'batch'> &
  Partial<Pick<Figure, 'change_pct' | 'change_basis'>>;

/**
 * One labelled document. Two layouts are read: the project's corpus (`file`, `date`) and the shared real corpus
 * (`id`, `published`; the document is `<id>.txt`). Both become this shape.
 */
export interface Label {
  file: string;
  date?: string | null;
  source?: string;
  categories: Category[];
  figures: LabelFigure[];
}

/**
 * Which documents of a corpus are scored. The real corpus keeps every document numbered a multiple of 5 (en-005,
 * zh-010 …) aside as the held-out part: rules are tuned on `train`, and `heldout` is scored once, for the honest
 * estimate. A corpus whose file names carry no number (the project's own) is scored whole whatever the part.
 * `train-odd` and `train-even` halve the train part by the parity of the number: tune on one half, check the change on
 * the other, and a rule that helps only the half it was written on shows itself as fitted to wording.
 */
export const PARTS = ['train', 'heldout', 'all', 'train-odd', 'train-even'] as const;
export type Part = (typeof PARTS)[number];

export function partOf(file: string): Exclude<Part, 'all'> | null {
  const m = /^[a-z]+-(\d+)\.txt$/.exec(file);
  if (!m) return null;
  return Number(m[1]) % 5 === 0 ? 'heldout' : 'train';
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

const describeFigure = (f: LabelFigure) =>
  `${f.metric} ${f.value} ${f.period ?? '-'} batch ${f.batch ?? '-'}` +
  (f.change_basis ? ` ${f.change_basis} ${f.change_pct}` : '');

/** A figure matches when metric, period and batch are equal and the value is within 0.5% (the corpus README's rule). */
const sameFigure = (a: LabelFigure, b: LabelFigure) =>
  a.metric === b.metric &&
  (a.period ?? null) === (b.period ?? null) &&
  (a.batch ?? null) === (b.batch ?? null) &&
  Math.abs(a.value - b.value) <= 0.005 * Math.max(Math.abs(a.value), Math.abs(b.value));

const sameChange = (a: LabelFigure, b: LabelFigure) =>
  sameFigure(a, b) &&
  (a.change_basis ?? null) === (b.change_basis ?? null) &&
  Math.abs((a.change_pct ?? 0) - (b.change_pct ?? 0)) < 0.051;

/** Match two multisets of figures one to one; unmatched ones are the misses and the extras. */
function matchFigures(
  expected: readonly LabelFigure[],
  actual: readonly LabelFigure[],
  same: (a: LabelFigure, b: LabelFigure) => boolean,
): Counts & { missing: string[]; extra: string[] } {
  const left = [...actual];
  const missing: string[] = [];
  let tp = 0;
  for (const e of expected) {
    const i = left.findIndex((a) => same(e, a));
    if (i >= 0) {
      tp++;
      left.splice(i, 1);
    } else missing.push(describeFigure(e));
  }
  return { tp, fp: left.length, fn: missing.length, missing, extra: left.map(describeFigure) };
}

const add = (a: Counts, b: Counts) => {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
};

interface RawLabel extends Partial<Label> {
  id?: string;
  published?: string | null;
}

/** Every `labels*.jsonl` of the corpus folder (the corpus may come in parts), one label per line. */
export function readLabels(dir: string): Label[] {
  return readdirSync(dir)
    .filter((f) => /^labels.*\.jsonl$/.test(f))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l, i) => {
          const raw = JSON.parse(l) as RawLabel;
          const file = raw.file ?? (raw.id ? `${raw.id}.txt` : undefined);
          if (!file) throw new Error(`${join(dir, f)} line ${i + 1}: a label needs "file" or "id"`);
          return {
            file,
            date: raw.date ?? raw.published ?? null,
            source: raw.source,
            categories: raw.categories ?? [],
            figures: raw.figures ?? [],
          };
        }),
    );
}

/** The labels of one part: the file name is read, never the document, so held-out texts stay unopened. */
export function labelsOfPart(labels: readonly Label[], part: Part): Label[] {
  if (part === 'all') return [...labels];
  return labels.filter((l) => {
    const p = partOf(l.file);
    if (p === null) return true;
    if (part === 'train-odd' || part === 'train-even') {
      const n = Number(/(\d+)\.txt$/.exec(l.file)![1]);
      return p === 'train' && n % 2 === (part === 'train-odd' ? 1 : 0);
    }
    return p === part;
  });
}

/**
 * A corpus document as it is scored: read as `regwatch classify` reads a file (no title when the first line is empty,
 * as the real corpus stores a copy without its headline), with its label's date.
 */
export function labelledDocument(raw: string, label: Pick<Label, 'date'> | undefined) {
  return readDocument(raw, label?.date ?? undefined);
}

/**
 * Classify every labelled document of the part (of those `only` keeps, by file name: one part of the own corpus, say)
 * and compare with its labels.
 */
export function evaluate(
  dir: string,
  rules: RuleSet,
  part: Part = 'all',
  only: (file: string) => boolean = () => true,
): EvalReport {
  const labels = labelsOfPart(readLabels(dir), part).filter((l) => only(l.file));
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
    const doc = labelledDocument(readFileSync(join(dir, label.file), 'utf8'), label);
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
    const figs = matchFigures(label.figures, result.figures, sameFigure);
    add(report.figures, figs);
    add(report.figuresWithChange, matchFigures(label.figures, result.figures, sameChange));
    missing.push(...figs.missing);
    extra.push(...figs.extra);
    if (missing.length || extra.length) report.mistakes.push({ file: label.file, missing, extra });
  }
  for (const c of CATEGORIES) add(report.categoriesMicro, perCategory[c]);
  return report;
}

/** Whether a corpus folder is there to score (the shared real corpus sits beside a checkout, not in it). */
export const hasCorpus = (dir: string) => existsSync(dir) && readdirSync(dir).some((f) => /^labels.*\.jsonl$/.test(f));

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
