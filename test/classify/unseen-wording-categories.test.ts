/**
 * Categories on wordings part RG5 found unread (test/fixtures/corpus/README.md, part RG5): each block is one general
 * step, with a document written for the test that the classifier got wrong before the step.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, loadRules } from '../../src/classify/index.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';

const rules = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]).rules!;
const categories = (title: string, text: string, date: string) =>
  classify({ title, text, date }, rules)
    .categories.map((c) => c.category)
    .sort();

describe('a digest: each item is a story of its own', () => {
  it('numbered items under a digest headline: the third item is not a side remark of the first', () => {
    const text = [
      '1. 商务部宣布，自即日起暂停实施部分稀土物项出口管制措施。',
      '2. 铜价周三小幅走低，收报每吨7.9万元。',
      '3. 海关总署：1-9月我国出口稀土4.8万吨，同比增长3.2%。',
      '4. 多地出台住房公积金新政。',
    ].join('\n');
    expect(categories('财经快讯（10月15日）', text, '2025-10-15')).toEqual(['control_relaxation', 'export_statistics']);
  });

  it('written-out bullets (ending in a full stop) are the newsletter’s report; headline links are other stories', () => {
    const items = [
      '• Customs data on Monday showed rare earth exports rose 12% in May to 5,100 tonnes.',
      '• Copper slipped in London on a firmer dollar.',
      '• Nickel inventories in Shanghai climbed for a third week.',
    ];
    expect(categories('Metals daily brief', `Good morning.\n${items.join('\n')}`, '2025-06-10')).toEqual([
      'export_statistics',
    ]);
    const links = items.map((l) => l.replace(/\.$/, ''));
    const story = 'Zinc prices fell 1% on Tuesday as demand in China stayed weak. Stocks of zinc rose.';
    expect(categories('Zinc slips', `${story}\n${links.join('\n')}`, '2025-06-10')).toEqual([]);
  });
});
