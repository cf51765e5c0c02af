/**
 * Categories on what parts RG13–RG15 (test/fixtures/corpus/README.md) found in realistic genres: each block is one
 * general step, with documents written for the test — the step's hit and its near-miss.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe('a wait or a request for an approval is not the approval', () => {
  it('"waiting for … to clear", "awaiting approval", "urged … to approve": no licence approval', () => {
    const waiting =
      'Carmakers in Europe are still waiting for Chinese authorities to clear their applications to export ' +
      'rare earth magnets, executives said on Tuesday. Some lines may halt next month.';
    expect(categories('Parts makers fret over magnet supply', waiting, '2025-06-10')).toEqual([]);
    const urged =
      'The German economy minister on Tuesday urged Beijing to approve pending licences for rare earth magnets ' +
      'quickly, saying plants could otherwise stop.';
    expect(categories('Berlin presses China on magnets', urged, '2025-06-10')).toEqual([]);
    const zh = '多家欧洲车企表示，仍在等待中方主管部门批准其稀土磁体出口许可申请，部分生产线或将停工。';
    expect(categories('欧洲车企：稀土磁体供应紧张', zh, '2025-06-10')).toEqual([]);
  });

  it('the approval itself, even beside a wait, is still news', () => {
    const text =
      'China has approved export licences for rare earth magnets bound for several European carmakers, the EU ' +
      'chamber said on Tuesday, while other buyers are still waiting for their applications to be cleared.';
    expect(categories('China clears some magnet licences', text, '2025-06-10')).toEqual(['licence_approval']);
  });
});
