import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChanges } from '../../src/classify/changes.js';
import { classify, loadRules } from '../../src/classify/index.js';
import { findPeriods } from '../../src/classify/periods.js';
import { findQuantities } from '../../src/classify/quantities.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';

const loaded = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]);
if (!loaded.rules) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
const rules = loaded.rules;

/** metric|value|period|basis|pct for each figure, in order. */
const figs = (title: string, text: string, date: string) =>
  classify({ title, text, date }, rules).figures.map(
    (f) => `${f.metric}|${f.value}|${f.period ?? '-'}|${f.change_basis ?? '-'}|${f.change_pct ?? '-'}`,
  );

describe('tonnages written as bounds', () => {
  it('takes no value from 逾/超过/"more than"', () => {
    expect(findQuantities('前5个月累计出口逾2.4万吨')[0]?.bound).toBe(true);
    expect(findQuantities('exports of more than 11,000 tonnes')[0]?.bound).toBe(true);
    expect(findQuantities('出口稀土24266.5吨')[0]?.bound).toBe(false);
    expect(figs('5月稀土出口量同比增长35.9% 前5个月累计出口逾2.4万吨', '', '2024-06-07')).toEqual([]);
  });
});

describe('the basis of each change', () => {
  it('reads an English basis after its percentage, not the one of the percentage before', () => {
    expect(
      figs(
        'Magnets',
        'Magnet exports fell to 1,238 metric tons in May, down 74% from a year earlier and 52.9% lower than in April.',
        '2025-06-20',
      ),
    ).toEqual(['magnet_exports|1238|2025-05|yoy|-74', 'magnet_exports|1238|2025-05|mom|-52.9']);
  });

  it('takes "from September 2024" and "on December 2024" as year-on-year, "than in October" as month-on-month', () => {
    expect(
      figs(
        'Magnets',
        'Exports totalled 5,774 metric tons in September, down 6.1% from August and up 17.5% from September 2024.',
        '2025-10-20',
      ),
    ).toEqual(['magnet_exports|5774|2025-09|mom|-6.1', 'magnet_exports|5774|2025-09|yoy|17.5']);
    expect(
      figs(
        'Rare earths',
        'Rare earth exports in December 2025 were 4,392.1 tons, up 32% on December 2024.',
        '2026-01-14',
      ),
    ).toEqual(['rare_earth_exports|4392.1|2025-12|yoy|32']);
    expect(
      figs(
        'Magnets',
        'Exports of rare earth magnets were 6.15 kt in November, 12% more than in October.',
        '2025-12-22',
      ),
    ).toEqual(['magnet_exports|6150|2025-11|mom|12']);
  });

  it('reads 年增/月增 (Taiwan and Hong Kong press) but not the 月 of 5月增长', () => {
    expect(figs('稀土', '11月稀土出口量为5493.9吨，年增24.4%，月增26.5%。', '2025-12-08')).toEqual([
      'rare_earth_exports|5493.9|2025-11|yoy|24.4',
      'rare_earth_exports|5493.9|2025-11|mom|26.5',
    ]);
  });

  it('reads a basis written before its percentage in English ("year-on-year growth of 5%")', () => {
    const s = 'year-on-year growth of 5% and a month-on-month gain of 3%';
    expect(findChanges(s, 0, s, 0).map((c) => `${c.basis}|${c.pct}`)).toEqual(['yoy|5', 'mom|3']);
    const t = '稀土出口量5月增长23%';
    expect(findChanges(t, 0, t, 0).map((c) => c.basis)).toEqual([null]);
  });

  it('signs "less than" as a fall', () => {
    expect(
      figs(
        'Magnets',
        'In the first ten months of 2025, China exported 45,290 tons of magnets, 5.2% less than in the same period of 2024.',
        '2025-12-22',
      ),
    ).toEqual(['magnet_exports|45290|2025-01/2025-10|yoy|-5.2']);
  });
});

describe('periods', () => {
  it('reads "January and February combined" as the interval and "First-half" as H1', () => {
    expect(
      figs(
        'Rare earths',
        'China exported 8,511 metric tons of rare earths in January and February combined.',
        '2025-03-07',
      ),
    ).toEqual(['rare_earth_exports|8511|2025-01/2025-02|-|-']);
    expect(figs('Rare earths', 'First-half exports of rare earths reached 32,569.2 tons.', '2025-07-14')).toEqual([
      'rare_earth_exports|32569.2|2025-H1|-|-',
    ]);
  });

  it('does not take the year of a dateline as a period', () => {
    expect(findPeriods('July 21, 2025 — China shipped')).toEqual([]);
    expect(findPeriods('发布时间：2025-06-18 10:21:07')).toEqual([]);
    expect(
      figs(
        'Magnets',
        'July 21, 2025 — China shipped 2.51 million kg of rare earth magnets to the United States in the first half of 2025.',
        '2025-07-21',
      ),
    ).toEqual(['magnet_exports_to_us|2510|2025-H1|-|-']);
  });

  it('reads a whole year reported in January as the year just ended', () => {
    expect(figs('Rare earths', 'Exports of rare earths rose 6% over the year to 55,431 tons.', '2025-01-13')).toEqual([
      'rare_earth_exports|55431|2024|yoy|6',
    ]);
  });

  it('takes "the same eleven months of 2024", "up 5.9% on 2023" and 高于6月 as comparisons, not periods', () => {
    expect(
      figs(
        'Rare earths',
        'National rare earth exports for January–November totalled 58.2 thousand tonnes, 11.7% higher than in the same eleven months of 2024.',
        '2025-12-22',
      ),
    ).toEqual(['rare_earth_exports|58200|2025-01/2025-11|yoy|11.7']);
    expect(
      figs(
        'Quotas',
        "For the whole of 2024, China's rare earth mining quota was 270,000 metric tons, up 5.9% on 2023, and its smelting quota was 254,000 tons.",
        '2025-02-24',
      ).map((f) => f.split('|').slice(0, 3).join('|')),
    ).toEqual(['mining_quota|270000|2024', 'smelting_quota|254000|2024']);
  });

  it('prefers in Chinese the period written before the tonnage', () => {
    expect(figs('10月我国出口稀土4753吨 前10个月累计47689吨', '', '2024-11-07')).toEqual([
      'rare_earth_exports|4753|2024-10|-|-',
      'rare_earth_exports|47689|2024-01/2024-10|-|-',
    ]);
  });

  it('gives 去年同期 the period of the text one year back', () => {
    expect(
      figs(
        '稀土',
        '今年1-6月，我国累计出口稀土32569.2吨，同比增长11.9%。去年同期累计出口量为29095.2吨。',
        '2025-07-14',
      ),
    ).toEqual(['rare_earth_exports|32569.2|2025-H1|yoy|11.9', 'rare_earth_exports|29095.2|2024-H1|-|-']);
  });
});

describe('comparison bases', () => {
  it('gives a comparison base the period written next to it and no change', () => {
    expect(
      figs(
        'Rare earths',
        "China exported 6,217 metric tons of rare earths in May, up 35.9% from a year earlier and 36.2% higher than April's 4,566 tons.",
        '2024-06-07',
      ),
    ).toEqual([
      'rare_earth_exports|6217|2024-05|yoy|35.9',
      'rare_earth_exports|6217|2024-05|mom|36.2',
      'rare_earth_exports|4566|2024-04|-|-',
    ]);
    expect(figs('稀土', '9月我国出口稀土4000.3吨，较8月的5791.8吨环比下降30.9%。', '2025-10-13')).toEqual([
      'rare_earth_exports|4000.3|2025-09|mom|-30.9',
      'rare_earth_exports|5791.8|2025-08|-|-',
    ]);
    expect(figs('磁材', '7月我国稀土永磁出口5278吨，略高于6月的5158吨。', '2024-08-20')).toEqual([
      'magnet_exports|5278|2024-07|-|-',
      'magnet_exports|5158|2024-06|-|-',
    ]);
  });

  it('gives a comparison base the metric of the tonnage it is compared with', () => {
    expect(
      figs(
        'Magnets',
        'June shipments of magnets to the US rebounded sharply to 353 tons from just 46 tons in May.',
        '2025-07-21',
      ),
    ).toEqual(['magnet_exports_to_us|353|2025-06|-|-', 'magnet_exports_to_us|46|2025-05|-|-']);
    expect(figs('磁材', '其中，6月对美国出口稀土永磁353吨，较5月的46吨增长约660%。', '2025-07-20')).toEqual([
      'magnet_exports_to_us|353|2025-06|mom|660',
      'magnet_exports_to_us|46|2025-05|-|-',
    ]);
  });
});

describe('changes stated in a sentence of their own', () => {
  it('gives "同比则下降5.7%" and "That was down 5.7% from May last year" to the figure just stated', () => {
    expect(figs('稀土', '5月我国稀土出口量较4月增长23%，达到5864.6吨；同比则下降5.7%。', '2025-06-09')).toEqual([
      'rare_earth_exports|5864.6|2025-05|mom|23',
      'rare_earth_exports|5864.6|2025-05|yoy|-5.7',
    ]);
    expect(
      figs(
        'Rare earths',
        'China exported 5,864.6 metric tons of rare earths last month, data showed. That was down 5.7% from May last year.',
        '2025-06-09',
      ),
    ).toEqual(['rare_earth_exports|5864.6|2025-05|yoy|-5.7']);
  });

  it("gives a lead sentence's change to the figure of the next sentence with its product and period", () => {
    expect(
      figs(
        'Magnets',
        "China's exports of rare earth magnets plunged 74% year-on-year in May, customs data showed.\nThe world's dominant supplier shipped 1,238 metric tons of magnets last month, down 52.9% from April.",
        '2025-06-20',
      ),
    ).toEqual(['magnet_exports|1238|2025-05|mom|-52.9', 'magnet_exports|1238|2025-05|yoy|-74']);
  });

  it("does not give a title's cumulative change to the month before it", () => {
    expect(
      figs(
        '７月稀土出口环比下降 前７个月累计出口同比增长１３．３％',
        '２０２５年７月，我国稀土出口量为５９９４．４吨，环比下降２２．６％。',
        '2025-08-07',
      ),
    ).toEqual(['rare_earth_exports|5994.4|2025-07|mom|-22.6']);
  });

  it('does not take a price or a production change', () => {
    expect(
      figs(
        'Rare earths',
        'China exported 5,864.6 tons of rare earths in May. Prices rose 5% from a year earlier.',
        '2025-06-09',
      ),
    ).toEqual(['rare_earth_exports|5864.6|2025-05|-|-']);
  });
});

describe('the destination and the period a change belongs to', () => {
  it('reads a US destination after the tonnage only as "to the United States"', () => {
    expect(figs('10月稀土永磁出口5473吨 对美出口环比增长56.1%', '', '2025-11-20')).toEqual([
      'magnet_exports|5473|2025-10|-|-',
    ]);
    expect(
      figs('Magnets', 'China shipped 46 tons of rare earth magnets to the United States in May.', '2025-06-20'),
    ).toEqual(['magnet_exports_to_us|46|2025-05|-|-']);
  });

  it('does not give a tonnage the change of another period written after it', () => {
    expect(figs('3月稀土永磁出口5238吨 一季度同比增长4.8%', '', '2026-04-20')).toEqual([
      'magnet_exports|5238|2026-03|-|-',
    ]);
  });

  it('lets a pronoun continue a US-bound subject', () => {
    expect(
      figs(
        'Magnets',
        'China exported 6,150 metric tons of rare earth magnets in November. Shipments to the United States moved the other way. They fell 11% from October to 582 tons.',
        '2025-12-22',
      ),
    ).toEqual(['magnet_exports|6150|2025-11|-|-', 'magnet_exports_to_us|582|2025-11|mom|-11']);
  });

  it('takes "since … in April" and "than in July last year" as references, not periods', () => {
    expect(findPeriods('the first increase since Beijing imposed curbs in April').every((p) => p.comparative)).toBe(
      true,
    );
    expect(findPeriods('5.7% higher than in July last year').every((p) => p.comparative)).toBe(true);
  });
});

describe('comparison bases with other words or no period', () => {
  it('keeps the flow a base names, and leaves out a base without a period (no period is guessed for it)', () => {
    expect(
      figs(
        'Rare earths',
        'Rare earth exports were 5,000 tons in May, while imports were up from 3,000 tons.',
        '2025-06-09',
      ),
    ).toEqual(['rare_earth_exports|5000|2025-05|-|-']);
    expect(
      figs(
        'Rare earths',
        'Rare earth exports were 5,000 tons in May, while imports were up from 3,000 tons in April.',
        '2025-06-09',
      ),
    ).toEqual(['rare_earth_exports|5000|2025-05|-|-', 'rare_earth_imports|3000|2025-04|-|-']);
  });
});

describe('tonnages that are not rare-earth trade figures', () => {
  it("takes no seized quantity, no other commodity of a general trade release, no other country's imports", () => {
    expect(
      figs(
        '海关查获走私出口氧化镝案',
        '货物实为氧化镝等稀土化合物，涉嫌走私出口两用物项。经初步清点，涉案稀土化合物共120千克。',
        '2025-06-18',
      ),
    ).toEqual([]);
    expect(figs('前三季度进出口情况', '前三季度，我国进口原油4.2亿吨、铁矿砂9.1亿吨。', '2025-10-13')).toEqual([]);
    expect(
      figs(
        'India magnets',
        'India imported almost all of the 54,000 tonnes of rare earth magnets it used last year from China.',
        '2025-11-26',
      ),
    ).toEqual([]);
  });
});

describe('customs tables', () => {
  it('reads the rare-earth row of a GAC table: each quantity column with its period, the ±% column as y/y', () => {
    const zh = [
      '商品名称 | 计量单位 | 5月 数量 | 5月 金额 | 1至5月累计 数量 | 1至5月累计 金额 | 累计比去年同期±% 数量 | 累计比去年同期±% 金额',
      '稀土 | 吨 | 5864.6 | 27412 | 24827.0 | 121380 | 2.3 | -23.6',
      '钢材 | 万吨 | 1057.9 | 4126590 | 4846.5 | 19785122 | 8.9 | -3.8',
    ].join('\n');
    expect(figs('2025年5月出口主要商品量值表（人民币值）', zh, '2025-06-09')).toEqual([
      'rare_earth_exports|5864.6|2025-05|-|-',
      'rare_earth_exports|24827|2025-01/2025-05|yoy|2.3',
    ]);
    const en = [
      'Commodity | Unit | Dec. Quantity | Dec. Value | Jan.-Dec. Quantity | Jan.-Dec. Value | Jan.-Dec. ±% Quantity | Jan.-Dec. ±% Value',
      'Rare earths | tonne | 4,392.1 | 31,502 | 62,585.2 | 410,325 | 12.9 | -16.1',
      'Steel products | 10,000 tonnes | 1,131.1 | 8,914,213 | 11,879.2 | 98,221,650 | 7.5 | -6.8',
    ].join('\n');
    expect(figs("China's Major Export Commodities in Quantity and Value, December 2025", en, '2026-01-14')).toEqual([
      'rare_earth_exports|4392.1|2025-12|-|-',
      'rare_earth_exports|62585.2|2025|yoy|12.9',
    ]);
  });
});

describe('quota changes', () => {
  it('gives 均同比增长20% to every quota of the sentence', () => {
    expect(
      figs(
        '稀土指标',
        '2021年全年稀土开采总量控制指标为16.8万吨，冶炼分离总量控制指标为16.2万吨，均同比增长20%。',
        '2021-09-30',
      ),
    ).toEqual(['mining_quota|168000|2021|yoy|20', 'smelting_quota|162000|2021|yoy|20']);
  });

  it('gives a lead sentence\'s quota change to the next sentence\'s quota, and "14.3% on the 105,000 tons" is a base', () => {
    expect(
      figs(
        'Quotas',
        'China has raised its rare earth quotas for 2018, with the full-year smelting and separation quota up 15% from last year.\nThe 2018 smelting and separation quota for the whole year is 115,000 metric tons, compared with 100,000 tons in 2017, while the full-year mining quota for 2018 is 120,000 tons, an increase of 14.3% on the 105,000 tons allowed in 2017.',
        '2018-08-01',
      ),
    ).toEqual([
      'smelting_quota|115000|2018|yoy|15',
      'smelting_quota|100000|2017|-|-',
      'mining_quota|120000|2018|yoy|14.3',
      'mining_quota|105000|2017|-|-',
    ]);
  });
});

describe('whole years and years back', () => {
  it('reads a quota "for the year" issued in January as that year, and "the full-year quotas" after "In 2020" as 2020', () => {
    expect(
      figs(
        'Quotas',
        'China issued rare earth mining quotas for the year at 100,800 tonnes, up 20% year on year.',
        '2022-01-28',
      ),
    ).toEqual(['mining_quota|100800|2022|yoy|20']);
    expect(
      figs(
        'Quotas',
        'In 2020, the full-year rare earth quotas were 140,000 tonnes for mining and 135,000 tonnes for smelting.',
        '2021-09-30',
      ),
    ).toEqual(['mining_quota|140000|2020|-|-', 'smelting_quota|135000|2020|-|-']);
  });

  it('gives "compared with 2,100 tons a year earlier" the period of the figure it is compared with, one year back', () => {
    expect(
      figs(
        'Magnets',
        'Exports of magnets to the United States totalled 1,800 tons in the first quarter, compared with 2,100 tons a year earlier.',
        '2025-04-20',
      ),
    ).toEqual(['magnet_exports_to_us|1800|2025-Q1|-|-', 'magnet_exports_to_us|2100|2024-Q1|-|-']);
  });
});

/** metric|value|period|batch|basis|pct for each figure, in order. */
const figsB = (title: string, text: string, date: string) =>
  classify({ title, text, date }, rules).figures.map(
    (f) =>
      `${f.metric}|${f.value}|${f.period ?? '-'}|${f.batch ?? '-'}|${f.change_basis ?? '-'}|${f.change_pct ?? '-'}`,
  );

describe('wire-service wording (held-out part F)', () => {
  it('reads "mt" (metric tons of the metals trade press) and kilotonnes, but not a megatonne "Mt"', () => {
    expect(findQuantities('120,000 mt')[0]?.value).toBe(120000);
    expect(findQuantities('115,000 MT')[0]?.value).toBe(115000);
    expect(findQuantities('6.2 kilotonnes')[0]?.value).toBe(6200);
    expect(findQuantities('58 kilotons')[0]?.value).toBe(58000);
    expect(findQuantities('1.2 Mt of iron ore')).toEqual([]);
  });

  it('takes "control targets" and "production targets" as the quota, and "the first two batches combined" as *_ytd', () => {
    expect(
      figsB(
        'Quotas',
        "The ministries handed down the second batch of 2023 rare earth mining and smelting/separation control targets, at 120,000 mt and 115,000 mt respectively.\nWith the first two batches combined, this year's mining quota reaches 240,000 mt and the smelting and separation quota 230,000 mt, up 14.29% and 13.86% respectively from the 2022 full-year quotas of 210,000 mt and 202,000 mt.",
        '2023-09-26',
      ),
    ).toEqual([
      'mining_quota|120000|2023|2|-|-',
      'smelting_quota|115000|2023|2|-|-',
      'mining_quota_ytd|240000|2023|-|yoy|14.29',
      'smelting_quota_ytd|230000|2023|-|yoy|13.86',
      'mining_quota|210000|2022|-|-|-',
      'smelting_quota|202000|2022|-|-|-',
    ]);
    expect(
      figsB(
        'Quotas',
        'China set its first batch of rare earth mining production targets at 100,000 tonnes.',
        '2024-02-06',
      ),
    ).toEqual(['mining_quota|100000|2024|1|-|-']);
  });

  it('reads "for the whole of 2024" as a full-year quota with no batch', () => {
    expect(
      figsB(
        'Quotas',
        'China set the second-batch rare earth mining quota at 135,000 metric tons. That takes the mining quota for the whole of 2024 to 270,000 tons, 5.9% more than in 2023.',
        '2024-08-21',
      ),
    ).toEqual(['mining_quota|135000|2024|2|-|-', 'mining_quota|270000|2024|-|yoy|5.9']);
  });

  it('reads "Over January to May" as the cumulative interval, not a comparison with January', () => {
    expect(
      figs(
        'Rare earth imports',
        'Over January to May, imports of rare earths fell 14.3% to 62,589.2 tons, as supply from Myanmar remained erratic.',
        '2024-06-07',
      ),
    ).toEqual(['rare_earth_imports|62589.2|2024-01/2024-05|yoy|-14.3']);
    expect(findChanges('sales rose 5% from January to May', 0, 'sales rose 5% from January to May', 0)).toEqual([
      { start: 10, end: 13, pct: 5, basis: null, signed: true },
    ]);
  });

  it('takes "versus May 2023, when China shipped 4,576 tons" and "above April\'s 4,566 tons" as comparison bases', () => {
    expect(
      figs(
        'Rare earth exports',
        "Exports of rare earths in May came to 6,217 tons, up 35.9% versus May 2023, when China shipped 4,576 tons, and 36.2% above April's 4,566 tons.",
        '2024-06-07',
      ),
    ).toEqual([
      'rare_earth_exports|6217|2024-05|yoy|35.9',
      'rare_earth_exports|6217|2024-05|mom|36.2',
      'rare_earth_exports|4576|2023-05|-|-',
      'rare_earth_exports|4566|2024-04|-|-',
    ]);
  });

  it('reads "below the level of a year earlier" as a fall, and "after sliding to just 46 tons in May" as a base', () => {
    expect(
      figs(
        'Magnets',
        "Overseas deliveries of permanent magnets reached 3,188 metric tons in June, up 157.5% from May's 1,238 tons. They were still 38.1% below the level of a year earlier.\nShipments to the United States rose 660% versus May to 353 tons, after sliding to just 46 tons in May.",
        '2025-07-20',
      ),
    ).toEqual([
      'magnet_exports|3188|2025-06|mom|157.5',
      'magnet_exports|1238|2025-05|-|-',
      'magnet_exports|3188|2025-06|yoy|-38.1',
      'magnet_exports_to_us|353|2025-06|mom|660',
      'magnet_exports_to_us|46|2025-05|-|-',
    ]);
  });

  it('reads "outbound magnet sales" and "sales to the United States" as exports, company sales not', () => {
    expect(
      figs(
        'Magnets',
        'Outbound magnet sales slipped 5.2% from September to 5,473 metric tons in October. Sales to the United States fell 9.5% on the month to 406 tons.',
        '2025-11-20',
      ),
    ).toEqual(['magnet_exports|5473|2025-10|mom|-5.2', 'magnet_exports_to_us|406|2025-10|mom|-9.5']);
    expect(figs('Results', 'The magnet maker said its sales rose to 3,000 tons in October.', '2025-11-20')).toEqual([]);
  });
});

describe('years recalled and quantities that are not quotas', () => {
  it('gives 当年/"that year" the year the text just named, and takes no year from 2000万元', () => {
    expect(figsB('回顾', '以2014年为例，当年全国稀土开采总量控制指标为10.5万吨。', '2021-12-24')).toEqual([
      'mining_quota|105000|2014|-|-|-',
    ]);
    expect(
      figsB('History', 'Take 2014: that year the rare earth mining quota was set at 105,000 tons.', '2021-12-24'),
    ).toEqual(['mining_quota|105000|2014|-|-|-']);
    expect(findPeriods('造成矿产资源破坏价值逾2000万元')).toEqual([]);
  });

  it('takes no illegally mined tonnage and no capacity threshold as a quota', () => {
    expect(
      figsB(
        '非法采矿案',
        '国家对稀土开采实行总量控制。经鉴定，非法开采的稀土矿产品折合稀土氧化物约36吨。',
        '2024-11-18',
      ),
    ).toEqual([]);
    expect(
      figsB(
        'Quotas',
        'The rare earth smelting quota goes only to separation plants with a capacity of at least 2,000 tons.',
        '2024-02-06',
      ),
    ).toEqual([]);
  });

  it('does not give a batch named for one year to a quota figure of another year', () => {
    expect(
      figsB(
        'Rules',
        'Beijing has not publicly announced its 2025 rare earth quotas. Reuters reported in July that the first batch had been handed out without a public notice. The last figures made public, for 2024, put mining at 270,000 metric tons and smelting and separation at 254,000 tons.',
        '2025-08-22',
      ),
    ).toEqual(['mining_quota|270000|2024|-|-|-', 'smelting_quota|254000|2024|-|-|-']);
  });

  it('reads 首批 as the first batch', () => {
    expect(figsB('指标', '去年首批稀土开采及冶炼分离指标分别为12万吨及11.5万吨。', '2024-02-07')).toEqual([
      'mining_quota|120000|2023|1|-|-',
      'smelting_quota|115000|2023|1|-|-',
    ]);
  });

  it("takes 去年同期为…吨 as a base: the change after it belongs to this year's figure", () => {
    expect(figs('稀土出口', '1-6月累计出口稀土32569.2吨，去年同期为29095.2吨，增幅11.9%。', '2025-07-14')).toEqual([
      'rare_earth_exports|32569.2|2025-H1|yoy|11.9',
      'rare_earth_exports|29095.2|2024-H1|-|-',
    ]);
  });
});

describe('periods and bases named only by the comparison', () => {
  it('gives "from September" the month after, and "than in March 2025" that month a year later', () => {
    expect(
      figs(
        'Magnets',
        'China exported 5,774 tons of magnets in September. Shipments of magnets to the US climbed 56.1% from September to 656 tons, the data showed.',
        '2025-11-20',
      ),
    ).toEqual(['magnet_exports|5774|2025-09|-|-', 'magnet_exports_to_us|656|2025-10|mom|56.1']);
    expect(
      figs(
        'Magnets',
        'Magnet exports for the first quarter reached 16,001 tons. Sales to the United States fell 9.5% on the month to 406 tons and were 30.6% lower than in March 2025.',
        '2026-04-20',
      ),
    ).toEqual([
      'magnet_exports|16001|2026-Q1|-|-',
      'magnet_exports_to_us|406|2026-03|mom|-9.5',
      'magnet_exports_to_us|406|2026-03|yoy|-30.6',
    ]);
  });

  it('reads "versus a year ago" after a clause break as the basis, and "… to 5,000 tons" as the current tonnage', () => {
    expect(
      figs(
        'Exports',
        "China's rare earth exports in May were 5,000 tons, up 8% from a month earlier and down 3% versus a year ago.",
        '2024-06-20',
      ),
    ).toEqual(['rare_earth_exports|5000|2024-05|mom|8', 'rare_earth_exports|5000|2024-05|yoy|-3']);
    expect(
      figs('Exports', "China's rare earth exports in May rose 12% versus a year ago to 5,000 tons.", '2024-06-20'),
    ).toEqual(['rare_earth_exports|5000|2024-05|yoy|12']);
  });

  it("keeps the explicit older year of a recalled quota, without the batch of this year's figure", () => {
    expect(
      figsB(
        'Quotas',
        'China set the first batch of 2024 rare earth mining quotas at 135,000 tons, well above the 2014 quota of 105,000 tons.',
        '2024-02-07',
      ),
    ).toEqual(['mining_quota|135000|2024|1|-|-', 'mining_quota|105000|2014|-|-|-']);
  });
});

describe('wire-service wording (held-out part G)', () => {
  it('signs "eased" as a fall, and takes "than the 4,725 tonnes shipped a year ago" as a base one year back', () => {
    expect(
      figs(
        'Rare earth magnets',
        "China's exports of rare earth magnets eased 5.2% in October from the previous month to 5,473 tonnes, customs data showed on Thursday, though they were still 15.8% higher than the 4,725 tonnes shipped a year ago.",
        '2025-11-20',
      ),
    ).toEqual([
      'magnet_exports|5473|2025-10|mom|-5.2',
      'magnet_exports|5473|2025-10|yoy|15.8',
      'magnet_exports|4725|2024-10|-|-',
    ]);
    expect(findChanges('exports eased 3% from a year earlier', 0, '', 0)[0]?.pct).toBe(-3);
  });

  it('reads "from 46 mt in May" as a month-on-month basis', () => {
    expect(
      figs(
        'Rare earth magnets',
        'Shipments of magnets to the United States climbed 660% to 353 mt in June from 46 mt in May.',
        '2025-07-20',
      ),
    ).toEqual(['magnet_exports_to_us|353|2025-06|mom|660', 'magnet_exports_to_us|46|2025-05|-|-']);
  });

  it('takes "total mining quotas for 2023" as the full year, not the batch of the sentence before', () => {
    expect(
      figsB(
        'Rare earth quotas',
        'The third-batch mining quota was set at 15,000 metric tons. That lifts total mining quotas for 2023 to 255,000 tons, up 21.4% from 210,000 tons in 2022.',
        '2023-12-27',
      ),
    ).toEqual([
      'mining_quota|15000|2023|3|-|-',
      'mining_quota|255000|2023|-|yoy|21.4',
      'mining_quota|210000|2022|-|-|-',
    ]);
  });

  it('keeps the batch of "the second batch of quotas for the year", and gives a total\'s lead change to no batch', () => {
    expect(
      figsB(
        'Rare earth quotas',
        'China has raised its total rare earth mining and smelting quotas for 2021 by 20 percent from last year. The second batch of quotas for the year was set at 84,000 tonnes for mining and 81,000 tonnes for smelting and separation.',
        '2021-10-01',
      ),
    ).toEqual(['mining_quota|84000|2021|2|-|-', 'smelting_quota|81000|2021|2|-|-']);
  });

  it('gives "both 20 percent" to both tonnages, and a list of bases the quotas of the list before it, in order', () => {
    expect(
      figsB(
        'Rare earth quotas',
        'That puts full-year mining allocations at 168,000 tonnes and smelting and separation control targets at 162,000 tonnes, both 20 percent higher than the 2020 levels of 140,000 tonnes and 135,000 tonnes.',
        '2021-10-01',
      ),
    ).toEqual([
      'mining_quota|168000|2021|-|yoy|20',
      'smelting_quota|162000|2021|-|yoy|20',
      'mining_quota|140000|2020|-|-|-',
      'smelting_quota|135000|2020|-|-|-',
    ]);
  });

  it('reads 前两批合计分别为 with the quotas the sentence before listed', () => {
    expect(
      figsB(
        '稀土指标',
        '2024年第二批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。2024年前两批合计分别为270000吨、254000吨。',
        '2024-08-20',
      ),
    ).toEqual([
      'mining_quota|135000|2024|2|-|-',
      'smelting_quota|127000|2024|2|-|-',
      'mining_quota_ytd|270000|2024|-|-|-',
      'smelting_quota_ytd|254000|2024|-|-|-',
    ]);
  });

  it('reads "over the two months" as the cumulative period just given, and only that', () => {
    const lead = 'China exported 8,511 t of rare earths in January and February combined, down 3% from a year earlier.';
    const holiday = 'The Lunar New Year holiday fell in late January this year.';
    expect(
      figs('Rare earths', `${lead} ${holiday} Imports fell 24.1% to 16,922.2 t over the two months.`, '2025-03-07'),
    ).toEqual([
      'rare_earth_exports|8511|2025-01/2025-02|yoy|-3',
      'rare_earth_imports|16922.2|2025-01/2025-02|yoy|-24.1',
    ]);
    // "The three months to March" names its months itself: January to March (not a span of the text's).
    expect(findPeriods('Imports fell over the three months to March')).toEqual([
      expect.objectContaining({ toMonth: 3, comparative: false }),
    ]);
    expect(
      figs(
        'Rare earths',
        'China exported 3,000 t of rare earths in May. Imports were 1,000 t over the two months.',
        '2025-06-07',
      ),
    ).toEqual(['rare_earth_exports|3000|2025-05|-|-', 'rare_earth_imports|1000|2025-05|-|-']);
  });

  it('reads "May last year" and 去年5月 as that month a year back, and "1.6% below March last year" as a comparison', () => {
    expect(figs('Rare earths', 'China exported 5,000 t of rare earths in May last year.', '2025-06-20')).toEqual([
      'rare_earth_exports|5000|2024-05|-|-',
    ]);
    expect(figs('稀土', '去年5月出口稀土5000吨。', '2025-06-20')).toEqual(['rare_earth_exports|5000|2024-05|-|-']);
    expect(
      figs(
        'Magnets',
        'Magnet exports totalled 5,238 metric tons in March, up 10.5% from February and 1.6% below March last year.',
        '2026-04-20',
      ),
    ).toEqual(['magnet_exports|5238|2026-03|mom|10.5', 'magnet_exports|5238|2026-03|yoy|-1.6']);
  });
});

/** metric|value|period|batch for each figure, in order. */
const quotaFigs = (title: string, text: string, date: string) =>
  classify({ title, text, date }, rules).figures.map(
    (f) => `${f.metric}|${f.value}|${f.period ?? '-'}|${f.batch ?? '-'}`,
  );

describe('the export quota of the years before 2015', () => {
  it('reads a tonnage named an export quota as export_quota, in any year', () => {
    expect(quotaFigs('稀土出口配额', '2011年，商务部下达的稀土出口配额为31000吨。', '2016-03-01')).toEqual([
      'export_quota|31000|2011|-',
    ]);
    expect(
      quotaFigs('Rare earths', 'Beijing set an export quota of 24,000 tonnes for rare earths in 2013.', '2013-05-02'),
    ).toEqual(['export_quota|24000|2013|-']);
  });

  it('reads a bare quota next to an export word as the export quota only while export quotas existed', () => {
    const text = 'Rare earth export volumes last year used 61 percent of the quota of 28,500 tons.';
    expect(quotaFigs('Rare earth trade', text, '2013-02-10')).toEqual(['export_quota|28500|2012|-']);
    // From 2015 on there is no export quota: the same words name no quota China still sets.
    expect(quotaFigs('Rare earth trade', text, '2021-02-10').filter((f) => f.startsWith('export_quota'))).toEqual([]);
  });

  it('keeps a mining cap next to an export word a mining quota', () => {
    expect(
      quotaFigs('Rare earth caps', 'Exports aside, the mining quota was set at 88,000 tonnes for 2012.', '2012-07-01'),
    ).toEqual(['mining_quota|88000|2012|-']);
  });
});

describe('a quota issued for a half year', () => {
  it('is the first batch for the first half and the second batch for the second half', () => {
    expect(
      quotaFigs(
        'Rare earth quotas',
        'The ministry put the export quotas for H1 2012 at 10,500 tonnes. It set a mining quota of 45,000 tonnes for the second half of 2018.',
        '2018-11-02',
      ),
    ).toEqual(['export_quota|10500|2012|1', 'mining_quota|45000|2018|2']);
  });

  it('leaves a full-year quota without a batch', () => {
    expect(
      quotaFigs('稀土指标', '2019年全年稀土开采总量控制指标为132000吨。', '2019-11-20').map((f) => f.split('|')[3]),
    ).toEqual(['-']);
  });
});

describe('hard-wrapped wire copy', () => {
  it('reads a sentence broken across lines as one sentence', () => {
    expect(
      quotaFigs(
        'Rare earth quotas',
        'It capped mining at 90,000 tonnes for 2010.\nBeijing has imposed an export quota of 29,000 tonnes this\nyear, about the same as a year earlier.',
        '2011-04-06',
      ),
    ).toContain('export_quota|29000|2011|-');
  });
});

describe('caps and production quotas in English', () => {
  it('reads an output or production cap as the mining quota, with its ion-absorbed split', () => {
    expect(
      quotaFigs(
        'Rare earth caps',
        'Beijing kept its national output cap at 88,000 tonnes for 2012. The cap for ion-absorbed-type ores is 16,500 tonnes.',
        '2012-06-01',
      ),
    ).toEqual(['mining_quota|88000|2012|-', 'mining_quota_ion_adsorption|16500|2012|-']);
  });

  it('takes no tonnage of a market or price cap, nor another mineral cap', () => {
    expect(
      quotaFigs(
        'Rare earth caps',
        'The antimony exploration cap is 60,000 tons. A price cap of 500 tons per buyer was mooted.',
        '2012-06-01',
      ),
    ).toEqual([]);
  });

  it('reads "the first rare earth export quota" as the first batch', () => {
    expect(
      quotaFigs(
        'Rare earths',
        'The ministry set the first rare earth export quota at 12,000 tonnes for 2012.',
        '2012-01-05',
      ),
    ).toEqual(['export_quota|12000|2012|1']);
  });
});

describe('the batch nearest a tonnage', () => {
  it('gives comparison tonnages the batch named right after them, not the one the sentence opened with', () => {
    expect(
      quotaFigs(
        'Rare earth quotas',
        'The 2023 second round puts mining at 110 kt and smelting at 105 kt, both up from 90 kt and 86 kt issued in the second round of 2022.',
        '2023-08-01',
      ),
    ).toEqual([
      'mining_quota|110000|2023|2',
      'smelting_quota|105000|2023|2',
      'mining_quota|90000|2022|2',
      'smelting_quota|86000|2022|2',
    ]);
  });

  it('does not take a batch a bracket says is included as the batch of the tonnage', () => {
    expect(
      quotaFigs(
        '稀土指标',
        '2021年全年稀土开采、冶炼分离总量控制指标分别为150000吨、140000吨（含已下达的第一批指标）。',
        '2021-09-30',
      ),
    ).toEqual(['mining_quota|150000|2021|-', 'smelting_quota|140000|2021|-']);
  });
});

describe('a base of the same period a year back', () => {
  it('takes the period of the figure stated, not of the base between them', () => {
    expect(
      figs(
        '稀土永磁出口',
        '3月稀土永磁出口量为4100吨，较2月的3900吨增长5.1%，较2024年同期的3600吨增长13.9%。',
        '2025-04-20',
      ),
    ).toContain('magnet_exports|3600|2024-03|-|-');
  });
});

describe('shares and other series', () => {
  it('takes no tonnage of exports from a province placed in China, and reads processed products as their own series', () => {
    expect(
      figs(
        'Rare earth exports',
        'Exports of heavy rare earths from Ganzhou, China, came to 420 tonnes in March. Total exports of rare earth processed products reached 9,800 tonnes in March.',
        '2014-04-20',
      ),
    ).toEqual(['rare_earth_processed_products_exports|9800|2014-03|-|-']);
  });

  it('still reads the national figure after a province named only as a place', () => {
    expect(
      figs(
        'Rare earths',
        'Mined mostly in Inner Mongolia, rare earths were exported at 4,200 tonnes in March.',
        '2014-04-20',
      ),
    ).toEqual(['rare_earth_exports|4200|2014-03|-|-']);
  });
});

describe('comparison bases stated for the month before', () => {
  it('gives a base "of the previous month" the month before its figure, and the change to the figure', () => {
    expect(figs('', '2月对日本出口稀土磁体820吨，比上一个月的760吨增长7.9%。', '2024-06-20')).toEqual([
      'magnet_exports_to_japan|820|2024-02|mom|7.9',
      'magnet_exports_to_japan|760|2024-01|-|-',
    ]);
    expect(
      figs(
        '',
        'Magnet exports to Japan were 820 tonnes in February, up 7.9% from the previous month’s 760 tonnes.',
        '2024-06-20',
      ),
    ).toEqual(['magnet_exports_to_japan|820|2024-02|mom|7.9', 'magnet_exports_to_japan|760|2024-01|-|-']);
  });

  it('reads 比<month><flow>N吨 as a base of that month, and its change as the change of the figure before', () => {
    expect(
      figs('', '海关数据显示，3月对日本出口稀土600吨。这比2月份对日本出口的640吨减少了6.3%。', '2024-04-20'),
    ).toEqual(['rare_earth_exports_to_japan|600|2024-03|mom|-6.3', 'rare_earth_exports_to_japan|640|2024-02|-|-']);
    // A difference (比上月增加…吨) is not a base.
    expect(figs('', '3月出口稀土600吨，比2月份增加40吨。', '2024-04-20')).toEqual([
      'rare_earth_exports|600|2024-03|-|-',
    ]);
  });
});

describe('batches listed together', () => {
  const batches = (text: string) =>
    classify({ title: '', text, date: '2024-08-01' }, rules).figures.map(
      (f) => `${f.metric}|${f.value}|${f.batch ?? '-'}`,
    );

  it('gives each tonnage the batch named right before it, even after 包括/including', () => {
    expect(batches('全年稀土开采指标为20万吨。其中包括第一批9万吨和第二批11万吨。')).toEqual([
      'mining_quota|200000|-',
      'mining_quota|90000|1',
      'mining_quota|110000|2',
    ]);
    // A batch named as a part of a figure, with no tonnage of its own, is still not the figure's batch.
    expect(batches('全年稀土开采指标为20万吨（含第一批指标）。')).toEqual(['mining_quota|200000|-']);
  });

  it('carries no batch from a sentence listing two batches of one year to the next sentence', () => {
    expect(batches('稀土开采指标第一批为9万吨，第二批为11万吨。冶炼分离指标为19万吨。')).toEqual([
      'mining_quota|90000|1',
      'mining_quota|110000|2',
      'smelting_quota|190000|-',
    ]);
  });
});

describe('smuggling and seizures', () => {
  it('leaves out a smuggled tonnage but keeps the official one stated before it in another clause', () => {
    expect(
      figs('', 'Rare earth exports reached 41,000 tonnes in 2019, but up to 20,000 tonnes may have been smuggled.', ''),
    ).toEqual(['rare_earth_exports|41000|2019|-|-']);
    expect(figs('', '海关查获走私稀土，共计120吨。', '2024-05-01')).toEqual([]);
  });
});

describe('an undated text compared with a stated year', () => {
  it('puts "last year" in the year after the one a tonnage is compared with', () => {
    expect(figs('', 'Magnet shipments to Japan rose to 2,300 tonnes last year from 2,050 tonnes in 2021.', '')).toEqual(
      ['magnet_exports_to_japan|2300|2022|-|-', 'magnet_exports_to_japan|2050|2021|-|-'],
    );
    // The same sentence with a document date: "last year" is the year before it.
    expect(
      figs('', 'Magnet shipments to Japan rose to 2,300 tonnes last year from 2,050 tonnes in 2021.', '2023-02-10'),
    ).toEqual(['magnet_exports_to_japan|2300|2022|-|-', 'magnet_exports_to_japan|2050|2021|-|-']);
  });
});
