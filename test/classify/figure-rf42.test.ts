import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** The fifteenth figures round: classes of text the blind parts BH22 and BH23 showed the reader missing. */

describe('the year of background quota figures', () => {
  it('counts "last year" in an undated text from the year its title leads with', () => {
    expect(
      figs(
        'Beijing raises first 2026 rare earth quota',
        'China set the first batch of rare earth mining quotas for 2026 at 150,000 tonnes, the ministry said. The first batch last year was 135,000 tonnes.',
        undefined,
      ),
    ).toEqual(['mining_quota|150000|2026|1|-|-', 'mining_quota|135000|2025|1|-|-']);
  });

  it('dates whole-year totals by the year a clause opened with "since YEAR, when"', () => {
    expect(
      figs(
        '',
        'Rare earth quotas have risen every year since 2021, when the ministries brought the annual totals to 168,000 tonnes for mining and 162,000 tonnes for smelting.',
        '2022-02-10',
      ),
    ).toEqual(['mining_quota|168000|2021|-|-|-', 'smelting_quota|162000|2021|-|-|-']);
  });
});

describe('sums of batches, full years and sums to date', () => {
  it('reads the batches of an ended year in an undated text as its full year', () => {
    expect(
      figs(
        'Rare earth quotas for 2026 kept quiet',
        'In 2025, Beijing handed out three batches of rare earth quotas totalling 290,000 tonnes for mining and 280,000 tonnes for smelting.',
        undefined,
      ),
    ).toEqual(['mining_quota|290000|2025|-|-|-', 'smelting_quota|280000|2025|-|-|-']);
  });

  it('gives each batch its value and keeps "the YEAR totals" and the next of their list whole', () => {
    expect(
      figs(
        '',
        'Two batches of rare earth quotas were issued in 2024, each with a mining quota of 135,000 tonnes, so the 2024 totals came to 270,000 tonnes and 254,000 tonnes for smelting.',
        '2025-03-01',
      ),
    ).toEqual([
      'mining_quota|135000|2024|1|-|-',
      'mining_quota|135000|2024|2|-|-',
      'mining_quota|270000|2024|-|-|-',
      'smelting_quota|254000|2024|-|-|-',
    ]);
  });

  it('reads "a third one" after batches as batch 3, and what took the year to a tonnage as the full year', () => {
    expect(
      figs(
        '',
        'In 2023 there were three rare earth quota batches: a late third one, of 15,000 tonnes of mining, took the year to 255,000 tonnes.',
        '2024-05-01',
      ),
    ).toEqual(['mining_quota|15000|2023|3|-|-', 'mining_quota|255000|2023|-|-|-']);
  });

  it('does not give a sum the batch it is made with', () => {
    expect(
      figs(
        '',
        'Together with the first and second batches already issued, the 2023 total rare earth quota indicators are 255,000 tonnes for mining.',
        '2023-12-15',
      ),
    ).toEqual(['mining_quota|255000|2023|-|-|-']);
    expect(figs('', '连同此前下达的第一批、第二批指标，2023年稀土开采总量控制指标为25.5万吨。', '2023-12-15')).toEqual([
      'mining_quota|255000|2023|-|-|-',
    ]);
    // (Within the year, with more to follow, the sum is to date.)
    expect(
      figs(
        '',
        "Together with the first batch, this year's rare earth mining quotas so far come to 240,000 tonnes.",
        '2023-09-22',
      ),
    ).toEqual(['mining_quota_ytd|240000|2023|-|-|-']);
  });

  it('reads "added up to" as a sum, not a bound', () => {
    expect(
      figs('', 'In 2024 the two batches of rare earth quotas added up to 270,000 tonnes for mining.', '2025-08-18'),
    ).toEqual(['mining_quota|270000|2024|-|-|-']);
  });
});

describe('the start of a range', () => {
  it('is not the year of the figure', () => {
    expect(
      figs(
        '',
        'China exported 4,000 tonnes of rare earth magnets in February. Japan received 231 tonnes, the lowest February figure in records going back to 2019.',
        '2026-03-21',
      ),
    ).toEqual(['magnet_exports|4000|2026-02|-|-|-', 'magnet_exports_to_japan|231|2026-02|-|-|-']);
  });
});

describe('a destinations table flattened into one line', () => {
  it('reads each reported row by the heading columns, in their order', () => {
    expect(
      figs(
        '',
        '表：2月稀土永磁出口 国别 出口量(吨) 同比 环比 德国 880 -2.4% -15.1% 日本 231 -18.2% -20.9% 美国 372 -25.7% -8.4%',
        '2026-03-22',
      ),
    ).toEqual([
      'magnet_exports_to_japan|231|2026-02|-|yoy|-18.2',
      'magnet_exports_to_japan|231|2026-02|-|mom|-20.9',
      'magnet_exports_to_us|372|2026-02|-|yoy|-25.7',
      'magnet_exports_to_us|372|2026-02|-|mom|-8.4',
    ]);
    expect(
      figs(
        'Magnet exports by destination, January',
        'Table: Country Tonnes m/m y/y Germany 1,030 -1.9% +6.4% United States 398 -12.3% -22.8%',
        '2026-02-20',
      ),
    ).toEqual(['magnet_exports_to_us|398|2026-01|-|mom|-12.3', 'magnet_exports_to_us|398|2026-01|-|yoy|-22.8']);
  });
});
