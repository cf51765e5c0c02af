import { describe, expect, it } from 'vitest';
import { findPeriods, findPeriodsEach, periodPatternsOf } from '../../src/classify/periods.js';
import { sentences } from '../../src/classify/segment.js';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** The eighth figures round: the mechanisms behind the blind parts' figure misses, and a cheaper period reader. */

describe('period mentions found pattern by pattern over all sentences', () => {
  const texts = [
    '2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨，较2023年第一批的120000吨增长12.5%。今年1-5月累计出口24827吨，同比增长2.3%。',
    'Exports rose 12% in November from October to 6,150 tons, customs data showed last month. In the first five months of 2024 imports fell 14.3% compared with the same period last year, up from 4,103 tonnes in 2018.',
    '前三季度出口同比增长，上半年与去年同期相比增加。 Shipments in the year through October, versus the prior December.',
  ];
  it('finds what findPeriods finds in each sentence', () => {
    for (const text of texts) {
      const split = sentences(text);
      const patterns = periodPatternsOf(text);
      expect(findPeriodsEach(split, patterns)).toEqual(split.map((s) => findPeriods(s.text, s.start, patterns)));
    }
  });
  it('still marks comparison bases after any of the words that make one', () => {
    for (const [text, comparative] of [
      ['up 5% from May', true],
      ['higher than in June', true],
      ['compared with 2023', true],
      ['比2023年', true],
      ['较去年', true],
      ['高于2023年', true],
      ['versus 2022', true],
      ['the same period of 2023', true],
      ['exports in May', false],
      ['出口2023年', false],
    ] as const) {
      const last = findPeriods(text).at(-1)!;
      expect([text, last.comparative]).toEqual([text, comparative]);
    }
  });
});

describe('a release time is not a figure period', () => {
  it('keeps the month the sentence gave when "data showed last month" comes between', () => {
    expect(
      figs(
        'Licences',
        'Magnet exports fell 4% in September from August to 5,100 tons, figures released last month showed, while shipments to Japan rose 12% from the previous month to 390 tons.',
        '2025-11-05',
      ),
    ).toEqual(['magnet_exports|5100|2025-09|-|mom|-4', 'magnet_exports_to_japan|390|2025-09|-|mom|12']);
  });
  it('reads 上月公布的数据 as the release, not the month of the figures', () => {
    expect(figs('出口', '海关总署上月公布的数据显示，9月稀土出口4000吨。', '2025-11-05')).toEqual([
      'rare_earth_exports|4000|2025-09|-|-|-',
    ]);
  });
  it('still reads "last month" as the period when nothing was released in it', () => {
    expect(figs('Exports', 'China exported 5,100 tons of rare earths last month.', '2025-11-05')).toEqual([
      'rare_earth_exports|5100|2025-10|-|-|-',
    ]);
  });
});

describe('a clause about another event', () => {
  const text =
    'Overseas sales of permanent magnets rose to 4,800 tons last month. That was 6.2% higher than a year earlier, the first annual gain since restrictions on seven heavy rare earths began in April. Shipments to the US rose to 500 tons.';
  it('leaves the product of the figures as it was, and the change goes to the figure before', () => {
    expect(figs('Magnets', text, '2025-09-20')).toEqual([
      'magnet_exports|4800|2025-08|-|yoy|6.2',
      'magnet_exports_to_us|500|2025-08|-|-|-',
    ]);
  });
});

describe('a list of comparison bases in a sentence of its own', () => {
  it('gives 与…的 bases their year and the kinds of the quotas stated before, and 均 the change of each', () => {
    expect(
      figs(
        '指标',
        '2023年全年稀土开采总量控制指标为255000吨。冶炼分离总量控制指标为243850吨。与2022年的210000吨、202000吨相比，均有增长。',
        '2023-12-15',
      ),
    ).toEqual([
      'mining_quota|255000|2023|-|-|-',
      'smelting_quota|243850|2023|-|-|-',
      'mining_quota|210000|2022|-|-|-',
      'smelting_quota|202000|2022|-|-|-',
    ]);
  });
  it('gives the changes listed after the bases (分别) to the quotas stated before, in order', () => {
    expect(
      figs(
        '指标',
        '2023年稀土开采总量控制指标为255000吨，冶炼分离总量控制指标为243850吨。与2022年全年的21万吨和20.2万吨相比，今年开采和冶炼分离指标分别增长21.4%和20.7%。',
        '2023-12-15',
      ),
    ).toEqual([
      'mining_quota|255000|2023|-|yoy|21.4',
      'smelting_quota|243850|2023|-|yoy|20.7',
      'mining_quota|210000|2022|-|-|-',
      'smelting_quota|202000|2022|-|-|-',
    ]);
  });
  it('gives one change said of both (均增长) to each', () => {
    expect(
      figs(
        '指标',
        '2021年稀土开采总量控制指标为168000吨。冶炼分离总量控制指标为162000吨。与2020年的140000吨、135000吨相比，均增长20%。',
        '2021-09-30',
      ),
    ).toEqual([
      'mining_quota|168000|2021|-|yoy|20',
      'smelting_quota|162000|2021|-|yoy|20',
      'mining_quota|140000|2020|-|-|-',
      'smelting_quota|135000|2020|-|-|-',
    ]);
  });
});

describe('the tonnages of a "when" clause', () => {
  it('are all of the period the clause opens after', () => {
    expect(
      figs(
        'Rare earth prices',
        'Beijing has not published rare earth quotas since 2023, when it set mining quotas at 255,000 mt and smelting quotas at 243,850 mt for the full year.',
        '2025-03-10',
      ),
    ).toEqual(['mining_quota|255000|2023|-|-|-', 'smelting_quota|243850|2023|-|-|-']);
  });
});

describe('the full year of a comparison named relatively', () => {
  it('leaves a sum of batches compared with 去年全年 a sum to date', () => {
    expect(
      figs(
        '指标',
        '今年前两批稀土开采指标合计24万吨，冶炼分离指标合计23万吨，较去年全年分别增长14.29%及13.86%。',
        '2023-09-26',
      ),
    ).toEqual(['mining_quota_ytd|240000|2023|-|yoy|14.29', 'smelting_quota_ytd|230000|2023|-|yoy|13.86']);
  });
});

describe("a machine's words for the bases", () => {
  it('reads "month-over-month" and "the identical month last yr"', () => {
    expect(
      figs(
        'Magnets',
        'Customs data showed China exported 5,774 tonnes of rare earth magnets in September, down 6.1% month-over-month but up 17.5% vs the identical month last yr.',
        '2025-10-21',
      ),
    ).toEqual(['magnet_exports|5774|2025-09|-|mom|-6.1', 'magnet_exports|5774|2025-09|-|yoy|17.5']);
  });
});

describe('what may be exported in a round', () => {
  it('is the export quota of the years China set one, not exports', () => {
    expect(
      figs(
        'China sets rare earth export quota',
        'The commerce ministry said 15,000 tonnes of rare earths may be exported in the first round of 2012.',
        '2011-12-28',
      ),
    ).toEqual(['export_quota|15000|2012|1|-|-']);
  });
});

describe('a buyer country the sentence opens on', () => {
  it("reads its imports as its own, not China's", () => {
    expect(
      figs('磁铁出口', '内地9月份稀土永磁体出口量为5774公吨。德国仍是最大买家，9月进口1200公吨。', '2025-10-21'),
    ).toEqual(['magnet_exports|5774|2025-09|-|-|-']);
  });
  it('still reads China importing from a country as imports', () => {
    expect(figs('进口', '中国9月从缅甸以外进口稀土9000公吨。', '2025-10-21')).toEqual([
      'rare_earth_imports|9000|2025-09|-|-|-',
    ]);
  });
});

describe('batches of one value each beside the totals they make', () => {
  it('gives the batches the kind of their total, and leaves the totals whole years', () => {
    expect(
      figs(
        'Rare earth quotas',
        'In 2022 the smelting quota for the full year was 202,000 tons. In 2023 Beijing issued two batches of 120,000 tons each, for a 2023 mining total of 240,000 tons, while the smelting quota for the year was 230,000 tons.',
        '2024-01-10',
      ),
    ).toEqual([
      'smelting_quota|202000|2022|-|-|-',
      'mining_quota|120000|2023|1|-|-',
      'mining_quota|120000|2023|2|-|-',
      'mining_quota|240000|2023|-|-|-',
      'smelting_quota|230000|2023|-|-|-',
    ]);
  });
});

describe('a flattened customs table headed by a unit and periods only', () => {
  it('reads the period columns as quantities, and the cumulative change as the months from January', () => {
    expect(
      figs(
        '海关总署：2024年11月出口主要商品量值表',
        '商品名称 计量单位 11月 1至11月 累计比去年同期±%\n稀土 吨 4416 52105 6.9\n钢材 万吨 931 10112 23.9',
        '2024-12-10',
      ),
    ).toEqual(['rare_earth_exports|4416|2024-11|-|-|-', 'rare_earth_exports|52105|2024-01/2024-11|-|yoy|6.9']);
  });
});

describe('a list of quota tonnages in a sentence that names no kind', () => {
  it('takes the kinds the sentence before listed, in order', () => {
    expect(
      figs(
        'Quotas',
        "China's full-year rare earth quotas for 2022 are 210,000 tonnes for mining and 202,000 tonnes for smelting. The first batch, issued in January, was 100,800 tonnes and 97,200 tonnes.",
        '2022-08-20',
      ),
    ).toEqual([
      'mining_quota|210000|2022|-|-|-',
      'smelting_quota|202000|2022|-|-|-',
      'mining_quota|100800|2022|1|-|-',
      'smelting_quota|97200|2022|1|-|-',
    ]);
  });
});
