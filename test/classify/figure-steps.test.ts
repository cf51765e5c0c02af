import { describe, expect, it } from 'vitest';
import { chineseNumber } from '../../src/classify/figures/chinese-numerals.js';
import { metricName } from '../../src/classify/figures/metric.js';
import { plausibleValue, rangesFrom, shippedRanges } from '../../src/classify/figures/plausible.js';
import { cumulativeOf } from '../../src/classify/figures/pick-period.js';
import { samePeriodOf } from '../../src/classify/figures/bases.js';
import { findPeriods, resolvePeriod } from '../../src/classify/periods.js';
import { findQuantities } from '../../src/classify/quantities.js';

const values = (text: string) => findQuantities(text).map((q) => q.value);
const only = (text: string) => {
  const qs = findQuantities(text);
  expect(qs).toHaveLength(1);
  return qs[0]!;
};

describe('number and unit', () => {
  it('reads 万 with digits after it, 亿, 千 and decimals', () => {
    expect(values('出口6万2585吨')).toEqual([62585]);
    expect(values('共出口5万7392吨稀土')).toEqual([57392]);
    expect(values('配额为13.5万吨，冶炼12.7万吨')).toEqual([135000, 127000]);
    expect(values('约3.48万t')).toEqual([34800]);
    expect(values('0.2亿吨')).toEqual([20000000]);
  });

  it('reads thousands separated by commas, spaces and thin spaces', () => {
    expect(values('a quota of 270 000 metric tons')).toEqual([270000]);
    expect(values('a quota of 270\u2009000 tonnes')).toEqual([270000]);
    expect(values('a quota of 270\u202f000 tonnes')).toEqual([270000]);
    expect(values('出口16 335t')).toEqual([16335]);
    expect(values('1,238 tons')).toEqual([1238]);
    // A year next to a number is not a thousands group.
    expect(values('in 2019 100 tonnes were shipped')).toEqual([100]);
  });

  it("reads a number listed before a tonnage with that tonnage's unit, but not a year or a range's first end", () => {
    expect(values('against 270,000 and 254,000 tons in 2024')).toEqual([270000, 254000]);
    expect(values('quotas of 84, 81 and 9.6 kt')).toEqual([84000, 81000, 9600]);
    expect(values('分别为13.5万、12.7万吨')).toEqual([135000, 127000]);
    expect(values('开采和冶炼分离指标为135000和127000吨')).toEqual([135000, 127000]);
    expect(values('in 2024 and 5,000 tonnes')).toEqual([5000]);
    const range = findQuantities('between 270,000 and 290,000 tons');
    expect(range.filter((q) => !q.bound).map((q) => q.value)).toEqual([]);
  });

  it('reads Chinese numerals', () => {
    expect(chineseNumber('十三万五千')).toBe(135000);
    expect(chineseNumber('两千零五')).toBe(2005);
    expect(chineseNumber('二十点五')).toBe(20.5);
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('数')).toBeNull();
    expect(values('全年开采指标为十三万五千吨')).toEqual([135000]);
    expect(values('二十一万吨')).toEqual([210000]);
  });

  it('reads k, kt, mt, thousand and million multipliers and kilograms', () => {
    expect(values('84 kt and 81 kt')).toEqual([84000, 81000]);
    expect(values('120,000 mt')).toEqual([120000]);
    expect(values('52.5 thousand tonnes')).toEqual([52500]);
    expect(values('2.51 million kg')).toEqual([2510]);
    expect(values('567 kg of europium oxide')).toEqual([0.567]);
    expect(values('3.2 kilotonnes')).toEqual([3200]);
  });

  it('marks bounds and ranges, which are not values; an approximation is one', () => {
    expect(only('前5个月累计出口逾2.4万吨').bound).toBe(true);
    expect(only('nearly 11,000 tons').bound).toBe(true);
    expect(only('more than 24,000 tonnes').bound).toBe(true);
    expect(only('预计为1万至1.2万吨').bound).toBe(true);
    expect(only('between 10,000 to 12,000 tonnes').bound).toBe(true);
    expect(only('约9.46万吨').bound).toBe(false);
    expect(only('about 4,090 tonnes').bound).toBe(false);
    // "in 2024 to 132,931" and "from 4,000 to 5,000 tonnes" are not ranges.
    expect(only('fell 24.4% in 2024 to 132,931 metric tons').bound).toBe(false);
    expect(only('rose from 4,000 to 5,000 tonnes').bound).toBe(false);
  });

  it('marks differences and rates, which are not levels', () => {
    expect(only('比去年增加1.5万吨').delta).toBe(true);
    expect(only('稀土矿指标调增1.12万吨').delta).toBe(true);
    expect(only('representing an increase of 42,000t REO').delta).toBe(true);
    expect(only('averaging 4,168 tonnes per month').rate).toBe(true);
    expect(only('4,168 tonnes a month').rate).toBe(true);
    expect(only('compared with 2,100 tons a year earlier').rate).toBe(false);
    expect(only('出口稀土24266.5吨').delta).toBe(false);
  });
});

describe('metric', () => {
  it('renders the structured metric as the design §5 name', () => {
    expect(metricName({ kind: 'quota', quota: 'mining', split: 'light' })).toBe('mining_quota_light');
    expect(metricName({ kind: 'quota', quota: 'smelting', ytd: true })).toBe('smelting_quota_ytd');
    expect(metricName({ kind: 'trade', product: 'magnet', flow: 'export', destination: 'japan' })).toBe(
      'magnet_exports_to_japan',
    );
    expect(metricName({ kind: 'trade', product: 'rare_earth', flow: 'import' })).toBe('rare_earth_imports');
  });
});

describe('plausibility against the figures history', () => {
  const national = { kind: 'trade', product: 'rare_earth', flow: 'export' } as const;
  const toJapan = { kind: 'trade', product: 'magnet', flow: 'export', destination: 'japan' } as const;
  const ranges = rangesFrom([
    { metric: 'rare_earth_exports', period: '2025-05', value: 5000 },
    { metric: 'rare_earth_exports', period: '2025-06', value: 7000 },
    { metric: 'magnet_exports', period: '2025-06', value: 3000 },
  ]);

  it('reads a dot with three decimals as thousands only where that is the one plausible reading', () => {
    expect(plausibleValue({ value: 6.217, dotThousands: true }, national, '2025-06', ranges)).toBe(6217);
    expect(plausibleValue({ value: 512.375, dotThousands: true }, toJapan, '2025-06', ranges)).toBe(512.375);
  });

  it('leaves out a value no reading makes plausible, and an ambiguous one without history', () => {
    expect(plausibleValue({ value: 1.9, dotThousands: false }, national, '2025-06', ranges)).toBeNull();
    expect(plausibleValue({ value: 9e6, dotThousands: false }, national, '2025-06', ranges)).toBeNull();
    const imports = { kind: 'trade', product: 'rare_earth', flow: 'import' } as const;
    expect(plausibleValue({ value: 12.5, dotThousands: true }, imports, '2025-06', ranges)).toBeNull();
    expect(plausibleValue({ value: 12.5, dotThousands: false }, imports, '2025-06', ranges)).toBe(12.5);
  });

  it('uses the shipped history (config/history)', () => {
    expect(plausibleValue({ value: 62.585, dotThousands: true }, national, '2025', shippedRanges())).toBe(62585);
    const quota = { kind: 'quota', quota: 'mining' } as const;
    expect(plausibleValue({ value: 135000, dotThousands: false }, quota, '2024', shippedRanges())).toBe(135000);
  });
});

describe('periods', () => {
  const period = (text: string, date: { year: number; month: number } | null) => {
    const p = findPeriods(text).find((m) => !m.comparative);
    return p ? resolvePeriod(p, undefined, date) : null;
  };

  it('reads "from January to <month>" and "between January and the end of <month>" as intervals', () => {
    expect(period('imported volumes from January to November totalling', { year: 2023, month: 12 })).toBe(
      '2023-01/2023-11',
    );
    expect(period('exports between January and the end of May totalled', { year: 2014, month: 7 })).toBe(
      '2014-01/2014-05',
    );
  });

  it('makes a month a total from January when the sentence says 累计 or year-to-date', () => {
    expect(cumulativeOf('2013-10', '截至10月底，中国累计出口稀土')).toBe('2013-01/2013-10');
    expect(cumulativeOf('2025-06', 'year-to-date shipments')).toBe('2025-H1');
    expect(cumulativeOf('2025-06', 'shipments in June')).toBe('2025-06');
  });

  it('gives a base of "the same period" of a named year the period compared, in that year', () => {
    const text = '但较2024年同期的4725吨增长15.8%';
    const q = findQuantities(text)[0]!;
    expect(samePeriodOf(text, q, '2025-10')).toBe('2024-10');
    const en = 'That compared to 4,566 tons in the same month in 2024.';
    expect(samePeriodOf(en, findQuantities(en)[0]!, '2025-04')).toBe('2024-04');
    const last = '比上年同期的16.2万吨增长24.7%';
    expect(samePeriodOf(last, findQuantities(last)[0]!, '2022')).toBe('2021');
  });
});

describe('a total from January against one month', () => {
  it('keeps a month named as one month alone after a cumulative total', () => {
    expect(cumulativeOf('2024-08', '1-7月累计出口稀土3万吨，8月')).toBe('2024-01/2024-08');
    expect(cumulativeOf('2024-08', '前7个月累计出口稀土3万吨，8月单月')).toBe('2024-08');
    expect(cumulativeOf('2024-08', 'Year-to-date exports were 30,000 tonnes; in the single month of August')).toBe(
      '2024-08',
    );
    // One month first, the total after it: the total's words come last, the period runs from January.
    expect(cumulativeOf('2024-08', '8月单月出口5000吨，累计')).toBe('2024-01/2024-08');
  });
});
