/**
 * Categories of the eleventh round (the blind parts' remaining misses, test/fixtures/corpus/README.md): each block is
 * one general step, with documents written for the test — the step's hit and its near-miss.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';
import { classify } from '../../src/classify/index.js';
import { shippedRules } from '../helpers/figure-lines.js';
import { isSpun, SPUN_SUBSTITUTES, unspin } from '../../src/classify/vocabulary/spun.js';

describe("a spinner's substitute words are read as the words they replaced", () => {
  // The spinner's table run forwards: each source word replaced by its substitute.
  const spin = (text: string) =>
    Object.entries(SPUN_SUBSTITUTES).reduce((s, [substitute, source]) => s.split(source).join(substitute), text);
  const title = '两部门下达今年首批稀土开采、冶炼分离总量控制指标';
  const body =
    '工业和信息化部、自然资源部日前印发通知，下达2026年第一批稀土开采、冶炼分离总量控制指标，分别为90000吨、' +
    '86000吨。通知要求各集团严格执行指标，不得超指标生产，市场人士认为下游需求仍将保持增长。';
  it('the source is a quota batch', () => {
    expect(categories(title, body, '2026-03-02')).toEqual(['quota_batch']);
  });
  it('its spun copy (开挖, 分隔, 操控方针, 别离, 天然资源部 …) classifies like its source', () => {
    expect(spin(body)).toContain('开挖');
    expect(categories(spin(title), spin(body), '2026-03-02')).toEqual(['quota_batch']);
  });
  it("and reads the source's figures", () => {
    const figures = (t: string, b: string) =>
      classify({ title: t, text: b, date: '2026-03-02' }, shippedRules).figures.map((f) => [f.metric, f.value]);
    expect(figures(spin(title), spin(body))).toEqual(figures(title, body));
  });
  it('one ordinary word of the table alone (方针, a policy) is not read as spun', () => {
    const policy = '稀土行业坚持绿色发展方针，企业加快技术改造。';
    expect(isSpun(policy)).toBe(false);
    expect(isSpun(spin(body))).toBe(true);
    expect(unspin('开挖方针')).toBe('开采指标');
  });
  it('a spun price note that names a policy is still no quota batch', () => {
    expect(
      categories(
        '镨钕报价小幅走低 商场情绪偏谨慎',
        '本周稀土商场成交清淡，下流磁材企业按需收购，国家稳增加的方针基调没有改动，短期价格或将震动。',
        '2026-03-20',
      ),
    ).toEqual([]);
  });
});

describe('a campaign against smuggling, in any campaign word, is enforcement', () => {
  it('"opened a sweep against the smuggling of …" counts though a later clause says what "would" follow', () => {
    expect(
      categories(
        '',
        'Beijing has started a month-long operation against the smuggling of rare earths and gallium, the customs ' +
          'administration said on Tuesday, adding that couriers and bonded warehouses would face spot checks. ' +
          'Officials gave no figures for cases so far.',
        '2026-05-19',
      ),
    ).toEqual(['enforcement']);
  });
  it('a campaign against something else (price gouging) is not', () => {
    expect(
      categories(
        '',
        'Beijing has started a month-long operation against price gouging in rare earth oxide trading, the market ' +
          'regulator said on Tuesday, adding that traders would face spot checks.',
        '2026-05-19',
      ),
    ).not.toContain('enforcement');
  });
  it('部署开展打击…走私专项行动 counts though the sentence tasks the offices (要求…)', () => {
    expect(
      categories(
        '',
        '海关总署日前部署开展打击稀土走私"清源"专项行动，要求各地海关对边境口岸的出境货物加大查验力度。',
        '2026-05-19',
      ),
    ).toEqual(['enforcement']);
  });
  it('a draft that provides for such campaigns is not one', () => {
    expect(
      categories('', '征求意见稿提出，有关部门可部署开展打击稀土走私专项行动，要求企业建立台账。', '2026-05-19'),
    ).not.toContain('enforcement');
  });
});

describe("a reporter's line asks, the lead of a transcript too: its customs figures are the question's background", () => {
  const title = 'Commerce ministry briefing, Thursday: export permits for rare earth items';
  const answer =
    'Spokesperson: The ministry has approved a batch of compliant applications for rare earth items, and exporters ' +
    'in several countries have received them. We will keep processing applications in line with the law.';
  it('"Reporter (…): Customs data show magnet exports fell …" under the title is asked, not reported', () => {
    const question =
      'Reporter (Bloomberg): Customs figures show magnet exports dropped to 1,400 tonnes in May, down 70 percent ' +
      'from a year before. Can you update us on permits?';
    expect(categories(title, `${question}\n${answer}`, '2026-06-11')).toEqual(['licence_approval']);
  });
  it('问：据海关统计… as the lead of a Chinese transcript is asked too', () => {
    expect(
      categories(
        '商务部新闻发布会实录：稀土相关物项出口许可',
        '问：据海关统计，5月我国稀土永磁体出口1400吨，同比下降七成。请介绍许可审批进展。\n' +
          '答：商务部已依法批准了一批合规申请，相关物项已陆续出口。',
        '2026-06-11',
      ),
    ).toEqual(['licence_approval']);
  });
  it("the spokesperson's own customs figures are still reported", () => {
    expect(
      categories(
        'Customs briefing: rare earth exports in May',
        'Reporter (Bloomberg): How did rare earth exports do in May?\n' +
          'Spokesperson: Customs data show China exported 4,800 tonnes of rare earths in May, up 12 percent from April.',
        '2026-06-11',
      ),
    ).toEqual(['export_statistics']);
  });
});

describe("an untitled newsletter's masthead names a digest as a title does", () => {
  const items =
    '1) RARE EARTHS: ALLOCATIONS ARRIVE QUIETLY\n\nProducers told us Beijing has issued the second batch of this ' +
    "year's mining and smelting quotas to the state groups, with no notice posted online.\n\n" +
    '2) COBALT: Congo export curbs keep hydroxide tight; traders see no relief before autumn.\n\n' +
    '3) NICKEL: Indonesian ore premiums slipped again this week.\n';
  it('"Base Metals Weekly Brief | No. 88" over numbered items: the rare-earth item reports a batch', () => {
    expect(categories('', `Base Metals Weekly Brief | No. 88 | Subscribers only\n\n${items}`, '2026-08-14')).toEqual([
      'quota_batch',
    ]);
  });
  it('the same items under a plain dateline read the same (the step changes only what a masthead names)', () => {
    expect(categories('', `Filed August 14, 2026\n\n${items}`, '2026-08-14')).toEqual(['quota_batch']);
  });
});

describe('quotas handed out without figures, the ordinal on the quota noun', () => {
  it('"handed the first 2026 mining and smelting allotments to the groups" is a batch', () => {
    expect(
      categories(
        'Allotments reach producers with no announcement',
        'Beijing has handed the first 2026 mining and smelting allotments to the state rare earth groups without ' +
          'publishing them, two people familiar with the matter said on Monday. The groups were asked not to ' +
          'disclose the volumes.',
        '2026-04-13',
      ),
    ).toEqual(['quota_batch']);
  });
  it('an export allowance handed to traders is no production batch', () => {
    expect(
      categories(
        'Allowances reach traders',
        'Beijing has handed the first 2026 export allowances for rare earth oxides to trading houses, two people ' +
          'familiar with the matter said on Monday.',
        '2026-04-13',
      ),
    ).not.toContain('quota_batch');
  });
});

describe('a story about something else recalls a quota in one undated body sentence', () => {
  const body = (quota: string) =>
    'Shenghe Resources said on Tuesday it had agreed to buy a Sichuan rare earth separation plant, adding 8,000 tonnes of ' +
    `annual capacity. ${quota} Analysts said the deal mostly strengthens the group's hand with magnet makers.`;
  const recalled = 'The ministries set the 2026 mining quota at 150,000 tonnes, most of it for the northern group.';
  it('a takeover headline naming no quota: the quota sentence is context', () => {
    expect(categories('Shenghe agrees Sichuan plant purchase', body(recalled), '2026-09-08')).toEqual([]);
  });
  it('a headline that names the quota makes the same sentence the news', () => {
    expect(categories('Mining quota unchanged as Shenghe buys Sichuan plant', body(recalled), '2026-09-08')).toEqual([
      'quota_batch',
    ]);
  });
  it('a sentence that dates the step is news too', () => {
    expect(
      categories(
        'Shenghe agrees Sichuan plant purchase',
        body(
          'On Monday the ministries set the 2026 mining quota at 150,000 tonnes, most of it for the northern group.',
        ),
        '2026-09-08',
      ),
    ).toEqual(['quota_batch']);
  });
});

describe('the plan words of the pre-2020 notices (开采计划, 冶炼分离计划) are quota words', () => {
  const body = (lead: string) =>
    `${lead}\n工信部表示，今年稀土开采计划为13.2万吨，冶炼分离计划为12.7万吨，指标已下达至各稀土集团。`;
  it('a lead that names the mining plan makes the body sentence that reports it the news', () => {
    expect(
      categories('工信部回应境外媒体报道', body('工信部今日回应境外媒体有关稀土开采计划的报道。'), '2019-10-15'),
    ).toEqual(['quota_batch']);
  });
  it('a lead about something else leaves it a mention in passing', () => {
    expect(
      categories('工信部回应境外媒体报道', body('工信部今日回应境外媒体有关稀土企业重组的报道。'), '2019-10-15'),
    ).toEqual([]);
  });
});

describe('the technology export catalogue in English: rare-earth know-how added to it is a control', () => {
  it('"moves rare earth separation know-how onto the prohibited list" of a revised catalogue', () => {
    expect(
      categories(
        'Beijing tightens technology export catalogue',
        'The commerce and science ministries on Friday issued an updated list of technologies prohibited from ' +
          'export. The update moves rare earth separation and magnet-making know-how onto the prohibited list, so ' +
          'it can no longer be transferred abroad.',
        '2026-02-06',
      ),
    ).toEqual(['control_list_addition']);
  });
  it('a draft of the catalogue put out for comment is not yet a control', () => {
    expect(
      categories(
        'Beijing seeks views on technology export catalogue',
        'The commerce ministry on Friday published a draft revision of the catalogue of technologies prohibited ' +
          'from export for public comment. The draft would add rare earth separation know-how to the prohibited list.',
        '2026-02-06',
      ),
    ).not.toContain('control_list_addition');
  });
});

describe('a quota or licence regime that ends (谢幕, 退场, 告终) or items taken out of it (从…中移出) is relaxed', () => {
  it('稀土出口配额制度谢幕: a headline that the regime bows out', () => {
    expect(
      categories(
        '稀土出口配额制度谢幕 企业凭合同申领许可证',
        '商务部日前公布新版出口许可证管理货物目录，稀土出口此后只需凭合同申领许可证。',
        '2015-01-08',
      ),
    ).toEqual(['control_relaxation']);
  });
  it('稀土被从出口配额管理的商品中移出 in the body', () => {
    expect(
      categories(
        '',
        '商务部、海关总署日前公布新版目录，稀土被从实行出口配额管理的商品中移出，企业凭合同即可申领许可证。',
        '2015-01-08',
      ),
    ).toEqual(['control_relaxation']);
  });
  it('a regime that carries on is not', () => {
    expect(
      categories(
        '稀土出口配额制度今年继续实行',
        '商务部日前公布新版出口许可证管理货物目录，稀土出口继续实行配额管理。',
        '2014-01-08',
      ),
    ).not.toContain('control_relaxation');
  });
});

describe('an activity kept up (持续开展, 一直保持, 常态化推进) is a standing state, not a step', () => {
  it('an export-quota story that notes campaigns 持续开展 against smuggling is no enforcement story', () => {
    expect(
      categories(
        '商务部公布今年稀土出口配额',
        '商务部日前公布2013年稀土出口配额总量，与上年基本持平。业内人士分析，配额总量保持稳定释放出政策延续的信号。' +
          '与此同时，国内持续开展打击稀土非法开采和走私的专项行动，稀土价格有望逐步企稳。',
        '2013-08-07',
      ),
    ).toEqual([]);
  });
  it('a campaign launched now that seized goods is enforcement', () => {
    expect(
      categories('', '海关总署近日部署开展打击稀土走私专项行动，行动首周即查获走私稀土120吨。', '2026-08-20'),
    ).toEqual(['enforcement']);
  });
  it('the approval stated beside work 持续推进 is still an approval', () => {
    expect(
      categories(
        '商务部：已批准一批稀土物项出口许可申请',
        '商务部新闻发言人表示，商务部已依法批准了一批合规申请，相关审批工作仍在持续推进。',
        '2026-08-20',
      ),
    ).toEqual(['licence_approval']);
  });
});

describe("the ministry's formula for what it approves (合规申请, compliant applications) adds to an approval stated", () => {
  const title = 'Transcript: commerce ministry press conference';
  const q = 'Journalist (Kyodo): Customs data show magnet exports to Japan fell in May. What is the ministry doing?\n';
  it('one answer that approved applications that meet the requirements is an approval', () => {
    expect(
      categories(
        title,
        `${q}Spokesperson: The ministry has approved applications that meet the requirements.`,
        '2026-06-18',
      ),
    ).toEqual(['licence_approval']);
  });
  it('a promise to approve compliant applications is not', () => {
    expect(
      categories(
        title,
        `${q}Spokesperson: The ministry will approve compliant applications in line with the law.`,
        '2026-06-18',
      ),
    ).toEqual([]);
  });
  it('compliant applications under review, with no approval stated, are not', () => {
    expect(
      categories('商务部新闻发布会实录', '答：商务部正在依法审查合规申请，有关情况将适时发布。', '2026-06-18'),
    ).toEqual([]);
  });
});
