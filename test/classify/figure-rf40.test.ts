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
