import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** The thirteenth figures round: classes of text the blind parts BH20 and BH21 showed the reader missing. */

describe('destinations of a list, on the month the text leads with', () => {
  const lead = 'China exported 5,238 tons of rare earth magnets in March, customs data showed.';
  const quarter = 'Over the first quarter, shipments totalled 16,001 tons.';

  it('returns to the month after a paragraph holding only the total from January that ends in it', () => {
    expect(figs('', `${lead}\n${quarter}\nExports to the United States fell to 406 tons.`, '2026-04-20')).toEqual([
      'magnet_exports|5238|2026-03|-|-|-',
      'magnet_exports|16001|2026-Q1|-|-|-',
      'magnet_exports_to_us|406|2026-03|-|-|-',
    ]);
  });

  it('keeps the total from January for the next paragraph when it ends in another month', () => {
    expect(
      figs(
        '',
        `${lead}\nOver the first two months, shipments totalled 10,763 tons.\nExports to the United States fell to 406 tons.`,
        '2026-04-20',
      ).at(-1),
    ).toBe('magnet_exports_to_us|406|2026-01/2026-02|-|-|-');
  });

  it('stays on the month past a quote recalling earlier months or naming the year', () => {
    for (const quote of [
      '"Buyers stocked up in November and December, when the October measures were suspended," a trader said.',
      '"Nothing this year has been easy," a trader said.',
    ])
      expect(
        figs('', `${lead}\n${quarter}\n${quote}\nSouth Korea received 522 tons and Japan 268 tons.`, '2026-04-20').at(
          -1,
        ),
      ).toBe('magnet_exports_to_japan|268|2026-03|-|-|-');
  });

  it('reads "the USA" and "the U.S.A." as the United States, not the national total', () => {
    expect(
      figs(
        '',
        'Total magnet shipments reached 5,577 tonnes in July 2025, while consignments to the USA stood at 619 tonnes.',
        undefined,
      ),
    ).toEqual(['magnet_exports|5577|2025-07|-|-|-', 'magnet_exports_to_us|619|2025-07|-|-|-']);
    expect(figs('', 'Magnet shipments to the U.S.A. were 600 tonnes in July 2025.', undefined)).toEqual([
      'magnet_exports_to_us|600|2025-07|-|-|-',
    ]);
  });
});

describe('a buyer country importing Chinese goods is China exporting there', () => {
  it('reads 进口中国… after a country, and the next country of the list, as exports', () => {
    expect(
      figs(
        '',
        '海关总署数据显示，9月稀土永磁出口量为5774吨。德国9月进口中国稀土磁铁1102吨；日本为233吨。',
        '2025-10-20',
      ),
    ).toEqual(['magnet_exports|5774|2025-09|-|-|-', 'magnet_exports_to_japan|233|2025-09|-|-|-']);
  });

  it('reads 进口 after a country named as the biggest buyer as exports (traditional too)', () => {
    expect(
      figs('', '11月內地稀土永磁體出口6150噸。德國是內地永磁體最大買家，11月進口1180噸；日本288噸。', '2025-12-21'),
    ).toEqual(['magnet_exports|6150|2025-11|-|-|-', 'magnet_exports_to_japan|288|2025-11|-|-|-']);
  });

  it('still reads China importing, and Japan importing from China as no export figure', () => {
    expect(figs('', '5月我国进口稀土13747吨。', '2025-06-20')).toEqual(['rare_earth_imports|13747|2025-05|-|-|-']);
    expect(figs('', '据日本财务省统计，日本10月自中国进口稀土磁铁约310吨。', '2025-11-21')).toEqual([]);
  });
});

describe('the export quota China set until 2014', () => {
  const second = 'The commerce ministry issued the second batch of 2013 rare earth export quotas, 15,500 tonnes.';

  it('keeps a sentence with no export word on the export quota the sentence before named', () => {
    expect(figs('', `${second} The first batch was 15,501 tonnes.`, undefined)).toEqual([
      'export_quota|15500|2013|2|-|-',
      'export_quota|15501|2013|1|-|-',
    ]);
  });

  it('does not carry an export quota named after 2014 to a production quota', () => {
    expect(
      figs(
        '',
        'China abolished its rare earth export quotas in 2015. The first batch of 2024 mining quotas was 135,000 tonnes.',
        '2024-02-08',
      ),
    ).toEqual(['mining_quota|135000|2024|1|-|-']);
  });

  it('reads a month the batch was handed out in, even "last December", as its issue, not its year', () => {
    for (const date of [undefined, '2013-07-10'])
      expect(figs('', `${second} The first batch, issued last December, was 15,501 tonnes.`, date)).toEqual([
        'export_quota|15500|2013|2|-|-',
        'export_quota|15501|2013|1|-|-',
      ]);
  });

  it('reads the part a sum opens with ("Combined with …") by the batch named after it', () => {
    expect(
      figs(
        '',
        'The commerce ministry issued the second batch of 2013 rare earth export quotas, 15,500 tonnes, as overseas demand stays weak. ' +
          'Combined with the 15,501 tons granted in the first batch, the total export quota for 2013 is 31,001 tons.',
        undefined,
      ),
    ).toEqual(['export_quota|15500|2013|2|-|-', 'export_quota|15501|2013|1|-|-', 'export_quota|31001|2013|-|-|-']);
  });
});

describe('batches of another year recalled as background', () => {
  it('dates a quota by the sentence before, not by the year of a later quota it is compared with', () => {
    expect(
      figs(
        '',
        'The first batch of 2019 rare earth mining quotas, released last month, still weighs on prices. It came in at ' +
          '60,000 tonnes, of which 9,575 tonnes is for ion-adsorption ore, half of the 2018 full-year quota of 120,000 tonnes.',
        undefined,
      ).slice(0, 2),
    ).toEqual(['mining_quota|60000|2019|1|-|-', 'mining_quota_ion_adsorption|9575|2019|1|-|-']);
  });

  it('still dates a tonnage by a year written right before it', () => {
    expect(figs('', 'The 2019 first batch of rare earth mining quotas was 60,000 tonnes.', undefined)).toEqual([
      'mining_quota|60000|2019|1|-|-',
    ]);
  });

  it('reads the kind in brackets after each tonnage, and "taking that year to" as the full year', () => {
    expect(
      figs(
        '',
        'The second batch of 2024 rare earth quotas was 135,000 tonnes for mining and 127,000 tonnes for smelting. ' +
          'In 2023 a third batch of 15,000 tonnes (mining) and 13,850 tonnes (smelting) came in December, taking ' +
          'that year to 255,000 tonnes and 243,850 tonnes.',
        '2024-08-22',
      ),
    ).toEqual([
      'mining_quota|135000|2024|2|-|-',
      'smelting_quota|127000|2024|2|-|-',
      'mining_quota|15000|2023|3|-|-',
      'smelting_quota|13850|2023|3|-|-',
      'mining_quota|255000|2023|-|-|-',
      'smelting_quota|243850|2023|-|-|-',
    ]);
  });
});

describe('customs tables and spun customs copy', () => {
  it('reads a GAC table whose two-level heading was flattened ("12月 数量 12月 金额 …")', () => {
    expect(
      figs(
        '2025年12月出口主要商品量值表',
        '单位：千元\n商品名称 计量单位 12月 数量 12月 金额 1至12月累计 数量 1至12月累计 金额 累计比去年同期±% 数量 累计比去年同期±% 金额\n' +
          '稀土 吨 4,392.1 268,904 62,585.2 3,661,018 12.9 4.4\n钢材 万吨 1,130 50,412,877 11,902 597,815,416 7.5 -6.1',
        '2026-01-14',
      ),
    ).toEqual(['rare_earth_exports|4392.1|2025-12|-|-|-', 'rare_earth_exports|62585.2|2025|-|yoy|12.9']);
  });

  it('reads 旧年同期 in spun copy as 去年同期', () => {
    expect(
      figs(
        '',
        '海关数据表现，本年6月我国稀土出口达7742.2吨，比上月的5864.6吨环比增添32%，比旧年同期增添60%。',
        '2025-07-15',
      ),
    ).toContain('rare_earth_exports|7742.2|2025-06|-|yoy|60');
  });
});

describe("a broker's periods and exhibit tables", () => {
  it('reads "1H25" as the first half of 2025', () => {
    expect(figs('', '1H25 magnet exports were 22,319t, -18.9% y/y.', '2025-07-21')).toEqual([
      'magnet_exports|22319|2025-H1|-|yoy|-18.9',
    ]);
  });

  it('reads a table of "May-25" rows under a caption naming the flow and the unit', () => {
    expect(
      figs(
        '',
        'Exhibit 1: China NdFeB magnet exports (t)\nMonth | Volume | m/m | y/y\nMay-25 | 1,238 | -52.9% | -74.0%\nSource: GAC',
        '2025-07-21',
      ),
    ).toEqual(['magnet_exports|1238|2025-05|-|mom|-52.9', 'magnet_exports|1238|2025-05|-|yoy|-74']);
  });

  it('reads no table under a caption that names no flow', () => {
    expect(
      figs(
        '',
        'Exhibit 2: NdPr oxide price (t)\nMonth | Volume | m/m | y/y\nMay-25 | 1,238 | -52.9% | -74.0%',
        '2025-07-21',
      ),
    ).toEqual([]);
  });
});
