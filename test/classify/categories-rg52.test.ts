/**
 * Categories of the ninth round (the blind parts BH6–BH8's remaining misses, test/fixtures/corpus/README.md): each
 * block is one general step, with sentences written for the test — the step's hit and its near-miss.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe('a licence requirement named as a curb is a new control', () => {
  const body =
    'The commerce ministry announced both steps in a notice on Monday. Exporters of holmium and erbium oxides will ' +
    'need a permit for every shipment. Separately, the ministry put nine foreign drone makers on its unreliable ' +
    'entity list.';
  it('"slaps licence curbs on two rare earths" in a headline beside a blacklisting', () => {
    expect(
      categories('Beijing slaps licence curbs on two rare earths, blacklists drone makers', body, '2026-03-02'),
    ).toContain('control_list_addition');
  });
  it('licence curbs lifted are no new control', () => {
    expect(
      categories(
        'Beijing lifts licence curbs on two rare earths, blacklists drone makers',
        body.replace('will need a permit for every shipment', 'no longer need a permit'),
        '2026-03-02',
      ),
    ).toEqual(['control_relaxation', 'enforcement']);
  });
});

describe('a further step beside the headline’s is news whatever the headline says of the document’s kind', () => {
  const body =
    '商务部今天发布公告，即日起对钬、铒相关物项实施出口管制，出口经营者须申请许可。商务部新闻发言人表示，相关物项' +
    '具有军民两用属性。同一天，商务部另将5家外国无人机企业列入不可靠实体清单，禁止其从事与中国有关的进出口活动。';
  const title = '商务部宣布对钬、铒两种稀土实施出口管制';
  it('a control headline does not take away the blacklisting taken the same day', () => {
    expect(categories(title, body, '2026-03-02')).toEqual(['control_list_addition', 'enforcement']);
  });
  it('a listing the text recalls is no further step', () => {
    expect(categories(title, body.replace('同一天，商务部另将', '此外，该清单此前已有'), '2026-03-02')).toEqual([
      'control_list_addition',
    ]);
  });
});

describe('a quota regime no longer applied, or said to pass into history, is relaxed', () => {
  const body =
    '商务部日前公布新一年的出口管理货物目录，稀土不再列入出口配额管理。企业今后凭出口合同办理手续即可，国内开采' +
    '总量控制照常执行。';
  it('不再列入出口配额管理 in the body, 配额成为历史 in the headline', () => {
    expect(categories('稀土出口配额成为历史', body, '2015-01-06')).toEqual(['control_relaxation']);
    expect(categories('稀土出口配额走势', body, '2015-01-06')).toEqual(['control_relaxation']);
    expect(categories('稀土出口配额成为历史', '商务部日前公布新一年的出口管理货物目录。', '2015-01-06')).toEqual([
      'control_relaxation',
    ]);
  });
  it('a quota regime kept is not', () => {
    expect(
      categories('稀土出口配额管理延续', body.replace('不再列入出口配额管理', '仍列入出口配额管理'), '2015-01-06'),
    ).toEqual([]);
  });
});

describe('a tally up to a date is reported as of that date, not recalled', () => {
  const title = '海关总署举行新闻发布会介绍全年进出口情况';
  const body = (answer: string) =>
    `海关总署今天举行新闻发布会，介绍去年全年的进出口情况。\n问：海关在打击稀土走私方面做了哪些工作？\n答：${answer}`;
  it('截至上月底 the cases of a campaign are news in a story about something else', () => {
    expect(
      categories(
        title,
        body('截至2025年12月底，全国海关共查办走私稀土刑事案件31起，抓获犯罪嫌疑人90余名。'),
        '2026-01-15',
      ),
    ).toEqual(['enforcement']);
  });
  it('cases dated last month, with no tally, stay recalled there', () => {
    expect(
      categories(title, body('2025年12月，全国海关查办走私稀土刑事案件31起，抓获犯罪嫌疑人90余名。'), '2026-01-15'),
    ).toEqual([]);
  });
});

describe('a body sentence that ends with a question mark is asked, not reported', () => {
  const text = (question: string) =>
    'Spokesperson: Good afternoon. Let us take your questions.\n' +
    'AFP: Buyers in Europe say they still wait for permits for rare earth shipments. Is there an update?\n' +
    'Spokesperson: The authorities have approved a number of compliant applications for rare earth export licences.\n' +
    `Nikkei: Customs data showed rare earth exports rose in February. ${question}\n` +
    'Spokesperson: Export control is not an export ban. Compliant trade continues.';
  const title = 'Transcript: commerce ministry briefing, March 12';
  it('"Does this mean the controls are being eased?" is a question', () => {
    expect(
      categories(title, text('Does this mean that the export controls on rare earths are being eased?'), '2026-03-12'),
    ).not.toContain('control_relaxation');
  });
  it('the same words said as a statement are a relaxation', () => {
    expect(
      categories(title, text('Officials said the export controls on rare earths are being eased.'), '2026-03-12'),
    ).toContain('control_relaxation');
  });
});

describe('a digest item headed by another mineral is that mineral’s story', () => {
  const digest = (heading: string) =>
    '1. QUOTA NEWS\nChina’s industry ministry on Friday issued the first batch of 2026 rare earth mining and smelting ' +
    'quotas to the state groups.\n\n2. MAGNET SHIPMENTS\nChina exported 5,100 t of rare earth magnets in February, ' +
    `customs data showed on Saturday.\n\n3. ${heading}\nChinese smelters say export permits are now arriving after a ` +
    'slow start, and premiums in Rotterdam narrowed.\n\nYou receive this letter because you subscribed.';
  const title = 'Metals Weekly | Monday 9 March 2026';
  it('permits arriving under "TUNGSTEN: A QUIET WEEK" are tungsten’s', () => {
    expect(categories(title, digest('TUNGSTEN: A QUIET WEEK'), '2026-03-09')).toEqual([
      'export_statistics',
      'quota_batch',
    ]);
  });
  it('the same item under "MAGNET MAKERS: A QUIET WEEK" reports approvals', () => {
    expect(categories(title, digest('MAGNET MAKERS: A QUIET WEEK'), '2026-03-09')).toContain('licence_approval');
  });
});

describe('off the headline’s topic, an issued document named in one body sentence is mentioned in passing', () => {
  const body = (last: string) =>
    'The industry ministry said on Tuesday that inspection teams will check mines and separation plants until June. ' +
    `Firms caught breaking the rules will be put on an industry blacklist, and their records shared with banks. ${last}`;
  const title = 'MIIT launches drive against illegal rare earth mining, warns of blacklist';
  it('the year’s mining quota closing a campaign story is no quota batch', () => {
    expect(
      categories(
        title,
        body('China set its 2026 mining quota for rare earths at 300,000 tonnes, the same as a year earlier.'),
        '2026-03-10',
      ),
    ).toEqual(['enforcement']);
  });
  it('a batch issued as a further step beside the campaign is', () => {
    expect(
      categories(
        title,
        body(
          'Separately, the ministry issued the first batch of 2026 rare earth mining quotas to six state groups on Tuesday.',
        ),
        '2026-03-10',
      ),
    ).toEqual(['enforcement', 'quota_batch']);
  });
});

describe('a headline that says what controls are or are not explains them, it announces none', () => {
  const body =
    '商务部新闻发言人10日在例行发布会上表示，对于符合规定的出口申请，主管部门将依法予以许可。发言人说，相关物项具有' +
    '军民两用属性，依法实施管制是国际通行做法。本月初，中方对钬、铒等稀土相关物项实施出口管制。';
  it('稀土出口管制不是禁止出口, or "export controls are not a ban"', () => {
    expect(categories('商务部：稀土出口管制不是禁止出口', body, '2026-03-11')).toEqual([]);
    expect(categories('MOFCOM: rare earth export controls are not a ban', body, '2026-03-11')).toEqual([]);
  });
  it('a headline that imposes them', () => {
    expect(categories('商务部：对钬、铒等稀土实施出口管制', body, '2026-03-11')).toEqual(['control_list_addition']);
  });
});

describe('a reporter’s line named by the outlet (路透社记者：) is asked, as 问： and 记者： are', () => {
  const text = (speaker: string) =>
    '商务部3月12日下午举行例行新闻发布会，新闻发言人回答了媒体提问。\n' +
    `${speaker}部分企业已获得商务部发放的稀土出口通用许可，商务部并已批准多家企业的出口申请。谢谢。\n` +
    '发言人：我们会及时发布相关信息。谢谢。';
  const title = '商务部例行新闻发布会（3月12日）';
  it('what the reporter cites is not reported', () => {
    expect(categories(title, text('路透社记者：有外国商会称，'), '2026-03-12')).toEqual([]);
  });
  it('the same words said by the spokesperson are', () => {
    expect(categories(title, text('发言人：'), '2026-03-12')).toEqual(['licence_approval']);
  });
});
