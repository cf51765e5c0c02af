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

describe('a digest’s items are stories of their own: the digest’s headline sets no topic for them', () => {
  const items = [
    '1) Smuggling ring broken up in Guangxi',
    'Customs officers in Nanning said on Tuesday they had seized 40 tonnes of rare earth oxides declared as ceramic ' +
      'glaze and detained four suspects in a crackdown on smuggling.',
    '2) A better month for the magnet makers of China',
    'China exported 6,150 tonnes of rare earth magnets in November, up 12% from October, customs data showed on ' +
      'Saturday.',
    '3) Nickel ore quotas trimmed',
    'Indonesia is weighing cuts to next year’s nickel ore mining plans, officials said.',
  ].join('\n\n');
  it('a customs item under a headline about a smuggling case is reported too', () => {
    expect(categories('METALS WEEKLY: SMUGGLING RING BUSTED; NICKEL QUOTAS', items, '2025-12-22').sort()).toEqual([
      'enforcement',
      'export_statistics',
    ]);
  });
  it('in one story under the same headline the customs figure stays off its topic', () => {
    const story =
      'Customs officers in Nanning said on Tuesday they had seized 40 tonnes of rare earth oxides declared as ceramic ' +
      'glaze and detained four suspects in a crackdown on smuggling. China exported 6,150 tonnes of rare earth ' +
      'magnets in November, up 12% from October, customs data showed on Saturday.';
    expect(categories('Smuggling ring busted in Guangxi', story, '2025-12-22')).toEqual(['enforcement']);
  });
});

describe('a counterfactual ("would have", 原本将) is a side clause', () => {
  const title = 'Statement of the commerce ministry';
  it('guidelines "that would have extended export controls" add nothing to the list', () => {
    const body =
      'The commerce ministry on Friday published guidelines that would have extended export controls to ' +
      'foreign-made goods containing Chinese rare earths had the talks failed.';
    expect(categories(title, body, '2025-11-08')).toEqual([]);
  });
  it('guidelines that extended them do', () => {
    const body =
      'The commerce ministry on Friday published guidelines that extended export controls to foreign-made goods ' +
      'containing Chinese rare earths.';
    expect(categories(title, body, '2025-11-08')).toEqual(['control_list_addition']);
  });
});
