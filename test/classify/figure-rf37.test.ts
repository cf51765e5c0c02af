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

describe('a comparison with a month named before or after the change', () => {
  it('reads 与去年N月相比 as year on year and 与N月相比 as month on month', () => {
    expect(
      figs('', '海关数据显示,2025年9月我国出口稀土5100吨,与8月相比减少4.1%,与去年9月相比增长12.6%。', '2025-10-15'),
    ).toEqual(['rare_earth_exports|5100|2025-09|-|mom|-4.1', 'rare_earth_exports|5100|2025-09|-|yoy|12.6']);
  });

  it('reads "more than the N tons exported in <month>" as month on month', () => {
    expect(
      figs(
        'Exports',
        'Customs data showed China exported 5,300 tons of rare earths in September, up 8.1% from September 2024 and 12.3% more than the 4,720 tons exported in August.',
        '2025-10-15',
      ),
    ).toEqual([
      'rare_earth_exports|5300|2025-09|-|yoy|8.1',
      'rare_earth_exports|5300|2025-09|-|mom|12.3',
      'rare_earth_exports|4720|2025-08|-|-|-',
    ]);
  });
});

describe('"over" or "during" before a quarter or a half after a word', () => {
  it('spans the quarter: it is the period of the tonnage, not a comparison', () => {
    expect(
      figs(
        'Rare earth exports',
        'China shipped 4,870 tonnes of rare earths in June, customs data showed. Exports over the second quarter came to 13,210 tonnes.',
        '2021-07-13',
      ),
    ).toEqual(['rare_earth_exports|4870|2021-06|-|-|-', 'rare_earth_exports|13210|2021-Q2|-|-|-']);
  });

  it('still compares after a percentage ("up 5% over the first half of 2020")', () => {
    expect(
      figs(
        'Rare earth exports',
        'China exported 20,150 tonnes of rare earths in the first half of 2021, up 5% over the first half of 2020.',
        '2021-07-13',
      ),
    ).toEqual(['rare_earth_exports|20150|2021-H1|-|yoy|5']);
  });
});

describe('an export allowance stated by a verb of permission', () => {
  it('reads what a ministry "allowed exports of" or "allowed … to be exported" as an export quota', () => {
    expect(
      figs(
        'Export quotas',
        'For 2013, the commerce ministry had allowed exports of 31,001 tonnes of rare earths. For the whole of 2012 it allowed 30,996 tonnes to be exported.',
        '2014-01-10',
      ),
    ).toEqual(['export_quota|31001|2013|-|-|-', 'export_quota|30996|2012|-|-|-']);
  });

  it('reads what Beijing "will let its companies ship" in a half as that half\'s export quota', () => {
    expect(
      figs(
        'Export quotas',
        'Beijing will let its companies ship only 15,000 tonnes of rare earths abroad in the first half of this year.',
        '2014-01-10',
      ),
    ).toEqual(['export_quota|15000|2014|1|-|-']);
  });

  it('still reads plain shipments as exports', () => {
    expect(
      figs('Exports', 'China shipped 2,100 tonnes of rare earths abroad in May, customs data showed.', '2014-06-10'),
    ).toEqual(['rare_earth_exports|2100|2014-05|-|-|-']);
  });
});
