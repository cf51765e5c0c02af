import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** Wordings the own-corpus part RF9 and later ones showed the reader getting wrong (documents it had not been tuned on). */

describe('a split named between two tonnages', () => {
  it('gives the split named after a tonnage to the next tonnage when the first had its own before it', () => {
    expect(
      figs(
        'Quotas',
        'Rock-type (light) rare earths take 118,000 t of the mining quota and ionic (medium and heavy) rare earths 9,500 t.',
        '2026-02-10',
      ),
    ).toEqual(['mining_quota_light|118000|2026|-|-|-', 'mining_quota_ion_adsorption|9500|2026|-|-|-']);
  });

  it("still reads a split named only after each tonnage as that tonnage's", () => {
    expect(
      figs(
        'Quotas',
        'The first batch of rare earth mining quotas was set at 118,000 t for rock-type deposits and 9,500 t for ion-adsorption deposits.',
        '2026-02-10',
      ),
    ).toEqual(['mining_quota_light|118000|2026|1|-|-', 'mining_quota_ion_adsorption|9500|2026|1|-|-']);
  });
});

describe('the work done is production, not a quota', () => {
  it('leaves out a tonnage a company or country "mined" or "refined"', () => {
    expect(
      figs('Supply', 'Australia-based Lynas mined 12,000 tons of rare earth oxide last year.', '2025-08-18'),
    ).toEqual([]);
    expect(
      figs(
        'Supply',
        'Chinese refiners separated about 240,000 t of rare earths in 2024, analysts estimate.',
        '2025-08-18',
      ),
    ).toEqual([]);
  });

  it('still reads what miners may extract under a quota', () => {
    expect(
      figs('Quotas', 'Under the 2024 quota, miners may extract 270,000 tons of rare earths.', '2025-08-18'),
    ).toEqual(['mining_quota|270000|2024|-|-|-']);
  });
});

describe('a customs table with a second caption', () => {
  const head = '商品名称 | 计量单位 | 3月数量 | 3月金额 | 1至3月累计数量 | 1至3月累计金额';
  it('reads the rows under an import caption as imports', () => {
    expect(
      figs(
        '2026年3月出口主要商品量值表',
        [
          '2026年3月出口主要商品量值表',
          head,
          '稀土 | 吨 | 5100 | 40000 | 14800 | 120000',
          '2026年3月进口主要商品量值表',
          '稀土 | 吨 | 11200 | 30000 | 33500 | 90000',
        ].join('\n'),
        '2026-04-13',
      ),
    ).toEqual([
      'rare_earth_exports|5100|2026-03|-|-|-',
      'rare_earth_exports|14800|2026-Q1|-|-|-',
      'rare_earth_imports|11200|2026-03|-|-|-',
      'rare_earth_imports|33500|2026-Q1|-|-|-',
    ]);
  });

  it('keeps the flow across a line that names none', () => {
    expect(
      figs(
        '2026年3月出口主要商品量值表',
        ['2026年3月出口主要商品量值表', head, '单位：吨、万元', '稀土 | 吨 | 5100 | 40000 | 14800 | 120000'].join('\n'),
        '2026-04-13',
      ),
    ).toEqual(['rare_earth_exports|5100|2026-03|-|-|-', 'rare_earth_exports|14800|2026-Q1|-|-|-']);
  });
});

describe('machine-rewritten comparisons', () => {
  it('reads "when compare with May month" as the month compared, not a period that takes the next change away', () => {
    expect(
      figs(
        'Magnets',
        'Magnet exports in June month bounced back to 3,400 tonnes, surging 150 percent when compare with May month, but still it was 30 percent less than same month of last year.',
        '2026-07-20',
      ),
    ).toEqual(['magnet_exports|3400|2026-06|-|mom|150', 'magnet_exports|3400|2026-06|-|yoy|-30']);
  });
});

describe('a month in a subordinate clause after the tonnage', () => {
  it('keeps the month the sentence opened with', () => {
    expect(
      figs(
        'Magnets',
        'In May, magnet exports had been sinking to 1,300 tonnes as exporters waited for licences after Beijing tightened controls in April.',
        '2026-07-20',
      ),
    ).toEqual(['magnet_exports|1300|2026-05|-|-|-']);
  });

  it("still takes the month in the tonnage's own clause when none came before it", () => {
    expect(
      figs(
        'Magnets',
        'Magnet exports sank to 1,300 tonnes in May after Beijing tightened controls in April.',
        '2026-07-20',
      ),
    ).toEqual(['magnet_exports|1300|2026-05|-|-|-']);
  });
});

describe('the most since a month', () => {
  it('reads "the most since January\'s record of …" as January\'s figure and a comparison, not a total from January', () => {
    expect(
      figs(
        'Magnets',
        "Magnet exports rose to 6,200 tons last month. That's a 9% increase from July and the most since January's record of 6,400 tons.\nShipments to the US climbed to 700 tons.",
        '2026-09-18',
      ),
    ).toEqual([
      'magnet_exports|6200|2026-08|-|mom|9',
      'magnet_exports|6400|2026-01|-|-|-',
      'magnet_exports_to_us|700|2026-08|-|-|-',
    ]);
  });

  it('still reads exports "since January" as the total from January', () => {
    expect(
      figs('Magnets', 'Magnet exports since January reached 45,000 tons by the end of August.', '2026-09-18'),
    ).toEqual(['magnet_exports|45000|2026-01/2026-08|-|-|-']);
  });
});

describe('batches named one by one with one value each', () => {
  it('gives 第一批、第二批…均为 the value of each batch', () => {
    expect(figs('指标', '此前下达的第一批、第二批稀土指标均为开采11万吨、冶炼分离10.5万吨。', '2026-12-15')).toEqual([
      'mining_quota|110000|2026|1|-|-',
      'mining_quota|110000|2026|2|-|-',
      'smelting_quota|105000|2026|1|-|-',
      'smelting_quota|105000|2026|2|-|-',
    ]);
  });

  it('reads "the first two batches were each set at" as each batch, not their sum', () => {
    expect(
      figs('Quotas', 'The first two batches of rare earth quotas were each set at 110,000 t for mining.', '2026-12-15'),
    ).toEqual(['mining_quota|110000|2026|1|-|-', 'mining_quota|110000|2026|2|-|-']);
  });

  it('keeps a sum as the batches to date, and the value after 每批 as each batch', () => {
    expect(figs('指标', '2026年前两批稀土开采指标合计22万吨，每批11万吨。', '2026-08-20')).toEqual([
      'mining_quota_ytd|220000|2026|-|-|-',
      'mining_quota|110000|2026|1|-|-',
      'mining_quota|110000|2026|2|-|-',
    ]);
    expect(
      figs('Quotas', 'The first two batches of rare earth mining quotas totalled 220,000 t.', '2026-08-20'),
    ).toEqual(['mining_quota_ytd|220000|2026|-|-|-']);
  });
});

describe("another country's trade in Chinese", () => {
  it('leaves out 缅甸对华出口 and imports from one country of origin', () => {
    expect(figs('稀土', '据行业机构统计，10月缅甸对华出口稀土氧化物约1600吨，环比下降30%。', '2026-11-20')).toEqual([]);
    expect(figs('稀土', '10月我国自缅甸进口稀土1800吨。', '2026-11-20')).toEqual([]);
  });

  it("still reads China's exports to the United States and Japan", () => {
    expect(figs('稀土', '10月我国对美国出口稀土永磁600吨，环比增长50%。', '2026-11-20')).toEqual([
      'magnet_exports_to_us|600|2026-10|-|mom|50',
    ]);
    expect(figs('稀土', '10月我国稀土永磁对日本出口400吨。', '2026-11-20')).toEqual([
      'magnet_exports_to_japan|400|2026-10|-|-|-',
    ]);
  });
});

describe('destinations listed after one flow word', () => {
  it('sends the flow to each country of 向美国、日本 and "to the United States and Japan"', () => {
    expect(figs('稀土', '10月我国向美国、日本出口稀土永磁分别为600吨和400吨。', '2026-11-20')).toEqual([
      'magnet_exports_to_us|600|2026-10|-|-|-',
      'magnet_exports_to_japan|400|2026-10|-|-|-',
    ]);
    expect(
      figs(
        'Magnets',
        'Magnet shipments to the United States and Japan were 600 tons and 400 tons respectively in October.',
        '2026-11-20',
      ),
    ).toEqual(['magnet_exports_to_us|600|2026-10|-|-|-', 'magnet_exports_to_japan|400|2026-10|-|-|-']);
  });

  it('does not make a country named after a list of destinations one of them', () => {
    expect(
      figs(
        'Magnets',
        'Magnet shipments to the United States rose to 600 tons in October, and Japan said it would build a stockpile.',
        '2026-11-20',
      ),
    ).toEqual(['magnet_exports_to_us|600|2026-10|-|-|-']);
  });
});

describe('"pc" for per cent (trade-press style)', () => {
  it('reads "-30.9pc m/m" and "+13.3pc y/y" as changes', () => {
    expect(
      figs(
        'Rare earths weekly',
        'Key numbers\n- September exports: 4,100.5t (-30pc m/m)\n- January-July exports: 38,000t (+13pc y/y)',
        '2026-10-16',
      ),
    ).toEqual(['rare_earth_exports|4100.5|2026-09|-|mom|-30', 'rare_earth_exports|38000|2026-01/2026-07|-|yoy|13']);
  });

  it('does not read "PCs" as a percentage', () => {
    expect(
      figs('Rare earths', 'Rare earth exports were 4,000 t in September, up 12 PCs on the month.', '2026-10-16'),
    ).toEqual(['rare_earth_exports|4000|2026-09|-|-|-']);
  });
});

describe('同一月份 is "the same month", not January', () => {
  it('reads 比去年同一月份增加 as year on year', () => {
    expect(
      figs('稀土', '我国9月份稀土磁体出口量为5800吨，比8月份削减6%，比去年同一月份增加17%。', '2026-10-20'),
    ).toEqual(['magnet_exports|5800|2026-09|-|mom|-6', 'magnet_exports|5800|2026-09|-|yoy|17']);
  });

  it('still reads 一月份 as January', () => {
    expect(figs('稀土', '今年一月份我国稀土磁体出口量为6300吨。', '2026-02-20')).toEqual([
      'magnet_exports|6300|2026-01|-|-|-',
    ]);
  });
});

describe('the full year compared with is not the scope of the sum', () => {
  it('keeps 前两批 a year-to-date sum before 较2022年全年', () => {
    expect(
      figs(
        '稀土指标',
        '经计算，2027年前两批稀土开采、冶炼分离总量控制指标分别为26万吨、25万吨，较2026年全年分别增长8.3%、8.7%。',
        '2027-09-20',
      ),
    ).toEqual(['mining_quota_ytd|260000|2027|-|yoy|8.3', 'smelting_quota_ytd|250000|2027|-|yoy|8.7']);
  });

  it('still closes a sum of batches on "for the full year"', () => {
    expect(
      figs(
        'Quotas',
        "Last year's rare earth ceilings, issued over three rounds, totalled 255,000 t for extraction and 243,850 t for separation for the full year.",
        '2024-02-08',
      ),
    ).toEqual(['mining_quota|255000|2023|-|-|-', 'smelting_quota|243850|2023|-|-|-']);
  });
});

describe('falling words of the press', () => {
  it('reads 急挫, 下挫 and "tanked" as falls', () => {
    expect(figs('稀土', '內地5月稀土磁體出口只有1300公噸，較4月急挫50%。', '2026-06-21')).toEqual([
      'magnet_exports|1300|2026-05|-|mom|-50',
    ]);
    expect(figs('Magnets', 'Magnet exports tanked 50% from April to 1,300 tons in May.', '2026-06-21')).toEqual([
      'magnet_exports|1300|2026-05|-|mom|-50',
    ]);
  });

  it('still reads a rise next to them as a rise', () => {
    expect(figs('稀土', '內地5月稀土出口5900公噸，按月大增23%，股市則下挫。', '2026-06-21')).toEqual([
      'rare_earth_exports|5900|2026-05|-|mom|23',
    ]);
  });
});

describe('a span of months compared with', () => {
  it('reads "on the January-to-May period of 2024" and "from January-May 2024" as the base, year on year', () => {
    expect(
      figs(
        'Rare earths',
        'Over the first five months, rare earth exports came to 25,000 tons, up 2% on the January-to-May period of 2025.',
        '2026-06-09',
      ),
    ).toEqual(['rare_earth_exports|25000|2026-01/2026-05|-|yoy|2']);
    expect(
      figs(
        'Rare earths',
        'Over the first five months, rare earth exports came to 25,000 tons, up 2% from January-May 2025.',
        '2026-06-09',
      ),
    ).toEqual(['rare_earth_exports|25000|2026-01/2026-05|-|yoy|2']);
  });

  it('still reads "from January to May" after a flow as the span itself', () => {
    expect(figs('Rare earths', 'Rare earth exports from January-to-May 2026 were 25,000 tons.', '2026-06-09')).toEqual([
      'rare_earth_exports|25000|2026-01/2026-05|-|-|-',
    ]);
  });
});

describe('a table a fetch flattened to spaces or tabs', () => {
  it('reads the rows under a "Series Volume (t) m/m y/y" heading, the month from the title', () => {
    expect(
      figs(
        'China rare earth trade, March 2026',
        'Series\tVolume (t)\tm/m\ty/y\nRare earth exports\t5,100.5\t-12.0%\t+8.0%\nRare earth imports\t9,800\t+4.5%\t-2.0%\nSource: customs.',
        '2026-04-20',
      ),
    ).toEqual([
      'rare_earth_exports|5100.5|2026-03|-|yoy|8',
      'rare_earth_exports|5100.5|2026-03|-|mom|-12',
      'rare_earth_imports|9800|2026-03|-|yoy|-2',
      'rare_earth_imports|9800|2026-03|-|mom|4.5',
    ]);
  });

  it('reads no price table and no other metal as a trade figure', () => {
    expect(
      figs(
        'Rare earth prices, March 2026',
        'Product Price (yuan/t) m/m y/y\nNdPr oxide 545,000 +1.0% +12.0%\nDysprosium oxide 1,650,000 -2.0% +5.0%',
        '2026-04-20',
      ),
    ).toEqual([]);
    expect(
      figs(
        'Minor metals trade, March 2026',
        'Series Volume (t) m/m y/y\nTungsten exports 1,200 +3.0% -8.0%\nAntimony exports 900 -5.0% -40.0%',
        '2026-04-20',
      ),
    ).toEqual([]);
  });
});

describe('bounds written as conditions', () => {
  it('reads 不低于3000吨 and 5000吨以上 as bounds, not quotas', () => {
    expect(
      figs(
        '稀土',
        '征求意见稿提出，新建稀土冶炼分离项目能力不低于6000吨，现有企业不低于3500吨；企业应严格按照总量控制指标生产。',
        '2026-12-16',
      ),
    ).toEqual([]);
    expect(figs('稀土', '年处理稀土精矿5000吨以上的冶炼分离企业须执行总量控制指标。', '2026-12-16')).toEqual([]);
  });

  it('still reads the quota stated beside them', () => {
    expect(figs('稀土', '2026年稀土冶炼分离总量控制指标为260000吨，5000吨以上的企业须备案。', '2026-12-16')).toEqual([
      'smelting_quota|260000|2026|-|-|-',
    ]);
  });
});

describe('a half or a quarter with its year right after it', () => {
  it('reads "first-half 2019" and "First-quarter 2026" with their years', () => {
    expect(
      figs('China sets first-half 2019 rare earth mining quota at 60,000 tonnes', 'Nothing else.', '2019-03-20'),
    ).toEqual(['mining_quota|60000|2019|1|-|-']);
    expect(figs('Magnets', 'First-quarter 2026 magnet exports were 16,001 tons.', '2026-04-20')).toEqual([
      'magnet_exports|16001|2026-Q1|-|-|-',
    ]);
  });

  it('does not take a tonnage after "the first half" for its year', () => {
    expect(
      figs('Magnets', 'Magnet exports to the United States in the first half 2015 tons, customs said.', '2025-07-20'),
    ).toEqual(['magnet_exports_to_us|2015|2025-H1|-|-|-']);
  });
});

describe('a value-first list', () => {
  it('names the product after a dash: "57,000 t — rare earth magnet exports in 2026"', () => {
    expect(
      figs(
        'By the numbers',
        '• 63,000 t — rare earth exports in 2026, +1% y/y\n• 57,000 t — rare earth magnet exports in 2026, -2% y/y',
        '2027-01-25',
      ),
    ).toEqual(['rare_earth_exports|63000|2026|-|yoy|1', 'magnet_exports|57000|2026|-|yoy|-2']);
  });

  it('does not take a product named in a later clause after a dash', () => {
    expect(
      figs(
        'Rare earths',
        'Rare earth exports were 5,000 t in March - magnet makers said supply stayed tight.',
        '2026-04-20',
      ),
    ).toEqual(['rare_earth_exports|5000|2026-03|-|-|-']);
  });
});

describe('a province given as an example of a region', () => {
  it('places ore rather than naming whose share the tonnage is', () => {
    expect(
      figs(
        'Quotas',
        'Rare earth quotas for ion-adsorption deposits, found mainly in southern provinces such as Jiangxi, stayed at 19,000 t for the full year.',
        '2026-07-17',
      ),
    ).toEqual(['mining_quota_ion_adsorption|19000|2026|-|-|-']);
  });

  it("still leaves out a province's own allocation", () => {
    expect(
      figs('Quotas', 'Jiangxi received 8,500 t of the rare earth mining quota for the year.', '2026-07-17'),
    ).toEqual([]);
  });
});

describe('a base in kilotonnes', () => {
  it('reads "up 13pc from 55.4kt in 2024" as year on year, whatever later clause says "on the month"', () => {
    expect(
      figs(
        'Rare earths',
        'Rare earth exports reached 63.1kt in 2026, up 13pc from 55.8kt in 2025, with December down by 20pc on the month.',
        '2027-01-15',
      ),
    ).toEqual(['rare_earth_exports|63100|2026|-|yoy|13', 'rare_earth_exports|55800|2025|-|-|-']);
  });
});

describe('quarters written without 度 or with another word for first', () => {
  it('reads 第一季 and 首季 (Taiwan, Hong Kong) as the first quarter', () => {
    expect(figs('稀土', '中國第一季累計出口稀土1.52萬公噸，年增3.1%。', '2026-04-14')).toEqual([
      'rare_earth_exports|15200|2026-Q1|-|yoy|3.1',
    ]);
    expect(figs('稀土', '內地首季稀土出口1.52萬公噸，按年升3.1%。', '2026-04-14')).toEqual([
      'rare_earth_exports|15200|2026-Q1|-|yoy|3.1',
    ]);
  });

  it('reads "the initial quarter" as the first', () => {
    expect(
      figs(
        'Magnets',
        'During the initial quarter, magnet shipments abroad came to 16,001 tonnes, 4.8 per cent more than in the same quarter of 2025.',
        '2026-04-20',
      ),
    ).toEqual(['magnet_exports|16001|2026-Q1|-|yoy|4.8']);
  });

  it('still reads 季度 and a season word that is no quarter', () => {
    expect(figs('稀土', '今年第二季度稀土出口1.6万吨。', '2026-07-14')).toEqual([
      'rare_earth_exports|16000|2026-Q2|-|-|-',
    ]);
    expect(figs('稀土', '旺季来临，6月稀土出口5600吨。', '2026-07-14')).toEqual([
      'rare_earth_exports|5600|2026-06|-|-|-',
    ]);
  });
});

describe('one more adjective inside the product noun phrase', () => {
  it('reads "tonnes of rare earth everlasting magnets" as magnets', () => {
    expect(
      figs(
        'Magnets',
        'The nation shipped 5,300 tonnes of rare earth everlasting magnets overseas in March.',
        '2026-04-20',
      ),
    ).toEqual(['magnet_exports|5300|2026-03|-|-|-']);
  });

  it('does not join rare earths and magnets named as two goods', () => {
    expect(
      figs(
        'Rare earths',
        'China exported 5,300 tonnes of rare earths and magnets made abroad were not counted in March.',
        '2026-04-20',
      ),
    ).toEqual(['rare_earth_exports|5300|2026-03|-|-|-']);
  });
});

describe('矿产品 traded is a good, not the mining quota', () => {
  it('reads 进口稀土化合物及矿产品 as imports, and keeps one origin out of the national figure', () => {
    expect(figs('稀土', '今年前5个月，我国进口稀土化合物及矿产品1.3万吨，同比下降5%。', '2026-06-20')).toEqual([
      'rare_earth_imports|13000|2026-01/2026-05|-|yoy|-5',
    ]);
    expect(
      figs(
        '稀土',
        '今年前5个月，我国自美国进口稀土化合物及矿产品约1.3万吨；同期，我国稀土进口总量为6.2万吨，同比下降14%。',
        '2026-06-20',
      ),
    ).toEqual(['rare_earth_imports|62000|2026-01/2026-05|-|yoy|-14']);
  });

  it("still reads the old plan's 矿产品 as mining", () => {
    expect(figs('稀土', '2015年第一批稀土矿产品生产计划为52500吨。', '2015-04-10')).toEqual([
      'mining_quota|52500|2015|1|-|-',
    ]);
  });
});

describe('稀土磁性材料 (magnetic materials) are magnets', () => {
  it('reads a spun 稀土磁性材料 export figure as magnets', () => {
    expect(figs('稀土', '我国10月份稀土磁性材料出口量为5500吨，比9月份削减5%。', '2026-11-21')).toEqual([
      'magnet_exports|5500|2026-10|-|mom|-5',
    ]);
  });

  it('still reads 稀土 exports beside it as rare earths', () => {
    expect(figs('稀土', '我国10月份出口稀土4300吨，比9月份增加8%。', '2026-11-21')).toEqual([
      'rare_earth_exports|4300|2026-10|-|mom|8',
    ]);
  });
});

describe('names listed together as the tonnages are, without "respectively"', () => {
  it('pairs "mining and smelting quotas of A and B" in order', () => {
    expect(
      figs(
        'Quotas',
        'China issued rare earth mining and smelting quotas of 255,000 tonnes and 243,850 tonnes for 2027.',
        '2027-12-20',
      ),
    ).toEqual(['mining_quota|255000|2027|-|-|-', 'smelting_quota|243850|2027|-|-|-']);
  });

  it('does not pair names that are not listed together', () => {
    expect(
      figs(
        'Quotas',
        'Beyond the smelting quota, the rare earth mining quota for 2027 was set at 130,000 tonnes and 140,000 tonnes in its two batches.',
        '2027-12-20',
      ),
    ).toEqual(['mining_quota|130000|2027|-|-|-', 'mining_quota|140000|2027|-|-|-']);
  });
});

describe('a month in a later Chinese clause', () => {
  it("belongs to that clause's own tonnage, not to the one before it", () => {
    expect(figs('稀土磁鐵', '6月稀土磁鐵出口3200公噸。輸美360公噸，5月僅50公噸。', '2026-07-20')).toEqual([
      'magnet_exports|3200|2026-06|-|-|-',
      'magnet_exports_to_us|360|2026-06|-|-|-',
      'magnet_exports_to_us|50|2026-05|-|-|-',
    ]);
  });

  it('still dates a tonnage by a month later in its own clause', () => {
    expect(figs('稀土', '出口稀土5600吨为6月数据。', '2026-07-20')).toEqual(['rare_earth_exports|5600|2026-06|-|-|-']);
  });
});

describe('more metals that are not rare earths', () => {
  it('leaves out tin, nickel and zinc tonnages in a rare-earth digest', () => {
    expect(
      figs(
        'Asia metals wrap',
        "Rare earths - China's rare earth exports rose 26% month on month in November to 5,500 t.\nTin - China's imports of tin ore fell 20% on the month to 10,000 t in November.\nNickel - imports of nickel ore were 3.1 million t.",
        '2026-12-08',
      ),
    ).toEqual(['rare_earth_exports|5500|2026-11|-|mom|26']);
  });

  it('does not take "tin" inside another word', () => {
    expect(
      figs('Rare earths', 'Continuing restocking lifted rare earth exports to 5,500 t in November.', '2026-12-08'),
    ).toEqual(['rare_earth_exports|5500|2026-11|-|-|-']);
  });
});

describe('各为 pairs a list in order like 分别为', () => {
  it('gives the kinds of the sentence before to a 各为 list', () => {
    expect(
      figs(
        '稀土',
        '今年全年稀土開採、冶煉分離總量控制指標分別為17萬噸及16萬噸。其中第一批指標各為8.5萬噸及8萬噸。',
        '2026-10-09',
      ),
    ).toEqual([
      'mining_quota|170000|2026|-|-|-',
      'smelting_quota|160000|2026|-|-|-',
      'mining_quota|85000|2026|1|-|-',
      'smelting_quota|80000|2026|1|-|-',
    ]);
  });
});

describe('changes per kind in a sentence referring back', () => {
  it('gives "annual growth of 5% for mining and 4% for smelting" to the year totals of the sentence before', () => {
    expect(
      figs(
        'Quotas',
        'China kept its second batch of rare earth quotas for 2027 at 140,000 tonnes for mining and 130,000 tonnes for smelting, bringing the full-year totals to 280,000 and 260,000 tonnes respectively. That represents annual growth of 5% for mining and 4% for smelting.',
        '2027-08-19',
      ),
    ).toEqual([
      'mining_quota|140000|2027|2|-|-',
      'smelting_quota|130000|2027|2|-|-',
      'mining_quota|280000|2027|-|yoy|5',
      'smelting_quota|260000|2027|-|yoy|4',
    ]);
  });

  it('gives no change when the kind cannot pick one quota', () => {
    expect(
      figs(
        'Quotas',
        'China kept its second batch of rare earth quotas for 2027 at 140,000 tonnes for mining and 130,000 tonnes for smelting, bringing the full-year totals to 280,000 and 260,000 tonnes respectively. That represents growth of 5% for mining.',
        '2027-08-19',
      ),
    ).toEqual([
      'mining_quota|140000|2027|2|-|-',
      'smelting_quota|130000|2027|2|-|-',
      'mining_quota|280000|2027|-|-|-',
      'smelting_quota|260000|2027|-|-|-',
    ]);
  });
});
