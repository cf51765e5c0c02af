import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, f1, formatReport, readLabels } from '../../src/classify/evaluate.js';
import { loadRules } from '../../src/classify/index.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';
import { CATEGORIES } from '../../src/types.js';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

describe('the shipped rules on the labelled corpus (npm run eval)', () => {
  const loaded = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]);

  it('the corpus is what its README says: every document labelled, at least 80 of them, at least 20 near-misses', () => {
    const labels = readLabels(CORPUS);
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
    expect(labels.map((l) => l.file).sort()).toEqual(files.sort());
    expect(labels.length).toBeGreaterThanOrEqual(80);
    for (const l of labels) for (const c of l.categories) expect(CATEGORIES).toContain(c);
    // The source kinds of design §3, so a label reads like the watch that would have fetched the document.
    for (const l of labels) expect(['miit', 'mofcom', 'customs', 'news', 'other'], l.file).toContain(l.source);
    // Near-misses: documents labelled with no category, or documents whose text names other metals' controls.
    expect(labels.filter((l) => l.categories.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it('meets the bars: category micro-F1 ≥ 0.95 and figure F1 ≥ 0.90', () => {
    const report = evaluate(CORPUS, loaded.rules!);
    const table = formatReport(report, true);
    expect(f1(report.categoriesMicro), table).toBeGreaterThanOrEqual(0.95);
    expect(f1(report.figures), table).toBeGreaterThanOrEqual(0.9);
  });
});
