import { describe, expect, it } from 'vitest';
import { figureLines as figs } from '../helpers/figure-lines.js';

/** The twelfth figures round: classes of text the blind parts BH17 and BH18 showed the reader missing. */

describe('a table of years by quota kinds flattened to text', () => {
  it('reads each year of a Chinese table under a caption naming the unit', () => {
    expect(
      figs(
        '',
        '稀土指标回顾。\n单位：吨\n年份 开采总量 冶炼分离总量\n2015 105000 100000\n2016 105000 —\n\n此后指标逐年提高。',
        '2024-05-02',
      ),
    ).toEqual(['mining_quota|105000|2015|-|-|-', 'smelting_quota|100000|2015|-|-|-', 'mining_quota|105000|2016|-|-|-']);
  });

  it('reads an English heading whose column names run over several words, in the unit of the caption', () => {
    expect(
      figs(
        '',
        'The caps below are in tonnes.\nYear Mining Smelting & separation\n2021 168,000 162,000\n2022 210,000 202,000',
        '2024-05-02',
      ),
    ).toEqual([
      'mining_quota|168000|2021|-|-|-',
      'smelting_quota|162000|2021|-|-|-',
      'mining_quota|210000|2022|-|-|-',
      'smelting_quota|202000|2022|-|-|-',
    ]);
  });

  it('scales cells by a caption in 万吨', () => {
    expect(figs('', '（单位：万吨）\n年度 开采 冶炼分离\n2020 14 13.5\n2021 16.8 16.2', '2024-05-02')).toEqual([
      'mining_quota|140000|2020|-|-|-',
      'smelting_quota|135000|2020|-|-|-',
      'mining_quota|168000|2021|-|-|-',
      'smelting_quota|162000|2021|-|-|-',
    ]);
  });

  it('reads nothing without a unit, with a row short of a cell, or with an implausible cell', () => {
    expect(figs('', '年份 开采 冶炼分离\n2020 140000 135000\n2021 168000 162000', '2024-05-02')).toEqual([]);
    expect(figs('', '单位：吨\n年份 开采 冶炼分离\n2020 140000 135000\n2021 168000', '2024-05-02')).toEqual([]);
    expect(figs('', '单位：吨\n年份 开采 冶炼分离\n2020 140 135\n2021 168 162', '2024-05-02')).toEqual([]);
  });

  it('reads no quota from a table of years by trade flows', () => {
    expect(
      figs('', 'In tonnes:\nYear Exports Imports\n2021 48,689 120,000\n2022 48,728 121,000', '2024-05-02'),
    ).toEqual([]);
  });
});

describe('numbers written the European way', () => {
  it('reads dots between thousands and a comma before decimals', () => {
    expect(
      figs(
        'Magnet exports rise',
        'China exported 4.807,3 tonnes of rare-earth magnets in May, customs figures released on Friday showed.',
        '2025-06-20',
      ),
    ).toEqual(['magnet_exports|4807.3|2025-05|-|-|-']);
  });

  it('reads two dots between thousands', () => {
    expect(
      figs('', 'China exported 2.350.000 kilograms of rare-earth magnets in May, customs data showed.', '2025-06-20'),
    ).toEqual(['magnet_exports|2350|2025-05|-|-|-']);
  });

  it('leaves a comma before one digit alone unread, and reads the English way unchanged', () => {
    expect(figs('', 'China exported 4,8 tonnes of rare-earth magnets in May.', '2025-06-20')).toEqual([]);
    expect(figs('', 'China exported 4,807.3 tonnes of rare-earth magnets in May.', '2025-06-20')).toEqual([
      'magnet_exports|4807.3|2025-05|-|-|-',
    ]);
  });
});

describe('an aside on the subject opened by a word of proportion or example', () => {
  it('does not let a quota word inside the aside choose the kind of the tonnage', () => {
    expect(
      figs(
        'Rare earth imports',
        'Imports, chiefly oxides from Vietnam headed for smelting and separation works in Guangxi, reached 4,215 tonnes in March, customs data showed.',
        '2025-04-18',
      ),
    ).toEqual(['rare_earth_imports|4215|2025-03|-|-|-']);
  });

  it('still reads a quota stated outside such an aside', () => {
    expect(
      figs(
        'Rare earth quotas',
        'The rare earth smelting and separation quota, mostly held by two state groups, was set at 127,000 tonnes for 2024.',
        '2024-05-02',
      ),
    ).toEqual(['smelting_quota|127000|2024|-|-|-']);
  });
});

describe('a pronoun after a country named as the producer', () => {
  const lead = 'JAKARTA - Indonesia plans to curb shipments of unrefined mineral sands.\n\n';
  it("reads the country's quota after the country is called the producer", () => {
    expect(
      figs(
        '',
        `${lead}Beijing is still the top rare earth producer. Its mining quota for 2023 was fixed at 255,000 tonnes.`,
        undefined,
      ),
    ).toEqual(['mining_quota|255000|2023|-|-|-']);
  });

  it("still gives a company's pronoun its company", () => {
    expect(
      figs(
        '',
        `${lead}The producer said demand was firm. Its mining quota for 2023 was fixed at 25,500 tonnes.`,
        undefined,
      ),
    ).toEqual([]);
  });
});

describe('output a quota fixes at a tonnage', () => {
  const lead =
    'BEIJING, May 9 - China has released the first batch of its 2025 rare earth quotas, the ministry said.\n\n';
  it('reads "the batch … set mining output at N" as the quota, across an aside', () => {
    expect(
      figs(
        '',
        `${lead}The first batch, sent to the two state groups without a public notice, fixed mining output at 140,000 tonnes.`,
        '2025-05-09',
      ),
    ).toEqual(['mining_quota|140000|2025|1|-|-']);
  });

  it('still reads output a company reports as no quota', () => {
    expect(
      figs('', `${lead}Northern Rare Earth said its mining output reached 64,000 tonnes last year.`, '2025-05-09'),
    ).toEqual([]);
  });
});
