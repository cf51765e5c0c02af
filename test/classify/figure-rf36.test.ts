import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** The ninth figures round: the mechanisms behind the figure misses of the blind parts BH6–BH8. */

describe('a destination paragraph after a month and its total from January', () => {
  it('is on the month the paragraph before led with, not on the total added after it', () => {
    const text =
      'Magnet exports climbed 8% from a year earlier to 4,900 tons in May. In the first five months, shipments totalled 21,300 tons.\n\nShipments to Japan slipped to 300 tons.';
    expect(figs('Magnets', text, '2025-06-20')).toContain('magnet_exports_to_japan|300|2025-05|-|-|-');
  });
  it('stays on the total within its own paragraph', () => {
    const text =
      'Magnet exports climbed 8% from a year earlier to 4,900 tons in May. In the first five months, shipments totalled 21,300 tons, of which shipments to Japan were 1,500 tons.';
    expect(figs('Magnets', text, '2025-06-20')).toContain('magnet_exports_to_japan|1500|2025-01/2025-05|-|-|-');
  });
});

describe('a sentence with no figure recalling an earlier month', () => {
  it('does not move the text off the month it leads with', () => {
    const text =
      'Magnet exports rose to 4,900 tons in May.\n\nBeijing said in February that it would tighten checks on exports.\n\nExports to the United States fell to 520 tons.';
    expect(figs('Magnets', text, '2025-06-20')).toContain('magnet_exports_to_us|520|2025-05|-|-|-');
  });
});

describe('the period after a list of quota bases and an irregular participle', () => {
  it('is the bases’ own, not the period of the quotas compared with them', () => {
    const text =
      'The ministries issued the first round of this year’s rare earth quotas on Thursday. Mining may reach 110,000 t and separation 104,000 t, both 10% above the 100,000 t and 94,500 t set in the first round of 2021.';
    expect(figs('Quotas', text, '2022-02-10')).toEqual([
      'mining_quota|110000|2022|1|yoy|10',
      'smelting_quota|104000|2022|1|yoy|10',
      'mining_quota|100000|2021|1|-|-',
      'smelting_quota|94500|2021|1|-|-',
    ]);
  });
});

describe('a whole year whose clause names its own year', () => {
  it('is that year, not the one the sentence named first', () => {
    const text =
      'Beijing set the first batch of its 2025 rare earth quotas at 140,000 tonnes for mining and 136,000 tonnes for smelting in February, following full-year allowances of 270,000 tonnes and 254,000 tonnes in 2024.';
    expect(figs('Quotas', text, '2025-06-01')).toEqual(
      expect.arrayContaining(['mining_quota|270000|2024|-|-|-', 'smelting_quota|254000|2024|-|-|-']),
    );
  });
});

describe('a group’s share of a quota', () => {
  it('does not carry into the next paragraph', () => {
    const text =
      '两部门下达2025年第一批稀土开采、冶炼分离总量控制指标。\n\n据悉，北方稀土获得轻稀土开采指标约10万吨。\n\n此前一年，全年开采、冶炼分离指标共计27万吨和25.4万吨。';
    expect(figs('稀土指标', text, '2025-03-01')).toEqual(
      expect.arrayContaining(['mining_quota|270000|2024|-|-|-', 'smelting_quota|254000|2024|-|-|-']),
    );
  });
});

describe('a machine’s rewording of a batch notice', () => {
  const text = '两部委下达2024年第二批稀土开挖、冶炼分隔总量操控方针，本批开挖、冶炼分隔方针别离为13.5万吨、12.7万吨。';
  it('reads 开挖 as mining', () => {
    expect(figs('稀土', text, '2024-08-20')).toEqual([
      'mining_quota|135000|2024|2|-|-',
      'smelting_quota|127000|2024|2|-|-',
    ]);
  });
  it('reads 突破 or 冲破 before a tonnage as a bound, not a value', () => {
    expect(figs('全年开挖量初次冲破27万吨', text, '2024-08-20')).not.toContain('mining_quota|270000|2024|-|-|-');
  });
});

describe('a period after “respectively on”', () => {
  it('is the one compared with, not the period of the figures', () => {
    const text =
      'The second batch of 2025 rare earth quotas was issued on Friday. The first two batches combined come to 290,000 t of mining and 272,000 t of smelting, up 7.4% and 7.1% respectively on last year’s totals.';
    expect(figs('Quotas', text, '2025-08-20')).toEqual(
      expect.arrayContaining(['mining_quota_ytd|290000|2025|-|yoy|7.4', 'smelting_quota_ytd|272000|2025|-|yoy|7.1']),
    );
  });
});

describe('a quota compared with last year’s', () => {
  const text =
    '通知明确，2016年全国稀土矿开采总量控制指标为120000吨，其中岩矿型稀土矿指标102100吨。与上年的105000吨相比，增加的15000吨全部为岩矿型稀土矿指标。';
  it('dates 与上年的…吨 a year back', () => {
    expect(figs('稀土开采指标', text, '2016-05-10')).toContain('mining_quota|105000|2015|-|-|-');
  });
  it('reads 增加的…吨 as a difference, not a quota', () => {
    expect(figs('稀土开采指标', text, '2016-05-10').filter((l) => l.includes('|15000|'))).toEqual([]);
  });
});

describe('a difference right before the tonnage it leads to', () => {
  it('does not cut the tonnage off from the split named before it', () => {
    const text =
      'China will let miners extract 120,000 tonnes of rare earth oxide this year. The cap for light rare earth ores was raised by 15,000 tonnes to 102,100 tonnes.';
    expect(figs('Quota', text, '2016-05-10')).toContain('mining_quota_light|102100|2016|-|-|-');
  });
});

describe('another metal named right after a quota tonnage', () => {
  it('makes the tonnage that metal’s, not a rare earth quota', () => {
    const text =
      'China will let miners extract 120,000 tonnes of rare earth oxide this year. The ministry also set a mining cap of 91,300 tonnes for tungsten concentrate.';
    expect(figs('Quota', text, '2016-05-10')).toEqual(['mining_quota|120000|2016|-|-|-']);
  });
});

describe('a month with no year beside a quota’s half year', () => {
  it('is when the quota was issued, not its period', () => {
    const text =
      'The Commerce Ministry, which in December issued 15,500 tonnes of rare earth export quotas for the first half of 2013, said more would follow.';
    expect(figs('Export quota', text, '2013-01-10')).toEqual(['export_quota|15500|2013|1|-|-']);
  });
  it('keeps a month that names its year (今年2月)', () => {
    const text =
      '2023年全年稀土开采、冶炼分离总量控制指标分别为25.5万吨及24.385万吨，今年2月下达的第一批开采指标则为13.5万吨。';
    expect(figs('稀土', text, '2024-05-01')).toContain('mining_quota|135000|2024|1|-|-');
  });
});

describe('a base followed by “a month earlier”', () => {
  it('is the month before the figure compared with it', () => {
    const text =
      'Magnet exports to the United States fell about 9% to 540 tons in August from 593 tons a month earlier.';
    expect(figs('Magnets', text, '2025-09-20')).toContain('magnet_exports_to_us|593|2025-07|-|-|-');
  });
});

describe('a country named as the top buyer before its tonnage', () => {
  it('makes the tonnage that country’s, not the national total', () => {
    const text =
      'Magnet exports rose to 5,600 tons in June. The Netherlands was again the largest buyer, taking 1,180 tons in June. Japan was the biggest market, taking 410 tons.';
    const lines = figs('Magnets', text, '2025-07-20');
    expect(lines.filter((l) => l.startsWith('magnet_exports|'))).toEqual(['magnet_exports|5600|2025-06|-|-|-']);
    expect(lines).toContain('magnet_exports_to_japan|410|2025-06|-|-|-');
  });
});

describe('a Chinese base naming the batch of the year it is compared with', () => {
  it('is that year’s batch (与2021年第一批的…吨…相比)', () => {
    const text =
      '两部门下达2022年第一批稀土开采、冶炼分离总量控制指标，分别为100800吨、97200吨，与2021年第一批的84000吨、81000吨相比，均增长20%。';
    expect(figs('稀土指标', text, '2022-01-28')).toEqual(
      expect.arrayContaining(['mining_quota|84000|2021|1|-|-', 'smelting_quota|81000|2021|1|-|-']),
    );
  });
});

describe('a destination named in a clause set against the national flow', () => {
  it('does not carry to the next sentence’s national figure', () => {
    const text =
      'China’s exports of rare earth magnets rose in August from July, customs data showed, but shipments to Japan slipped. Exports totalled 6,146 metric tons.';
    expect(figs('Magnets', text, '2025-09-20')).toEqual(['magnet_exports|6146|2025-08|-|-|-']);
  });
  it('still carries from a lead that sends the flow there', () => {
    const text = 'China’s exports of rare earth magnets to Japan rose in August. Shipments totalled 420 metric tons.';
    expect(figs('Magnets', text, '2025-09-20')).toEqual(['magnet_exports_to_japan|420|2025-08|-|-|-']);
  });
});

describe('a base list after “the full-year allowances of”', () => {
  it('takes the year written after the list, not the year of the text', () => {
    const text =
      'China issued a second batch of rare earth quotas for 2023, with mining and smelting up 14.3% and 13.9% respectively from the full-year allowances of 210,000 tonnes and 202,000 tonnes set in 2022.';
    expect(figs('Quotas', text, '2023-09-26')).toEqual(
      expect.arrayContaining(['mining_quota|210000|2022|-|-|-', 'smelting_quota|202000|2022|-|-|-']),
    );
  });
});

describe('a quota allocation table flattened onto one line', () => {
  const text =
    '现将2021年稀土开采、冶炼分离总量控制指标下达给你们。\n附件 2021年稀土开采、冶炼分离总量控制指标分配表 单位：吨 序号 稀土集团 稀土矿产品 岩矿型稀土 离子型稀土 小计 冶炼分离产品 1 甲集团 100000 — 100000 90000 2 乙集团 48850 19150 68000 72000 合计 148850 19150 168000 162000';
  it('reads its total row, the subtotal after the split columns as the mining quota', () => {
    expect(figs('关于下达2021年稀土开采、冶炼分离总量控制指标的通知', text, '2021-10-09')).toEqual(
      expect.arrayContaining([
        'mining_quota_light|148850|2021|-|-|-',
        'mining_quota_ion_adsorption|19150|2021|-|-|-',
        'mining_quota|168000|2021|-|-|-',
        'smelting_quota|162000|2021|-|-|-',
      ]),
    );
  });
});
