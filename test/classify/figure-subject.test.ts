/** What a tonnage measures (subject, flow, destination, scope) and what is left out, on documents written for this. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, loadRules } from '../../src/classify/index.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';

const loaded = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]);
if (!loaded.rules) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
const rules = loaded.rules;
const figs = (text: string, date: string | undefined) =>
  classify({ title: '', text, date }, rules).figures.map(
    (f) => `${f.metric}|${f.value}|${f.period}|${f.batch ?? '-'}|${f.change_basis ?? '-'}|${f.change_pct ?? '-'}`,
  );

describe('subject', () => {
  it('leaves out a province’s or a company’s share, but not ore found in a province', () => {
    expect(figs('2018年江西开采量为8500吨、湖南为1800吨。', '2018-08-01')).toEqual([]);
    expect(
      figs(
        'Inner Mongolia remained the province with the largest rare earth quota, with 41,650t of light rare earth ores.',
        '2018-05-01',
      ),
    ).toEqual([]);
    expect(
      figs(
        'Of the full-year rare earth mining quota for 2021, rock-type ores, found mainly in Inner Mongolia and Sichuan, account for 148,850 tonnes.',
        '2021-10-01',
      ),
    ).toEqual(['mining_quota_light|148850|2021|-|-|-']);
  });

  it('goes on leaving out a share in the sentences after it, until one turns to the national figure', () => {
    expect(
      figs('今年上半年，内蒙古共出口稀土2663.8吨。其中6月份出口稀土456.4吨。全国6月出口稀土7742.2吨。', '2025-07-26'),
    ).toEqual(['rare_earth_exports|7742.2|2025-06|-|-|-']);
  });

  it('leaves out forecasts and hypotheses', () => {
    expect(
      figs('If the second batch matches the first, an annual quota of 147,000 tonnes would be assigned.', '2018-05-01'),
    ).toEqual([]);
    expect(figs('预计2025年全球稀土永磁需求将达14.4万吨。', '2024-05-01')).toEqual([]);
  });

  it('carries a lead sentence’s product and destination to the figures right after it, and no further', () => {
    expect(
      figs(
        "China's exports of rare earth magnets to the US rebounded in July, as concerns about rare earth products linger. " +
          'Shipments totalled 447 tonnes last month. That compared with 414 tonnes in June. ' +
          "China's total rare earth magnet exports were 5,577 tonnes in July.",
        '2025-08-20',
      ),
    ).toEqual([
      'magnet_exports_to_us|447|2025-07|-|-|-',
      'magnet_exports_to_us|414|2025-06|-|-|-',
      'magnet_exports|5577|2025-07|-|-|-',
    ]);
  });

  it('reads a destination named anywhere before the tonnage as where the flow goes', () => {
    expect(
      figs(
        'US-bound shipments of the magnets, which are used in consumer electronics, rose to 4,593 tonnes in 2019.',
        '2020-01-20',
      ),
    ).toEqual(['magnet_exports_to_us|4593|2019|-|-|-']);
  });

  it('takes a batch named after the tonnages of a list', () => {
    expect(
      figs(
        'China set its 2022 rare earth mining and smelting quotas at 100,800 tonnes and 97,200 tonnes respectively, ' +
          'both up 20% from the figures of 84 kt and 81 kt set in the first round of 2021.',
        '2022-02-07',
      ),
    ).toEqual([
      'mining_quota|100800|2022|-|yoy|20',
      'smelting_quota|97200|2022|-|yoy|20',
      'mining_quota|84000|2021|1|-|-',
      'smelting_quota|81000|2021|1|-|-',
    ]);
  });
});

describe('scope', () => {
  it('reads "the 2023 total … quota" as the full year, and "the first two batches for 2024 total …" as a sum', () => {
    expect(
      figs('The new allowances take the 2023 total rare earth mining quota to 255,000 tons.', '2023-12-15'),
    ).toEqual(['mining_quota|255000|2023|-|-|-']);
    expect(
      figs('Combined, the first two batches for 2024 total 270,000 tons of rare earth mining quota.', '2024-08-20'),
    ).toEqual(['mining_quota_ytd|270000|2024|-|-|-']);
  });
});

describe('period', () => {
  it('gives a base of the same period of a named year that year', () => {
    expect(figs('10月稀土磁铁总出口量为5473吨，较2024年同期的4725吨增长15.8%。', '2025-11-20')).toEqual([
      'magnet_exports|5473|2025-10|-|yoy|15.8',
      'magnet_exports|4725|2024-10|-|-|-',
    ]);
  });

  it('in an undated text, takes the year after the one a sentence compares with', () => {
    expect(figs('全年稀土开采指标定为24万吨，比2023年的21万吨增长14.3%。第一批指标为12万吨。', undefined)).toEqual([
      'mining_quota|240000|2024|-|yoy|14.3',
      'mining_quota|210000|2023|-|-|-',
      'mining_quota|120000|2024|1|-|-',
    ]);
  });

  it('reads 累计 with a month as the total from January', () => {
    expect(figs('截至10月底，中国累计出口稀土17911吨。', '2013-12-23')).toEqual([
      'rare_earth_exports|17911|2013-01/2013-10|-|-|-',
    ]);
  });
});
