import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** The tenth figures round: classes of text the blind parts BH9–BH13 showed the reader missing. */

describe('a conditional word inside a closed bracket', () => {
  it('reads the tonnage after a byline whose name holds 若', () => {
    expect(
      figs('', '本报讯(记者 张若兰)据海关统计,2025年8月我国出口稀土永磁体4100吨,同比增长3.2%。', '2025-09-20'),
    ).toEqual(['magnet_exports|4100|2025-08|-|yoy|3.2']);
  });

  it('still leaves out a tonnage after an open conditional', () => {
    expect(figs('', '若第二批与第一批持平,全年开采指标将为27万吨。', '2025-09-20')).toEqual([]);
  });
});
