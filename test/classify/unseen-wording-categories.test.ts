/**
 * Categories on wordings part RG5 found unread (test/fixtures/corpus/README.md, part RG5): each block is one general
 * step, with a document written for the test that the classifier got wrong before the step.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe('a digest: each item is a story of its own', () => {
  it('numbered items under a digest headline: the third item is not a side remark of the first', () => {
    const text = [
      '1. 商务部宣布，自即日起暂停实施部分稀土物项出口管制措施。',
      '2. 铜价周三小幅走低，收报每吨7.9万元。',
      '3. 海关总署：1-9月我国出口稀土4.8万吨，同比增长3.2%。',
      '4. 多地出台住房公积金新政。',
    ].join('\n');
    expect(categories('财经快讯（10月15日）', text, '2025-10-15')).toEqual(['control_relaxation', 'export_statistics']);
  });

  it('written-out bullets (ending in a full stop) are the newsletter’s report; headline links are other stories', () => {
    const items = [
      '• Customs data on Monday showed rare earth exports rose 12% in May to 5,100 tonnes.',
      '• Copper slipped in London on a firmer dollar.',
      '• Nickel inventories in Shanghai climbed for a third week.',
    ];
    expect(categories('Metals daily brief', `Good morning.\n${items.join('\n')}`, '2025-06-10')).toEqual([
      'export_statistics',
    ]);
    const links = items.map((l) => l.replace(/\.$/, ''));
    const story = 'Zinc prices fell 1% on Tuesday as demand in China stayed weak. Stocks of zinc rose.';
    expect(categories('Zinc slips', `${story}\n${links.join('\n')}`, '2025-06-10')).toEqual([]);
  });
});

describe('a licence newly required before rare earths leave is a control, not an approval', () => {
  it('"will require exporters … to obtain licences" in English', () => {
    const text =
      'China will require exporters of holmium and erbium, and of their oxides and alloys, to obtain licences, ' +
      'the commerce ministry said on Monday.';
    expect(categories('Beijing acts on two more elements', text, '2025-10-13')).toEqual(['control_list_addition']);
  });

  it('须…申请许可…方可出口 in Chinese', () => {
    const text = '商务部周一公告，自下月起，铒、铥及其氧化物须向主管部门申请许可，获批后方可出口。';
    expect(categories('两种稀土出口新规', text, '2025-10-13')).toEqual(['control_list_addition']);
  });

  it('a participle describing a control already named ("…, requiring exporters to obtain licences") is not news', () => {
    const text =
      'China has approved a number of export applications for magnets, the ministry said on Friday.\n' +
      'Automakers have complained since April, when Beijing added seven rare earths to its control list, requiring ' +
      'exporters to obtain licences.';
    expect(categories('China approves more magnet export applications', text, '2025-06-20')).toEqual([
      'licence_approval',
    ]);
  });
});

describe('a regulation adopted, told in the passive or by a meeting', () => {
  it('"were approved … and made public", and a headline with the participle after the noun', () => {
    const text = 'Measures on tracing rare earth products were approved by the cabinet and made public on Friday.';
    expect(categories('Rare earth tracing measures approved', text, '2025-03-14')).toEqual(['regulation']);
    const signed = 'Regulations on tracing rare earth products were signed by the premier and made public on Friday.';
    expect(categories('', signed, '2025-03-14')).toEqual(['regulation']);
  });

  it('a meeting that 讨论并原则通过 a draft regulation', () => {
    const text = '国务院总理周三主持召开常务会议。会议讨论并原则通过《稀土产品追溯管理条例（草案）》。';
    expect(categories('国务院常务会议召开', text, '2025-03-14')).toEqual(['regulation']);
  });
});

describe('a quota batch in a machine-rewritten copy', () => {
  it('下发…首批…采掘、冶炼别离总量操控目标 (spun 开采, 分离, 控制, 指标)', () => {
    const text = '两部分近来下发2026年首批稀土采掘、冶炼别离总量操控目标，各集团要严厉依照目标安排出产。';
    expect(categories('', text, '2026-02-10')).toEqual(['quota_batch']);
  });
});

describe('a quota batch as an allotment of ceilings', () => {
  it('"a second allotment of … extraction ceilings", "the extraction ceiling … is N tons"', () => {
    const text =
      'Miners were handed a second allotment of rare earth extraction ceilings for 2025 on Tuesday, sources said. ' +
      'The extraction ceiling in it is 70,000 tons.';
    expect(categories('', text, '2025-09-16')).toEqual(['quota_batch']);
  });
});

describe('trade flows in other words', () => {
  it('consignments that shrink, per "numbers of the customs bureau"', () => {
    const text =
      'Outbound consignments of rare earths shrank 14% from August to 3,900 tonnes in September, numbers of the ' +
      'customs bureau showed on Monday.';
    expect(categories('Rare earth consignments shrink in September', text, '2025-10-20')).toEqual([
      'export_statistics',
    ]);
  });

  it('overseas sales of magnets in the customs administration’s tables', () => {
    const text =
      'Overseas sales of Chinese magnets came to 5,100 tonnes in May, the customs administration’s tables showed.';
    expect(categories('', text, '2025-06-20')).toEqual(['export_statistics']);
  });
});

describe('a digest’s headline names several stories', () => {
  it('a headline rule ("no word of exports: about something else") does not judge a digest item', () => {
    const text = [
      'Good morning.',
      '• Overseas sales of Chinese magnets came to 5,100 tonnes in May, customs data showed on Friday.',
      '• Nickel inventories in Shanghai climbed for a third week.',
      '• Zinc smelters in Yunnan cut output on power limits.',
    ].join('\n');
    expect(categories('Metals morning brief: nickel, zinc and more', text, '2025-06-23')).toEqual([
      'export_statistics',
    ]);
  });
});

describe('the unreliable-entity list in other words', () => {
  it('firms added to a roster of firms deemed unreliable, or named as unreliable', () => {
    const body =
      'The commerce ministry on Tuesday added six foreign companies to its roster of firms it deems unreliable, ' +
      'barring them from trade with China.';
    expect(categories('Beijing acts against six foreign suppliers', body, '2025-04-08')).toEqual(['enforcement']);
    expect(
      categories('China names six drone makers as "unreliable"', 'The ministry gave no more detail.', '2025-04-08'),
    ).toEqual(['enforcement']);
  });
});

describe('goods or buyers taken out of a control’s reach', () => {
  it('"will no longer be subject to the export restrictions" is a relaxation, not a new control', () => {
    const text =
      'Rare earth magnets sold to civilian buyers in Japan will no longer be subject to the additional export ' +
      'restrictions, the commerce ministry said on Monday.';
    expect(categories('', text, '2025-12-01')).toEqual(['control_relaxation']);
  });

  it('不再受…管制 in Chinese', () => {
    const text = '商务部周一表示，出口至日本民用领域的稀土磁材，自即日起不再受上述出口管制措施约束。';
    expect(categories('', text, '2025-12-01')).toEqual(['control_relaxation']);
  });
});

describe('"additional" is an adjective, not the verb "add"', () => {
  it('"the additional export restrictions" named in a survey story are not a new control', () => {
    const text =
      'Magnet makers say the additional export restrictions have slowed their deliveries of rare earth parts to ' +
      'Europe, according to a survey published on Monday.';
    expect(categories('European magnet users report slower deliveries', text, '2025-12-01')).toEqual([]);
  });
});

describe('quotas handed out or distributed', () => {
  it('a headline that hands out rare earth quotas; a body where output quotas were distributed', () => {
    const body =
      'Rare earth output quotas for this year were distributed to the producer groups on Monday, sources said.';
    expect(categories('Beijing hands out 2026 rare earth quotas', 'No figures were given.', '2026-03-03')).toEqual([
      'quota_batch',
    ]);
    expect(categories('', body, '2026-03-03')).toEqual(['quota_batch']);
  });
});

describe('permission told by what it allows (获准…出口) or by the application let through (申请…获…放行)', () => {
  it('firms 获准 to export magnets; applications 获商务部放行', () => {
    expect(categories('', '多家稀土磁材企业近日获准向日本客户出口钕铁硼产品。', '2025-07-10')).toEqual([
      'licence_approval',
    ]);
    expect(categories('', '该公司提交的稀土出口申请已于近日获商务部放行。', '2025-07-10')).toEqual([
      'licence_approval',
    ]);
  });

  it('a firm still waiting to be let through is not an approval', () => {
    expect(categories('', '该公司提交的稀土出口申请尚未获商务部放行。', '2025-07-10')).toEqual([]);
  });
});

describe('administrative enforcement against illegal rare earth mining', () => {
  it('sites 取缔, firms 责令停产, suspects 移送司法机关 (traditional characters too)', () => {
    const text = '當地自然資源部門近日取締非法開採稀土礦點5處，責令2家企業停產，並將涉案人員移送司法機關。';
    expect(categories('', text, '2025-09-12')).toEqual(['enforcement']);
  });

  it('a notice that requires sites to be closed down provides for action; it is not one', () => {
    const text = '通知要求各地对非法开采稀土的矿点一律予以取缔。';
    expect(categories('', text, '2025-09-12')).toEqual([]);
  });
});

describe('a draft put out for comment in other words', () => {
  it('the public invited to comment; comments can be submitted until a date', () => {
    const text =
      'The industry ministry on Tuesday invited the public to comment on planned rules for tracing rare earth ' +
      'products. Comments can be submitted until July 1.';
    expect(categories('', text, '2026-05-06')).toEqual(['regulation']);
  });
});

describe('a control announcement in a machine-rewritten copy', () => {
  it('决议对…施行出口管束 (spun 决定, 实施, 管制)', () => {
    const text = '商务部今天发布通告，决议对钬、铒相关物项施行出口管束，通告自发布之日起施行。';
    expect(categories('', text, '2025-10-09')).toEqual(['control_list_addition']);
  });
});

describe('part RG7’s wordings', () => {
  it('a batch as a modifier ("first-batch targets") and a target that "stands at" a tonnage', () => {
    const text =
      'The ministry told the producer groups on Monday of their second-batch targets for 2026. The second batch’s ' +
      'mining target stands at 70,000 tonnes.';
    expect(categories('', text, '2026-08-18')).toEqual(['quota_batch']);
  });

  it('firms that 收到批复 on their export applications', () => {
    expect(categories('稀土出口审批提速 多家企业收到批复', '记者了解到，审批明显加快。', '2025-08-22')).toEqual([
      'licence_approval',
    ]);
  });

  it('a control requirement whose start is delayed', () => {
    const text =
      'China has delayed the start of a rule requiring rare earth magnet exporters to file end-user records, the ' +
      'ministry said on Wednesday.';
    expect(categories('', text, '2025-12-17')).toEqual(['control_relaxation']);
  });

  it('items placed on a list named by what it holds; rare earths that "now need permits"', () => {
    const text =
      'Holmium and erbium have been placed on China’s list of dual-use items, the commerce ministry said on Friday.';
    expect(categories('', text, '2025-10-10')).toEqual(['control_list_addition']);
    expect(
      categories(
        'Two more rare earths now need permits to leave China',
        'The notice was posted on Friday.',
        '2025-10-10',
      ),
    ).toEqual(['control_list_addition']);
  });

  it('police raids on rare earths bound for illegal export', () => {
    const text = 'Police raided two depots holding rare earth oxides bound for illegal export on Sunday.';
    expect(categories('', text, '2025-11-09')).toEqual(['enforcement']);
  });

  it('rules (规则, 新规) that land or take effect', () => {
    expect(categories('', '稀土冶炼企业环保管理规则本月起正式执行。', '2026-04-03')).toEqual(['regulation']);
  });

  it('a headline that the rare earth data comes next week is a preview', () => {
    const text = '海关总署数据显示，10月钨品出口量为900吨，环比增长5%。稀土分项数据将于下周公布。';
    expect(categories('钨品出口回升 稀土数据下周揭晓', text, '2025-11-20')).toEqual([]);
  });
});

describe('part RG8: near-misses of the words added above, and more wordings', () => {
  it('a licence requirement on something else, beside rare earth curbs, is no rare earth control', () => {
    const text =
      'Washington will require exporters of chipmaking tools to obtain licences for shipments to China, days after ' +
      'Beijing tightened its rare earth curbs.';
    expect(categories('US to require chip tool licences', text, '2025-10-14')).toEqual([]);
  });

  it('a raid counts on smuggled or illegal goods, not on an explorer’s offices over share trading', () => {
    const text =
      'Police raided the offices of a small rare earth explorer on Thursday as part of an insider trading ' +
      'investigation.';
    expect(categories('Police raid rare earth explorer', text, '2025-11-20')).toEqual([]);
  });

  it('a first batch of production green-lit is a quota batch', () => {
    expect(
      categories('China green-lights first batch of 2026 rare earth production', 'No more detail.', '2026-03-18'),
    ).toEqual(['quota_batch']);
  });

  it('a change in tenths (按月跌兩成) in a headline and a customs sentence', () => {
    const text = '海關總署周二公布，內地8月稀土出口量按月跌兩成。';
    expect(categories('內地稀土出口按月跌兩成', text, '2025-09-09')).toEqual(['export_statistics']);
  });

  it('export paperwork that "came through"', () => {
    const text = 'Several rare earth magnet makers said on Monday their export paperwork had come through.';
    expect(categories('', text, '2025-06-16')).toEqual(['licence_approval']);
  });

  it('a ban on exports 解禁, not shares unlocked', () => {
    expect(categories('', '商务部今日宣布，对美出口部分稀土物项的禁令即日起解禁。', '2026-01-08')).toEqual([
      'control_relaxation',
    ]);
    expect(categories('', '某稀土公司限售股今日解禁，股价下跌3%。', '2026-01-08')).toEqual([]);
  });
});

describe('part RG10’s wordings', () => {
  it('the quota as the volume permitted ("fixes the mining volume at", "volume … that may be mined")', () => {
    expect(
      categories('China fixes 2025 rare earth mining volume at 280,000 tonnes', 'No detail.', '2025-08-20'),
    ).toEqual(['quota_batch']);
    const text = 'The permitted volume for rare earth mining this year was put at 280,000 tonnes on Friday.';
    expect(categories('', text, '2025-08-20')).toEqual(['quota_batch']);
  });

  it('controls 撤销 (revoked); 无需再申请许可', () => {
    expect(categories('', '商务部今日决定撤销对部分稀土物项的出口管制措施。', '2026-03-02')).toEqual([
      'control_relaxation',
    ]);
    expect(categories('', '商务部今日公告，出口上述稀土物项无需再申请许可。', '2026-03-02')).toEqual([
      'control_relaxation',
    ]);
  });

  it('shipments signed off on', () => {
    const text =
      'The ministry has signed off on several rare earth magnet shipments to European suppliers, sources said.';
    expect(categories('', text, '2025-06-24')).toEqual(['licence_approval']);
  });

  it('seized (檢獲) and arrested (被捕) in Hong Kong usage; people charged with illegal mining', () => {
    expect(categories('', '海關日前在貨櫃內檢獲未申報的稀土氧化物，一名男子被捕。', '2025-12-05')).toEqual([
      'enforcement',
    ]);
    const text = 'Prosecutors have charged six people with illegally mining rare earth clays, the procuratorate said.';
    expect(categories('', text, '2026-01-19')).toEqual(['enforcement']);
  });

  it('magnet outflows, according to the General Administration of Customs', () => {
    const text =
      'Outflows of rare earth magnets reached 6,000 tonnes in August, according to the General Administration of Customs.';
    expect(categories('', text, '2025-09-20')).toEqual(['export_statistics']);
  });

  it('a numbered explainer ("things to know") is no digest: every step it names is recalled', () => {
    const text = [
      '1. What is controlled? Seven rare earths need a licence to leave China.',
      '2. What changed? A wider set of rare earth curbs was announced, then suspended last month.',
      '3. What next? Licensing stays.',
    ].join('\n');
    expect(categories('Three things to know about China’s rare earth curbs', text, '2025-12-10')).toEqual([]);
  });

  it('a control list that grows (清单扩容) and items that enter it (入列)', () => {
    expect(
      categories('出口管制清单扩容', '商务部公布新版清单，稀土冶炼分离设备与技术首次入列。', '2025-11-14'),
    ).toEqual(['control_list_addition']);
  });
});

describe('part RG11’s wordings', () => {
  it('a ceiling on output trimmed', () => {
    expect(
      categories('Beijing trims rare earth output ceiling for first half', 'No tonnage was given.', '2026-03-10'),
    ).toEqual(['quota_batch']);
  });

  it('a wave of licence approvals; permits signed', () => {
    expect(
      categories('Exporters report a wave of rare earth licence approvals', 'More are expected.', '2025-07-11'),
    ).toEqual(['licence_approval']);
    const text = 'Six rare earth magnet makers said on Thursday the commerce ministry had signed their export permits.';
    expect(categories('', text, '2025-07-11')).toEqual(['licence_approval']);
  });

  it('know-how brought under a licensing regime (the word "export" left out)', () => {
    expect(
      categories(
        'China brings rare earth recycling know-how under its licensing regime',
        'It takes effect in January.',
        '2025-10-13',
      ),
    ).toEqual(['control_list_addition']);
  });

  it('a table in pipes with a rare-earth row and quantity and change columns', () => {
    const text =
      '| 商品名称 | 计量单位 | 数量 | 同比（%） |\n| 稀土 | 吨 | 4021 | -12.5 |\n| 钢材 | 万吨 | 998 | 8.6 |';
    expect(categories('11月部分商品出口情况', text, '2025-12-08')).toEqual(['export_statistics']);
  });

  it('firms punished for exceeding quotas: enforcement, not a quota batch', () => {
    const text =
      'The industry ministry has punished 12 rare earth companies for producing beyond their quotas, it said on Tuesday.';
    expect(categories('', text, '2026-01-13')).toEqual(['enforcement']);
  });

  it('a tracking system codified in a new decree', () => {
    const text = 'China has codified a tracking system for rare earth products in a new decree issued on Wednesday.';
    expect(categories('', text, '2026-01-28')).toEqual(['regulation']);
  });
});

describe('the common headline verbs of each category (a thesaurus step)', () => {
  const body = 'The ministry said so on Tuesday.';
  const one = (title: string) => categories(title, body, '2026-03-10');

  it('quotas boosted, slashed, lifted, bumped up, doubled, held steady or maintained', () => {
    for (const verb of ['boosts', 'slashes', 'lifts', 'bumps up', 'doubles', 'holds steady', 'maintains'])
      expect(one(`Beijing ${verb} 2026 rare earth mining quotas`), verb).toEqual(['quota_batch']);
  });

  it('licences issued, awarded, handed out; approvals resumed — not guidance issued on licences', () => {
    for (const verb of ['issues', 'awards', 'hands out'])
      expect(one(`Beijing ${verb} rare earth export licences to EU firms`), verb).toEqual(['licence_approval']);
    expect(one('Beijing resumes approving rare earth magnet exports')).toEqual(['licence_approval']);
    expect(one('Beijing issues guidance on rare earth export licences')).toEqual([]);
  });

  it('exports curbed, restricted, limited, halted or blocked — not "the decision to restrict exports"', () => {
    for (const verb of ['curbs', 'restricts', 'limits', 'halts', 'blocks', 'tightens control over'])
      expect(one(`Beijing ${verb} exports of rare earth magnet technology`), verb).toEqual(['control_list_addition']);
    const text = 'The decision in April to restrict exports of rare earths still weighs on carmakers, a survey found.';
    expect(categories('Carmakers survey', text, '2025-06-06')).toEqual([]);
  });

  it('controls removed, ended, reversed, unwound, withdrawn, revoked, cancelled or frozen', () => {
    for (const verb of ['removes', 'ends', 'reverses', 'unwinds', 'withdraws', 'revokes', 'cancels', 'freezes'])
      expect(one(`Beijing ${verb} rare earth export controls`), verb).toEqual(['control_relaxation']);
  });

  it('exports that tumble, double, halve, retreat or spike; "eases curbs" beside exports is no statistic', () => {
    for (const verb of ['tumble', 'double', 'halve', 'retreat', 'spike'])
      expect(one(`China's rare earth exports ${verb} in February`), verb).toEqual(['export_statistics']);
    expect(one('China lifts ban on gallium exports to US, eases rare earth curbs')).toEqual(['control_relaxation']);
  });
});

describe('the common Chinese headline wordings of each category (a thesaurus step)', () => {
  const body = '相关部门周二表示。';
  const one = (title: string) => categories(title, body, '2026-03-10');

  it('对…稀土物项实施出口管制 (or 限制出口, 实行许可证管理) in a headline; the ministry’s standing line is none', () => {
    for (const step of ['实施出口管制', '限制出口', '实行许可证管理'])
      expect(one(`商务部对部分稀土物项${step}`), step).toEqual(['control_list_addition']);
    expect(
      categories('商务部例行发布会', '发言人表示，中方依法对稀土相关物项实施出口管制，是国际通行做法。', '2026-03-10'),
    ).toEqual([]);
    expect(one('对稀土物项实施出口管制是国际通行做法')).toEqual([]);
  });

  it('批准/核准/放行 licences in a headline; a wait for approval is none', () => {
    for (const verb of ['批准', '核准', '放行'])
      expect(one(`商务部${verb}一批稀土出口许可`), verb).toEqual(['licence_approval']);
    expect(categories('', '欧洲企业仍在等待商务部批准他们的稀土出口申请。', '2026-03-10')).toEqual([]);
  });

  it('controls 豁免 or 终止', () => {
    for (const verb of ['豁免', '终止'])
      expect(one(`商务部${verb}部分稀土出口管制措施`), verb).toEqual(['control_relaxation']);
  });

  it('a flow that moved, in a word (骤降, 腰斩, 攀升, 回暖)', () => {
    for (const word of ['骤降', '腰斩', '攀升', '回暖'])
      expect(one(`10月稀土出口量${word}`), word).toEqual(['export_statistics']);
  });

  it('firms 查处/处罚/关停; rules 修订 or 施行', () => {
    for (const verb of ['查处', '处罚', '关停'])
      expect(one(`工信部${verb}一批违规稀土企业`), verb).toEqual(['enforcement']);
    for (const verb of ['修订', '施行']) expect(one(`工信部${verb}稀土产品追溯管理办法`), verb).toEqual(['regulation']);
  });
});

describe('part RG12’s wordings', () => {
  it('measures that 停止适用 (the measure first, then the stop)', () => {
    expect(categories('', '商务部今日公告，部分稀土物项出口管制措施自即日起停止适用。', '2025-11-07')).toEqual([
      'control_relaxation',
    ]);
  });

  it('a 专项整治 campaign: firms 作出处理, cases 移交公安机关', () => {
    const text = '三部门近日开展稀土行业专项整治，对8家超指标生产的稀土企业依法作出处理，相关线索已移交公安机关。';
    expect(categories('', text, '2026-05-15')).toEqual(['enforcement']);
  });
});

describe('headline phrasings without articles, and nouns of each step (a second thesaurus step)', () => {
  const one = (title: string) => categories(title, 'The ministry said so on Tuesday.', '2026-03-10');

  it('controls: added to (export) control list with no article, list expanded, new export controls, licensing imposed', () => {
    for (const title of [
      'China adds two rare earths to export control list',
      'China expands rare earth export control list',
      'New Chinese export controls hit rare earth magnets',
      'China imposes licensing on rare earth magnet exports',
      'China restricts sales of rare earth technology abroad',
    ])
      expect(one(title), title).toEqual(['control_list_addition']);
    expect(one('China puts US firms on export control list over rare earth purchases')).toEqual(['enforcement']);
  });

  it('relaxations: a reprieve, a suspension taking effect, softened, scaled back, narrowed, pulled back', () => {
    for (const title of [
      'China grants reprieve on rare earth export curbs',
      'Suspension of rare earth export controls takes effect',
      'Beijing softens rare earth export restrictions',
      'China scales back rare earth export controls',
      'China narrows scope of rare earth export controls',
    ])
      expect(one(title), title).toEqual(['control_relaxation']);
  });

  it('licence approvals sped up; a quota that rises; export volumes that slip; rare earths sold abroad', () => {
    expect(one('China speeds up rare earth licence approvals')).toEqual(['licence_approval']);
    expect(one('China’s rare earth quota for 2026 rises 6%')).toEqual(['quota_batch']);
    expect(one('China’s rare earth export volumes slip in February')).toEqual(['export_statistics']);
    expect(one('China sold more rare earths abroad in February')).toEqual(['export_statistics']);
  });

  it('enforcement in a headline’s present tense; a licence revoked; new rules that take effect', () => {
    expect(one('China fines rare earth firms over illegal mining')).toEqual(['enforcement']);
    expect(one('China revokes export licence of rare earth trader')).toEqual(['enforcement']);
    expect(one('New rare earth tracing rules take effect')).toEqual(['regulation']);
    const rules =
      'The rules on rare earth tracing were published on Friday. Violators face fines of up to ten times their gains.';
    expect(categories('China publishes rare earth tracing rules', rules, '2026-03-10')).toEqual(['regulation']);
  });
});

describe('a trade headline in other words: flows, outflows, arrivals, foreign purchases', () => {
  const body = (flow: string) =>
    `${flow} 9,120 t in March, 6.2% less than a year before, customs data showed on Friday, as freight rates rose.`;

  it('customs data under such a headline is the news, not background', () => {
    for (const [title, flow] of [
      ['Rare earth outflows cool in March', 'Outbound rare earth volumes slipped to'],
      ['Magnet flows to Europe at six-month low', 'Magnet exports headed for Germany fell to'],
      ['Rare earth arrivals into China shrink', 'Arrivals of rare earths into China fell to'],
      ['Foreign rare earth purchases ease', 'China bought from abroad rare earths totalling'],
    ] as const)
      expect(categories(title, body(flow), '2025-04-18'), title).toEqual(['export_statistics']);
  });

  it('under a headline about something else the same sentence stays background', () => {
    expect(
      categories('Rare earth miner opens new plant', body('Outbound rare earth volumes slipped to'), '2025-04-18'),
    ).toEqual([]);
  });
});
