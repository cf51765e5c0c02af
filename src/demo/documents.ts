import {
  BACKGROUND_LINES,
  type GovDoc,
  type MiitNotice,
  type MofcomDoc,
  type MonthRelease,
  type Story,
} from './sites/index.js';

/**
 * Documents the fixtures publish, written as the real sites write them (shared sources.md). Quota, announcement and
 * trade figures are the real published ones (shared figures-history.md), except GAC's 2026 monthly tables, whose
 * values are illustrative (no 2026 GAC table was available): they are marked so in the demo's output.
 */

export const MIIT_QUOTA_2023_3: MiitNotice = {
  slug: 'quota-2023-3',
  title: '工业和信息化部 自然资源部关于下达2023年第三批稀土开采、冶炼分离总量控制指标的通知',
  date: '2023-12-27',
  columns: ['ycls', 'tz'],
  body: `工信部联原〔2023〕245号
各省、自治区、直辖市工业和信息化主管部门、自然资源主管部门，中国稀土集团有限公司、中国北方稀土（集团）高科技股份有限公司：
一、2023年第三批稀土开采、冶炼分离总量控制指标分别为15000吨、13850吨。
二、2023年度稀土开采、冶炼分离总量控制指标分别为255000吨、243850吨。
工业和信息化部 自然资源部
2023年12月14日`,
};

export const MIIT_DIGITAL_PLAN: MiitNotice = {
  slug: 'digital-plan',
  title: '工业和信息化部关于印发《原材料工业数字化转型工作方案（2024—2026年）》的通知',
  date: '2024-01-10',
  columns: ['ycls', 'tz'],
  body: '各省、自治区、直辖市工业和信息化主管部门：现将《原材料工业数字化转型工作方案（2024—2026年）》印发给你们，请结合实际认真贯彻落实。',
};

export const MIIT_QUOTA_2024_1: MiitNotice = {
  slug: 'quota-2024-1',
  title: '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
  date: '2024-02-06',
  columns: ['ycls', 'tz'],
  body: `工信部联原〔2024〕25号
各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门、自然资源主管部门，中国稀土集团有限公司、中国北方稀土（集团）高科技股份有限公司：
现将2024年第一批稀土开采、冶炼分离总量控制指标（以下简称控制指标）下达给你们，并就有关事项通知如下：
一、2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨，两家稀土集团的分解情况见附件1。
二、各稀土集团要严格按照下达的控制指标组织生产，不得超指标生产；冶炼分离产能低于2000吨(折稀土氧化物)/年的企业不得新增指标。
三、各地工业和信息化、自然资源主管部门要加强监督检查，严厉打击非法开采、违规冶炼分离等行为。
附件：1.2024年第一批稀土开采、冶炼分离总量控制指标分解表
工业和信息化部 自然资源部
2024年2月6日`,
};

export const MOFCOM_NO46_2024: MofcomDoc = {
  slug: 'mofcom-2024-46',
  title: '商务部公告2024年第46号 关于加强相关两用物项对美国出口管制的公告',
  date: '2024-12-03',
  number: '商务部公告2024年第46号',
  columns: ['zcfb', 'aqygzj'],
  body: '根据《中华人民共和国出口管制法》等法律法规有关规定，为维护国家安全和利益、履行防扩散等国际义务，决定加强相关两用物项对美国出口管制。\n本公告自公布之日起正式实施。',
};

export const MOFCOM_NO18_2025: MofcomDoc = {
  slug: 'mofcom-2025-18',
  title: '商务部 海关总署公告2025年第18号 公布对部分中重稀土相关物项实施出口管制的决定',
  date: '2025-04-04',
  number: '商务部 海关总署公告2025年第18号',
  columns: ['zcfb', 'aqygzj'],
  body: `根据《中华人民共和国出口管制法》《中华人民共和国两用物项出口管制条例》等法律法规有关规定，为维护国家安全和利益、履行防扩散等国际义务，经国务院批准，决定对钐、钆、铽、镝、镥、钪、钇类相关物项实施出口管制。有关事项公告如下：
一、下列物项未经许可，不得出口：
（一）钐类相关物项。1C902.a 金属钐、钐合金、氧化钐等，参考海关商品编号：2805301910、2846901920。
（二）钆类相关物项。1C902.b 金属钆、钆合金、氧化钆等，参考海关商品编号：2805301200。
二、出口经营者应当按照《中华人民共和国两用物项出口管制条例》有关规定办理出口许可手续。
三、本公告自公布之日起正式实施。
商务部 海关总署
2025年4月4日`,
};

export const MOFCOM_NO70_2025: MofcomDoc = {
  slug: 'mofcom-2025-70',
  title: '商务部公告2025年第70号 关于暂停实施商务部公告2025年第61号的公告',
  date: '2025-11-07',
  number: '商务部公告2025年第70号',
  columns: ['zcfb', 'aqygzj'],
  body: `根据《中华人民共和国出口管制法》等法律法规有关规定，经研究，现将有关事项公告如下：
商务部公告2025年第61号（关于对境外相关稀土物项实施出口管制的决定）自即日起暂停实施，至2026年11月10日。
本公告自发布之日起实施。
商务部
2025年11月7日`,
};

export const MOFCOM_QA_OLD: MofcomDoc = {
  slug: 'mofcom-qa-ev',
  title: '商务部新闻发言人就欧盟对华电动汽车反补贴调查终裁答记者问',
  date: '2024-10-30',
  columns: ['xwfyrth'],
  body: '问：欧盟公布对华电动汽车反补贴调查终裁结果，商务部有何评论？答：中方不认同、不接受这一裁决。',
};

export const MOFCOM_LICENCE_QA: MofcomDoc = {
  slug: 'mofcom-qa-licences',
  title: '商务部新闻发言人就稀土相关物项出口许可答记者问',
  date: '2025-06-07',
  columns: ['xwfyrth', 'aqygzj'],
  body: `问：近期，有关方面关注中方稀土相关物项出口许可审批情况，请问商务部有何回应？
答：稀土相关物项具有军民两用属性，对其实施出口管制是国际通行做法。中方已依法批准了一定数量的合规申请，并将继续加强合规申请的审批工作。中方愿与有关国家加强出口管制对话交流，促进合规贸易便利化。`,
};

export const MOFCOM_PRESS_OLD: MofcomDoc = {
  slug: 'mofcom-press-0522',
  title: '商务部召开例行新闻发布会（2025年5月22日）',
  date: '2025-05-22',
  columns: ['xwfbh'],
  body: '新闻发言人：今天的发布会，我们介绍消费品以旧换新工作进展。',
};

export const MOFCOM_PRESS_0612: MofcomDoc = {
  slug: 'mofcom-press-0612',
  title: '商务部召开例行新闻发布会（2025年6月12日）',
  date: '2025-06-12',
  columns: ['xwfbh'],
  body: `新闻发言人何亚东：各位记者朋友，下午好。今天的发布会，我先介绍服务消费季有关情况。
问：近期稀土出口许可审批进展如何？
答：商务部作为出口管制主管部门，依法对稀土相关物项出口许可申请进行审查，已依法批准了一定数量的合规申请，并将持续加强合规申请审批工作。`,
};

export const MOFCOM_PRESS_0605_OTHER: MofcomDoc = {
  slug: 'mofcom-press-0529',
  title: '商务部召开例行新闻发布会（2025年5月29日）',
  date: '2025-05-29',
  columns: ['xwfbh'],
  body: '新闻发言人：今天的发布会，我们介绍第三届链博会筹备情况和消费品以旧换新进展。',
};

/** GAC 2026 monthly releases (illustrative values: no 2026 GAC table was available). */
export function gacRelease(month: number, rareEarth: { quantity: number; quantityYoy: number }): MonthRelease {
  const day = month === 12 ? 14 : 9;
  return {
    year: 2026,
    month,
    date: month === 12 ? '2027-01-14' : `2026-${String(month + 1).padStart(2, '0')}-${day}`,
    exports: [
      ...BACKGROUND_LINES.slice(0, 11),
      {
        name: '稀土',
        unit: '吨',
        quantity: rareEarth.quantity,
        value: Math.round(rareEarth.quantity * 6.3),
        quantityYoy: rareEarth.quantityYoy,
        valueYoy: -4.1,
      },
      ...BACKGROUND_LINES.slice(11),
    ],
  };
}

export const GOV_SAVE_ENERGY: GovDoc = {
  id: 6954322,
  title: '国务院关于印发《2024—2025年节能降碳行动方案》的通知',
  date: '2024-05-29',
  feed: 'zuixin',
  body: '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：现将《2024—2025年节能降碳行动方案》印发给你们，请认真贯彻执行。',
};

export const GOV_REGULATION: GovDoc = {
  id: 6960160,
  title: '李强签署国务院令 公布《稀土管理条例》',
  date: '2024-06-29',
  feed: 'zuixin',
  body: `新华社北京6月29日电 国务院总理李强日前签署第785号国务院令，公布《稀土管理条例》（以下简称《条例》），自2024年10月1日起施行。
《条例》指出，稀土资源属于国家所有，任何组织和个人不得侵占或者破坏稀土资源。国家对稀土开采和稀土冶炼分离实行总量调控，并优化动态管理。
第一章 总则
第一条 为了有效保护和合理开发利用稀土资源，促进稀土产业高质量发展，维护生态安全，保障国家资源安全和产业安全，根据有关法律，制定本条例。
第二条 在中华人民共和国境内从事稀土的开采、冶炼分离、金属冶炼、综合利用、产品流通、进出口等活动，适用本条例。`,
};

export const GOV_JIEDU_OLD: GovDoc = {
  id: 6954400,
  title: '国家发展改革委有关负责同志就《2024—2025年节能降碳行动方案》答记者问',
  date: '2024-05-29',
  feed: 'jiedu',
  body: '问：行动方案出台的背景是什么？答：节能降碳是积极稳妥推进碳达峰碳中和的重要举措。',
};

export const GOV_JIEDU_REGULATION: GovDoc = {
  id: 6960180,
  title: '司法部、工业和信息化部负责人就《稀土管理条例》答记者问',
  date: '2024-06-29',
  feed: 'jiedu',
  body: `问：请简要介绍一下《稀土管理条例》出台的背景。
答：稀土是不可再生的重要战略资源。为了有效保护和合理开发利用稀土资源，制定《稀土管理条例》，条例自2024年10月1日起施行，对稀土开采、冶炼分离实行总量调控，并建立产品追溯制度。`,
};

const at = (d: string) => `${d}T08:30:00Z`;
export const COPPER: Story = {
  slug: 'copper-steady',
  title: 'Copper prices steady as dollar firms',
  date: at('2024-01-09'),
  body: 'Copper prices were steady on Tuesday as the dollar firmed.',
};

export const NEWS = {
  quotaEn: {
    slug: 'china-raises-2024-rare-earths-mining-quota',
    title: 'China raises 2024 rare earths mining quota by 12.5% y/y',
    date: at('2024-02-07'),
    body: 'China has set the first batch of 2024 rare earth mining quotas at 135,000 metric tons, up 12.5% from the same batch last year, the Ministry of Industry and Information Technology said.\nThe first batch of 2024 smelting and separation quotas was set at 127,000 tons, up 10.4% year on year.',
  },
  suspendEn: {
    slug: 'china-suspends-rare-earth-export-controls',
    title: 'China suspends rare earth export controls announced in October',
    date: at('2025-11-07'),
    body: "China's commerce ministry said on Friday it would suspend the export controls on rare earths announced in October until Nov. 10, 2026, easing curbs that had rattled global manufacturers.",
  },
  mayExports: {
    slug: 'china-rare-earth-exports-rose-23-in-may',
    title: "China's rare earth exports rose 23% in May despite export restrictions",
    date: at('2025-06-09'),
    body: 'China exported 5,864.6 metric tons of rare earths in May, up 23% from April, customs data showed on Monday.\nFor the first five months, exports totalled 24,827 tons, up 2.3% year on year.',
  },
  quotaZh: {
    slug: 'gxb-2024-1-quota',
    title: '工信部下达2024年第一批稀土开采、冶炼分离总量控制指标',
    date: at('2024-02-07'),
    body: '工业和信息化部、自然资源部近日下达2024年第一批稀土开采、冶炼分离总量控制指标，分别为13.5万吨和12.7万吨，较2023年第一批分别增长12.5%和10.4%。',
  },
  controlsZh: {
    slug: 'mofcom-7-heavy-ree-controls',
    title: '商务部 海关总署：对钐、钆、铽、镝、镥、钪、钇等7类中重稀土相关物项实施出口管制',
    date: at('2025-04-04'),
    body: '商务部、海关总署4日发布公告，决定对钐、钆、铽、镝、镥、钪、钇类相关物项实施出口管制，公告自公布之日起正式实施。',
  },
  magnetsMarch: {
    slug: 'china-rare-earth-magnet-exports-fall-in-march',
    title: "China's rare earth magnet exports fall 1.6% in March",
    date: at('2026-04-20'),
    body: "China's exports of rare earth magnets fell 1.6% in March from a year earlier to 5,238 metric tons, customs data showed on Monday, but rose 10.5% from February.\nIn the first quarter, magnet exports totalled 16,001 tons, up 4.8% year on year.",
  },
  record2025: {
    slug: 'china-rare-earth-exports-2025-record',
    title: "China's rare earth exports in 2025 highest since at least 2014",
    date: at('2026-01-14'),
    body: 'China exported 62,585.2 tonnes of rare earths in 2025, up 12.9 percent year-on-year, the highest since at least 2014, according to data from the General Administration of Customs.',
  },
  licencesScmp: {
    slug: 'china-approves-rare-earth-export-licences',
    title: 'China approves some rare earth export licences as trade talks continue',
    date: at('2025-06-08'),
    body: "China's commerce ministry said it had approved a certain number of compliant applications for exports of rare earth items and would continue to strengthen the approval of compliant applications.",
  },
  smugglingScmp: {
    slug: 'china-cracks-down-on-strategic-minerals-smuggling',
    title: 'China launches crackdown on smuggling of strategic minerals including rare earths',
    date: at('2025-05-12'),
    body: 'Chinese authorities launched a campaign to crack down on the smuggling of strategic minerals, including rare earths, the export control office said, warning of severe penalties for violators.',
  },
  novemberZh: {
    slug: 'hgzs-11-xitu-chukou',
    title: '海关总署：11月我国出口稀土5493.9吨 同比增长24.4%',
    date: at('2025-12-08'),
    body: '海关总署公布的数据显示，2025年11月我国出口稀土5493.9吨，同比增长24.4%，环比增长26.5%。\n1至11月累计出口稀土58193.1吨，同比增长11.7%。',
  },
  licencesGt: {
    slug: 'mofcom-approves-compliant-rare-earth-applications',
    title: 'MOFCOM says it has approved compliant rare earth export applications',
    date: at('2025-06-12'),
    body: 'China has approved a certain number of compliant applications for rare earth exports in accordance with the law, the Ministry of Commerce spokesperson said on Thursday, adding that it would continue to strengthen the approval of compliant applications.',
  },
} satisfies Record<string, Story>;
