import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, loadRules } from '../../src/classify/index.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';
import type { Figure } from '../../src/types.js';

const loaded = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]);
if (!loaded.rules) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
const rules = loaded.rules;
const run = (title: string, text: string, date = '2025-07-20') => classify({ title, text, date }, rules);
const categories = (title: string, text: string, date?: string) =>
  run(title, text, date).categories.map((c) => c.category);
const figures = (title: string, text: string, date?: string) =>
  run(title, text, date).figures.map(({ metric, value, period, batch, change_pct, change_basis }) => ({
    metric,
    value,
    period,
    batch,
    change_pct,
    change_basis,
  }));
const fig = (metric: string, value: number, period: string | null, extra: Partial<Figure> = {}) => ({
  metric,
  value,
  period,
  batch: null,
  change_pct: null,
  change_basis: null,
  ...extra,
});

describe('figures from quota notices', () => {
  it('reads "分别为" lists in order, the batch from the title and the 岩矿型/离子型 split of the mining quota', () => {
    const title = '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知';
    const text =
      '2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨（其中岩矿型稀土指标124900吨，离子型稀土指标10100吨）。';
    expect(figures(title, text, '2024-02-06')).toEqual([
      fig('mining_quota', 135000, '2024', { batch: 1 }),
      fig('smelting_quota', 127000, '2024', { batch: 1 }),
      fig('mining_quota_light', 124900, '2024', { batch: 1 }),
      fig('mining_quota_ion_adsorption', 10100, '2024', { batch: 1 }),
    ]);
    expect(categories(title, text, '2024-02-06')).toEqual(['quota_batch']);
  });

  it('turns 万吨 and full-width digits into tonnes, and 前两批合计 into year-to-date totals without a batch', () => {
    const text =
      '第二批开采指标为１０．９２万吨，冶炼分离指标为104,800吨。前两批合计开采指标21万吨，冶炼分离指标20.2万吨。';
    expect(figures('2022年第二批稀土指标下达', text, '2022-08-17')).toEqual([
      fig('mining_quota', 109200, '2022', { batch: 2 }),
      fig('smelting_quota', 104800, '2022', { batch: 2 }),
      fig('mining_quota_ytd', 210000, '2022'),
      fig('smelting_quota_ytd', 202000, '2022'),
    ]);
  });

  it('reads English batches with "respectively" changes and a full-year total', () => {
    const text =
      'China set its second batch of 2024 rare earth mining quotas at 135,000 metric tons and smelting and separation quotas at 127,000 tons, up 12.5% and 10.4% respectively from a year earlier. That brings the total for the year to 270,000 tons of mining quota.';
    expect(figures('China issues second batch of 2024 rare earth quotas', text, '2024-08-21')).toEqual([
      fig('mining_quota', 135000, '2024', { batch: 2, change_pct: 12.5, change_basis: 'yoy' }),
      fig('smelting_quota', 127000, '2024', { batch: 2, change_pct: 10.4, change_basis: 'yoy' }),
      fig('mining_quota', 270000, '2024'),
    ]);
  });
});

describe('figures from customs releases', () => {
  it('gives a value stated with y/y and m/m changes as two figures, with signs, and a month without a year from the document date', () => {
    const text = '海关总署数据显示，6月中国出口稀土永磁3188吨，环比增长157.5%，同比下降38.1%。其中对美国出口353吨。';
    expect(figures('6月稀土永磁出口环比大增', text, '2025-07-20')).toEqual([
      fig('magnet_exports', 3188, '2025-06', { change_pct: 157.5, change_basis: 'mom' }),
      fig('magnet_exports', 3188, '2025-06', { change_pct: -38.1, change_basis: 'yoy' }),
      fig('magnet_exports_to_us', 353, '2025-06'),
    ]);
  });

  it('reads cumulative months as an interval, 上半年 as H1, and a December figure reported in January as last year', () => {
    expect(figures('稀土出口', '1-5月累计出口稀土24827吨，同比增长2.3%。', '2025-06-09')).toEqual([
      fig('rare_earth_exports', 24827, '2025-01/2025-05', { change_pct: 2.3, change_basis: 'yoy' }),
    ]);
    expect(figures('稀土出口', '上半年出口稀土32569.2吨。', '2025-07-14')).toEqual([
      fig('rare_earth_exports', 32569.2, '2025-H1'),
    ]);
    expect(
      figures(
        'Rare earth exports',
        'China exported 3,326 tons of rare earths in December, customs data showed.',
        '2025-01-13',
      ),
    ).toEqual([fig('rare_earth_exports', 3326, '2024-12')]);
  });

  it('reads "62.585 metric tons" of national exports as 62,585 t, and keeps background months apart', () => {
    expect(
      figures(
        'China 2025 rare earth exports hit record',
        'China exported 62.585 metric tons of rare earths in 2025, customs data showed.',
        '2026-01-14',
      ),
    ).toEqual([fig('rare_earth_exports', 62585, '2025')]);
    const text =
      "China's exports of rare earth magnets jumped 157.5% from May to 3,188 tonnes in June. In May, exports had slumped to 1,238 tonnes.";
    expect(figures('Magnet exports rebound', text, '2025-07-20')).toEqual([
      fig('magnet_exports', 3188, '2025-06', { change_pct: 157.5, change_basis: 'mom' }),
      fig('magnet_exports', 1238, '2025-05'),
    ]);
  });

  it('reads traditional characters and HTML remnants', () => {
    const text = '<p>據海關總署數據，6月稀土出口7742.2噸，同比增長60%。</p>&nbsp;';
    expect(figures('6月稀土出口大增', text, '2025-07-20')).toEqual([
      fig('rare_earth_exports', 7742.2, '2025-06', { change_pct: 60, change_basis: 'yoy' }),
    ]);
    expect(categories('6月稀土出口大增', text, '2025-07-20')).toEqual(['export_statistics']);
  });

  it('takes no prices, export values, smuggling seizures or shares as tonnage figures', () => {
    const text = '氧化镨钕价格报42万元/吨。出口额4.9亿美元，同比下降36%。海关查获走私稀土20吨。中国稀土产量占全球70%。';
    expect(figures('稀土市场周评', text, '2025-07-20')).toEqual([]);
  });
});

describe('categories', () => {
  it('names a rare-earth export control and the elements, document number, HS code and effective date it gives', () => {
    const title = '商务部 海关总署公告2025年第18号 关于对部分中重稀土相关物项实施出口管制的决定';
    const text =
      '根据《中华人民共和国出口管制法》，决定对钐、钆、铽、镝、镥、钪、钇相关物项实施出口管制（海关商品编号2805301900）。本公告自2025年4月4日起正式实施。';
    const result = run(title, text, '2025-04-04');
    expect(result.categories.map((c) => c.category)).toEqual(['control_list_addition']);
    expect(result.categories[0]!.evidence.length).toBeGreaterThan(0);
    expect(result.entities).toMatchObject({
      elements: ['Sc', 'Y', 'Sm', 'Gd', 'Tb', 'Dy', 'Lu'],
      documentNumbers: ['商务部 海关总署公告2025年第18号'],
      hsCodes: ['2805301900'],
      effectiveDates: ['2025-04-04'],
    });
  });

  it('does not call gallium, germanium or graphite controls rare-earth controls', () => {
    expect(
      categories(
        '商务部 海关总署关于对镓、锗相关物项实施出口管制的公告',
        '决定对镓、锗相关物项实施出口管制，自2023年8月1日起正式实施。',
        '2023-07-03',
      ),
    ).toEqual([]);
    expect(
      categories(
        'China to restrict graphite exports',
        'China imposes export controls on some graphite products to protect national security.',
        '2023-10-20',
      ),
    ).toEqual([]);
  });

  it('does not call a price commentary that mentions quotas a quota batch, nor a history paragraph a new control', () => {
    expect(
      categories(
        '稀土价格周评：氧化镨钕小幅上涨',
        '市场预期今年第一批稀土开采指标将有所增加，氧化镨钕价格本周上涨2%。',
        '2025-03-01',
      ),
    ).not.toContain('quota_batch');
    expect(
      categories(
        'Rare earths: a look back',
        'In 2010, China restricted rare earth exports to Japan, and the WTO later ruled against its export quotas.',
        '2025-03-01',
      ),
    ).toEqual([]);
  });

  it('recognises a suspension as a relaxation, not a new control', () => {
    const title = '商务部公告2025年第70号 关于暂停实施2025年第61号公告的公告';
    const text = '决定暂停实施商务部公告2025年第61号关于对境外相关稀土物项实施出口管制的决定，至2026年11月10日。';
    expect(categories(title, text, '2025-11-07')).toEqual(['control_relaxation']);
  });

  it('recognises licence approvals and enforcement, in both languages', () => {
    expect(
      categories(
        '商务部新闻发言人答记者问',
        '商务部依法对稀土相关物项出口许可申请进行审查，已批准了一定数量的合规申请。',
        '2025-06-12',
      ),
    ).toEqual(['licence_approval']);
    expect(
      categories(
        'China vows crackdown on rare earth smuggling',
        'Authorities launched a campaign to crack down on smuggling of strategic minerals including rare earths.',
        '2025-05-12',
      ),
    ).toContain('enforcement');
  });

  it('keeps the news of a story apart from what its analysts and its background mention', () => {
    // A statistics story that explains the rise by a suspension is statistics, not a relaxation.
    expect(
      categories(
        '11月稀土永磁出口6150吨 环比增长12%',
        '据海关总署12月20日公布的数据，11月我国稀土永磁出口6150吨，环比增长12%。市场分析认为，商务部宣布暂停实施部分出口管制措施后，订单明显增加。',
        '2025-12-20',
      ),
    ).toEqual(['export_statistics']);
    // A region "seized by an armed group" is not a customs seizure; customs data about gallium is not rare-earth data.
    expect(
      categories(
        'Myanmar conflict hits rare earth ore supply',
        'Kachin state, where much of the ore is mined, was seized by an armed group. Chinese customs data show no gallium has been shipped to the United States.',
        '2025-01-13',
      ),
    ).toEqual([]);
    // Another mineral's quota notice that recalls the rare-earth quota is not a rare-earth quota batch.
    expect(
      categories(
        '自然资源部下达2024年第一批钨矿开采总量控制指标',
        '钨精矿开采总量控制指标为62000吨，对超指标开采行为依法查处。此前稀土开采指标已于2月公布。',
        '2024-04-10',
      ),
    ).toEqual([]);
  });

  it('calls a company blacklisting enforcement, and a statement that quotas were raised, in passing, nothing', () => {
    expect(
      categories(
        'China puts US firms on export control list',
        'The commerce ministry added 28 US entities to its export control list on Thursday, banning exports of dual-use items including rare earths to them.',
        '2025-01-02',
      ),
    ).toEqual(['enforcement']);
    expect(
      categories(
        'China June rare earth exports at 4,012 tonnes - customs',
        'China exported 4,012 tonnes of rare earths in June, customs data showed. Prices rose this year, while Beijing has raised output quotas to meet demand.',
        '2021-07-13',
      ),
    ).toEqual(['export_statistics']);
  });

  it('reads everyday wire phrasing: a pause, control targets, a court case; a state is not an event', () => {
    expect(
      categories(
        'Beijing hits pause on October rare earth rules',
        'China has suspended for a year the rare earth controls it unveiled in early October.',
        '2025-11-08',
      ),
    ).toEqual(['control_relaxation']);
    expect(
      categories(
        "China's second 2023 rare earth quota batch mirrors the first",
        'The ministries handed down the second batch of 2023 rare earth mining and smelting/separation control targets, at 120,000 mt and 115,000 mt respectively.',
        '2023-09-26',
      ),
    ).toContain('quota_batch');
    expect(
      categories(
        '非法开采离子型稀土矿 江西一团伙主犯获刑七年',
        '赣州市中级人民法院对一起非法采矿案作出二审裁定，被告人因非法开采离子型稀土矿被判处有期徒刑。',
        '2025-03-10',
      ),
    ).toEqual(['enforcement']);
    // General licences granted while the October controls "remain suspended": licence news, not a new suspension.
    expect(
      categories(
        'China says it has issued general licences to some rare earth exporters',
        'The commerce ministry said it had granted general licences to some exporters. The controls announced in October remain suspended.',
        '2025-12-04',
      ),
    ).toEqual(['licence_approval']);
    // Scrap (the noun) on the control list is an addition, not scrapping a control.
    expect(
      categories(
        'China expands rare earth curbs to mining know-how',
        'China broadened its export controls on rare earths, and puts technologies for the recycling of rare earth scrap on the control list.',
        '2025-10-09',
      ),
    ).toEqual(['control_list_addition']);
  });

  it('keeps a control recalled in a statistics or earnings story, and a figure recalled in a control story, as context', () => {
    // A figure recalled in a story about new controls: the controls are the news.
    expect(
      categories(
        'China sharply widens rare earth export curbs ahead of talks',
        'China on Thursday widened its rare earth export controls to cover foreign-made products. The April curbs already showed its leverage. Magnet shipments slumped to 1,238 metric tons in May.',
        '2025-10-10',
      ),
    ).toEqual(['control_list_addition']);
    // Controls recalled in an earnings story, and other metals added "though rare earths were not among them".
    expect(
      categories(
        'China Northern Rare Earth sees first-half profit soaring as prices recover',
        "Shares rose 4.2%, extending gains of more than 40% since April, when Beijing's export controls on some heavy rare earths put the sector in the spotlight.",
        '2025-07-10',
      ),
    ).toEqual([]);
    expect(
      categories(
        "China's rare earth exports dip 3% in first two months",
        'China exported 8,511 t of rare earths in January and February, data from the General Administration of Customs showed. Beijing added a handful of metals to its export control list in February, though rare earths themselves were not among them.',
        '2025-03-07',
      ),
    ).toEqual(['export_statistics']);
    // A preview of data still to come is not a release; a blacklisting that names US companies is China's own action.
    expect(
      categories(
        "Preview: China's May magnet export data due on Friday",
        'Customs data on Friday will show magnet exports for May; analysts expect shipments of about 1,300 tons.',
        '2025-06-18',
      ),
    ).toEqual([]);
    expect(
      categories(
        'China hits back with rare earth export curbs, blacklists US firms',
        "China on Friday put export restrictions on seven rare earth elements and added 11 U.S. firms to its unreliable entity list, responding to Washington's tariffs.",
        '2025-04-04',
      ),
    ).toEqual(expect.arrayContaining(['control_list_addition', 'enforcement']));
  });

  it('gives no category to a passing mention in a story about something else', () => {
    // Export figures recalled in a control announcement's story, and in a smuggling case.
    expect(
      categories(
        '商务部：对钬、铒、铥、铕、镱等五种中重稀土相关物项实施出口管制',
        '商务部决定对钬、铒、铥、铕、镱相关物项实施出口管制。海关数据显示，8月稀土永磁出口量为6146吨。',
        '2025-10-09',
      ),
    ).toEqual(['control_list_addition']);
    expect(
      categories(
        '华南一海关破获走私稀土案 查获氧化镝等稀土产品12.6吨',
        '海关缉私部门查获一起走私稀土案。海关总署数据显示，1-5月我国稀土出口24827吨。',
        '2025-06-20',
      ),
    ).toEqual(['enforcement']);
    // The April controls given as the reason for a month's drop.
    expect(
      categories(
        "China's rare earth magnet exports sink 74% in May as licence curbs bite",
        'Magnet exports fell to 1,238 tonnes in May, customs data showed, after Beijing added seven rare earths and magnets containing them to its export control list in April.',
        '2025-06-20',
      ),
    ).toEqual(['export_statistics']);
    // Another metal's suspension that says rare earths are not covered; an opinion piece; a history of the regulation.
    expect(
      categories(
        'China suspends ban on gallium, germanium and antimony exports to United States',
        'China suspends ban on gallium, germanium and antimony exports to the US. The suspension does not cover rare earths.',
        '2025-11-10',
      ),
    ).toEqual([]);
    expect(
      categories(
        'Opinion: three decades of rare earth leverage',
        'China ended its export quotas in 2014, and Beijing dropped the export duties a year later.',
        '2025-12-01',
      ),
    ).toEqual([]);
    expect(
      categories(
        '从“中东有石油”到总量调控：中国稀土管理三十年',
        '2024年10月1日，《稀土管理条例》正式施行。',
        '2025-10-01',
      ),
    ).toEqual([]);
  });

  it('takes a suspension recalled with "last month" or in a year of data as context, and an export quota only as export_quota', () => {
    expect(
      categories(
        'China starts granting general licences for rare earth exports',
        'The commerce ministry said it had granted general licences to some exporters. Last month Beijing suspended for a year the sweeping curbs it announced on Oct. 9.',
        '2025-12-05',
      ),
    ).toEqual(['licence_approval']);
    expect(
      categories(
        "China's rare earth exports hit record in 2025 despite curbs",
        'China exported 62,585 tonnes of rare earths in 2025, customs data showed. The data covers the year in which Beijing introduced licence requirements in April and then paused a broader set of curbs in November.',
        '2026-01-14',
      ),
    ).toEqual(['export_statistics']);
    // The pre-2015 export quota is not a production quota: it is its own figure, export_quota (corpus README).
    expect(
      figures('中国稀土管理三十年', '2010年，商务部下达的稀土出口配额为30258吨，较上年大幅压缩。', '2025-10-01').map(
        (f) => [f.metric, f.period, f.value],
      ),
    ).toEqual([['export_quota', '2010', 30258]]);
  });

  it('lets one rule count for several categories, and names an unknown one in a list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regwatch-rules-'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(
      join(dir, 'rules', 'desk.yaml'),
      'rules:\n  - id: desk.escalation\n    category: [enforcement, regulation]\n    weight: 5\n    phrases: [desk escalation]\n',
    );
    const own = loadRules([join(SHIPPED_CONFIG_DIR, 'rules'), join(dir, 'rules')]);
    const got = classify({ title: 'Desk escalation notice', text: 'A desk escalation was raised.' }, own.rules!);
    expect(got.categories.map((c) => c.category).sort()).toEqual(['enforcement', 'regulation']);
    writeFileSync(
      join(dir, 'rules', 'desk.yaml'),
      'rules:\n  - id: desk.escalation\n    category: [enforcement, quota]\n    weight: 5\n    phrases: [desk escalation]\n',
    );
    const bad = loadRules([join(dir, 'rules')]);
    expect(bad.rules).toBeUndefined();
    expect(bad.issues.map((i) => `${i.line}:${i.col}: ${i.message}`).join('\n')).toMatch(
      /3:15: .*unknown category "quota"/,
    );
  });

  it('takes side-clause openers from settings, and names a bad one with its place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regwatch-rules-'));
    mkdirSync(join(dir, 'rules'));
    const text = 'Output fell on Monday, per the ruling by which China imposed export controls on holmium.';
    const shipped = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]);
    // "per the ruling by which" opens no side clause in the shipped settings: the control is the sentence's news.
    expect(classify({ title: '', text, date: '2025-10-10' }, shipped.rules!).categories.map((c) => c.category)).toEqual(
      ['control_list_addition'],
    );
    writeFileSync(
      join(dir, 'rules', 'zz-settings.yaml'),
      "settings:\n  background:\n    clausePatterns: ['\\bper the ruling\\b']\n",
    );
    const desk = loadRules([join(SHIPPED_CONFIG_DIR, 'rules'), join(dir, 'rules')]);
    expect(desk.issues).toEqual([]);
    expect(classify({ title: '', text, date: '2025-10-10' }, desk.rules!).categories).toEqual([]);
    writeFileSync(join(dir, 'rules', 'zz-settings.yaml'), "settings:\n  background:\n    clausePatterns: ['(after']\n");
    const bad = loadRules([join(dir, 'rules')]);
    expect(bad.rules).toBeUndefined();
    expect(bad.issues.map((i) => `${i.line}:${i.col}: ${i.message}`).join('\n')).toMatch(/bad regular expression/);
  });

  it('checks with/without in the clauses a match covers when a rule says scope: clause', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regwatch-rules-'));
    mkdirSync(join(dir, 'rules'));
    const rule = (scope: string) =>
      `rules:\n  - id: desk.shipped\n    category: export_statistics\n    weight: 5\n    phrases: [desk shipment]\n` +
      `    without: [forecast]\n    scope: ${scope}\n`;
    const text = 'The desk shipment left on Monday, and a forecast for next year was published.';
    const got = (scope: string) => {
      writeFileSync(join(dir, 'rules', 'desk.yaml'), rule(scope));
      const loaded = loadRules([join(dir, 'rules')]);
      return classify({ title: 'Desk note', text, date: '2025-10-10' }, loaded.rules!).categories.map(
        (c) => c.category,
      );
    };
    expect(got('sentence')).toEqual([]);
    expect(got('clause')).toEqual(['export_statistics']);
  });
});

describe('news or background, and wordings seen on real text', () => {
  it('takes a step dated months before the story as context, and the same step dated that week as news', () => {
    const text = 'The commerce ministry imposed export controls on seven rare earths on April 4.';
    expect(categories('', text, '2025-04-06')).toEqual(['control_list_addition']);
    expect(categories('', text, '2025-07-20')).toEqual([]);
  });

  it('reads recalling wordings as context: "N days since", "follows China\'s", "after the cancellation of"', () => {
    const title = 'Magnet maker says orders recover';
    for (const sentence of [
      'It has been 50 days since Beijing put export controls on several heavy rare earths.',
      "The recovery follows China's decision to impose export controls on heavy rare earths.",
      'Sales grew after the cancellation of export curbs on rare earth magnets.',
    ])
      expect(categories(title, sentence), sentence).toEqual([]);
  });

  it('lets a present marker win over a recalled year in the same sentence', () => {
    const text = 'On Thursday the ministry suspended the export controls on rare earths that it imposed last year.';
    expect(categories('', text, '2025-11-07')).toEqual(['control_relaxation']);
  });

  it('weighs the lead like a headline when a document has no title, skipping a byline and a time stamp', () => {
    const text =
      '编辑 张明 2025-11-07 21:30\n商务部今日宣布暂停对稀土等物项的出口管制措施，期限一年。\n市场人士认为此举有利于供应链稳定。';
    expect(categories('', text, '2025-11-07')).toEqual(['control_relaxation']);
  });

  it('skips a photo credit, a time stamp and a byline to find the lead of a document without a title', () => {
    // The lead is the headline: its other-metal subject makes the recalled rare-earth quota context.
    const text =
      'Credit: Staff photographer\nMarch 3, 2027 — 09:15 am\nWritten by a staff reporter\n' +
      'China has set its 2027 mining quota for tungsten concentrate at 60,000 tonnes, the resources ministry said.\n' +
      'The ministry issued its first batch of rare earth mining quotas for 2027 in February.';
    expect(categories('', text, '2027-03-03')).toEqual([]);
    expect(categories('', text.replace(/tungsten concentrate/g, 'rare earths'), '2027-03-03')).toEqual(['quota_batch']);
  });

  it('takes a rare-earth step in the body of a story headlined about another metal as context', () => {
    const title = 'China to restrict exports of antimony from next month';
    const text =
      'The commerce ministry said it would impose export controls on antimony products. ' +
      'China has also banned the export of technology to make rare earth magnets.';
    expect(categories(title, text, '2024-08-15')).toEqual([]);
  });

  it('reads quota notices with pinyin in brackets after the characters', () => {
    const title = '工信部下達(dá)2024年第一批稀土開(kāi)采指標(biāo)';
    expect(categories(title, '本批指標(biāo)已下達(dá)至各集團(tuán)。', '2024-02-20')).toEqual(['quota_batch']);
  });

  it('recognises the news in wordings the rules were not written for', () => {
    const cases: Array<[string, string, string]> = [
      [
        'Beijing suspends two export control announcements',
        'The commerce ministry suspends the implementation of announcements No. 12 and No. 13 on rare earth items.',
        'control_relaxation',
      ],
      [
        'Rare earth management rules published',
        'The interim rules on rare earth tracing were jointly issued by three ministries on Monday.',
        'regulation',
      ],
      [
        'China quietly issues its 2026 rare earth quotas',
        'The ministry did not announce the quotas publicly.',
        'quota_batch',
      ],
      [
        'China sets caps for rare earth extraction',
        'The ceiling for rare earth mining was set at 100,000 tonnes.',
        'quota_batch',
      ],
      ['國務院公布「稀土管理條例」', '國務院日前公布「稀土管理條例」，自十月一日起施行。', 'regulation'],
    ];
    for (const [title, text, category] of cases) expect(categories(title, text), title).toEqual([category]);
  });

  it('does not take a promise to approve licences for an approval', () => {
    expect(categories('商务部：将依法审批稀土出口申请', '对符合规定的申请，商务部将予以批准。')).toEqual([]);
    expect(
      categories('Ministry on licences', 'Applications that meet the rules will be approved, the ministry said.'),
    ).toEqual([]);
    expect(categories('稀土出口许可陆续发放', '多家磁材企业已陆续获得商务部发放的稀土出口许可证。')).toEqual([
      'licence_approval',
    ]);
  });

  it('reads a promise or an expected step as not yet news for quotas and licences, but a future control as news', () => {
    // A promise in other words than the approval rules' own: 将…予以许可, 积极研究通用许可, "set to issue".
    expect(
      categories(
        '商务部：对合规的民用申请将予以许可',
        '发言人表示，商务部将依法予以许可，并积极研究通用许可等便利措施。',
      ),
    ).toEqual([]);
    expect(
      categories(
        'China set to issue first 2027 rare earth quota batch soon, traders say',
        'Traders expect the ministry to release its first batch of mining and smelting quotas within weeks.',
        '2027-01-20',
      ),
    ).toEqual([]);
    // The same future tense is the news of a control that takes effect later.
    expect(
      categories(
        'China will restrict exports of three rare earths from next month',
        'The commerce ministry will impose export controls on holmium, erbium and thulium from March 1.',
        '2027-02-10',
      ),
    ).toEqual(['control_list_addition']);
  });

  it('knows the synonyms of wire copy and of Hong Kong, Taiwan and spun Chinese copy', () => {
    const cases: Array<[string, string, string]> = [
      [
        'China shelves its wider rare earth curbs',
        'Beijing put on hold for a year the rare earth export restrictions it announced last month.',
        'control_relaxation',
      ],
      [
        'Beijing greenlights rare earth export permits for carmakers',
        'The commerce ministry has signed off permits for magnet shipments to three parts makers.',
        'licence_approval',
      ],
      [
        'China hands out second round of 2027 rare earth allotments',
        'The industry ministry raised the mining allotment in its second batch of production allotments.',
        'quota_batch',
      ],
      [
        'China finalises rules to trace rare earths',
        'The industry ministry has finalised rules requiring rare earth smelters to log each shipment.',
        'regulation',
      ],
      ['商務部批出首批稀土出口牌照', '多家磁材廠商已獲得商務部批出的稀土出口牌照。', 'licence_approval'],
      ['磁材企业拿到稀土出口通用准许', '商务部分已向多家磁材企业签发稀土出口通用准许。', 'licence_approval'],
      ['海關資料：稀土出口回升', '中國海關總署的資料顯示，稀土出口持續回升。', 'export_statistics'],
      [
        'Customs officers detain two over rare earth shipment',
        'Officers intercepted a container of dysprosium oxide declared as ceramics and detained two traders.',
        'enforcement',
      ],
    ];
    for (const [title, text, category] of cases) expect(categories(title, text), title).toEqual([category]);
  });
});
