/**
 * Categories of the eighth round (parts RG45– and the blind parts BH1–BH5, test/fixtures/corpus/README.md): each block
 * is one general step, with sentences written for the test — the step's hit and its near-miss.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, f1, formatReport } from '../../src/classify/evaluate.js';
import { categoryNames as categories } from '../helpers/category-names.js';
import { shippedRules } from '../helpers/figure-lines.js';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');

describe('parts RG45– (written for the eighth round) meet the bar', () => {
  it('category micro-F1 at least 0.95 over the parts', () => {
    const report = evaluate(CORPUS, shippedRules, 'all', (file) => /^rg4[5-9]-/.test(file));
    expect(report.documents, formatReport(report, true)).toBeGreaterThanOrEqual(20);
    expect(f1(report.categoriesMicro), formatReport(report, true)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a headline that names a control on its subject is news when nothing else sets the topic', () => {
  const body =
    'The relevant matters are announced as follows. Items with the following characteristics shall not be ' +
    'exported without a licence: samarium metal, samarium-cobalt alloys and terbium oxide.';
  it('an announcement titled "on Implementing Export Controls over … Rare Earth Items" adds to the list', () => {
    expect(
      categories('Announcement No. 7 on Implementing Export Controls over Certain Rare Earth Items', body, '2025-04-04'),
    ).toEqual(['control_list_addition']);
  });
  it('the same body under a headline that names no control is not', () => {
    expect(categories('Announcement No. 7 of the Ministry of Commerce', body, '2025-04-04')).toEqual([]);
  });
});
