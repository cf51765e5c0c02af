/**
 * Categories of the twelfth round (the misses of blind parts BH17 and BH18, by class): each block is one general step,
 * with documents written for the test — the step's hit and its near-miss.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';
import { isSpun, unspin } from '../../src/classify/vocabulary/spun.js';

describe('page furniture before the lead is not the lead', () => {
  const notice =
    '工业和信息化部 自然资源部关于下达2027年第一批稀土开采、冶炼分离总量控制指标的通知\n\n' +
    '现将2027年第一批稀土开采、冶炼分离总量控制指标下达给你们，分别为88000吨、84000吨，请认真组织实施。\n\n' +
    '各集团不得超指标组织生产。';
  it('a notice reposted under a breadcrumb and a toolbar of bracketed buttons is still its quota batch', () => {
    const chrome = '当前所在：门户首页 > 政务服务 > 文件转载\n【字体 大 中 小】 【打印此页】 【关闭】\n\n';
    expect(categories('', chrome + notice, '2027-02-20')).toEqual(['quota_batch']);
  });
  it('a notice opening on its salutation (各…主管部门，…集团：) is read from the sentence after it', () => {
    const body =
      '各省、自治区工业和信息化主管部门、自然资源主管部门，各稀土集团：\n\n' +
      '现将2027年第二批稀土开采、冶炼分离总量控制指标下达给你们，分别为88000吨、84000吨。\n\n' +
      '各集团要如实报送执行情况，不得瞒报、谎报，地方要严厉打击私挖盗采行为。';
    expect(categories('', body, '2027-08-20')).toEqual(['quota_batch']);
  });
  it('a link list to other stories before a wire story is not its lead', () => {
    const body =
      'See also:\n- Vietnam weighs new mining permits for heavy rare earths\n' +
      '- Explainer: the rules that will govern China’s rare earth miners\n\n' +
      'BEIJING, Feb 21 - China has released its first batch of rare earth mining and smelting quotas for 2027, ' +
      'setting extraction at 88,000 tons, the industry ministry said on Friday.\n\n' +
      '"Watch the new regulations that enter into force later this year," a broker in Shanghai said.';
    expect(categories('', body, '2027-02-21')).toEqual(['quota_batch']);
  });
  it('near-miss: a bracketed dateline line that goes on into its report is a lead', () => {
    const body = '【本报讯】工业和信息化部今天下达2027年第一批稀土开采、冶炼分离总量控制指标，分别为88000吨、84000吨。';
    expect(categories('', body, '2027-02-20')).toEqual(['quota_batch']);
  });
});

describe("a company's filing reports its exposure, not news", () => {
  it('under a risk-factors heading, licences suppliers hold and controls that may widen are no category', () => {
    const body =
      'Part I — Risk Factors\n\n' +
      'Our supply of terbium and dysprosium comes mostly from refiners in China. Those refiners hold dual-use export ' +
      'licences granted by the Ministry of Commerce, and China has restricted exports of several heavy rare earths. ' +
      'Any tightening of these rules could raise our costs.';
    expect(categories('', body, '2026-03-01')).toEqual([]);
  });
  it('a lead in which the company says it could be harmed marks a filing without a heading', () => {
    const body =
      'We rely on Chinese processors for separated oxides, and new export restrictions could materially affect our ' +
      'margins. In April China added seven heavy rare earths to its export control list.';
    expect(categories('', body, '2026-03-01')).toEqual([]);
  });
  it('near-miss: a company announcing that its licence was approved is still an approval', () => {
    const body =
      'Lantern Magnetics said on Monday that the Ministry of Commerce had approved its application for a dual-use ' +
      'export licence covering dysprosium magnets shipped to Germany.';
    expect(categories('', body, '2026-03-02')).toEqual(['licence_approval']);
  });
});

describe('spun copy: more of the spinner vocabulary, the ordinary-word substitutes only in spun text', () => {
  it('a spun quota story (吐露, 团体, 总额管控目标, 增添) reads as its source', () => {
    const body =
      '据业内吐露，两部门已向各稀土团体下发2027年第一批稀土采掘、冶炼剥离总额管控目标，采掘目标为8.8万吨，' +
      '较上年同批增添约5%。有剖析称上游资本扩张趋缓。';
    expect(isSpun(body)).toBe(true);
    expect(unspin('总额管控目标')).toBe('总量控制指标');
    expect(categories('', body, '2027-02-25')).toEqual(['quota_batch']);
  });
  it('a spun approval story (发言职员, 先容, 准许) reads as its source', () => {
    const body =
      '商务部新闻发言职员先容，商务部已核准若干企业的通用准许申请，获批企业可在有效期内多次出口。发言职员表示将为合规贸易供给便当。';
    expect(isSpun(body)).toBe(true);
    expect(categories('', body, '2027-03-05')).toEqual(['licence_approval']);
  });
  it('near-miss: ordinary words of the second table (目标, 资本, 团体) never make a text read as spun', () => {
    const plain = '公司今年的经营目标是扩大资本开支，并与多家团体客户签约。';
    expect(isSpun(plain)).toBe(false);
    expect(categories('', plain, '2027-03-05')).toEqual([]);
  });
});

describe("another country's own measure under a wire dateline is that country's story", () => {
  it('"MANILA: the Philippines will keep its ban …" with China\'s standing controls in the body is no category', () => {
    const body =
      'MANILA: The Philippines will keep its ban on shipping raw nickel and rare earth ore abroad, the mines bureau ' +
      'said. China, the largest refiner, has banned the export of rare earth separation technology since 2023.';
    expect(categories('', body, '2026-06-10')).toEqual([]);
  });
  it('near-miss: a dateline before China taking the step leaves it a control', () => {
    const body =
      'BEIJING, June 10 (Reuters) - China will ban the export of rare earth separation technology from July 1, the ' +
      'commerce ministry said on Tuesday.';
    expect(categories('', body, '2026-06-10')).toEqual(['control_list_addition']);
  });
});

describe('a crackdown kept up, said in passing in a briefing, is no enforcement news', () => {
  const opening =
    'Ministry of Commerce regular press conference\n\nSpokesperson: Good afternoon.\n\n' +
    'AFP: Have any licences been granted to Japanese magnet buyers?\n\n' +
    'Spokesperson: The competent departments have approved a number of compliant applications this month.\n\n' +
    'Kyodo: How will the ministry respond to reports of transshipment?\n\n';
  it('"has long been cracking down on smuggling" leaves the answer an approval only', () => {
    const body = opening + 'Spokesperson: China has long been cracking down on the smuggling of controlled minerals.';
    expect(categories('', body, '2026-07-09')).toEqual(['licence_approval']);
  });
  it('near-miss: a crackdown announced in the answer is enforcement', () => {
    const body =
      opening +
      'Spokesperson: This week customs seized 4 tonnes of smuggled dysprosium oxide and detained six suspects.';
    expect(categories('', body, '2026-07-09')).toEqual(['enforcement', 'licence_approval']);
  });
});

describe('a crackdown stepped up over recent years (近年加强打击) is a standing state, not news', () => {
  const quota = '知情人士称，两部门已向稀土集团下达今年首批稀土开采、冶炼分离配额，较去年同期略有增加。\n\n';
  it('beside a quota story it adds no enforcement', () => {
    expect(categories('', quota + '另外，内地近年不断加强打击稀土走私。', '2027-03-01')).toEqual(['quota_batch']);
  });
  it('near-miss: the seizure a story reports after such a clause is still enforcement', () => {
    expect(
      categories('', '内地近年不断加强打击稀土走私，海关昨日在边境查获走私稀土3吨，抓获犯罪嫌疑人两名。', '2027-03-01'),
    ).toEqual(['enforcement']);
  });
});

describe('an approval told by 许可 as the verb (已许可, 已准予), as a spun copy reads once mapped back', () => {
  it('"目前已许可一批合规申请" is an approval', () => {
    expect(
      categories('', '商务部发言人介绍，相关部门依法审查稀土物项出口申请，目前已许可一批合规申请。', '2027-04-02'),
    ).toEqual(['licence_approval']);
  });
  it('near-miss: a promise to license (将依法予以许可) is not', () => {
    expect(
      categories('', '商务部发言人表示，对于符合规定的稀土物项出口申请，商务部将依法予以许可。', '2027-04-02'),
    ).toEqual([]);
  });
});
