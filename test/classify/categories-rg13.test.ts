/**
 * Categories on what parts RG13–RG15 (test/fixtures/corpus/README.md) found in realistic genres: each block is one
 * general step, with documents written for the test — the step's hit and its near-miss.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe('a wait or a request for an approval is not the approval', () => {
  it('"waiting for … to clear", "awaiting approval", "urged … to approve": no licence approval', () => {
    const waiting =
      'Carmakers in Europe are still waiting for Chinese authorities to clear their applications to export ' +
      'rare earth magnets, executives said on Tuesday. Some lines may halt next month.';
    expect(categories('Parts makers fret over magnet supply', waiting, '2025-06-10')).toEqual([]);
    const urged =
      'The German economy minister on Tuesday urged Beijing to approve pending licences for rare earth magnets ' +
      'quickly, saying plants could otherwise stop.';
    expect(categories('Berlin presses China on magnets', urged, '2025-06-10')).toEqual([]);
    const zh = '多家欧洲车企表示，仍在等待中方主管部门批准其稀土磁体出口许可申请，部分生产线或将停工。';
    expect(categories('欧洲车企：稀土磁体供应紧张', zh, '2025-06-10')).toEqual([]);
  });

  it('the approval itself, even beside a wait, is still news', () => {
    const text =
      'China has approved export licences for rare earth magnets bound for several European carmakers, the EU ' +
      'chamber said on Tuesday, while other buyers are still waiting for their applications to be cleared.';
    expect(categories('China clears some magnet licences', text, '2025-06-10')).toEqual(['licence_approval']);
  });
});

describe('Chinese companies on a control list are on another country’s list', () => {
  it('a response to the US listing Chinese entities is not enforcement', () => {
    const body =
      'The commerce ministry on Saturday opposed the US decision to put 23 Chinese entities on its export control ' +
      'list, saying it would take necessary measures to protect the rights of Chinese firms.';
    expect(
      categories('MOFCOM slams US for adding Chinese entities to export control list', body, '2025-09-13'),
    ).toEqual([]);
    const zh = '商务部新闻发言人表示，美方将多家中国实体列入出口管制“实体清单”，中方对此坚决反对。';
    expect(categories('商务部回应美方出口管制措施', zh, '2025-09-13')).toEqual([]);
  });

  it('China putting US firms on its own list still is', () => {
    const body =
      'The commerce ministry on Saturday added 12 US defence companies to its export control list, barring them ' +
      'from buying dual-use items, including rare earths.';
    expect(categories('China adds US defence firms to export control list', body, '2025-09-13')).toEqual([
      'enforcement',
    ]);
    const zh = '商务部今日宣布，将15家美国实体列入出口管制管控名单，禁止向其出口两用物项。';
    expect(categories('商务部将15家美国实体列入出口管制管控名单', zh, '2025-09-13')).toEqual(['enforcement']);
  });
});

describe('a participle after a definite noun describes it: "the elements placed under export control" is a reference', () => {
  it('a licence story naming "the seven elements placed under export control" reports no new control', () => {
    const text =
      'A magnet maker said it had received export licences for customers in Europe. The licences relate to ' +
      'magnets containing dysprosium and terbium, two of the seven elements placed under export control in spring.';
    expect(categories('', text, '')).toEqual(['licence_approval']);
  });

  it('the step itself, with the noun as subject or in a passive, still counts', () => {
    const active =
      'The commerce ministry placed dysprosium and terbium under export control on Friday, requiring a licence ' +
      'for every shipment.';
    expect(categories('', active, '2025-04-05')).toEqual(['control_list_addition']);
    const passive = 'Two more rare earths, holmium and erbium, were placed under export control on Thursday.';
    expect(categories('', passive, '2025-10-10')).toEqual(['control_list_addition']);
  });
});

describe('a step denied after its subject ("今年首批指标至今未公开", "the first batch has not been published") is no step', () => {
  it('a story that this year’s quotas are still unpublished is no quota batch', () => {
    const zh = '记者查阅两部门网站，今年的稀土开采、冶炼分离总量控制指标至今仍未公布，多家企业表示尚未收到指标文件。';
    expect(categories('今年首批稀土开采指标至今未公开 市场多方猜测', zh, '2025-05-20')).toEqual([]);
    const en =
      'The first batch of rare earth mining and smelting quotas for this year has not been published, traders said ' +
      'on Monday, weeks later than usual.';
    expect(categories('First batch of China rare earth quotas has yet to be published', en, '2025-05-20')).toEqual([]);
  });

  it('past practice (往年通常在一季度公布的指标) is no step either, whatever follows the comma', () => {
    const zh = '往年通常在一季度公布的稀土开采、冶炼分离总量控制指标，今年至今仍未见公开。企业按去年节奏组织生产。';
    expect(categories('稀土指标“迟到” 市场多方猜测', zh, '2025-05-20')).toEqual([]);
    const unlike = '与往年不同，两部门今日提前下达2025年第一批稀土开采、冶炼分离总量控制指标。';
    expect(categories('稀土指标提前下达', unlike, '2025-01-10')).toEqual(['quota_batch']);
  });

  it('a batch issued, and another still unpublished, is a batch', () => {
    const zh = '工业和信息化部、自然资源部今日下达2024年第一批稀土开采、冶炼分离总量控制指标，第二批指标尚未公布。';
    expect(categories('两部门下达2024年第一批稀土开采、冶炼分离总量控制指标', zh, '2024-02-07')).toEqual([
      'quota_batch',
    ]);
  });
});

describe('a step of an earlier month, in a document whose headline and lead report no step, is recalled', () => {
  it('another actor’s plan that recalls last month’s suspension reports no relaxation', () => {
    const text = [
      'The European Commission on Wednesday proposed joint purchasing of critical raw materials and more money for ' +
        'magnet plants in Europe.',
      'Carmakers in the bloc have faced shortages since April. Beijing suspended a broader set of rare earth controls ' +
        'for a year in November.',
    ].join('\n');
    expect(categories('EU unveils plan to cut reliance on Chinese minerals', text, '2025-12-03')).toEqual([]);
  });

  it('the same step reported this month, or headlined, is news', () => {
    const now =
      'Beijing suspended a broader set of rare earth export controls for a year on Friday, the commerce ministry said.';
    expect(categories('Markets digest', `Stocks rose in Asia.\n${now}`, '2025-11-08')).toEqual(['control_relaxation']);
    const headlined = 'Beijing suspended a broader set of rare earth export controls for a year in November.';
    expect(categories('China suspends rare earth export controls', headlined, '2025-12-01')).toEqual([
      'control_relaxation',
    ]);
  });
});

describe('a company’s own overseas sales in its results are not customs figures', () => {
  it('a magnet maker’s half-year report with its own shipments abroad is no export statistics', () => {
    const text =
      'The magnet maker said on Monday its overseas revenue fell 18% in the first half, according to its half-year ' +
      'report. The company shipped about 2,100 tonnes of magnets abroad in the six months, down from 2,600 tonnes. ' +
      'Net profit rose 35%.';
    expect(categories('Magnet maker’s overseas sales slide as licences slow shipments', text, '2025-08-25')).toEqual(
      [],
    );
  });

  it('a customs story that also names a company’s results is still one', () => {
    const text =
      'China exported 1,238 tonnes of rare earth magnets in May, down 74% from a year earlier, customs data showed ' +
      'on Friday. One magnet maker said its net profit would fall as overseas orders were delayed.';
    expect(categories('China’s magnet exports slump 74% in May', text, '2025-06-20')).toEqual(['export_statistics']);
  });
});

describe('a denial is a negation: "denies it will ease", 否认 report no step', () => {
  it('a ministry denying a report that it will ease controls reports no relaxation', () => {
    const text =
      'The commerce ministry on Thursday denied a report that it would exempt European buyers from rare earth ' +
      'licence requirements. "The report is not true," it said.';
    expect(categories('China denies it will ease rare earth export controls for EU', text, '2025-06-26')).toEqual([]);
    const zh = '商务部26日否认将放宽对欧盟的稀土出口管制，称有关报道不实。';
    expect(categories('商务部否认放宽对欧稀土出口管制', zh, '2025-06-26')).toEqual([]);
  });

  it('an easing announced beside a denial of something else still counts', () => {
    const text =
      'China suspended its October rare earth export controls for a year on Friday, and denied that it had bowed ' +
      'to pressure.';
    expect(categories('China suspends rare earth export controls', text, '2025-11-07')).toEqual(['control_relaxation']);
  });
});

describe('近年来 recalls: a commentary that sums up recent years reports no step', () => {
  it('"近年来，国家出台…条例" in a commentary is no regulation', () => {
    const zh =
      '稀土是重要的战略资源。近年来，国家出台《稀土管理条例》，实施总量调控，行业秩序明显好转。面向未来，关键在于提升产业链水平。';
    expect(categories('用好稀土这张牌', zh, '2025-06-18')).toEqual([]);
  });

  it('a regulation issued now is still news', () => {
    const zh = '国务院近日公布《稀土管理条例》，自10月1日起施行。';
    expect(categories('国务院公布稀土管理条例', zh, '2024-06-29')).toEqual(['regulation']);
  });
});

describe('a regulation’s own text (its name as the title, its articles as the body) is a regulation', () => {
  it('a local regulation reposted with its adoption line and articles', () => {
    const body = [
      '（2025年7月30日市人大常委会通过　自2026年1月1日起施行）',
      '第一条　为保护本市稀土资源，依据有关法律、行政法规，结合本市实际，制定本条例。',
      '第二条　本市行政区域内稀土资源的开采、冶炼分离及其监督管理，适用本条例。',
    ].join('\n');
    expect(categories('某市稀土资源保护条例', body, '2025-10-10')).toEqual(['regulation']);
  });

  it('a story headlined with a regulation’s name but about something else is not', () => {
    const body = '业内人士表示，稀土价格本周小幅上涨，市场成交平稳。';
    expect(categories('稀土价格周评', body, '2025-10-10')).toEqual([]);
  });
});

describe('a quota named first and handed down after it (指标已于近期下达) is a batch issued', () => {
  it('an official’s answer that this year’s first batch 已于近期下达, deep in a press conference', () => {
    const body = [
      '国务院新闻办公室今天举行新闻发布会，介绍上半年工业运行情况。',
      '记者：上半年新能源汽车产销情况如何？',
      '负责人：上半年新能源汽车产销同比分别增长41%和40%。',
      '记者：稀土指标是否已经下达？',
      '负责人：今年第一批稀土开采、冶炼分离总量控制指标已于近期下达至相关稀土集团。',
    ].join('\n');
    expect(categories('国新办举行新闻发布会 介绍上半年工业运行情况', body, '2025-07-18')).toEqual(['quota_batch']);
  });

  it('a price report that names a batch handed down is still a price report', () => {
    const body = '首批稀土开采指标已于上月下达，本周氧化镨钕价格小幅上涨，市场成交平稳。';
    expect(categories('稀土价格周评：氧化镨钕小幅上涨', body, '2025-03-14')).toEqual([]);
  });
});

describe('a rumour or a plan under study (市传, 正考虑, 或扩大) is speculation, not a step', () => {
  it('stocks jump on a report that controls may widen', () => {
    const body =
      '有外電報道指，內地正考慮將更多稀土元素及相關技術納入出口管制範圍，消息刺激稀土板塊今日急升。商務部暫未回應。';
    expect(categories('稀土股急升 市傳內地或擴大出口管制範圍', body, '2025-09-30')).toEqual([]);
  });

  it('a decision taken after study (经研究决定) is the step', () => {
    const body = '商务部、海关总署今日发布公告，经研究决定，对钬、铒等5种中重稀土相关物项实施出口管制。';
    expect(categories('两部门对5种中重稀土实施出口管制', body, '2025-10-09')).toEqual(['control_list_addition']);
  });
});

describe('another country’s authority taking a step is not China’s step', () => {
  it('a Malaysian raid and a US rule suspended are no enforcement and no relaxation', () => {
    const raid =
      'KUALA LUMPUR -- Malaysian authorities seized about 1,500 tonnes of rare earth ore and detained six people in ' +
      'a raid on an illegal mining site, state media reported on Thursday.';
    expect(categories('Malaysian authorities seize illegally mined rare earths', raid, '2025-11-20')).toEqual([]);
    const rule =
      'WASHINGTON -- The U.S. Commerce Department on Monday suspended for one year a rule that extended export ' +
      'restrictions to affiliates of listed companies. The step mirrors Beijing, which paused its own rare earth ' +
      'export controls.';
    expect(categories('US eases some chip export curbs on China as truce holds', rule, '2025-11-10')).toEqual([]);
    const zh = '美国商务部10日宣布暂停实施出口管制“关联方规则”一年。此前，中方已暂停实施部分稀土出口管制措施。';
    expect(categories('美国暂停实施出口管制关联方规则', zh, '2025-11-10')).toEqual([]);
  });

  it('China’s step reported by a foreign official, or won by a foreign firm, still counts', () => {
    const said =
      'South Korea’s industry ministry said on Wednesday that China had approved export licences for rare earth ' +
      'magnets bound for several Korean companies.';
    expect(categories('Korean firms win Chinese nod for rare earth magnets', said, '2025-07-02')).toEqual([
      'licence_approval',
    ]);
    const hk =
      'Hong Kong customs seized two tonnes of suspected smuggled rare earth oxides at Lok Ma Chau on Tuesday and ' +
      'arrested a driver.';
    expect(categories('Customs seize smuggled rare earths at border', hk, '2025-08-14')).toEqual(['enforcement']);
  });
});

describe('"measures" are rules only as interim, administrative or management measures', () => {
  it('control measures announced and said to remain are no regulation', () => {
    const text =
      'The ministry said on Thursday that the rare earth export controls remain in force, adding that the ' +
      'suspension announced last month applied only to the measures published in October.';
    expect(categories('China keeps rare earth controls in place', text, '2025-11-20')).toEqual([]);
  });

  it('interim measures issued, or proposed measures put out, are', () => {
    const issued =
      'The industry ministry on Friday issued interim measures for the management of rare earth product ' +
      'traceability, requiring producers to record where their output goes.';
    expect(categories('New rules for rare earth producers', issued, '2025-08-22')).toEqual(['regulation']);
  });
});

describe('Hong Kong 未有 negates, "since then" recalls, an editorial is opinion, a newsletter called a weekly is no price report', () => {
  it('未有透露已批出的許可數量 reports no approval; a licence 批出 is still one', () => {
    const text = '發言人表示會依法加快審查，但未有透露已批出的許可數量。對符合規定的申請，將予以許可。';
    expect(categories('商務部回應稀土出口', text, '2025-06-13')).toEqual([]);
    const granted = '商務部周四表示，已批出一批稀土出口許可，涉及多家歐洲企業。';
    expect(categories('商務部批出稀土出口許可', granted, '2025-06-13')).toEqual(['licence_approval']);
  });

  it('"has approved … since then" is a recollection; "GT Voice:" and 社评 are opinion', () => {
    const since =
      'Export control is a common practice. It is also worth noting that China has approved a considerable number ' +
      'of compliant applications since then.';
    expect(categories('Export control is a responsible choice', since, '2025-06-20')).toEqual([]);
    const voice = 'China has approved a considerable number of compliant rare earth export applications this week.';
    expect(categories('GT Voice: Export control is no weapon', voice, '2025-06-20')).toEqual([]);
    expect(categories('China approves rare earth export applications', voice, '2025-06-20')).toEqual([
      'licence_approval',
    ]);
  });

  it('a newsletter headed "… Weekly" reports the batch its item gives; a rare earths price weekly does not', () => {
    const item =
      'In this issue: the last quota batch of the year, and cobalt.\nRARE EARTHS\nThe ministries last Thursday issued ' +
      'a third batch of 2023 rare earth quotas, setting mining at 15,000 t and smelting at 13,850 t.\nCOBALT\n' +
      'Cobalt prices slipped 3% on the week.';
    expect(categories('The Critical Minerals Weekly – December 18, 2023', item, '2023-12-18')).toEqual(['quota_batch']);
    const prices =
      'NdPr oxide prices rose this week. Traders expect the second batch of mining quotas, which the ministries ' +
      'issued last year in August.';
    expect(categories('Rare earths weekly: NdPr oxide firms', prices, '2025-09-25')).toEqual([]);
  });
});

describe('a headline about import tariffs suspended is about tariffs, not export controls', () => {
  it('暂停对美加征关税, with the export-control suspension recalled, is no relaxation', () => {
    const zh =
      '国务院关税税则委员会今日发布公告，自11月10日起继续暂停实施对美加征24%的关税一年。商务部此前已宣布暂停实施相关出口管制措施。';
    expect(categories('国务院关税税则委员会：继续暂停对美加征24%的关税一年', zh, '2025-11-05')).toEqual([]);
    const en =
      'China said on Wednesday it would keep suspending retaliatory tariffs of 24% on U.S. goods for another year, ' +
      'under a notice that takes effect on Nov 10.';
    expect(categories('China extends pause on retaliatory tariffs on US goods', en, '2025-11-05')).toEqual([]);
  });

  it('a headline naming the export controls suspended beside the tariffs is a relaxation; so are export duties removed', () => {
    const both = '商务部今日宣布暂停实施10月9日公布的稀土出口管制措施一年。';
    expect(categories('中方暂停对美加征关税并暂停实施稀土出口管制措施', both, '2025-11-05')).toEqual([
      'control_relaxation',
    ]);
    const duties = '国务院关税税则委员会发布通知，自5月1日起取消稀土、钨、钼等产品的出口关税。';
    expect(categories('5月1日起取消稀土出口关税', duties, '2015-04-23')).toEqual(['control_relaxation']);
  });
});

describe('a suspension counts against a new control only when it suspends a control in the same clause', () => {
  it('new controls beside a sanction that suspends firms’ import qualification are still new controls', () => {
    const body = [
      '09:45　国务院关税税则委员会公告：对原产于美国的进口商品加征关税。',
      '09:50　商务部、海关总署发布公告，对钐、钆等中重稀土相关物项实施出口管制。',
      '10:10　海关总署公告：暂停3家美国企业产品输华资格。',
    ].join('\n');
    expect(categories('反制措施实时更新', body, '2025-04-04')).toEqual(['control_list_addition']);
  });

  it('an announcement suspending rare earth controls is a relaxation, not a new control', () => {
    const body = '商务部今日发布公告，决定暂停实施对部分稀土相关物项的出口管制措施。';
    expect(categories('商务部公告', body, '2025-11-07')).toEqual(['control_relaxation']);
  });
});

describe('a spun copy writes 管束 for 管制, and a sentence that suspends measures issues no rule', () => {
  it('暂停施行…出口管束办法 in a synonym-spun copy is a relaxation, not a regulation', () => {
    const text = '商务部颁布公告，决议自即日起暂停施行本年10月颁布的有关稀土物项出口管束办法，暂停期为一年。';
    expect(categories('', text, '')).toEqual(['control_relaxation']);
  });

  it('a regulation promulgated is still a regulation; a control spun as 管束 imposed is no relaxation', () => {
    const reg = '国务院近日颁布《稀土管理条例》及配套管理办法，自10月1日起施行。';
    expect(categories('国务院颁布稀土管理条例', reg, '2024-06-29')).toEqual(['regulation']);
    const imposed = '商务部颁布公告，决议对钬、铒等稀土物项施行出口管束，自11月8日起施行。';
    expect(categories('', imposed, '')).not.toContain('control_relaxation');
  });
});

describe('dual-use items banned for a country’s military users are a new control; a step "under new rules" is no rules story', () => {
  it('禁止兩用物項出口至日本軍事用戶, rare earths among the items, is a control; gallium alone is not', () => {
    const zh = '商務部周二發布公告，宣布即日起禁止所有兩用物項出口至日本軍事用戶。相關物項涵蓋稀土、鎵、鍺等關鍵礦產。';
    expect(categories('陸禁止向日本軍事用戶出口兩用物項', zh, '2026-01-07')).toEqual(['control_list_addition']);
    const ga = '商務部宣布即日起禁止兩用物項出口至美國軍事用戶，原則上不予許可鎵、鍺、銻相關物項對美出口。';
    expect(categories('陸禁止鎵鍺銻對美出口', ga, '2024-12-03')).toEqual([]);
    const firms =
      'The commerce ministry added 20 US defence firms to its export control list on Thursday, banning exports of ' +
      'dual-use items to them, including rare earth magnets.';
    expect(categories('China lists US defence firms', firms, '2025-01-02')).toEqual(['enforcement']);
  });

  it('permits granted "under expanded rules" are approvals; a rules story is not', () => {
    const text =
      'The commerce ministry has issued the first export permits for holmium products under the controls that ' +
      'took effect this month, traders said on Tuesday.';
    expect(categories('China grants first rare earth export permits under expanded rules', text, '2025-11-18')).toEqual(
      ['licence_approval'],
    );
    const rules = 'The ministry published rules on how licences for rare earth exports are to be approved.';
    expect(categories('China publishes new rules on rare earth export licences', rules, '2025-11-18')).not.toContain(
      'licence_approval',
    );
  });
});

describe('a headline about another country’s own exports is that country’s trade', () => {
  it('Vietnam’s exports from its own customs are no Chinese customs story', () => {
    const text =
      'Vietnam’s exports of rare earth oxides more than tripled in January-October to about 1,800 tonnes, ' +
      'according to data from Vietnam’s customs department.';
    expect(
      categories('Vietnam’s rare earth exports jump as buyers seek alternatives to China', text, '2025-11-28'),
    ).toEqual([]);
  });

  it('Japan’s imports from China, or China’s exports to Japan, are still China’s customs story', () => {
    const text =
      'China exported 1,016 tonnes of rare earth magnets to Japan in July, up 31% from June, Chinese customs data ' +
      'showed on Wednesday.';
    expect(categories('Japan’s magnet imports from China recover in July', text, '2025-08-20')).toEqual([
      'export_statistics',
    ]);
  });
});
