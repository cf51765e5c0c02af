import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** Wordings the own-corpus part RF2 and the real corpus showed the reader misreading (fifth figures round). */

describe('a wider series stated under a condition', () => {
  it('takes no figure from 若…计算在内 and keeps the figure before it', () => {
    expect(
      figs(
        '磁铁出口',
        '8月我国稀土磁铁对日本出口288吨，同比减少6.5%。若把磁粉和合金也计算在内，对日本出口则为655吨，同比减少4.1%。',
        '2026-09-20',
      ),
    ).toEqual(['magnet_exports_to_japan|288|2026-08|-|yoy|-6.5']);
  });

  it('still reads 若干 ("several") as no condition', () => {
    expect(figs('出口', '若干企业反映，5月我国出口稀土4210吨。', '2026-06-10')).toEqual([
      'rare_earth_exports|4210|2026-05|-|-|-',
    ]);
  });
});

describe('customs sub-headings', () => {
  it('reads the total and leaves out the HS-code sub-series in Chinese and English', () => {
    expect(
      figs(
        '出口分析',
        '2019年我国共出口稀土约4.6万吨，同比增长3.4%。其中海关编码2846项下稀土化合物出口约3.9万吨，同比增长2.8%。',
        '2020-03-01',
      ),
    ).toEqual(['rare_earth_exports|46000|2019|-|yoy|3.4']);
    expect(
      figs(
        'Exports',
        'China exported 4,100 tonnes of rare earths in June. Compounds under HS code 2846 made up 3,600 tonnes of that.',
        '2026-07-14',
      ),
    ).toEqual(['rare_earth_exports|4100|2026-06|-|-|-']);
  });
});

describe('a company obtaining a quota', () => {
  it('reads the national batch and leaves out what a recipient obtained, in every clause after it', () => {
    expect(
      figs(
        '指标下达',
        '2026年第一批稀土开采、冶炼分离总量控制指标分别为14万吨、13万吨。其中，某稀土集团获得开采指标约3.1万吨，同比增长6%；离子型稀土为1.2万吨，同比增长9%。',
        '2026-02-20',
      ),
    ).toEqual(['mining_quota|140000|2026|1|-|-', 'smelting_quota|130000|2026|1|-|-']);
  });
});

describe('the mining or smelting output a quota is set for', () => {
  it('reads "quotas for rare earth mining output" as the mining quota, not production', () => {
    expect(
      figs(
        'Quotas',
        'China set its second batch of quotas this year for rare earth mining output at 120,000 tons. It set the second batch of smelted and separated output at 115,000 tons.',
        '2026-09-01',
      ),
    ).toEqual(['mining_quota|120000|2026|2|-|-', 'smelting_quota|115000|2026|2|-|-']);
  });

  it('still reads plain output as production: no figure', () => {
    expect(figs('Output', "China's rare earth mining output reached 240,000 tons in 2025.", '2026-03-01')).toEqual([]);
  });

  it('reads "for the year so far" as the batches so far, not the full year', () => {
    expect(
      figs(
        'Quotas',
        'The second batch of rare earth smelting quotas was 110,000 tonnes, bringing the combined figure for the year so far to 215,000 tonnes.',
        '2026-09-01',
      ),
    ).toEqual(['smelting_quota|110000|2026|2|-|-', 'smelting_quota_ytd|215000|2026|-|-|-']);
  });
});

describe('some part of a year', () => {
  it('takes no trade figure from "early 2026", "late last year" or 年底, and keeps the one the body dates', () => {
    expect(
      figs(
        'Magnets',
        'Magnet exports rose 5% to 9,100 metric tons in early 2026. In January and February 2026, China exported 9,100 metric tons of rare earth magnets, up 5% on a year earlier.',
        '2026-03-20',
      ),
    ).toEqual(['magnet_exports|9100|2026-01/2026-02|-|yoy|5']);
    expect(figs('出口', '去年年底，我国稀土月度出口一度升至8200吨。', '2026-03-20')).toEqual([]);
    expect(figs('Exports', 'Rare earth shipments climbed to 5,200 tons late last year.', '2026-03-20')).toEqual([]);
  });

  it('keeps the year of a quota issued early in the year', () => {
    expect(figs('配额', '年初下达的2026年第一批稀土开采指标为14万吨。', '2026-07-01')).toEqual([
      'mining_quota|140000|2026|1|-|-',
    ]);
  });
});

describe("a quota's comparison base with no period of its own", () => {
  it('is the same quota a year before: 由A提高至B, "to B from A"', () => {
    expect(
      figs(
        '指标',
        '2027年全年稀土开采总量控制指标由2026年的30万吨提高至33万吨，冶炼分离总量控制指标由28万吨提高至31万吨，增幅分别为10%和10.7%。',
        '2027-10-01',
      ),
    ).toEqual([
      'mining_quota|300000|2026|-|-|-',
      'mining_quota|330000|2027|-|yoy|10',
      'smelting_quota|280000|2026|-|-|-',
      'smelting_quota|310000|2027|-|yoy|10.7',
    ]);
    expect(
      figs(
        'Quotas',
        'China issued its first batch of 2027 rare earth quotas. Mining was set at 150,000 tonnes in the first round, against 140,000 tonnes in the first batch of 2026, while smelting allowances rose 5% to 142,000 tonnes from 135,000 tonnes.',
        '2027-02-20',
      ),
    ).toEqual([
      'mining_quota|150000|2027|1|-|-',
      'mining_quota|140000|2026|1|-|-',
      'smelting_quota|142000|2027|1|yoy|5',
      'smelting_quota|135000|2026|1|-|-',
    ]);
  });

  it('keeps the year when the base is another batch of it', () => {
    expect(
      figs(
        'Quotas',
        'The second batch of 2027 rare earth mining quotas was 160,000 tonnes, up from 150,000 tonnes in the first batch.',
        '2027-08-20',
      ),
    ).toEqual(['mining_quota|160000|2027|2|-|-', 'mining_quota|150000|2027|1|-|-']);
  });
});

describe('a figure measured against another year', () => {
  it('takes neither the year nor the full-year scope of "about half the annual quota for 2026"', () => {
    expect(
      figs(
        'Quotas',
        'China has set the first batch of rare earth mining quotas this year. The first batch is 80,000 tonnes, about half the annual quota for 2026, while smelting was set at 76,000 tonnes. The mining quota is up from the 72,000-tonne quota in the opening round of 2026.',
        '2027-02-10',
      ),
    ).toEqual(['mining_quota|80000|2027|1|-|-', 'smelting_quota|76000|2027|1|-|-', 'mining_quota|72000|2026|1|-|-']);
  });

  it('keeps the batch of the text for a split after a sentence that only recalls last year', () => {
    expect(
      figs(
        'Quotas',
        'The first batch of rare earth mining quotas for 2027 is 80,000 tonnes. This is an increase from the 72,000-tonne quota for the first batch of 2026. Of the total, 68,000 tonnes are for light rare earths.',
        '2027-02-10',
      ),
    ).toEqual([
      'mining_quota|80000|2027|1|-|-',
      'mining_quota|72000|2026|1|-|-',
      'mining_quota_light|68000|2027|1|-|-',
    ]);
  });
});

describe('the export quota China set until 2014', () => {
  it('reads a tonnage named "quota" right after it as the quota, not as exports, dated or not', () => {
    expect(figs('', '2011年我国出口稀土18,600吨，远低于2011年30,184吨的出口配额。', '2012-01-20')).toEqual([
      'rare_earth_exports|18600|2011|-|-|-',
      'export_quota|30184|2011|-|-|-',
    ]);
    expect(
      figs(
        'Exports',
        'China exported 18,600 tonnes of rare earths in 2011, according to customs, well short of the 30,184 tonne quota for the year.',
        undefined,
      ),
    ).toEqual(['rare_earth_exports|18600|2011|-|-|-', 'export_quota|30184|2011|-|-|-']);
  });

  it("reads 加上年初下达的第一批 as this year's first batch and 与上年全年的…吨 as last year's", () => {
    expect(
      figs(
        '出口配额',
        '商务部下达2012年第二批稀土出口配额15,000吨。加上年初下达的第一批10,500吨，今年全年出口配额合计25,500吨，低于上年全年的30,184吨。',
        '2012-07-20',
      ),
    ).toEqual([
      'export_quota|15000|2012|2|-|-',
      'export_quota|10500|2012|1|-|-',
      'export_quota|25500|2012|-|-|-',
      'export_quota|30184|2011|-|-|-',
    ]);
  });
});

describe('the wider customs series of processed products', () => {
  it('reads "processed products" and 深加工产品 as their own series, not rare earths or the magnets they include', () => {
    expect(
      figs(
        'Exports',
        'Exports of rare earth processed products, a wider grouping that includes alloys and magnet materials, came to 18,200 tonnes in the first five months of 2026.',
        '2026-06-20',
      ),
    ).toEqual(['rare_earth_processed_products_exports|18200|2026-01/2026-05|-|-|-']);
    expect(figs('出口', '2026年1-5月我国稀土深加工产品出口18200吨。', '2026-06-20')).toEqual([
      'rare_earth_processed_products_exports|18200|2026-01/2026-05|-|-|-',
    ]);
  });
});

describe('a Chinese fraction of another figure', () => {
  it('reads 全年计划的60% as no scope or period of the tonnage after it', () => {
    expect(
      figs(
        '指标',
        '2026年稀土冶炼分离计划为13万吨。上半年计划按照全年计划的60%下达，即下达7.8万吨，其余5.2万吨在下半年下达。',
        '2026-08-01',
      ),
    ).toEqual([
      'smelting_quota|130000|2026|-|-|-',
      'smelting_quota|78000|2026|1|-|-',
      'smelting_quota|52000|2026|2|-|-',
    ]);
  });
});

describe('changes stated around a figure', () => {
  it('takes no change from a share ("95 percent of global supplies", 占…的90%)', () => {
    expect(
      figs(
        'Quota',
        'China, which produces about 95 percent of global rare earth supplies, has set an export quota of 30,184 tonnes this year, almost flat from last year.',
        '2011-04-07',
      ),
    ).toEqual(['export_quota|30184|2011|-|-|-']);
  });

  it('gives "That is 12.5% higher than …" the one quota of the sentence before', () => {
    expect(
      figs(
        'Quota',
        'In February, China set its first rare earths mining quota for 2027 at 150,000 tons. That is 11.1% higher than the first quota for 2026, but less than the 14% rise seen a year before.',
        '2027-03-07',
      ),
    ).toEqual(['mining_quota|150000|2027|1|yoy|11.1']);
  });

  it('gives "This marked a 10% increase from <base>" to the quota before of the same metric', () => {
    expect(
      figs(
        'Quota',
        'Of the first batch of 2027, 62,000 mt was allocated for light rare earths. This marked a 10% increase from 56,400 mt for light rare earths in the first batch of quotas for 2026.',
        '2027-03-02',
      ),
    ).toEqual(['mining_quota_light|62000|2027|1|yoy|10', 'mining_quota_light|56400|2026|1|-|-']);
  });
});

describe('a lead change and a tonnage "sold abroad"', () => {
  it('reads "sold … abroad" as exports and gives them the lead sentence\'s change, whatever reason follows it', () => {
    expect(
      figs(
        'Exports',
        "China's exports of rare earths in March rose 12 percent from a year earlier as overseas buyers rebuilt inventories, customs data showed. The top supplier sold 4,300 tonnes abroad last month, up 6.5 percent from February.",
        '2027-04-13',
      ),
    ).toEqual(['rare_earth_exports|4300|2027-03|-|mom|6.5', 'rare_earth_exports|4300|2027-03|-|yoy|12']);
  });
});

describe('"y-o-y"', () => {
  it('is year on year', () => {
    expect(
      figs(
        'Exports',
        "China's rare earth exports in May 2027 amounted to 2,391 tonnes, up by 41.9% y-o-y.",
        '2027-07-01',
      ),
    ).toEqual(['rare_earth_exports|2391|2027-05|-|yoy|41.9']);
  });
});
