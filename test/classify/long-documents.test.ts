/**
 * A document is read up to MAX_CLASSIFIED_CHARS: a table dump, a minified page or a hostile text of megabytes gets
 * the categories and figures of its first part, and does not hold the check (and the daemon's event loop) for minutes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, loadRules, MAX_CLASSIFIED_CHARS } from '../../src/classify/index.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';

const rules = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]).rules!;
const title = '关于下达稀土总量控制指标的通知';
const news = '工业和信息化部下达2024年第一批稀土开采总量控制指标135000吨。';
const filler = (chars: number) => '会议还讨论了其他工作安排。'.repeat(Math.ceil(chars / 13));

describe('a document longer than the classifier reads', () => {
  it('is read up to the limit: the same notice is found before it and not after it', () => {
    const before = classify({ title, text: `${news}\n${filler(MAX_CLASSIFIED_CHARS * 2)}`, date: '2024-02-06' }, rules);
    expect(before.categories.map((c) => c.category)).toContain('quota_batch');
    expect(before.figures).toContainEqual(
      expect.objectContaining({ metric: 'mining_quota', value: 135_000, period: '2024', batch: 1 }),
    );
    const after = classify(
      { title: '通知', text: `${filler(MAX_CLASSIFIED_CHARS)}\n${news}`, date: '2024-02-06' },
      rules,
    );
    expect(after.figures).toEqual([]);
  });
});
