import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** The fourteenth figures round: classes of text BH20, BH21 and the real corpus showed the reader missing. */

describe('an analyst note on a batch recalls other batches and years', () => {
  const batch =
    'The ministries issued the second batch of 2022 rare earth quotas: 109.2kt for mining and 104.8kt for smelting.';

  it("reads \"against <year>'s full-year N and M\" as that year's quotas, and the changes as the sums'", () => {
    expect(
      figs(
        '',
        `${batch} With the first batch, the two batches combined come to 210kt and 202kt, up 25% and 24.7% against 2021's full-year 168kt and 162kt.`,
        undefined,
      ),
    ).toEqual([
      'mining_quota|109200|2022|2|-|-',
      'smelting_quota|104800|2022|2|-|-',
      'mining_quota_ytd|210000|2022|-|yoy|25',
      'smelting_quota_ytd|202000|2022|-|yoy|24.7',
      'mining_quota|168000|2021|-|-|-',
      'smelting_quota|162000|2021|-|-|-',
    ]);
  });

  it('reads a batch compared with, its tonnages in brackets after it, as that batch', () => {
    expect(
      figs(
        '',
        `${batch} Both are up from the first batch released in January (100.8kt mining, 97.2kt smelting).`,
        undefined,
      ).slice(2),
    ).toEqual(['mining_quota|100800|2022|1|-|-', 'smelting_quota|97200|2022|1|-|-']);
  });

  it('reads "15kt / 13.85kt" as a list of two tonnages with the kinds named before', () => {
    expect(
      figs(
        '',
        'In 2023 the rare earth quotas were 255kt for mining and 243.85kt for smelting. That included a late third batch of 15kt / 13.85kt handed out in December 2023.',
        undefined,
      ).slice(2),
    ).toEqual(['mining_quota|15000|2023|3|-|-', 'smelting_quota|13850|2023|3|-|-']);
  });

  it('leaves a change after a clause break about a sum of batches to that sum, which no tonnage states', () => {
    expect(
      figs(
        '',
        'In 2023 the rare earth quotas were 255kt for mining and 243.85kt for smelting. That included a late third batch of 15kt / 13.85kt, so the first two batches alone rose faster (+12.5% on mining).',
        undefined,
      ).slice(2),
    ).toEqual(['mining_quota|15000|2023|3|-|-', 'smelting_quota|13850|2023|3|-|-']);
  });

  it('leaves out estimates and the assumption a forecast is revised from', () => {
    expect(figs('', `${batch} We raise our 2023E mining quota assumption to 230kt (from 220kt).`, undefined)).toEqual([
      'mining_quota|109200|2022|2|-|-',
      'smelting_quota|104800|2022|2|-|-',
    ]);
  });

  it('reads "c.26.3k tonnes" as about 26,300 t', () => {
    expect(
      figs('', 'Customs data show January-June 2023 exports of c.26.3k tonnes of rare earths.', undefined),
    ).toEqual(['rare_earth_exports|26300|2023-H1|-|-|-']);
  });
});

describe('an undated text whose month takes its year from a later total', () => {
  it('dates the month by the first later total from January ending in it', () => {
    expect(
      figs(
        '',
        '数据表现，本年5月我国稀土出口量为6217吨，较上月的4566吨环比增添36.2%。\n从累计看，2024年1-5月出口24266.5吨，同比增添9.7%。',
        undefined,
      ),
    ).toEqual([
      'rare_earth_exports|6217|2024-05|-|mom|36.2',
      'rare_earth_exports|4566|2024-04|-|-|-',
      'rare_earth_exports|24266.5|2024-01/2024-05|-|yoy|9.7',
    ]);
  });

  it('does not date it by a later period that does not end in that month', () => {
    expect(
      figs('', '海关数据显示，12月稀土出口3326吨，环比下降24.7%。\n2023年上半年出口约2.6万吨。', undefined).some((l) =>
        l.includes('|3326|'),
      ),
    ).toBe(false);
  });

  it('reads a monthly average with its flow word between as a rate, no figure', () => {
    expect(figs('', '2023年上半年每月平均出口约4,400吨稀土。', undefined)).toEqual([]);
  });
});

describe("a lead change with no tonnage goes to the next sentence's figure", () => {
  it("adds the lead's month-on-month change as a second entry beside the tonnage's own year-on-year one", () => {
    expect(
      figs(
        'Rare earth magnet exports',
        '10月我国稀土永磁出口环比下降5.2%。海关数据显示，10月稀土永磁出口5473吨，同比增长15.9%。',
        '2025-11-20',
      ),
    ).toEqual(['magnet_exports|5473|2025-10|-|yoy|15.9', 'magnet_exports|5473|2025-10|-|mom|-5.2']);
  });

  it('is not kept from it by a contrast clause about a destination after the change', () => {
    expect(
      figs(
        '',
        "China's rare earth magnet exports rose 12% in November from October, customs data showed, although shipments to the United States fell.\nThe country shipped 6,150 tons of magnets in November, 8% more than a year earlier.",
        '2025-12-20',
      ),
    ).toEqual(['magnet_exports|6150|2025-11|-|yoy|8', 'magnet_exports|6150|2025-11|-|mom|12']);
  });
});

describe('a full-year quota named as the measure of another figure', () => {
  it('is the quota of its year, not a split named before it', () => {
    expect(
      figs(
        '',
        'The first batch of 2019 rare earth mining quotas came to 60,000 tonnes, of which 9,575 tonnes for ion-adsorption ore - half of the 2018 full-year quota of 120,000 tonnes.',
        undefined,
      ),
    ).toEqual([
      'mining_quota|60000|2019|1|-|-',
      'mining_quota_ion_adsorption|9575|2019|1|-|-',
      'mining_quota|120000|2018|-|-|-',
    ]);
  });

  it('is no figure when it is what traders had expected', () => {
    expect(
      figs(
        '',
        'The first batch of 2019 rare earth mining quotas came to 60,000 tonnes, roughly half of the 120,000 tonnes traders had expected for the year.',
        undefined,
      ),
    ).toEqual(['mining_quota|60000|2019|1|-|-']);
  });
});

describe('a tonnage "just over" or "just under" a value', () => {
  it('is that value; "more than" stays a bound', () => {
    expect(
      figs('', 'Rare earth exports in January-May came to just under 24.3k tonnes, up 9.7% y/y.', '2024-06-14'),
    ).toEqual(['rare_earth_exports|24300|2024-01/2024-05|-|yoy|9.7']);
    expect(figs('', '1-5月稀土出口略超2.4万吨。', '2024-06-14')).toEqual([
      'rare_earth_exports|24000|2024-01/2024-05|-|-|-',
    ]);
    expect(figs('', 'Rare earth exports in January-May came to more than 24,000 tonnes.', '2024-06-14')).toEqual([]);
  });
});

describe('the magnet series written as 稀土', () => {
  it("reads the text's rare-earth exports as magnets when its numbers are the magnet series'", () => {
    expect(
      figs(
        '',
        '海關數據顯示，中國9月出口稀土5,774公噸，比前一個月的6,146公噸減少6.1%。輸往日本的稀土為233公噸。',
        '2025-10-20',
      ),
    ).toEqual([
      'magnet_exports|5774|2025-09|-|mom|-6.1',
      'magnet_exports|6146|2025-08|-|-|-',
      'magnet_exports_to_japan|233|2025-09|-|-|-',
    ]);
  });

  it('reads them as magnets by a month-on-month change that only the magnet series gives', () => {
    expect(figs('', '數據顯示，中國去年12月共出口5,952公噸稀土，比前一個月減少3.2%。', '2026-01-20')).toEqual([
      'magnet_exports|5952|2025-12|-|mom|-3.2',
    ]);
  });

  it("leaves rare earths alone when the numbers are the rare-earth series' own", () => {
    expect(figs('', '中國11月稀土出口量為5,493.9公噸，比前一個月增加26.5%。', '2025-12-08')).toEqual([
      'rare_earth_exports|5493.9|2025-11|-|mom|26.5',
    ]);
  });
});
