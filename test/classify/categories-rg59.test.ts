/**
 * Categories of the fifteenth round (the misses of BH22–BH23, by class): each block is one general step, with
 * documents written for the test — the step's hit and its near-miss.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe("总量控制指标 in the ministries' English: total quantity control indicators are the quota", () => {
  it('a translated notice issuing the second batch of indicators is a quota batch', () => {
    const body =
      'In accordance with the State Council requirements on total quantity control, the second batch of 2022 total ' +
      'quantity control indicators for rare earth mining and smelting and separation is hereby issued.\n' +
      'The second batch of indicators is 109,200 tonnes for mining and 104,800 tonnes for smelting and separation.';
    expect(
      categories(
        'Notice on Issuing the Second Batch of 2022 Total Quantity Control Indicators for Rare Earth Mining',
        body,
        '2022-07-20',
      ),
    ).toEqual(['quota_batch']);
  });
  it('mining indicators handed down, untitled', () => {
    const body =
      '\nThe two ministries handed down the first batch of rare earth mining indicators for 2022 on Friday, 100,800 ' +
      'tonnes of oxide, and smelting and separation indicators of 97,200 tonnes.';
    expect(categories('', body, '2022-01-29')).toEqual(['quota_batch']);
  });
  it('near-miss: measures saying indicators shall be issued in batches are a regulation', () => {
    const body =
      'Article 2 The state applies total quantity control to rare earth mining. Total quantity control indicators ' +
      'shall be issued in batches by the two ministries.\nArticle 9 These Measures take effect on the date of publication.';
    expect(
      categories('Interim Measures for the Total Quantity Control of Rare Earth Mining', body, '2025-08-22'),
    ).toEqual(['regulation']);
  });
});

describe("a document kind's headline does not make a step reported as the day's news a mention in passing", () => {
  it('a stock wrap whose catalyst is a batch set late on Monday', () => {
    const body =
      'SHANGHAI, Tuesday - Rare earth miners led the Shanghai market higher on Tuesday after Beijing raised the first ' +
      'batch of this year’s mining quotas.\nShenghe Resources rose 5.5%.\nThe two ministries set the first batch of ' +
      'mining quotas at 135,000 tons in a notice released late on Monday, up from 120,000 tons a year earlier.';
    expect(
      categories('Rare earth shares rally after China lifts first mining quota batch', body, '2024-02-06'),
    ).toEqual(['quota_batch']);
  });
  it('near-miss: a price report recalling a batch set three weeks earlier', () => {
    const body =
      'SHANGHAI - Neodymium-praseodymium oxide prices fell for a third week as buyers held off.\nChina set the first ' +
      'batch of mining quotas at 135,000 tons in a notice released on February 6, up 12.5% from a year earlier.';
    expect(categories('NdPr prices fall after Beijing raises mining quotas', body, '2024-02-27')).toEqual([]);
  });
  it("a timeline's newest entry, dated the day before, is its news", () => {
    const body =
      'Key dates in China’s rare earth controls:\n' +
      '- April 4, 2025: Seven rare earths are put under dual-use export licensing.\n' +
      '- Oct 9, 2025: Five more rare earths and equipment are added to the list.\n' +
      '- Nov 7, 2025: The commerce ministry suspends the Oct. 9 controls until Nov. 10, 2026.';
    expect(categories('TIMELINE-China’s rare earth export controls', body, '2025-11-08')).toEqual([
      'control_relaxation',
    ]);
  });
  it('near-miss: a timeline whose entries are all weeks old is background', () => {
    const body =
      'Key dates in China’s rare earth controls:\n' +
      '- April 4, 2025: Seven rare earths are put under dual-use export licensing.\n' +
      '- Oct 9, 2025: Five more rare earths and equipment are added to the list.\n' +
      '- Nov 7, 2025: The commerce ministry suspends the Oct. 9 controls until Nov. 10, 2026.';
    expect(categories('TIMELINE-China’s rare earth export controls', body, '2025-12-20')).toEqual([]);
  });
  it('a commentary on measures the ministry published on Friday reports them', () => {
    const body =
      'By a senior fellow, Resource Policy Forum\n1 September 2025\n\nOn Friday, 29 August, the industry ministry ' +
      'published interim measures on total quantity control of rare earth mining and smelting, after a consultation ' +
      'that began in February.\nThe measures bring imported ore under the quota system. They do not restrict ' +
      'exports by themselves: licensing under the export control law does that.';
    expect(
      categories(
        'Commentary | Beijing puts its mining quotas into rules: what the interim measures change',
        body,
        '2025-09-01',
      ),
    ).toEqual(['regulation']);
  });
  it('near-miss: a commentary on measures published two months ago is an opinion', () => {
    const body =
      'By a senior fellow, Resource Policy Forum\n1 November 2025\n\nOn 29 August the industry ministry published ' +
      'interim measures on total quantity control of rare earth mining and smelting.\nThe measures bring imported ore ' +
      'under the quota system.';
    expect(
      categories(
        'Commentary | Beijing puts its mining quotas into rules: what the interim measures change',
        body,
        '2025-11-01',
      ),
    ).toEqual([]);
  });
});

describe("a masthead's name with its date after a bar makes an untitled newsletter a digest", () => {
  const body = (data: string) =>
    'THE ORE CART | Tuesday 9 December 2025\nA short read on metals before the open\n\nMARKETS\n' +
    '• Copper slipped 0.5% in London as Chilean output recovered.\n• Gold held near its record.\n\nDATA\n' +
    `• ${data}\n• Indian steel output rose for a fifth month.\n\nCOMPANIES\n• A Perth junior raised A$40 million.`;
  it('a data bullet with customs figures out this morning is the release', () => {
    expect(
      categories(
        '',
        body('China rare earths: customs figures out this morning put November exports at 5,100 t, up 6% on October.'),
        '2025-12-09',
      ),
    ).toEqual(['export_statistics']);
  });
  it('near-miss: the same newsletter with no rare-earth data bullet has no category', () => {
    expect(categories('', body('Zinc stocks in LME warehouses fell for a sixth week.'), '2025-12-09')).toEqual([]);
  });
});

describe('a condition in other words is no step', () => {
  it('"provided the suspension … holds" in an outlook relaxes nothing', () => {
    const body =
      'Magnet exports are forecast to grow about 8% this year, provided the suspension of the October controls ' +
      'holds, a survey of traders showed.';
    expect(categories('Outlook 2026: magnet demand seen firm', body, '2026-01-06')).toEqual([]);
  });
  it('guard (passes on the old code too): 只要 … 暂停 … 继续有效 in an outlook stays no step', () => {
    const body = '只要10月管制措施的暂停安排继续有效，今年磁体出口将保持增长。';
    expect(categories('2026年稀土市场展望', body, '2026-01-06')).toEqual([]);
  });
  it('near-miss: a suspension announced today with "provided by" in its sentence is news', () => {
    const body =
      'The commerce ministry said on Monday it would suspend the October controls until Nov. 10, 2026, according ' +
      'to a statement provided by its press office.';
    expect(categories('China suspends October rare earth export controls', body, '2025-11-10')).toEqual([
      'control_relaxation',
    ]);
  });
});

describe('export control as the modifier of new regulations names the regulations', () => {
  it('"new export control regulations" in a brief’s headline are a regulation', () => {
    const body =
      'The State Council published regulations on the export control of dual-use items on Monday, which take effect ' +
      'on 1 December and cover rare earth technologies.';
    expect(categories('A first look at China’s new export control regulations', body, '2024-10-01')).toEqual([
      'regulation',
    ]);
  });
  it('near-miss: "new export controls on rare earths" list items', () => {
    const body = 'The commerce ministry said on Thursday it would put five more rare earths under export control.';
    expect(categories('China announces new export controls on rare earths', body, '2025-10-09')).toEqual([
      'control_list_addition',
    ]);
  });
});
