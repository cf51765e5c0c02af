/**
 * Categories on what parts RG30– (test/fixtures/corpus/README.md) found in realistic genres: each block is one general
 * step, with sentences written for the test — the step's hit and its near-miss — and the parts' documents meet a bar.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, f1, formatReport } from '../../src/classify/evaluate.js';
import { categoryNames as categories } from '../helpers/category-names.js';
import { shippedRules } from '../helpers/figure-lines.js';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');

describe('parts RG30–RG37 (82 documents written for this round) meet the bar', () => {
  it('category micro-F1 at least 0.97 over the eight parts (0.99 after the round)', () => {
    const report = evaluate(CORPUS, shippedRules, 'all', (file) => /^rg3[0-7]-/.test(file));
    expect(report.documents, formatReport(report, true)).toBe(82);
    expect(f1(report.categoriesMicro), formatReport(report, true)).toBeGreaterThanOrEqual(0.97);
  });
});

describe('regulations that take effect, in any tense or idiom', () => {
  it('"took effect", "came into force", "went into effect" past an appositive report a regulation', () => {
    const took =
      "China's Regulations on the Administration of Rare Earths, approved by the State Council in April and " +
      'published in June, took effect on Tuesday, putting mining and trading under one set of rules.';
    expect(categories('China’s rare earth rules in force', took, '2024-10-01')).toEqual(['regulation']);
    const came = 'New rules on tracing rare earth products came into force on Monday, the ministry said.';
    expect(categories('Tracing system for rare earths', came, '2026-03-02')).toEqual(['regulation']);
  });

  it('a headline that management rules take effect is a regulation headline; export control rules are not', () => {
    expect(
      categories(
        'Rare earth management rules take effect',
        'Companies must now record every shipment in a tracing system.',
        '2024-10-01',
      ),
    ).toEqual(['regulation']);
    expect(
      categories(
        'Rare earth export control rules take effect',
        'Exporters must now apply for a licence for seven medium and heavy rare earths.',
        '2025-04-04',
      ),
    ).not.toContain('regulation');
  });

  it('a regulation that took effect years ago, recalled, is not news', () => {
    const text =
      'Prices of terbium oxide rose 3% this week. The rare earth regulations, which took effect in October 2024, ' +
      'require producers to keep within their quotas.';
    expect(categories('Terbium oxide climbs', text, '2026-02-10')).toEqual([]);
  });
});

describe('an indirect question about a step is asked, not reported', () => {
  it('关注…指标何时下达, 许可能否如期发放: no quota batch or approval', () => {
    const when = '市场普遍关注新年度第一批稀土开采、冶炼分离总量控制指标何时下达，多数企业预计增幅有限。';
    expect(categories('稀土周报：磁材企业备货放缓', when, '2025-01-16')).toEqual([]);
    const whether = '欧洲企业关心稀土出口许可能否如期发放，商务部发言人未作具体回应。';
    expect(categories('欧企关注稀土许可', whether, '2025-06-12')).toEqual([]);
  });

  it('a batch issued, beside a question about the next one, is still news', () => {
    const text =
      '工业和信息化部、自然资源部近日下达2025年第一批稀土开采、冶炼分离总量控制指标。市场关注第二批指标何时下达。';
    expect(categories('两部门下达第一批稀土指标', text, '2025-02-20')).toEqual(['quota_batch']);
  });
});

describe('a headline of an oxide or metal moving is a price report', () => {
  it('氧化镨钕周内上涨 over a quota statement: no quota batch', () => {
    const text = '本周氧化镨钕报价上涨约1.5%。2024年两批稀土开采指标合计为27万吨，冶炼分离指标为25.4万吨。';
    expect(categories('氧化镨钕周内上涨 开采指标受关注', text, '2025-01-16')).toEqual([]);
    // The same body under a headline with no product moving reads the quota statement as news.
    expect(categories('稀土周报 开采指标受关注', text, '2025-01-16')).toEqual(['quota_batch']);
  });

  it('a quota headline naming the element is still a quota story', () => {
    const text = '工业和信息化部、自然资源部今日下达2024年第一批稀土开采总量控制指标13.5万吨。';
    expect(categories('第一批稀土开采指标下达 镨钕企业受益', text, '2024-02-06')).toEqual(['quota_batch']);
  });
});

describe('customs as the speaker, the publisher or the credited source of the figures', () => {
  it('"the customs said", "customs bureau published … data", "Source: GAC" make a customs story', () => {
    const said =
      "China's shipments of rare earth to foreign markets in the first six months reached to 32,569.2 tonne, " +
      'increasing 11.9 per cent than same time of last year, the customs said.';
    expect(categories('China rare earth exports in the first half', said, '2025-07-15')).toEqual(['export_statistics']);
    const table =
      'Commodity | Unit | Quantity Dec. | Quantity Jan.-Dec.\nRare earths | ton | 4,392 | 62,585\n' +
      'Source: General Administration of Customs.';
    expect(categories('Major commodities, December 2025', table, '2026-01-14')).toEqual(['export_statistics']);
  });

  it('customs telling of a case it uncovered is enforcement, not a release', () => {
    const text =
      'Customs officers have uncovered a scheme in which traders listed rare earth oxides as ceramic pigments to ' +
      'avoid export licensing, the General Administration of Customs said on Friday. Three companies were fined.';
    expect(categories('Customs break up rare earth mis-declaration scheme', text, '2025-08-29')).toEqual([
      'enforcement',
    ]);
  });

  it('customs that will publish figures is a preview', () => {
    const text =
      'Investors will get a first look at magnet shipments when the General Administration of Customs publishes ' +
      'product-level trade figures on Friday.';
    expect(categories('Week ahead: China trade data to show magnet shipments', text, '2025-06-16')).toEqual([]);
  });
});

describe('a headline verb of a flow moving, and a month’s numbers', () => {
  it('"export volume grew", "October numbers" are trade headlines; "eases rare earth curbs" is not', () => {
    const body = 'Exports reached 32,569.2 tonnes in the first half, up 11.9%.';
    expect(categories('China’s rare earth export volume grew in the half year', body, '2025-07-15')).toEqual([
      'export_statistics',
    ]);
    const relax =
      'China suspended its ban on exports of gallium, germanium and antimony to the United States and said it ' +
      'would ease licensing for rare earth exports, the commerce ministry said on Sunday.';
    expect(
      categories('China lifts ban on gallium and antimony exports to US, eases rare earth curbs', relax, '2025-11-09'),
    ).toEqual(['control_relaxation']);
  });
});

describe('a bulleted line of figures is the document’s own report, not a link to another story', () => {
  it('"• Rare earths, Nov: 5,494 t (+26.5% MoM)", "• 62,585.2 t — exports in 2025" are read', () => {
    const list =
      "• 62,585.2 t — China's rare earth exports in 2025, +12.9% y/y\n• 4,392.1 t — December exports, -20% m/m\n" +
      '• 57,392 t — rare earth magnet exports in 2025, -1.3% y/y';
    expect(categories('By the numbers: China’s rare earth trade in 2025', list, '2026-01-25')).toEqual([
      'export_statistics',
    ]);
    const monitor =
      'Welcome back. The key lines:\n\n• Total permanent-magnet exports, October: 5,473 t (m/m −5.2%; y/y +15.8%)\n' +
      '• Year to date (January–October): 45.29 kt (y/y −5.2%)\n• United States, October: 656 t (m/m +56.1%)';
    expect(categories('Magnet Monitor: October numbers at a glance', monitor, '2025-11-21')).toEqual([
      'export_statistics',
    ]);
  });

  it('a run of short headlines, links to other stories, still is not read', () => {
    const links =
      'Prices of NdPr oxide were steady this week.\n\n• China’s rare earth exports rise 20% in October\n' +
      '• Lynas to expand Malaysian plant\n• MP Materials wins Pentagon deal';
    expect(categories('Rare earth prices steady', links, '2025-11-21')).toEqual([]);
  });
});

describe('general licences add to an approval in other words, in English as in Chinese', () => {
  it('a transcript answer: applications "have been approved" and general licences "granted"', () => {
    const text =
      'Reuters: Can you update us on the approvals?\n\nHe Yadong: China attaches great importance to the needs of ' +
      'companies. Applications for civilian use that comply with regulations have been approved in an orderly ' +
      'way, and the ministry has also granted general licences to a number of exporters of rare earth items.';
    expect(categories('Regular Press Conference of the Ministry of Commerce', text, '2025-11-13')).toEqual([
      'licence_approval',
    ]);
  });

  it('general licences recalled in a relaxation story do not make an approval', () => {
    const text =
      'China will no longer require export licences for samarium destined for civilian use, the commerce ministry ' +
      'said on Friday. China approved general licences for some exporters in late 2025.';
    expect(categories('China scraps licence requirement for civilian samarium exports', text, '2026-03-27')).toEqual([
      'control_relaxation',
    ]);
  });
});

describe('regulations as the standard something meets are no new regulation', () => {
  it('"applications that comply with regulations have been approved": no regulation', () => {
    const text =
      'Applications for rare earth exports that comply with regulations have been approved, the ministry said on ' +
      'Thursday.';
    expect(categories('Ministry on rare earth licences', text, '2025-11-13')).not.toContain('regulation');
  });

  it('regulations that have been published still are one', () => {
    const text = 'The rare earth management regulations have been published by the State Council, Xinhua said today.';
    expect(categories('China publishes rare earth rules', text, '2024-06-29')).toEqual(['regulation']);
  });
});

describe('another country’s customs as the only source is that country’s trade', () => {
  it('the Korea Customs Service on imports from China: no Chinese customs story', () => {
    const text =
      "South Korea's imports of rare earth magnets from China fell 35 percent on-year in October to 182 tons, " +
      'data from the Korea Customs Service showed Monday.';
    expect(categories("Korea's rare earth imports from China slump 35% in October", text, '2025-11-17')).toEqual([]);
  });

  it('China’s customs named beside it keeps the story China’s', () => {
    const text =
      'China exported 1,016 tonnes of rare earth magnets to Japan in July, up 31% from June, Chinese customs data ' +
      "showed on Wednesday. Japan's finance ministry reported a similar rise in imports.";
    expect(categories('Japan’s magnet imports from China recover in July', text, '2025-08-20')).toEqual([
      'export_statistics',
    ]);
  });
});

describe('取消, 放宽, 解除, 松绑 lift a measure, not a crisis', () => {
  it('停线危机暂时解除 in a licence story is no relaxation', () => {
    const text = '据日本媒体报道，商务部近日已放行多家日系零部件厂的稀土磁铁出口申请，日本车厂停线危机暂时解除。';
    expect(categories('商务部放行日系车厂稀土磁铁出口申请', text, '2025-07-02')).toEqual(['licence_approval']);
  });

  it('取消出口配额, 取消出口关税, 放宽…限制 still are', () => {
    const quota = '商务部、海关总署日前公布目录，自2015年1月1日起取消稀土出口配额管理，企业凭出口合同即可申领许可证。';
    expect(categories('中国取消稀土出口配额', quota, '2015-01-05')).toContain('control_relaxation');
    const tariff = '财政部今日发布公告称，自5月1日起取消稀土、钨、钼等产品的出口关税。';
    expect(categories('财政部：取消稀土出口关税', tariff, '2015-04-23')).toContain('control_relaxation');
  });
});

describe('rules that were broken are what an action punishes, not the story’s subject', () => {
  it('"penalizes two firms for violating … export control rules" is enforcement', () => {
    const text =
      'A trading firm in Shanghai was fined 3.2 million yuan and had its illegal gains confiscated for exporting ' +
      'controlled rare earth items without licences, the ministry said on Thursday.';
    expect(
      categories('MOFCOM penalizes two firms for violating rare earth export control rules', text, '2026-02-26'),
    ).toEqual(['enforcement']);
  });

  it('a headline about rules that provide for fines is still a regulation', () => {
    const text =
      'The State Council on Saturday published regulations on rare earth management, under which illegal mining ' +
      'will be fined up to five times the illegal gains.';
    expect(categories('China publishes rare earth management regulations', text, '2024-06-29')).toEqual(['regulation']);
  });
});

describe('rules referred to by an object relative clause were issued before', () => {
  it('"halts for a year the rare earth export rules it rolled out in October" is a relaxation only', () => {
    const text =
      'China on Friday halted for one year the sweeping rare earth export rules it rolled out in October, the ' +
      'Commerce Ministry said.';
    expect(
      categories('China halts for a year the rare earth export rules it rolled out in October', text, '2025-11-07'),
    ).toEqual(['control_relaxation']);
  });
});

describe('a regulation put into effect in Chinese in other words: 正式执行, 起实施, 本日', () => {
  it('《…条例》于本日起正式执行 (a spun copy) is a regulation', () => {
    const text = '国务院此前公布的《稀土办理条例》于本日起正式执行。条例明确国家对稀土开采实施总量操控。';
    expect(categories('《稀土办理条例》10月1日起正式执行', text, '2024-10-01')).toEqual(['regulation']);
  });

  it('controls suspended, 暂停执行, issue no regulation', () => {
    const text = '商务部今日发布公告，决定暂停执行10月9日公布的稀土相关出口管制措施，为期一年。';
    expect(categories('商务部暂停执行稀土相关出口管制措施', text, '2025-11-07')).toEqual(['control_relaxation']);
  });
});

describe('a headline of three stories separated by semicolons is a digest', () => {
  it('each bullet is its own story: a customs item and a seizure item are both news', () => {
    const text =
      "• Magnets: China's exports of rare earth permanent magnets rose to 6,146 tonnes in August, according to " +
      'customs data released on Saturday.\n\n• Enforcement: Customs officers in Guangdong seized about 8 tonnes of ' +
      'terbium oxide hidden in a shipment declared as ceramic glaze, and detained three suspects.\n\n' +
      '• Gallium: Export volumes remained negligible for a third month.';
    expect(
      categories(
        'Strategic Metals Weekly: Magnet exports hit seven-month high; Guangdong seizure; gallium quiet',
        text,
        '2025-09-22',
      ),
    ).toEqual(['enforcement', 'export_statistics']);
  });
});

describe('licences revoked are a sanction, not an approval', () => {
  it('"revokes export licences of three magnet makers" is enforcement; the licences granted before are background', () => {
    const text =
      "China's commerce ministry has revoked the rare earth magnet export licences of three manufacturers after " +
      'finding that shipments were diverted to defence contractors. Their general licences, granted last year, ' +
      'were also withdrawn.';
    expect(
      categories('China revokes export licences of three magnet makers over diversion', text, '2026-01-08'),
    ).toEqual(['enforcement']);
  });

  it('licences granted under a headline about them are still an approval', () => {
    const text =
      'The commerce ministry has granted export licences for rare earth magnets to three EU firms, they said.';
    expect(categories('China grants rare earth magnet licences to EU firms', text, '2025-07-10')).toEqual([
      'licence_approval',
    ]);
  });
});

describe('measures on a subject that enter into force', () => {
  it('"Interim measures on the total-volume control of rare earth mining … entered into force" is a regulation', () => {
    const text =
      'Interim measures on the total-volume control of rare earth mining and smelting and separation entered into ' +
      'force on Friday, upon their release by three ministries.';
    expect(
      categories('China’s new measures on rare earth total-volume control enter into force', text, '2025-08-22'),
    ).toEqual(['regulation']);
  });

  it('new measures on export controls that take effect are controls, not a regulation', () => {
    const text = 'The measures on export controls of seven rare earths took effect on Friday, the ministry said.';
    expect(categories('New measures on rare earth export controls take effect', text, '2025-04-04')).not.toContain(
      'regulation',
    );
  });
});

describe('customs that will publish figures, in a digest item or a body', () => {
  it('"Customs will publish October trade data on Friday" is a preview', () => {
    const text =
      '• Equities: Asian shares edged higher in early trade.\n\n• China: Customs will publish October trade data ' +
      'on Friday, including rare earth export volumes, a key gauge after the new curbs.\n\n• Oil: Brent steadied.';
    expect(categories('Asia Morning Briefing: Stocks edge up, China trade data in focus', text, '2025-11-05')).toEqual(
      [],
    );
  });
});

describe('a spun copy: "uncommon earths", "Laws on the Administration", a provision to fine', () => {
  it('"uncommon earth" rules that kicked in are a regulation, and "can be fined" is no enforcement', () => {
    const text =
      "China's Laws on the Administration of Uncommon Earths, which the State Council authorised in April and made " +
      'public in June, kicked in on Tuesday. Unlawful excavation can be fined up to five instances the unlawful ' +
      'earnings, the guidelines say.';
    expect(
      categories('China’s uncommon earth administration guidelines kicked in on Tuesday', text, '2024-10-01'),
    ).toEqual(['regulation']);
  });

  it('firms that were fined are still enforcement', () => {
    const text = 'Two uncommon earth traders were fined 3 million yuan for smuggling, the customs said on Friday.';
    expect(categories('Traders fined for smuggling uncommon earths', text, '2025-09-19')).toEqual(['enforcement']);
  });
});

describe('the pace of approvals described is not an approval', () => {
  it('"export licences are still being granted slowly" in a price newsletter: no approval', () => {
    const text =
      '• Dysprosium oxide in Rotterdam rose to $850/kg.\n• Terbium oxide was unchanged on the week.\n\nOur view: ' +
      'export licences are still being granted slowly, and we do not expect the premium to narrow soon.';
    expect(categories('Rare Earth Price Watch: dysprosium premium widens', text, '2025-12-12')).toEqual([]);
  });

  it('licences granted to named buyers still are', () => {
    const text = 'Export licences were granted this week to three German parts makers, the companies said on Friday.';
    expect(categories('China grants rare earth licences to German suppliers', text, '2025-07-04')).toEqual([
      'licence_approval',
    ]);
  });
});

describe('another country’s authority taking a step, more countries, and in a headline', () => {
  it('"Brazil grants first rare earth export licence": no approval, and China’s standing rule in its body is background', () => {
    const text =
      "Brazil's mining agency ANM has granted Serra Verde its first licence to export rare earth concentrate, the " +
      'company said on Monday.\n\nChina, which dominates processing, requires licences for exports of seven medium ' +
      'and heavy rare earths.';
    expect(categories('Brazil grants first rare earth export licence to Serra Verde', text, '2025-09-15')).toEqual([]);
  });

  // The eighth round follows the blind part's label (bh3-019, Malaysia's ban: no category) and the seventh round's
  // convention (another jurisdiction's steps are near-misses); e-110's older label (a control) disagrees.
  it('another country’s own export ban is that country’s story (bh3-019; e-110’s label disagrees)', () => {
    const raw = readFileSync(join(CORPUS, 'e-110-en-malaysia-ban.txt'), 'utf8');
    const [title, ...body] = raw.split('\n');
    expect(categories(title!, body.join('\n'), '2023-09-11')).toEqual([]);
  });
});
