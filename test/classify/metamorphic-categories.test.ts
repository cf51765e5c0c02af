/**
 * Metamorphic tests for categories: one document written for this test, changed in a way whose effect on the answer is
 * known (an element for another, a country for another, simplified for traditional characters, Arabic for Chinese
 * digits), must give the correspondingly changed answer.
 */
import { join } from 'node:path';
import * as openccModule from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { classify, loadRules } from '../../src/classify/index.js';
import { ELEMENTS } from '../../src/classify/vocabulary/terms.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';

const rules = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]).rules!;
const run = (title: string, text: string, date: string) => classify({ title, text, date }, rules);
const categories = (title: string, text: string, date: string) =>
  run(title, text, date)
    .categories.map((c) => c.category)
    .sort();

const opencc = openccModule as unknown as {
  Converter(o: { from: string; to: string }): (s: string) => string;
};
const toHongKong = opencc.Converter({ from: 'cn', to: 'hk' });
const toTaiwan = opencc.Converter({ from: 'cn', to: 'tw' });

/** Every Arabic numeral written with Chinese digits: 2025 → 二〇二五, 12 → 十二 (before 月/日), 3000 → 三〇〇〇. */
const CN = '〇一二三四五六七八九';
function chineseDigits(s: string): string {
  return s
    .replace(/(\d{1,2})(?=[月日])/g, (n) => {
      const v = Number(n);
      return v < 10 ? CN[v]! : `${v >= 20 ? CN[Math.floor(v / 10)] : ''}十${v % 10 ? CN[v % 10] : ''}`;
    })
    .replace(/\d/g, (d) => CN[Number(d)]!);
}

// Documents written for these tests (a notice, a wire story, a customs story with a recalled control, a suspension).
const ZH_CONTROL = {
  title: '商务部 海关总署公告 关于对钬相关物项实施出口管制的决定',
  text: '根据有关法律规定，商务部和海关总署决定对钬及其氧化物、合金等相关物项实施出口管制。本公告自2025年12月1日起正式实施。',
  date: '2025-10-20',
};
const EN_STATS = {
  title: 'Magnet shipments to the United States fall 12% in May',
  text:
    'Customs data published on Tuesday showed that exports of rare earth magnets to the United States were 410 tonnes ' +
    'in May, down 12% from April. Total magnet exports rose 3% to 5,100 tonnes.',
  date: '2025-06-20',
};
const ZH_STATS_WITH_HISTORY = {
  title: '6月稀土磁体出口回升',
  text: '海关总署数据显示，6月稀土磁体出口量为3000吨，环比增长20%。商务部曾于2025年4月4日对7种中重稀土实施出口管制。',
  date: '2025-07-20',
};
const ZH_SUSPENSION = {
  title: '商务部宣布暂停实施部分稀土出口管制措施',
  text: '商务部今日发布公告，决定暂停实施2025年第61号公告中的管制措施，暂停期至2026年11月10日。',
  date: '2025-11-07',
};

describe('categories under changes whose effect is known', () => {
  it('another rare-earth element for holmium gives the same answer, with that element named', () => {
    expect(categories(ZH_CONTROL.title, ZH_CONTROL.text, ZH_CONTROL.date)).toEqual(['control_list_addition']);
    for (const e of ELEMENTS) {
      const swap = (s: string) => s.replaceAll('钬', e.zh);
      const result = run(swap(ZH_CONTROL.title), swap(ZH_CONTROL.text), ZH_CONTROL.date);
      expect(
        result.categories.map((c) => c.category),
        e.en,
      ).toEqual(['control_list_addition']);
      expect(result.entities.elements, e.en).toEqual([e.symbol]);
    }
  });

  it('a metal that is not a rare earth in place of holmium is not a rare-earth control', () => {
    for (const metal of ['镓', '锑', '钨', '石墨']) {
      const swap = (s: string) => s.replaceAll('钬', metal);
      expect(categories(swap(ZH_CONTROL.title), swap(ZH_CONTROL.text), ZH_CONTROL.date), metal).toEqual([]);
    }
  });

  it('another destination country leaves a statistics story a statistics story', () => {
    expect(categories(EN_STATS.title, EN_STATS.text, EN_STATS.date)).toEqual(['export_statistics']);
    for (const country of ['Japan', 'Germany', 'South Korea', 'India']) {
      const swap = (s: string) => s.replaceAll('the United States', country);
      expect(categories(swap(EN_STATS.title), swap(EN_STATS.text), EN_STATS.date), country).toEqual([
        'export_statistics',
      ]);
    }
  });

  it('traditional characters (Hong Kong and Taiwan forms) give the same answer as simplified ones', () => {
    for (const doc of [ZH_CONTROL, ZH_STATS_WITH_HISTORY, ZH_SUSPENSION]) {
      const expected = categories(doc.title, doc.text, doc.date);
      expect(expected.length).toBeGreaterThan(0);
      for (const convert of [toHongKong, toTaiwan]) {
        expect(convert(doc.text)).not.toBe(doc.text);
        expect(categories(convert(doc.title), convert(doc.text), doc.date)).toEqual(expected);
      }
    }
  });

  it('Chinese digits give the same answer as Arabic ones, dates of recalled steps included', () => {
    const doc = ZH_STATS_WITH_HISTORY;
    // The April control is recalled in a July story: statistics only.
    expect(categories(doc.title, doc.text, doc.date)).toEqual(['export_statistics']);
    expect(chineseDigits(doc.text)).toContain('二〇二五年四月四日');
    expect(categories(chineseDigits(doc.title), chineseDigits(doc.text), doc.date)).toEqual(['export_statistics']);
    for (const d of [ZH_CONTROL, ZH_SUSPENSION])
      expect(categories(chineseDigits(d.title), chineseDigits(d.text), d.date)).toEqual(
        categories(d.title, d.text, d.date),
      );
  });

  it('a dated step is news in a story of that week and background months later, in either digits', () => {
    const text = '商务部于2025年4月4日发布公告，对7种中重稀土相关物项实施出口管制。';
    for (const t of [text, chineseDigits(text)]) {
      expect(categories('', t, '2025-04-06'), t).toEqual(['control_list_addition']);
      expect(categories('', t, '2025-07-20'), t).toEqual([]);
    }
  });

  it('a suspension stays a relaxation, never a new control, in either script', () => {
    expect(categories(ZH_SUSPENSION.title, ZH_SUSPENSION.text, ZH_SUSPENSION.date)).toEqual(['control_relaxation']);
  });
});

// One step, said once as the news and then inside constructions that do not report it. The words of the step stay
// the same; only the construction around them changes, so the answer must change with it.
const STEP_EN = 'China imposed export controls on holmium and erbium';
const STEP_ZH = '商务部宣布对钬、铒等稀土物项实施出口管制';

describe('a step inside a construction that does not report it is not the news', () => {
  it('the step as the main clause is news, in either language', () => {
    expect(categories('', `${STEP_EN} on Thursday.`, '2025-10-10')).toEqual(['control_list_addition']);
    expect(categories('', `${STEP_ZH}，周四起实施。`, '2025-10-10')).toEqual(['control_list_addition']);
  });

  it('English: a cause, a concession or a time before, "comes as", a comparison, a condition, speculation, a negation, a side remark', () => {
    const lower = STEP_EN.replace('China imposed', 'China imposing');
    const wrapped = [
      `Magnet makers cut output on Thursday after ${STEP_EN}.`,
      `Following the decision by which ${STEP_EN}, magnet makers cut output on Thursday.`,
      `The output cut announced on Thursday comes as ${STEP_EN}.`,
      `Traders on Thursday likened the move to ${lower}.`,
      `${STEP_EN.replace('imposed', 'imposes').replace('China', 'If China')}, magnet prices will rise, traders said on Thursday.`,
      `${STEP_EN.replace('imposed', 'could impose')}, traders warned on Thursday.`,
      `${STEP_EN.replace('imposed', 'has not imposed')}, the ministry said on Thursday.`,
      `Magnet prices, which jumped after ${STEP_EN}, fell on Thursday.`,
      `Magnet output rose on Thursday although ${STEP_EN}.`,
      `Magnet output rose on Thursday, even as ${STEP_EN}.`,
    ];
    for (const text of wrapped) expect(categories('', text, '2025-10-10'), text).toEqual([]);
  });

  it('Chinese: 继…之后, 受…影响, 如果, 可能, 尚未, 与…类似, 尽管', () => {
    const wrapped = [
      `继${STEP_ZH}之后，磁材企业周四下调了产量。`,
      `受${STEP_ZH}影响，磁材价格周四上涨。`,
      `如果${STEP_ZH}，磁材价格将上涨。`,
      `市场人士周四表示，${STEP_ZH.replace('商务部', '商务部可能')}。`,
      `${STEP_ZH.replace('商务部', '商务部尚未')}。`,
      `与${STEP_ZH}类似，此次调整涉及多个品种。`,
      `尽管${STEP_ZH}，磁材企业周四仍增加了产量。`,
    ];
    for (const text of wrapped) expect(categories('', text, '2025-10-10'), text).toEqual([]);
  });

  it('a statistics story that explains its figures by the step reports statistics only', () => {
    const title = 'Magnet exports fall in October';
    const text =
      `Customs data showed on Monday that China exported 2,100 tonnes of rare earth magnets in October, down 9% ` +
      `from September, after ${STEP_EN}.`;
    expect(categories(title, text, '2025-11-20')).toEqual(['export_statistics']);
    const zh = `海关总署数据显示，继${STEP_ZH}之后，10月稀土磁体出口量为2100吨，环比下降9%。`;
    expect(categories('10月稀土磁体出口量环比下降', zh, '2025-11-20')).toEqual(['export_statistics']);
  });

  it('a headline that names the control is what the document is about; the same words after "if" are not', () => {
    const body = 'The commerce ministry published the list of covered magnet grades on Thursday.';
    expect(categories('New export controls on rare earth magnets', body, '2025-10-10')).toEqual([
      'control_list_addition',
    ]);
    expect(categories('If new export controls on rare earth magnets come', body, '2025-10-10')).toEqual([]);
  });

  it('a list continues a side clause: an element named after a comma stays in it', () => {
    const text =
      'Magnet output recovered on Thursday after export controls on samarium, gadolinium, terbium, and erbium.';
    expect(categories('', text, '2025-10-10')).toEqual([]);
  });
});

describe('other stories in a document are not its news', () => {
  const headline = 'China adds holmium and erbium to its export control list';

  it('the headline of a story is its news', () => {
    expect(categories(headline, 'The commerce ministry published the list on Thursday.', '2025-10-10')).toEqual([
      'control_list_addition',
    ]);
  });

  it('the same headline as one bullet of a digest, or under "Related" / 相关阅读, is another story', () => {
    const story = 'Copper prices fell 2% on Thursday as traders worried about demand. Stocks of copper rose.';
    const digest = `• ${headline}\n• Lynas reports higher quarterly profit\n• Copper prices slip on demand worries\n${story}`;
    expect(categories('Morning brief', digest, '2025-10-10')).toEqual([]);
    expect(
      categories('Copper slips', `${story}\nRelated\n${headline}\nLynas reports higher profit`, '2025-10-10'),
    ).toEqual([]);
    expect(
      categories('铜价下跌', `铜价周四下跌2%。\n相关阅读\n商务部宣布对钬、铒实施出口管制\n`, '2025-10-10'),
    ).toEqual([]);
  });

  it('a paragraph laid out with a bullet by a portal is not a digest item', () => {
    const text =
      '  • 2025-02-20 10:00\n  • 新华网\n  • 工业和信息化部近日下达2025年第一批稀土开采、冶炼分离总量控制指标，' +
      '其中开采指标为100000吨，冶炼分离指标为96000吨，指标分配到各稀土集团，各集团须严格执行，不得超指标生产，' +
      '并按要求报送生产情况，相关部门将加强监督检查，确保指标落实到位。';
    expect(categories('', text, '2025-02-20')).toEqual(['quota_batch']);
  });
});

describe('a promise or a modal word counts in its own clause', () => {
  it('an approval stated beside a promise to keep reviewing is an approval', () => {
    const text = '商务部新闻发言人表示，已依法批准了一定数量的稀土出口合规申请，并将积极推进后续审批。';
    expect(categories('', text, '2025-06-19')).toEqual(['licence_approval']);
  });

  it('licences issued "to keep supply chains stable" (供应) are issued', () => {
    const text = '商务部近日已向多家磁材企业发放稀土出口许可证，以保障全球供应链稳定。';
    expect(categories('', text, '2025-06-19')).toEqual(['licence_approval']);
  });
});

describe('a step dated before the document’s month is news in a story about it, background in one about something else', () => {
  const statsEn = {
    title: 'China’s rare earth exports rise 18% in first two months',
    text: 'Customs data showed on Thursday that exports of rare earths reached 8,800 tonnes in January and February.',
  };
  const quotaEn = 'In February, China issued its first batch of rare earth mining quotas for 2024, at 135,000 tonnes.';
  const statsZh = { title: '前两月稀土出口同比增长18%', text: '海关总署7日公布的数据显示，1-2月我国出口稀土8800吨。' };
  const quotaZh = '2月，工信部、自然资源部下达2024年第一批稀土开采总量控制指标，开采指标为13.5万吨。';

  it('in a customs story of March the February quota batch is recalled; in one of February it is news', () => {
    for (const [d, quota] of [
      [statsEn, quotaEn],
      [statsZh, quotaZh],
      [{ title: toHongKong(statsZh.title), text: toHongKong(statsZh.text) }, toHongKong(quotaZh)],
    ] as const) {
      expect(categories(d.title, `${d.text}\n${quota}`, '2024-03-08'), quota).toEqual(['export_statistics']);
      expect(categories(d.title, `${d.text}\n${quota}`, '2024-02-27'), quota).toEqual([
        'export_statistics',
        'quota_batch',
      ]);
    }
  });

  it('a story about the batch reports it, whatever month it comes out in', () => {
    expect(categories('China sets first 2024 rare earth mining quota', quotaEn, '2024-03-08')).toEqual(['quota_batch']);
    expect(categories('2024年第一批稀土开采指标下达', quotaZh, '2024-03-08')).toEqual(['quota_batch']);
  });

  it('with no document date, a step of "last year" (去年) is still the past', () => {
    const lead = 'The ministry opened a public consultation on draft rules for rare earth mining on Wednesday.';
    const ban = 'Beijing banned the export of technology to make rare earth magnets.';
    expect(categories('', `${lead}\n${ban}`, '')).toContain('control_list_addition');
    expect(categories('', `${lead}\nLast year, ${ban}`, '')).not.toContain('control_list_addition');
    const zhLead = '工业和信息化部近日就稀土开采总量控制管理办法公开征求意见。';
    const zh = `${STEP_ZH}。`;
    expect(categories('', `${zhLead}\n${zh}`, '')).toContain('control_list_addition');
    expect(categories('', `${zhLead}\n去年，${zh}`, '')).not.toContain('control_list_addition');
    // The lead that says "last year" is the document's own report (annual figures, undated).
    const annual = 'China’s rare earth exports rose 6% last year to 55,431 tonnes, customs data showed.';
    expect(categories('', annual, '')).toEqual(['export_statistics']);
  });
});

describe('a licence in other words is still a licence', () => {
  it('執照 (Hong Kong and overseas Chinese usage) obtained is an approval; a business licence (营业执照) is not', () => {
    const text = '一家磁材企业昨日表示，公司已陆续获得主管部门颁发的稀土出口执照，可向欧美客户供货。';
    for (const t of [text, toHongKong(text), toTaiwan(text)])
      expect(categories('', t, '2025-06-12'), t).toEqual(['licence_approval']);
    expect(categories('', text.replace('稀土出口执照', '营业执照'), '2025-06-12')).toEqual([]);
  });

  it('a "green light" to export, or a maker allowed to resume exports, is an approval; a promise of one is not', () => {
    const steps = [
      'Beijing has given the green light to rare earth magnet exports from a Chinese maker to the U.S.',
      'The commerce ministry has allowed a rare earth magnet maker to resume exports to Europe.',
    ];
    for (const t of steps) {
      expect(categories('', t, '2025-06-12'), t).toEqual(['licence_approval']);
      const promised = t.replace(
        /has (given|allowed)/,
        (_, verb: string) => `will ${verb === 'given' ? 'give' : 'allow'}`,
      );
      expect(categories('', promised, '2025-06-12'), promised).toEqual([]);
    }
  });

  it('suppliers that "won approval to ship" or an "export nod" are approvals; approval to build a plant is not', () => {
    const won =
      'Chinese rare earth magnet suppliers have won approval from Beijing to ship to India, sources said on Tuesday.';
    expect(categories('', won, '2025-08-19')).toEqual(['licence_approval']);
    expect(categories('', won.replace('to ship to India', 'to build a plant in India'), '2025-08-19')).toEqual([]);
    expect(categories('Rare earth magnet makers win export nod for India', won, '2025-08-19')).toEqual([
      'licence_approval',
    ]);
  });

  it('requests "okayed" or "given the go-ahead" are approved; requests still waiting are not', () => {
    const steps = [
      'China has okayed a batch of requests to export rare earth magnets, the commerce ministry said on Thursday.',
      'Some export requests for rare earth magnets were given the go-ahead, the commerce ministry said on Thursday.',
    ];
    for (const t of steps) expect(categories('', t, '2025-06-26'), t).toEqual(['licence_approval']);
    const waiting = 'Requests to export rare earth magnets are still waiting, the commerce ministry said on Thursday.';
    expect(categories('', waiting, '2025-06-26')).toEqual([]);
  });

  it('licences renewed are approved again; licences that must be renewed are a condition, not news', () => {
    const renewed = [
      'The commerce ministry has renewed export licences held by several rare earth magnet makers, people said on Monday.',
      'Several rare earth magnet makers have had their export licences renewed, people said on Monday.',
    ];
    for (const t of renewed) expect(categories('', t, '2025-09-01'), t).toEqual(['licence_approval']);
    const expiring = 'Export licences held by several rare earth magnet makers expire in March, people said on Monday.';
    expect(categories('', expiring, '2025-09-01')).toEqual([]);
  });

  it('a suspension "allowing exporters to resume shipments" is a relaxation, not an approval', () => {
    const text =
      'China on Sunday suspended the export controls on seven rare earths it imposed in April, allowing exporters ' +
      'to resume shipments to the United States.';
    expect(categories('', text, '2025-11-09')).toEqual(['control_relaxation']);
  });
});

describe('a quota batch by any ordinal', () => {
  it('an opening, initial, first or fourth instalment of allowances is a batch; the opening of a plant is not', () => {
    const text = (ordinal: string) =>
      `China has handed out the ${ordinal} instalment of this year's rare earth allowances, two officials said on Monday.`;
    for (const ordinal of ['opening', 'initial', 'first', 'fourth'])
      expect(categories('', text(ordinal), '2026-03-30'), ordinal).toEqual(['quota_batch']);
    const plant =
      'A rare earth refiner celebrated the opening of its new plant in Baotou, two officials said on Monday.';
    expect(categories('', plant, '2026-03-30')).toEqual([]);
  });
});

describe('controls put off or put under control in other words', () => {
  it('measures 押后/推迟…至…执行 (put back to a date) are a relaxation in every script, not a new control', () => {
    const text = '商务部昨日公告，十月公布的稀土出口管制措施押后至明年十一月十日才执行。';
    for (const t of [text, toHongKong(text), toTaiwan(text), text.replace('押后', '推迟')])
      expect(categories('', t, '2025-11-08'), t).toEqual(['control_relaxation']);
  });

  it('an element or a technology 纳入出口管控 is a new control, whichever element; a metal that is no rare earth is not', () => {
    for (const e of ELEMENTS.slice(0, 6)) {
      const text = `商务部9日发布公告，将${e.zh}相关技术纳入出口管控范围，自发布之日起施行。`;
      expect(categories('', text, '2025-10-10'), text).toEqual(['control_list_addition']);
    }
    expect(categories('', '商务部9日发布公告，将镓相关技术纳入出口管控范围，自发布之日起施行。', '2025-10-10')).toEqual(
      [],
    );
  });
});

describe('an export quota (MOFCOM’s, until 2014) is not a production quota batch', () => {
  it('the same notice report with 出口配额 is no quota batch, with 开采指标 it is one, in either script', () => {
    const title = '2013年第二批稀土出口配额下达';
    const text = '主管部门近日下达2013年第二批稀土出口配额，共计15500吨，全年出口配额总量为31001吨。';
    const mining = (s: string) => s.replaceAll('出口配额', '开采指标');
    for (const convert of [(s: string) => s, toHongKong]) {
      expect(categories(convert(title), convert(text), '2013-07-17')).toEqual([]);
      expect(categories(convert(mining(title)), convert(mining(text)), '2013-07-17')).toEqual(['quota_batch']);
    }
  });

  it('production caps named as standing policy under an export-quota headline are context', () => {
    const text =
      'The commerce ministry said it would allow exports of 15,500 tonnes of rare earths in the second half. ' +
      'China has set production caps and export quotas on rare earths to protect resources.';
    expect(categories('China sets rare earth export quota for second half', text, '2013-07-17')).toEqual([]);
    expect(categories('China sets rare earth production quota for second half', text, '2013-07-17')).toEqual([
      'quota_batch',
    ]);
  });
});

describe('a draft put out for comment is a regulation in any of the words for it', () => {
  it('comments, feedback, a public consultation; trade consultations are not', () => {
    const drafts = [
      'The ministry opened a public consultation on draft rules for rare earth mining and separation on Wednesday.',
      'The ministry is seeking feedback on draft regulations for rare earth mining and separation.',
      'The ministry is seeking comments on draft regulations for rare earth mining and separation.',
    ];
    for (const t of drafts) expect(categories('', t, '2025-02-20'), t).toEqual(['regulation']);
    const talks = 'Chinese and U.S. officials held trade consultations on rare earth supplies on Wednesday.';
    expect(categories('', talks, '2025-02-20')).toEqual([]);
  });
});

describe('companies put on a list are enforcement; elements put on it are a control', () => {
  it('however long the list of names between the verb and the list', () => {
    const firms =
      'China on Friday added 16 U.S. entities, including two drone makers, a logistics group and an aerospace ' +
      'parts supplier, to its export control list.';
    expect(categories('', firms, '2025-04-04')).toContain('enforcement');
    expect(categories('', firms, '2025-04-04')).not.toContain('control_list_addition');
    const elements = firms
      .replace('16 U.S. entities', 'seven rare earths')
      .replace(
        'two drone makers, a logistics group and an aerospace parts supplier',
        'samarium, gadolinium, terbium and dysprosium',
      );
    expect(categories('', elements, '2025-04-04')).not.toContain('enforcement');
  });
});

describe('a tonnage in the units a trade journal writes', () => {
  it('万t reads as 万吨 in an export sentence', () => {
    const title = '上半年稀土出口情况';
    const text = '今年上半年我国共出口稀土约3.26万吨。';
    expect(categories(title, text, '2025-07-20')).toEqual(['export_statistics']);
    expect(categories(title, text.replace('万吨', '万t'), '2025-07-20')).toEqual(['export_statistics']);
  });
});

describe('a further step reported beside the headline’s is news of its own', () => {
  const title = 'China adds five rare earths to export control list';
  const lead = 'China on Thursday put holmium, erbium, thulium, europium and ytterbium under export control.';
  const firms = 'the commerce ministry put a group of U.S. defence contractors on its export control list.';
  it('"in a separate notice" or 同日 makes the listing news; the same sentence without it is context', () => {
    expect(categories(title, `${lead}\nIn a separate notice, ${firms}`, '2025-10-09')).toEqual([
      'control_list_addition',
      'enforcement',
    ]);
    expect(categories(title, `${lead}\nSeparately, ${firms}`, '2025-10-09')).toContain('enforcement');
    expect(categories(title, `${lead}\nIt said ${firms}`, '2025-10-09')).toEqual(['control_list_addition']);
  });

  it('reported speech ("said it had put") is the step, not a recollection of it', () => {
    const reported = `Separately, the ministry said it had put a group of U.S. defence contractors on its export control list.`;
    expect(categories(title, `${lead}\n${reported}`, '2025-10-09')).toContain('enforcement');
    const recalled = `Separately, the ministry had put a group of U.S. defence contractors on its export control list.`;
    expect(categories(title, `${lead}\n${recalled}`, '2025-10-09')).not.toContain('enforcement');
  });

  it('a further step that is recalled stays recalled', () => {
    expect(categories(title, `${lead}\nIn a separate notice in March, ${firms}`, '2025-10-09')).toEqual([
      'control_list_addition',
    ]);
  });
});

describe('easing through licences grants licences; a control suspended is a relaxation', () => {
  it('the same easing sentence, with licences as its means or with a suspension, in either language', () => {
    const viaLicences =
      'China on Thursday eased rare earth export curbs for European firms with new year-long general licences.';
    const suspended =
      'China on Thursday eased rare earth export curbs for European firms and suspended the April rules.';
    expect(categories('', viaLicences, '2025-12-04')).toEqual(['licence_approval']);
    expect(categories('', suspended, '2025-12-04')).toEqual(['control_relaxation']);
    const zh = '商务部近日放宽对欧盟的稀土出口限制，通过发放有效期更长的稀土许可证便利企业出口。';
    expect(categories('', zh, '2025-12-16')).toEqual(['licence_approval']);
    expect(categories('', toHongKong(zh), '2025-12-16')).toEqual(['licence_approval']);
    expect(categories('', zh.replace('通过发放有效期更长的稀土许可证', '暂停实施相关管制措施'), '2025-12-16')).toEqual([
      'control_relaxation',
    ]);
  });
});

describe('a headline about another mineral makes that mineral the news', () => {
  it('its shipments are no rare-earth statistics; the same headline on rare earths is', () => {
    const body =
      'Shipments slumped 60% in the first half after export licences were required last September. ' +
      'Rare earths were not affected, traders said.';
    const title = (metal: string) => `Metals wrap: ${metal} shipments slump 60% in first half`;
    for (const metal of ['antimony', 'gallium', 'tungsten'])
      expect(categories(title(metal), body, '2025-07-25')).toEqual([]);
    expect(
      categories(title('rare earth magnet'), body.replace('Rare earths were', 'Antimony was'), '2025-07-25'),
    ).toEqual(['export_statistics']);
  });
});

describe('a named rule that takes effect is a regulation in any of the verbs for it', () => {
  it('起施行, 起实行, 起生效, 正式实行, in either script; a story on the registers with no rule is not', () => {
    const title = '稀土企业产品流向登记规定出台';
    const text = (verb: string) =>
      `记者从工业和信息化部获悉，《稀土冶炼企业产品流向登记规定》日前出台，自2026年3月1日${verb}。`;
    for (const verb of ['起施行', '起实行', '起生效', '正式实行']) {
      expect(categories(title, text(verb), '2025-10-15')).toEqual(['regulation']);
      expect(categories(toTaiwan(title), toTaiwan(text(verb)), '2025-10-15')).toEqual(['regulation']);
    }
    const cited = '据统计，10月稀土冶炼企业共登记产品流向记录1200条。';
    expect(categories('稀土企业登记情况', cited, '2025-10-15')).toEqual([]);
  });
});

describe('a newsletter’s own highlights and a headline naming the month are its statistics', () => {
  const bullets =
    '- Total shipments of rare earth magnets from China came to 5,300 tonnes in October, 4% more than in September.\n' +
    '- Deliveries to the United States reached 1,200 tonnes, up 31% on the month.\n' +
    '- Japan took 380 tonnes; Vietnam and India together about 900 tonnes.';
  const body = (heading: string) => `${heading}\n${bullets}\nOur take: demand looks firm into the year end.`;
  const title = 'Magnet Monitor | October: Vietnam and India lead the rebound';
  it('bullets under "Highlights", "Key figures" or 要点 are the document’s own summary', () => {
    for (const heading of ['Highlights this issue', 'Key figures:', '本期要点'])
      expect(categories(title, body(heading), '2025-11-22')).toEqual(['export_statistics']);
  });
  it('the same bullets under "Top stories" are other stories', () => {
    expect(categories(title, body('Top stories'), '2025-11-22')).toEqual([]);
  });
  it('a headline naming a month for prices, quotas or controls is about those, in either script', () => {
    expect(categories('Magnet Monitor | October prices: buyers hold back', body('Highlights'), '2025-11-22')).toEqual(
      [],
    );
    expect(categories('磁材月报：10月价格走弱', body('本期要点'), '2025-11-22')).toEqual([]);
    expect(categories('磁材月报：10月越南印度领涨', body('本期要点'), '2025-11-22')).toEqual(['export_statistics']);
  });
});
