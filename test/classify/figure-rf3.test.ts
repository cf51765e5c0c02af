import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** Wordings the own-corpus part RF3 showed the reader getting wrong (documents it had not been tuned on). */

describe('a year-to-date word with no quota word before it', () => {
  it('leaves "combined" exports a trade figure after a sentence on another metal\'s mining cap', () => {
    expect(
      figs(
        'Metals note',
        'Tungsten: the first mining cap of the year was set at 60,000 t.\nRare earths: exports in the first two months combined were 9,120 t.',
        '2026-03-09',
      ),
    ).toEqual(['rare_earth_exports|9120|2026-01/2026-02|-|-|-']);
  });

  it('still reads "the total so far this year" after a batch as the quotas to date', () => {
    expect(
      figs(
        'Quotas',
        'The second batch of rare earth quotas sets mining at 70,000 tonnes, bringing the mining total so far this year to 140,000 tonnes.',
        '2026-08-20',
      ),
    ).toEqual(['mining_quota|70000|2026|2|-|-', 'mining_quota_ytd|140000|2026|-|-|-']);
  });
});

describe('months spanned after the flow noun', () => {
  it('reads "exports over January and February combined" as the two months, not a comparison with January', () => {
    expect(
      figs('Rare earths', 'Rare earth exports over January and February combined were 9,120 t.', '2026-03-09'),
    ).toEqual(['rare_earth_exports|9120|2026-01/2026-02|-|-|-']);
  });
});

describe('comparisons with the same months of an earlier year', () => {
  it('reads "than in the first two months of 2025" as year on year after "over January and February"', () => {
    expect(
      figs(
        'Rare earths',
        'Rare earth exports over January and February were 9,120 t, 4% lower than in the first two months of 2025.',
        '2026-03-09',
      ),
    ).toEqual(['rare_earth_exports|9120|2026-01/2026-02|-|yoy|-4']);
  });

  it('takes "the corresponding nine months of 2024" as the base, and "short of" as a fall', () => {
    expect(
      figs(
        'Magnets',
        'Over the first nine months magnet exporters shipped 40,100 t, 6.2% short of the corresponding nine months of 2024.',
        '2025-10-20',
      ),
    ).toEqual(['magnet_exports|40100|2025-01/2025-09|-|yoy|-6.2']);
  });

  it('reads "against August" as month on month', () => {
    expect(
      figs('Magnets', 'Magnet exports were 5,800 t in September, a fall of 5% against August.', '2025-10-20'),
    ).toEqual(['magnet_exports|5800|2025-09|-|mom|-5']);
  });
});

describe('flows worded by what leaves or comes in', () => {
  it('reads goods sent abroad or leaving the ports as exports, whatever lies between', () => {
    expect(figs('Magnets', 'China sent 5.9k t of bonded magnets abroad in October.', '2025-11-20')).toEqual([
      'magnet_exports|5900|2025-10|-|-|-',
    ]);
    expect(figs('Reserve', 'In 2023 the country let 52,300 t of rare earths leave its ports.', '2025-04-10')).toEqual([
      'rare_earth_exports|52300|2023|-|-|-',
    ]);
  });

  it('reads rare earths bought from abroad as imports', () => {
    expect(figs('Imports', 'China bought 130,500 t of rare earths from abroad in 2025.', '2026-01-14')).toEqual([
      'rare_earth_imports|130500|2025|-|-|-',
    ]);
    expect(figs('Imports', 'In December, purchases of rare earths from abroad came to 9,300 t.', '2026-01-14')).toEqual(
      ['rare_earth_imports|9300|2025-12|-|-|-'],
    );
  });
});

describe('buyers named by their country', () => {
  it('reads "Japanese carmakers took" as the Japan figure and leaves a bare Germany out of the total', () => {
    expect(
      figs(
        'Magnets',
        'Magnet exports were 5,800 t in September.\nGermany again topped the list of buyers with about 1,100 t.\nJapanese carmakers took 250 t, close to their monthly average this year.',
        '2025-10-20',
      ),
    ).toEqual(['magnet_exports|5800|2025-09|-|-|-', 'magnet_exports_to_japan|250|2025-09|-|-|-']);
  });
});

describe('quotas as allotments, ceilings and extraction rights', () => {
  it('reads an initial allotment of extraction rights as the first batch, against "the equivalent round a year ago"', () => {
    expect(
      figs(
        'Rare earth allotment',
        'China has handed out 140,000 mt of rare earth extraction rights in its initial allotment for 2026. For separation, the initial allotment came to 131,000 mt, 3.1% above the equivalent round a year ago.',
        '2026-02-10',
      ),
    ).toEqual(['mining_quota|140000|2026|1|-|-', 'smelting_quota|131000|2026|1|yoy|3.1']);
  });

  it('reads last year\'s ceilings "issued over three rounds … for the full year" as that year\'s totals', () => {
    expect(
      figs(
        'Rare earth ceilings',
        "Last year's rare earth ceilings, issued over three rounds, totalled 280,000 mt for extraction and 265,000 mt for separation for the full year.",
        '2026-02-10',
      ),
    ).toEqual(['mining_quota|280000|2025|-|-|-', 'smelting_quota|265000|2025|-|-|-']);
  });
});

describe('quarters and halves named by their months or by the text', () => {
  it('reads "the July–September quarter" as Q3 and "the previous quarter" as the quarter before it', () => {
    expect(
      figs(
        'Quarter',
        'Rare earth exports in the July–September quarter were 6,100 tonnes, well above the 5,200 tonnes shipped in the previous quarter.',
        '2026-10-14',
      ),
    ).toEqual(['rare_earth_exports|6100|2026-Q3|-|-|-', 'rare_earth_exports|5200|2026-Q2|-|-|-']);
  });

  it('leaves out a tonnage of "the previous quarter" when the text is on no quarter', () => {
    expect(
      figs(
        'Exports',
        'Rare earth exports were 2,000 tonnes in September, after 5,200 tonnes in the previous quarter.',
        '2026-10-14',
      ),
    ).toEqual(['rare_earth_exports|2000|2026-09|-|-|-']);
  });

  it('reads "the six months to June" and "the seven-month total" from January, and "over" them as spanning', () => {
    expect(
      figs(
        'Magnets',
        'Shipments of rare earth magnets over the six months to June totalled 23,000 t. The seven-month total was 28,100 t.',
        '2026-08-20',
      ),
    ).toEqual(['magnet_exports|23000|2026-H1|-|-|-', 'magnet_exports|28100|2026-01/2026-07|-|-|-']);
  });

  it('reads "over the half year" as the half the text is on, for sales to American buyers', () => {
    expect(
      figs(
        'Magnets',
        'Magnet exports in the first half were 23,000 t. Sales to American buyers came to 2.4 million kg over the half year.',
        '2026-07-20',
      ),
    ).toEqual(['magnet_exports|23000|2026-H1|-|-|-', 'magnet_exports_to_us|2400|2026-H1|-|-|-']);
  });
});

describe('machine-rewritten comparisons', () => {
  it('reads "compare to June month" as month on month', () => {
    expect(
      figs(
        'Magnet',
        'The magnet export of China at July is reach to 5,600 ton, it increase 70% compare to June month.',
        '2026-08-20',
      ),
    ).toEqual(['magnet_exports|5600|2026-07|-|mom|70']);
  });
});

describe('the same month a year before in Chinese, and a change written out', () => {
  it('reads 较上年同月 and 与去年同月相比 as year on year beside a month-on-month base', () => {
    expect(figs('稀土出口', '5月我国稀土出口6300吨，较上年同月增长12%，比4月的5000吨增加26%。', '2026-06-08')).toEqual([
      'rare_earth_exports|6300|2026-05|-|yoy|12',
      'rare_earth_exports|6300|2026-05|-|mom|26',
      'rare_earth_exports|5000|2026-04|-|-|-',
    ]);
    expect(
      figs('稀土出口', '上月我国稀土出口6300吨，比4月份的5000吨增加26%，但与去年同月相比减少4.1%。', '2026-06-08'),
    ).toEqual([
      'rare_earth_exports|6300|2026-05|-|mom|26',
      'rare_earth_exports|6300|2026-05|-|yoy|-4.1',
      'rare_earth_exports|5000|2026-04|-|-|-',
    ]);
  });

  it('reads 百分之十 as 10%', () => {
    expect(figs('指标', '2026年全年稀土开采总量控制指标为三十万吨，较上年增长百分之十。', '2026-09-30')).toEqual([
      'mining_quota|300000|2026|-|yoy|10',
    ]);
  });
});

describe('a customs table with a month-on-month column', () => {
  it("gives the month's figure both changes", () => {
    expect(
      figs(
        '2026年5月全国出口重点商品量值表',
        '商品名称 | 计量单位 | 5月数量 | 1至5月累计数量 | 5月同比(%) | 5月环比(%) | 累计同比(%)\n稀土 | 吨 | 6300 | 25000 | 12.0 | 26.0 | 3.1',
        '2026-06-08',
      ),
    ).toEqual([
      'rare_earth_exports|6300|2026-05|-|yoy|12',
      'rare_earth_exports|6300|2026-05|-|mom|26',
      'rare_earth_exports|25000|2026-01/2026-05|-|yoy|3.1',
    ]);
  });
});

/** Wordings of part RF4 (written after the steps above, then run once and tuned on). */

describe('the first three quarters', () => {
  it('reads 前三季度 and "the first three quarters" as January to September, not the third quarter', () => {
    expect(figs('磁体', '今年前三季度，我国稀土永磁体累计出口40100吨，同比下滑6%。', '2026-10-20')).toEqual([
      'magnet_exports|40100|2026-01/2026-09|-|yoy|-6',
    ]);
    expect(
      figs('Magnets', 'Magnet exports in the first three quarters of 2026 were 40,100 tonnes.', '2026-10-20'),
    ).toEqual(['magnet_exports|40100|2026-01/2026-09|-|-|-']);
  });
});

describe('a Chinese base in brackets before a second change', () => {
  it('keeps 较8月 for the first change and 同比 for the second', () => {
    expect(
      figs('磁体', '9月当月，稀土永磁出口量为5800吨，较8月（6200吨）减少6.5%，同比则增长12%。', '2026-10-20'),
    ).toEqual([
      'magnet_exports|5800|2026-09|-|mom|-6.5',
      'magnet_exports|5800|2026-09|-|yoy|12',
      'magnet_exports|6200|2026-08|-|-|-',
    ]);
  });
});

describe('short and written-out Chinese wordings', () => {
  it('reads 输美/輸美 as to the United States', () => {
    expect(figs('磁体', '今年首两个月稀土磁体出口1.1万吨，当中输美980吨，按年跌20%。', '2026-03-10')).toEqual([
      'magnet_exports|11000|2026-01/2026-02|-|-|-',
      'magnet_exports_to_us|980|2026-01/2026-02|-|yoy|-20',
    ]);
  });

  it('signs 少了百分之五点二 as a fall', () => {
    expect(figs('磁铁', '稀土磁铁的总出口数量在十月份是五千四百吨，比九月份少了百分之五点二。', '2026-11-20')).toEqual([
      'magnet_exports|5400|2026-10|-|mom|-5.2',
    ]);
  });
});

describe('a trade summary whose lines name no flow', () => {
  it('reads the lines after "trade data" as exports', () => {
    expect(
      figs(
        'Weekly',
        "China's customs bureau published November trade data on Sunday. Our summary:\n- Rare earths, Nov: 5,500 t (+20% MoM)",
        '2026-12-21',
      ),
    ).toEqual(['rare_earth_exports|5500|2026-11|-|mom|20']);
  });
});

describe("another country's exports and a calendar year", () => {
  it("leaves out Myanmar's exports to China", () => {
    expect(
      figs('Feedstock', "Myanmar's exports of rare earth concentrates to China hit 4,100 tonnes in May.", '2026-06-20'),
    ).toEqual([]);
  });

  it('reads "a 12.9% advance on calendar 2024" as year on year', () => {
    expect(
      figs(
        'Exports',
        'For calendar 2025 rare earth exports reached 62,585 t, a 12.9% advance on calendar 2024.',
        '2026-01-14',
      ),
    ).toEqual(['rare_earth_exports|62585|2025|-|yoy|12.9']);
  });
});

describe('a tonnage with no period the text gives', () => {
  it('is left out rather than reported without one', () => {
    expect(figs('Rare earths', 'China exported 3,000 tonnes of rare earths in September.', undefined)).toEqual([]);
    expect(figs('Rare earths', 'China exported 3,000 tonnes of rare earths in September.', '2026-10-14')).toEqual([
      'rare_earth_exports|3000|2026-09|-|-|-',
    ]);
  });
});

/** Wordings of part RF5 (written after RF4's steps, then run once and tuned on). */

describe('bounds, inbound flows and arrivals', () => {
  it('takes no value from a headline that "tops 47,000 t"', () => {
    expect(figs('Exports', 'The ten-month total of rare earth exports tops 47,000 t.', '2026-11-07')).toEqual([]);
  });

  it('reads "inbound volumes" and "arrivals" as imports, "for the month" as the month the text is on', () => {
    expect(
      figs(
        'Rare earths',
        'Rare earth exports totalled 4,800 tons in October. Inbound volumes were 9,500 tons for the month and 112,000 tons in the year through October.',
        '2026-11-07',
      ),
    ).toEqual([
      'rare_earth_exports|4800|2026-10|-|-|-',
      'rare_earth_imports|9500|2026-10|-|-|-',
      'rare_earth_imports|112000|2026-01/2026-10|-|-|-',
    ]);
    expect(
      figs(
        'Rare earths',
        'Arrivals of rare earths into China fell 30% from a year before to 9,000 t in December.',
        '2027-01-13',
      ),
    ).toEqual(['rare_earth_imports|9000|2026-12|-|yoy|-30']);
  });

  it('leaves out a tonnage "for the month" when the text is on no single month', () => {
    expect(figs('Rare earths', 'Rare earth imports were 9,500 tons for the month.', '2026-11-07')).toEqual([]);
  });
});

describe('a cumulative quota and a month with "the"', () => {
  it('reads 年内累计…指标 as the quotas to date', () => {
    expect(figs('稀土指标', '第二批稀土指标下达，年内累计开采指标21万吨。', '2026-08-17')).toEqual([
      'mining_quota_ytd|210000|2026|-|-|-',
    ]);
  });

  it('reads "fall 3.4% than the July" as month on month', () => {
    expect(
      figs(
        'Export',
        'The rare earth export of China in the August is 5.79 thousand metric tons, which fall 3.4% than the July.',
        '2026-09-09',
      ),
    ).toEqual(['rare_earth_exports|5790|2026-08|-|mom|-3.4']);
  });
});

/** Wordings of part RF6 (written after RF5's steps, then run once and tuned on). */

describe('one value for each of the batches a sentence counts', () => {
  it('reads 两批…每批 as both batches, not the full year', () => {
    expect(
      figs('稀土指标', '回顾去年，下达的两批稀土指标完全相同，每批开采指标14万吨、冶炼分离指标13万吨。', '2026-03-05'),
    ).toEqual([
      'mining_quota|140000|2025|1|-|-',
      'mining_quota|140000|2025|2|-|-',
      'smelting_quota|130000|2025|1|-|-',
      'smelting_quota|130000|2025|2|-|-',
    ]);
  });
});

describe('a month named "prior" and the twelve months after a December', () => {
  it('reads "the prior December" as the December a year before the one the text is on', () => {
    expect(
      figs(
        'Exports',
        "China exported 4,400 t of rare earths in December, up from the prior December's 3,300 t. For the twelve months, shipments came to 62,600 t.",
        '2027-01-14',
      ),
    ).toEqual([
      'rare_earth_exports|4400|2026-12|-|-|-',
      'rare_earth_exports|3300|2025-12|-|-|-',
      'rare_earth_exports|62600|2026|-|-|-',
    ]);
  });

  it('leaves out "the twelve months" when the text is on no December', () => {
    expect(figs('Exports', 'Over the twelve months rare earth shipments came to 60,000 t.', '2027-03-14')).toEqual([]);
  });
});

describe('processing allocations and a sentence on one of them', () => {
  it('reads "130 kt for processing" as smelting and "The mining figure is 3.7% higher" as the mining change', () => {
    expect(
      figs(
        'Allocation',
        'China has issued a first-round rare earth allocation of 140 kt for mining and 130 kt for processing for 2026. The mining figure is 3.7% higher than the first round of 2025.',
        '2026-02-07',
      ),
    ).toEqual(['mining_quota|140000|2026|1|yoy|3.7', 'smelting_quota|130000|2026|1|-|-']);
  });
});

/** Wordings of part RF7 (written after RF6's steps, then run once and tuned on). */

describe('RF7 wordings', () => {
  it('reads "U.S. consignees took" as a trade figure to the United States', () => {
    expect(
      figs(
        'Magnets',
        'U.S. consignees took 590 t of Chinese rare earth magnets in November, 10% fewer than in October.',
        '2026-12-20',
      ),
    ).toEqual(['magnet_exports_to_us|590|2026-11|-|mom|-10']);
  });

  it('reads "taking the 2023 aggregate to" after a third tranche as the full year', () => {
    expect(
      figs(
        'Quotas',
        'China issued a third tranche of 2023 rare earth quotas, allowing 15,000 t of mining, taking the 2023 aggregate to 255,000 t for mining.',
        '2023-12-15',
      ),
    ).toEqual(['mining_quota|15000|2023|3|-|-', 'mining_quota|255000|2023|-|-|-']);
  });

  it('reads 头三季 as January to September', () => {
    expect(figs('磁体', '内地头三季稀土磁体出口39817公吨，按年跌7.5%。', '2025-10-20')).toEqual([
      'magnet_exports|39817|2025-01/2025-09|-|yoy|-7.5',
    ]);
  });

  it('reads "above April\'s level of 4,785 t" as a base of April', () => {
    expect(
      figs(
        'Exports',
        "China's rare-earth exports in May were 5,864.6 t, 23% above April's level of 4,785 t.",
        '2025-06-09',
      ),
    ).toEqual(['rare_earth_exports|5864.6|2025-05|-|mom|23', 'rare_earth_exports|4785|2025-04|-|-|-']);
  });
});

/** Wordings of part RF8 (written after RF7's steps, then run once and tuned on). */

describe('RF8 wordings: a destination is not the national total', () => {
  it('reads 对日/对德 as to Japan and Germany (the Japan figure kept, the German one left out)', () => {
    expect(figs('磁体', '去年12月我国对日出口稀土磁体290吨，对德出口1100吨。', '2027-01-20')).toEqual([
      'magnet_exports_to_japan|290|2026-12|-|-|-',
    ]);
  });

  it('gives each tonnage of "410 t went to the United States and 220 t to Japan" its own destination', () => {
    expect(
      figs(
        'Magnets',
        'Of the 5,300 t of rare earth magnets China shipped in March, 410 t went to the United States and 220 t to Japan.',
        '2027-04-20',
      ),
    ).toEqual([
      'magnet_exports|5300|2027-03|-|-|-',
      'magnet_exports_to_us|410|2027-03|-|-|-',
      'magnet_exports_to_japan|220|2027-03|-|-|-',
    ]);
  });
});
