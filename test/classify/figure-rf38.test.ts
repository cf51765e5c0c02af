import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** The eleventh figures round: classes of text the blind parts BH9–BH16 showed the reader missing. */

describe('hard-wrapped wire copy', () => {
  it('keeps a tonnage whose unit is wrapped onto the next line', () => {
    expect(
      figs(
        'Rare earth exports',
        'China exported 3,905 tonnes of rare earths in\nAugust, the customs office said. Across the opening eight months,\nforeign sales amounted to 31,442\ntonnes.',
        '2023-09-08',
      ),
    ).toEqual(['rare_earth_exports|3905|2023-08|-|-|-', 'rare_earth_exports|31442|2023-01/2023-08|-|-|-']);
  });

  it('keeps a change after a name wrapped after "of" with the tonnage it compares', () => {
    expect(
      figs(
        'Rare earth exports',
        'Outbound rare earth cargoes rose 9% in August from July.\nThe nation sold 3,905 tonnes abroad last month, data from the General Administration of\nCustoms showed, against 3,580 tonnes in July.\nThat was 4.4% below August of last year, the data showed.',
        '2023-09-08',
      ),
    ).toEqual([
      'rare_earth_exports|3905|2023-08|-|mom|9',
      'rare_earth_exports|3580|2023-07|-|-|-',
      'rare_earth_exports|3905|2023-08|-|yoy|-4.4',
    ]);
  });

  it('still ends a headline line without a stop', () => {
    expect(
      figs(
        '',
        'Rare earth exports rise in August\nChina exported 3,905 tonnes of rare earths last month.',
        '2023-09-08',
      ),
    ).toEqual(['rare_earth_exports|3905|2023-08|-|-|-']);
  });
});

describe('a span from January before the tonnage and a relative month after it', () => {
  it('dates the tonnage by the span; "last month" dates the report', () => {
    expect(
      figs(
        'Magnet exports',
        'Magnet exports reached 6,020 tons in September. The customs office had published aggregate January-August shipments of 41,380 tons last month.',
        '2025-10-20',
      ),
    ).toEqual(['magnet_exports|6020|2025-09|-|-|-', 'magnet_exports|41380|2025-01/2025-08|-|-|-']);
  });

  it('still reads "last month" alone as the month before', () => {
    expect(figs('Magnet exports', 'China shipped 6,020 tons of magnets abroad last month.', '2025-10-20')).toEqual([
      'magnet_exports|6020|2025-09|-|-|-',
    ]);
  });
});

describe('a year in a subordinate clause', () => {
  it('does not give its year to the month of the tonnage', () => {
    expect(
      figs(
        'Magnet exports',
        'Shipments of magnets to US customers amounted to 512 tonnes in February, 12% less than a year before, when buyers were stocking up ahead of the October 2025 controls.',
        '2026-03-20',
      ),
    ).toEqual(['magnet_exports_to_us|512|2026-02|-|yoy|-12']);
  });

  it('still takes the year a main clause names', () => {
    expect(
      figs(
        'Magnet exports',
        'Shipments of magnets to US customers amounted to 512 tonnes in February 2025.',
        '2026-03-20',
      ),
    ).toEqual(['magnet_exports_to_us|512|2025-02|-|-|-']);
  });
});

describe('a comparison with a month through "the level of"', () => {
  it('reads "above the level of <month year>" as year on year and "below the level of <month>" as month on month', () => {
    expect(
      figs(
        'Magnet exports',
        'Magnet shipments totalled 4,980 tons in July, 3.4% below the level of June but 9.1% above the level of July 2024.',
        '2025-08-20',
      ),
    ).toEqual(['magnet_exports|4980|2025-07|-|mom|-3.4', 'magnet_exports|4980|2025-07|-|yoy|9.1']);
  });
});

describe('a basis opening the next clause after the period it is of', () => {
  it('reads "compared with the same month a year earlier" after a change', () => {
    expect(
      figs(
        'Rare earth exports',
        'In July, rare earth shipments amounted to 5,110 tonnes, down 6% from June but up 18% compared with the same month a year earlier, the figures showed.',
        '2025-08-10',
      ),
    ).toEqual(['rare_earth_exports|5110|2025-07|-|mom|-6', 'rare_earth_exports|5110|2025-07|-|yoy|18']);
  });
});

describe('a year named in a comparison clause', () => {
  it('does not give its year to the months of the sentence', () => {
    expect(
      figs(
        'Rare earth exports',
        'Rare earth shipments in 2025 were the highest in a decade. Shipments in December were 4,100 tonnes, 8% lower than in the closing month of 2024.',
        '2026-01-15',
      ),
    ).toEqual(['rare_earth_exports|4100|2025-12|-|-|-']);
  });
});

describe("a portal's link to another story", () => {
  it('gives the story no product', () => {
    expect(
      figs(
        'Rare earth exports at a record',
        'China exported 60,200 tonnes of rare earths in 2025, customs said.\nALSO READ: Japan seeks new magnet suppliers\nDecember shipments were 4,700 tonnes.',
        '2026-01-15',
      ),
    ).toEqual(['rare_earth_exports|60200|2025|-|-|-', 'rare_earth_exports|4700|2025-12|-|-|-']);
  });
});

describe("a quota base in last year's batch", () => {
  it('takes that year and batch, and the tonnage after it keeps the sentence year', () => {
    expect(
      figs(
        'Quotas',
        "The opening rare earth allotment for 2024 lets miners extract 135,000 tons, 12.5% more than the 120,000 tons handed out in last year's first batch, while smelters may process 127,000 tons, up 10.4% from 115,000 tons.",
        '2024-02-08',
      ),
    ).toEqual([
      'mining_quota|135000|2024|1|yoy|12.5',
      'mining_quota|120000|2023|1|-|-',
      'smelting_quota|127000|2024|1|yoy|10.4',
      'smelting_quota|115000|2023|1|-|-',
    ]);
  });
});

describe('a quota sum counted over the batches', () => {
  it('reads 计及两批…指标累计 as year to date, and a headline change of the sum goes to no batch', () => {
    expect(
      figs(
        '两批稀土指标合计开采量增长20%',
        '两部委昨日下达今年第二批稀土开采、冶炼分离总量控制指标，分别为10万吨和9.6万吨。计入两批，今年开采指标累计20万吨，冶炼分离指标累计19.2万吨。',
        '2031-08-20',
      ),
    ).toEqual([
      'mining_quota|100000|2031|2|-|-',
      'smelting_quota|96000|2031|2|-|-',
      'mining_quota_ytd|200000|2031|-|-|-',
      'smelting_quota_ytd|192000|2031|-|-|-',
    ]);
  });
});

describe("a batch's quota base a year back", () => {
  it('is that batch of the year before', () => {
    expect(
      figs(
        'Rare earth quotas',
        'China issued the first batch of rare earth quotas for 2024, with mining set at 135,000 tons. Smelting allowances in the batch were 127,000 tons, compared with 115,000 tons a year earlier.',
        '2024-02-08',
      ),
    ).toEqual([
      'mining_quota|135000|2024|1|-|-',
      'smelting_quota|127000|2024|1|-|-',
      'smelting_quota|115000|2023|1|-|-',
    ]);
  });
});

describe('an aside on the subject of a tonnage', () => {
  it('names no kind of tonnage: imports described by their refiners stay imports', () => {
    expect(
      figs(
        'Rare earth trade in 2030',
        'Imports, which smelters in the south process into oxides, dropped 12% for the year to 98,400 tons.',
        '2031-01-14',
      ),
    ).toEqual(['rare_earth_imports|98400|2030|-|yoy|-12']);
  });

  it('still reads a tonnage inside the aside by its own words', () => {
    expect(
      figs(
        'Stockpile',
        'The move reflects worry about China, whose rare earth smelting quota for 2030 was 250,000 tonnes, and its grip on supply.',
        '2030-06-01',
      ),
    ).toEqual(['smelting_quota|250000|2030|-|-|-']);
  });
});

describe('the batch of the light / ion-adsorption split', () => {
  it('is the batch of the mining quota the pair adds up to, not the batch recalled before it', () => {
    expect(
      figs(
        '两部门下达2030年稀土总量控制指标',
        '2030年稀土开采、冶炼分离总量控制指标分别为150000吨和144000吨。上述指标含年初已下达的第一批指标，即开采75000吨、冶炼分离72000吨。按矿种划分，岩矿型稀土开采指标为130850吨，离子型稀土开采指标为19150吨。',
        '2030-08-01',
      ),
    ).toEqual([
      'mining_quota|150000|2030|-|-|-',
      'smelting_quota|144000|2030|-|-|-',
      'mining_quota|75000|2030|1|-|-',
      'smelting_quota|72000|2030|1|-|-',
      'mining_quota_light|130850|2030|-|-|-',
      'mining_quota_ion_adsorption|19150|2030|-|-|-',
    ]);
  });
});

describe('a flattened customs table', () => {
  it('is read by its spaced columns though a link line below it holds a pipe', () => {
    expect(
      figs(
        '',
        '2030年3月出口主要商品量值表\n商品名称 计量单位 3月数量 3月金额 1至3月累计数量 1至3月累计金额 累计比去年同期±%数量\n稀土 吨 5120.4 30110 15230.8 90220 4.5\n相关链接:进口主要商品量值表 | 一季度进出口情况',
        '2030-04-14',
      ),
    ).toEqual(['rare_earth_exports|5120.4|2030-03|-|-|-', 'rare_earth_exports|15230.8|2030-Q1|-|yoy|4.5']);
  });

  it('takes the year of its caption when the page is undated', () => {
    expect(
      figs(
        '',
        '2030年3月出口主要商品量值表\n商品名称 计量单位 3月数量 3月金额 1至3月累计数量 1至3月累计金额\n稀土 吨 5120.4 30110 15230.8 90220',
        undefined,
      ),
    ).toEqual(['rare_earth_exports|5120.4|2030-03|-|-|-', 'rare_earth_exports|15230.8|2030-Q1|-|-|-']);
  });
});

describe('"from the first batch a year earlier"', () => {
  it('is a comparison: the next tonnage keeps the year and batch of the sentence', () => {
    expect(
      figs(
        'Rare earth prices',
        'The opening batch of 2031 rare earth quotas put mining at 140,000 tonnes, up 3.7% from the opening batch a year earlier, and smelting at 131,000 tonnes, up 3.1%.',
        '2031-05-12',
      ),
    ).toEqual(['mining_quota|140000|2031|1|yoy|3.7', 'smelting_quota|131000|2031|1|yoy|3.1']);
  });
});

describe('a Chinese base closed by a word of likeness', () => {
  it('与2029年的…吨大体相当 keeps the year it names', () => {
    expect(
      figs(
        '两部门下达2030年稀土开采指标',
        '2030年全年稀土开采总量控制指标为300000吨，与2029年的290000吨大体相当。',
        '2030-09-01',
      ),
    ).toEqual(['mining_quota|300000|2030|-|-|-', 'mining_quota|290000|2029|-|-|-']);
  });
});
