import { describe, expect, it } from 'vitest';
import { captionLines } from '../../src/classify/figures/captions.js';
import { findQuantities } from '../../src/classify/quantities.js';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** Wordings the own-corpus part RF showed the reader missing (documents it had not been tuned on). */

describe('bases written as "the prior year", "year over year", "the month before"', () => {
  it('reads them as year-on-year and month-on-month', () => {
    expect(
      figs(
        'Exports',
        'China shipped 61,200 metric tons of rare earths abroad in 2026, up 4.2% from the prior year.',
        '2027-01-14',
      ),
    ).toEqual(['rare_earth_exports|61200|2026|-|yoy|4.2']);
    expect(
      figs(
        'Magnets',
        'Magnet exports reached 4,410 tonnes in March, 8 percent above the month before and 3 percent higher year over year.',
        '2026-04-20',
      ),
    ).toEqual(['magnet_exports|4410|2026-03|-|mom|8', 'magnet_exports|4410|2026-03|-|yoy|3']);
  });
});

describe('ranges', () => {
  it('takes no value from "between 270,000 and 290,000 tons" or 介于28万和30万吨之间', () => {
    expect(findQuantities('a quota of between 270,000 and 290,000 tons')[0]?.bound).toBe(true);
    expect(findQuantities('预计指标介于28万和30万吨之间')[0]?.bound).toBe(true);
    expect(
      figs(
        'Outlook',
        "Traders expect this year's rare earth mining quota to come in between 300,000 and 320,000 tons.",
        '2026-03-02',
      ),
    ).toEqual([]);
  });
});

describe('a list of changes after a list of tonnages', () => {
  it('pairs them in order without 分别/"respectively"', () => {
    expect(
      figs('指标', '2026年稀土开采、冶炼分离总量控制指标分别为30万吨和28万吨，同比增长11.1%和10.2%。', '2026-12-20'),
    ).toEqual(['mining_quota|300000|2026|-|yoy|11.1', 'smelting_quota|280000|2026|-|yoy|10.2']);
  });

  it('pairs the first list with "respectively" and leaves a later list of another year alone', () => {
    expect(
      figs(
        'Quotas',
        'The new batch takes the 2026 rare earth mining quota to 300,000 tons and the smelting quota to 280,000 tons, up 11.1% and 10.2% respectively from a year before, versus rises of 6% and 5% in 2025.',
        '2026-12-20',
      ),
    ).toEqual(['mining_quota|300000|2026|-|yoy|11.1', 'smelting_quota|280000|2026|-|yoy|10.2']);
  });
});

describe('a breakdown by destination', () => {
  it("keeps the United States' and Japan's figures and leaves out other countries' without taking them for the total", () => {
    expect(
      figs(
        'Magnets by destination',
        'China exported 6,020 tonnes of rare-earth magnets in August. By destination, Germany took 1,150 tonnes, up 7% from a year earlier, while shipments to the United States were 590 tonnes and exports to Japan 310 tonnes. South Korea received 540 tonnes.',
        '2026-09-20',
      ),
    ).toEqual([
      'magnet_exports|6020|2026-08|-|-|-',
      'magnet_exports_to_us|590|2026-08|-|-|-',
      'magnet_exports_to_japan|310|2026-08|-|-|-',
    ]);
    expect(
      figs(
        '磁材出口',
        '8月稀土永磁出口6020吨。其中对德国出口同比增长7%，达到1150吨；对美国出口590吨，同比增长4.5%。',
        '2026-09-20',
      ),
    ).toEqual(['magnet_exports|6020|2026-08|-|-|-', 'magnet_exports_to_us|590|2026-08|-|yoy|4.5']);
  });
});

describe('magnets described with rare earths, and what is not magnets', () => {
  it('reads "magnets made with rare earths" as magnets and "products other than magnets" as neither series', () => {
    expect(
      figs(
        'Magnets',
        'Shipments of permanent magnets made with rare earths rose to 4,420 tonnes in March. Exports of rare earth products other than magnets totalled 1,980 tonnes.',
        '2026-04-20',
      ),
    ).toEqual(['magnet_exports|4420|2026-03|-|-|-']);
  });

  it('reads 磁铁或其他…稀土材料 as magnets, and 同类稀土产品 in the next sentence as the same product', () => {
    expect(
      figs(
        '',
        '中国向美国出口的稀土磁铁，或其他用来生产磁铁的稀土材料，上个月为520吨。这比5月份向美国出口的480吨同类稀土产品增加8.3%。',
        '2026-07-20',
      ),
    ).toEqual(['magnet_exports_to_us|520|2026-06|-|mom|8.3', 'magnet_exports_to_us|480|2026-05|-|-|-']);
  });
});

describe('photo captions', () => {
  it('takes no figure, product or share from a caption line', () => {
    const body = [
      '中国9月稀土永磁体出口量为5,600吨，较8月减少6.1%。',
      '图为包头一家稀土冶炼厂，年产能约2万吨。（示意图／翻摄微博）',
      '其中对美国出口量为430吨，较8月下滑20.4%。',
    ].join('\n');
    expect(figs('磁材出口', body, '2026-10-21')).toEqual([
      'magnet_exports|5600|2026-09|-|mom|-6.1',
      'magnet_exports_to_us|430|2026-09|-|mom|-20.4',
    ]);
    expect(captionLines(`标题\n${body}`)).toHaveLength(1);
    // A wire paragraph ending with the agency's name is not a caption.
    expect(captionLines('Title\nExports rose to 5,000 tons in May. (Reuters)')).toEqual([]);
  });
});

describe('changes and flows stated around the figure', () => {
  it("gives a lead sentence's change to the next sentence's figure though a price is named after it, not a value's change", () => {
    expect(
      figs(
        'Exports',
        "China's exports of rare earths in 2026 rose 6.1% from the prior year, customs data showed, helped by lower prices. The country shipped 58,900 metric tons abroad last year. The value of exports fell to 2 billion yuan, down 9% from the year before.",
        '2027-01-14',
      ),
    ).toEqual(['rare_earth_exports|58900|2026|-|yoy|6.1']);
  });

  it('reads an import sentence after a magnet sentence as rare earths, and takes no figure of imported magnets', () => {
    expect(
      figs(
        'Trade',
        'Magnet exports reached 60.2 kt in 2026. Imports amounted to 150.4 million kg, down 3.5%. Imports of magnets were 12 tonnes.',
        '2027-02-10',
      ),
    ).toEqual(['magnet_exports|60200|2026|-|-|-', 'rare_earth_imports|150400|2026|-|yoy|-3.5']);
  });

  it("reads a customs table's 同比 columns that do not say 数量 when the table states no money", () => {
    const table = [
      '据海关统计，9月主要稀土产品出口情况如下（单位：吨）：',
      '商品名称 | 单位 | 9月数量 | 1至9月累计数量 | 9月同比(%) | 累计同比(%)',
      '稀土 | 吨 | 5,100.5 | 44,020 | 8.2 | -1.5',
    ].join('\n');
    expect(figs('2026年9月稀土出口数据', table, '2026-10-20')).toEqual([
      'rare_earth_exports|5100.5|2026-09|-|yoy|8.2',
      'rare_earth_exports|44020|2026-01/2026-09|-|yoy|-1.5',
    ]);
  });
});

describe("a share's change", () => {
  it('gives a company share\'s percentages to no national figure, even with "respectively"', () => {
    expect(
      figs(
        'Quota',
        'MIIT set the first batch of 2026 rare earth targets for mining and smelting at 150 thousand tonnes and 140 thousand tonnes respectively, of which China Rare Earth Group accounts for 40.1 thousand tonnes and 38.2 thousand tonnes, a 12% increase compared with last year.',
        '2026-03-10',
      ),
    ).toEqual(['mining_quota|150000|2026|1|-|-', 'smelting_quota|140000|2026|1|-|-']);
  });
});

describe('a split listed with 、', () => {
  it('gives each tonnage the split written right before it', () => {
    expect(
      figs(
        '指标',
        '2026年第一批稀土开采总量控制指标为9万吨，其中岩矿型稀土指标7.95万吨、离子型稀土指标1.05万吨。',
        '2026-02-08',
      ),
    ).toEqual([
      'mining_quota|90000|2026|1|-|-',
      'mining_quota_light|79500|2026|1|-|-',
      'mining_quota_ion_adsorption|10500|2026|1|-|-',
    ]);
  });
});

describe('Chinese bases and changes in tenths', () => {
  it('reads 较2025年11月 and 前一年的同期 as year on year, 近七成 as 70%, and no basis against another quarter', () => {
    expect(figs('', '中国11月稀土磁铁出口量为3010吨，较10月减少2.5%，但较2025年11月增加9.6%。', '2026-12-20')).toEqual([
      'magnet_exports|3010|2026-11|-|mom|-2.5',
      'magnet_exports|3010|2026-11|-|yoy|9.6',
    ]);
    expect(figs('', '5月份稀土出口量为4200吨，比前一年的同期增加1.5%。', '2026-06-20')).toEqual([
      'rare_earth_exports|4200|2026-05|-|yoy|1.5',
    ]);
    expect(
      figs(
        '',
        '今年三季度，中国出口稀土总量为5100.5吨，较二季度的9800吨减少约48%；较去年同期则减少约六成。7月出口1500吨，同比下降近七成。',
        '2026-10-14',
      ),
    ).toEqual([
      'rare_earth_exports|5100.5|2026-Q3|-|yoy|-60',
      'rare_earth_exports|9800|2026-Q2|-|-|-',
      'rare_earth_exports|1500|2026-07|-|yoy|-70',
    ]);
  });
});

describe('a comparison base in brackets', () => {
  it('gives "on 2025 (50 120 t)" the year compared with and no change', () => {
    expect(
      figs(
        'Review',
        'Customs data for 2026 show exports of rare earths at 53 400 tonnes, up 6.5% on 2025 (50 120 t).',
        '2027-02-10',
      ),
    ).toEqual(['rare_earth_exports|53400|2026|-|yoy|6.5', 'rare_earth_exports|50120|2025|-|-|-']);
  });
});

/** Wordings the own-corpus part RG3 showed the reader missing. */
describe('a quota in other words: a "third and final slice" of "production rights", "tons of ore extraction"', () => {
  const text = (year: number, a: number, b: number) =>
    `China released a third and final slice of this year's rare earth production rights, permitting ` +
    `${a.toLocaleString('en-US')} tons of ore extraction and ${b.toLocaleString('en-US')} tons of smelting and ` +
    `separation. The volumes lift the full-year allowance to 291,000 tons for extraction and 273,200 tons for ` +
    `separation, against 270,000 and 254,000 tons in ${year}.`;

  it('reads the batch, the year total of the sentence and the bases of the year compared with', () => {
    expect(figs('Quotas', text(2024, 16000, 15200), '2026-12-11')).toEqual([
      'mining_quota|16000|2026|3|-|-',
      'smelting_quota|15200|2026|3|-|-',
      'mining_quota|291000|2026|-|-|-',
      'smelting_quota|273200|2026|-|-|-',
      'mining_quota|270000|2024|-|-|-',
      'smelting_quota|254000|2024|-|-|-',
    ]);
  });

  it('follows a changed year compared with and changed batch tonnages', () => {
    const lines = figs('Quotas', text(2023, 12000, 11000), '2026-12-11');
    expect(lines).toContain('mining_quota|12000|2026|3|-|-');
    expect(lines).toContain('smelting_quota|254000|2023|-|-|-');
    expect(lines).toContain('mining_quota|291000|2026|-|-|-');
  });
});

describe('a list with no quota named takes the quotas named before it, in order', () => {
  it('gives "bringing the total to A and B tonnes" mining then smelting, as the sentence named them', () => {
    const text =
      'The second batch of rare earth quotas allows 120,000 tonnes of mined output and 115,000 tonnes of smelted output, bringing ' +
      'the total so far this year to 240,000 and 230,000 tonnes.';
    expect(figs('Quotas', text, '2023-09-20')).toEqual([
      'mining_quota|120000|2023|2|-|-',
      'smelting_quota|115000|2023|2|-|-',
      'mining_quota_ytd|240000|2023|-|-|-',
      'smelting_quota_ytd|230000|2023|-|-|-',
    ]);
    const swapped = text.replace('mined', 'TMP').replace('smelted', 'mined').replace('TMP', 'smelted');
    expect(figs('Quotas', swapped, '2023-09-20')).toContain('smelting_quota_ytd|240000|2023|-|-|-');
  });
});

describe('a headline that rounds the body’s figure states it once', () => {
  it('keeps the precise body figure, whatever the numbers; two figures further apart than a rounding stay two', () => {
    for (const [rounded, precise] of [
      ['5.82万', '58,193.1'],
      ['4.53万', '45,290'],
    ] as const)
      expect(
        figs(
          `前11月稀土出口${rounded}吨 同比增长逾一成`,
          `海关总署数据显示，前11月累计出口稀土${precise}吨，同比增长11.7%。`,
          '2025-12-09',
        ),
      ).toEqual([`rare_earth_exports|${Number(precise.replace(',', ''))}|2025-01/2025-11|-|yoy|11.7`]);
    expect(
      figs('前11月稀土出口5.7万吨', '海关总署数据显示，前11月累计出口稀土58,193.1吨，同比增长11.7%。', '2025-12-09'),
    ).toHaveLength(2);
  });
});

describe('shipments that come in', () => {
  it('reads "inbound shipments" as imports, and outbound ones still as exports', () => {
    const sentence = (way: string) =>
      `${way} shipments of rare earths came to 11,200 tonnes in November, 8% more than a year earlier, customs data showed.`;
    expect(figs('Rare earth trade', sentence('Inbound'), '2025-12-22')).toEqual([
      'rare_earth_imports|11200|2025-11|-|yoy|8',
    ]);
    expect(figs('Rare earth trade', sentence('Outbound'), '2025-12-22')).toEqual([
      'rare_earth_exports|11200|2025-11|-|yoy|8',
    ]);
  });
});

describe('the base period in other nouns', () => {
  it('"the same stretch (span) of 2024" is the base, not the figure\'s period', () => {
    for (const noun of ['period', 'stretch', 'span'])
      expect(
        figs(
          'Rare earth trade',
          `For January through November, exports totalled 121,400 tonnes, down 4.5% on the same ${noun} of 2024.`,
          '2025-12-22',
        ),
        noun,
      ).toEqual(['rare_earth_exports|121400|2025-01/2025-11|-|yoy|-4.5']);
  });
});
