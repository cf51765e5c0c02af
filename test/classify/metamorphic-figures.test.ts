/**
 * Metamorphic tests of the figure reader: documents written for these tests, each changed in one respect (every
 * number, the destination country, the element named, simplified ↔ traditional script, Chinese ↔ Arabic digits, the
 * month), must give the correspondingly changed figures.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, loadRules } from '../../src/classify/index.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';

const loaded = loadRules([join(SHIPPED_CONFIG_DIR, 'rules')]);
if (!loaded.rules) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
const rules = loaded.rules;

const figs = (text: string, date: string) =>
  classify({ title: '', text, date }, rules)
    .figures.map(
      (f) => `${f.metric}|${f.value}|${f.period}|${f.batch ?? '-'}|${f.change_basis ?? '-'}|${f.change_pct ?? '-'}`,
    )
    .sort();

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];
const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (n: number) => n.toLocaleString('en-US');

describe('every number changed', () => {
  const english = (total: number, toUs: number, pct: number) =>
    `China's exports of rare earth magnets rose ${pct}% year-on-year to ${fmt(total)} tonnes in May, customs data showed. ` +
    `Shipments to the United States were ${fmt(toUs)} tonnes.`;
  for (const [total, toUs, pct] of [
    [5000, 600, 12.5],
    [3188, 353, 4.1],
    [6357, 1200, 30],
  ] as const)
    it(`${total} t, ${toUs} t to the US, up ${pct}%`, () => {
      expect(figs(english(total, toUs, pct), '2025-06-20')).toEqual([
        `magnet_exports_to_us|${toUs}|2025-05|-|-|-`,
        `magnet_exports|${total}|2025-05|-|yoy|${pct}`,
      ]);
    });

  const chinese = (mining: number, smelting: number) =>
    `工业和信息化部、自然资源部下达2024年第一批稀土开采、冶炼分离总量控制指标，分别为${mining}吨、${smelting}吨。`;
  for (const [mining, smelting] of [
    [135000, 127000],
    [100800, 97200],
  ] as const)
    it(`第一批 ${mining} 吨、${smelting} 吨`, () => {
      expect(figs(chinese(mining, smelting), '2024-02-22')).toEqual([
        `mining_quota|${mining}|2024|1|-|-`,
        `smelting_quota|${smelting}|2024|1|-|-`,
      ]);
    });
});

describe('country swapped: only the destination changes, never the national figure', () => {
  // The United States and Japan are reported destinations; another country is recognised and its figure left out.
  const countries: Array<[string, string, string | null]> = [
    ['Japan', '日本', 'japan'],
    ['Germany', '德国', null],
    ['the United States', '美国', 'us'],
    ['South Korea', '韩国', null],
  ];
  for (const [en, zh, slug] of countries) {
    it(`English: exports to ${en}`, () => {
      expect(
        figs(
          `China exported 5,473 tonnes of rare earth magnets in October. Exports of magnets to ${en} were 512.375 tonnes in October.`,
          '2025-11-20',
        ),
      ).toEqual(
        [
          ...(slug ? [`magnet_exports_to_${slug}|512.375|2025-10|-|-|-`] : []),
          'magnet_exports|5473|2025-10|-|-|-',
        ].sort(),
      );
    });
    it(`Chinese: 对${zh}出口`, () => {
      expect(figs(`10月稀土永磁出口5473吨。其中对${zh}出口稀土永磁656吨，环比增长56.1%。`, '2025-11-20')).toEqual(
        [
          ...(slug ? [`magnet_exports_to_${slug}|656|2025-10|-|mom|56.1`] : []),
          'magnet_exports|5473|2025-10|-|-|-',
        ].sort(),
      );
    });
  }
});

describe('element swapped: one element’s product is never the rare-earth total', () => {
  for (const [en, zh] of [
    ['lanthanum', '镧'],
    ['dysprosium', '镝'],
    ['yttrium', '钇'],
  ])
    it(`${en} oxide / 氧化${zh}`, () => {
      expect(
        figs(
          `China's rare earth exports were 4,307 tonnes in December. Exports of ${en} oxide stood at 966 tonnes in December.`,
          '2023-01-13',
        ),
      ).toEqual(['rare_earth_exports|4307|2022-12|-|-|-']);
      expect(figs(`12月我国出口稀土4307吨。其中氧化${zh}出口966吨。`, '2023-01-13')).toEqual([
        'rare_earth_exports|4307|2022-12|-|-|-',
      ]);
    });

  for (const metal of ['gallium', 'antimony', 'graphite'])
    it(`another mineral (${metal}) states no rare-earth figure`, () => {
      expect(
        figs(
          `China's rare earth export controls widened. Exports of ${metal} fell to 1,200 tonnes in May.`,
          '2025-06-20',
        ),
      ).toEqual([]);
    });
});

describe('simplified ↔ traditional', () => {
  const pairs: Array<[string, string]> = [
    ['2025年中国共出口5万7392吨稀土磁铁。', '2025年中國共出口5萬7392噸稀土磁鐵。'],
    ['11月对日本出口稀土磁铁约376吨。', '11月對日本出口稀土磁鐵約376噸。'],
    ['2024年稀土开采总量控制指标为27万吨。', '2024年稀土開採總量控制指標為27萬噸。'],
  ];
  for (const [simplified, traditional] of pairs)
    it(traditional, () => {
      const a = figs(simplified, '2025-12-20');
      expect(a.length).toBeGreaterThan(0);
      expect(figs(traditional, '2025-12-20')).toEqual(a);
    });
});

describe('Chinese digits ↔ Arabic digits', () => {
  const pairs: Array<[string, string]> = [
    ['2024年稀土开采指标为十三万五千吨。', '2024年稀土开采指标为135000吨。'],
    ['2024年稀土开采指标为二十七万吨。', '2024年稀土开采指标为27万吨。'],
    ['五月出口稀土永磁一千二百三十八吨。', '5月出口稀土永磁1238吨。'],
  ];
  for (const [chinese, arabic] of pairs)
    it(chinese, () => {
      const a = figs(arabic, '2024-06-20');
      expect(a.length).toBeGreaterThan(0);
      expect(figs(chinese, '2024-06-20')).toEqual(a);
    });
});

describe('month swapped', () => {
  for (let m = 2; m <= 10; m++) {
    it(`${MONTHS[m - 1]}`, () => {
      const text =
        `China's rare earth exports fell to 4,300 tonnes in ${MONTHS[m - 1]}, down 5% from ${MONTHS[m - 2]}. ` +
        `Over the first ${m} months exports totalled 40,000 tonnes.`;
      const span = m === 3 ? '2025-Q1' : m === 6 ? '2025-H1' : `2025-01/2025-${pad(m)}`;
      expect(figs(text, '2025-11-20')).toEqual(
        [`rare_earth_exports|4300|2025-${pad(m)}|-|mom|-5`, `rare_earth_exports|40000|${span}|-|-|-`].sort(),
      );
      expect(figs(`${m}月我国出口稀土4300吨，环比下降5%。1-${m}月累计出口40000吨。`, '2025-11-20')).toEqual(
        [`rare_earth_exports|4300|2025-${pad(m)}|-|mom|-5`, `rare_earth_exports|40000|${span}|-|-|-`].sort(),
      );
    });
  }
});

describe('tenths swapped: 近N成 is N×10%', () => {
  for (const [zh, pct] of [
    ['三', 30],
    ['六', 60],
    ['八', 80],
  ] as const)
    it(`同比下降近${zh}成`, () => {
      expect(figs(`7月中国稀土出口量为1620.3吨，同比下降近${zh}成。`, '2026-08-14')).toEqual([
        `rare_earth_exports|1620.3|2026-07|-|yoy|-${pct}`,
      ]);
    });
});

describe('thousands separator swapped', () => {
  for (const sep of [',', ' ', '\u2009', '\u202f'])
    it(`"5${sep}473 tonnes"`, () => {
      expect(
        figs(`China exported 5${sep}473 tonnes of rare earth magnets in October, up 4.5% year on year.`, '2026-11-20'),
      ).toEqual(['magnet_exports|5473|2026-10|-|yoy|4.5']);
    });
});

describe('a photo caption in either script', () => {
  for (const caption of [
    '图为包头一家稀土冶炼厂，年产能约2万吨。（示意图／翻摄微博）',
    '圖為包頭一家稀土冶煉廠，年產能約2萬噸。（示意圖／翻攝微博）',
  ])
    it(caption.slice(0, 12), () => {
      expect(
        figs(`中国9月稀土永磁体出口量为5600吨。\n${caption}\n其中对美国出口量为430吨，较8月下滑20.4%。`, '2026-10-21'),
      ).toEqual(['magnet_exports_to_us|430|2026-09|-|mom|-20.4', 'magnet_exports|5600|2026-09|-|-|-'].sort());
    });
});

describe('a wider series under 若 and a company share, in either script', () => {
  for (const text of [
    '9月我国稀土磁铁对日本出口312吨，同比减少11.4%。若把磁粉与合金计算在内，对日本出口则为701吨。',
    '9月我國稀土磁鐵對日本出口312噸，按年減少11.4%。若把磁粉與合金計算在內，對日本出口則為701噸。',
  ])
    it(text.slice(0, 14), () => {
      expect(figs(text, '2026-10-20')).toEqual(['magnet_exports_to_japan|312|2026-09|-|yoy|-11.4']);
    });
  for (const text of [
    '第二批稀土开采指标为13.5万吨。其中，某集团获得开采指标约2.95万吨，同比增长4.6%。',
    '第二批稀土開採指標為13.5萬噸。其中，某集團獲得開採指標約2.95萬噸，同比增長4.6%。',
  ])
    it(text.slice(0, 14), () => {
      expect(figs(text, '2026-08-20')).toEqual(['mining_quota|135000|2026|2|-|-']);
    });
});

describe('a quota raised from the year before: every number and year changed', () => {
  for (const [year, before, after, pct] of [
    [2019, 12, 13.2, 10],
    [2022, 16.8, 21, 25],
    [2027, 30, 33, 10],
  ] as const)
    it(`${year}: ${before}万吨 → ${after}万吨`, () => {
      expect(
        figs(
          `${year}年全年稀土开采总量控制指标由${year - 1}年的${before}万吨提高至${after}万吨，增幅${pct}%。`,
          `${year}-10-01`,
        ),
      ).toEqual([
        `mining_quota|${Math.round(before * 10000)}|${year - 1}|-|-|-`,
        `mining_quota|${Math.round(after * 10000)}|${year}|-|yoy|${pct}`,
      ]);
    });
});

describe('the export quota named after its tonnage: every year changed', () => {
  for (const year of [2010, 2012, 2014])
    it(String(year), () => {
      expect(
        figs(
          `China exported 18,600 tonnes of rare earths in ${year}, well short of the 30,184 tonne quota for the year.`,
          `${year + 1}-01-20`,
        ),
      ).toEqual([`export_quota|30184|${year}|-|-|-`, `rare_earth_exports|18600|${year}|-|-|-`]);
    });
});

describe('the workers and the work name the quota: every wording of the same allowance', () => {
  const lead = 'China handed out the first tranche of this year’s rare earth allowances, letting ';
  for (const [mining, smelting] of [
    ['miners dig up', 'refiners separate'],
    ['miners extract', 'smelters process'],
    ['mining of', 'separation of'],
  ] as const)
    it(`"${mining}" … "${smelting}"`, () => {
      expect(figs(`${lead}${mining} 135,000 tonnes and ${smelting} 127,000 tonnes.`, '2026-02-11')).toEqual([
        'mining_quota|135000|2026|1|-|-',
        'smelting_quota|127000|2026|1|-|-',
      ]);
    });
  it('"up" after a verb is its particle, after a tonnage word a change', () => {
    expect(figs(`${lead}miners dig up 135,000 tonnes.`, '2026-02-11')).toEqual(['mining_quota|135000|2026|1|-|-']);
    expect(
      figs('China’s rare earth exports rose to 5,000 tonnes in May, up 600 tonnes from April.', '2025-06-20'),
    ).toEqual(['rare_earth_exports|5000|2025-05|-|-|-']);
  });
});

describe('the batches so far summed are a year-to-date total in any of the words for the sum', () => {
  const zh = (sum: string) => `工信部下发2024年第二批稀土开采指标135000吨。${sum}270000吨。`;
  const en = (sum: string) =>
    `China issued the second tranche of 2024 rare earth mining quotas at 135,000 tonnes. ${sum} 270,000 tonnes.`;
  const expected = ['mining_quota_ytd|270000|2024|-|-|-', 'mining_quota|135000|2024|2|-|-'];
  for (const sum of ['两批共计', '两批累计下发', '连同第一批，两批合计', '前两批合计'])
    it(sum, () => expect(figs(zh(sum), '2024-08-20')).toEqual(expected));
  it('两批累計 in traditional characters', () =>
    expect(figs(zh('兩批累計').replace('开采指标', '開採指標'), '2024-08-20')).toEqual(expected));
  for (const sum of ['The two tranches together come to', 'That brings both rounds to', 'The first two batches total'])
    it(sum, () => expect(figs(en(sum), '2024-08-20')).toEqual(expected));
});

describe('a month forecast with no figure leaves the text on the month it reports: every month changed', () => {
  for (const m of [4, 7, 10])
    it(`${MONTHS[m - 1]!} figures, ${MONTHS[m]!} forecast`, () => {
      const text =
        `China's magnet exports came to 5,300 tonnes in ${MONTHS[m - 1]!}. ` +
        `We expect ${MONTHS[m]!} volumes somewhere between 5,000 and 5,500 tonnes. ` +
        'Year to date, magnet exports stand at 49,300 tonnes.';
      expect(figs(text, `2025-${pad(m + 1)}-22`)).toEqual([
        `magnet_exports|49300|2025-01/2025-${pad(m)}|-|-|-`,
        `magnet_exports|5300|2025-${pad(m)}|-|-|-`,
      ]);
    });
});

describe('a country named before its tonnage in an English breakdown is a destination: every country changed', () => {
  const text = (breakdown: string) =>
    `China's magnet exports came to 5,300 tonnes in October. By destination, ${breakdown}.`;
  const total = 'magnet_exports|5300|2025-10|-|-|-';
  for (const country of ['Vietnam', 'India', 'Germany'])
    for (const breakdown of [`${country} about 900 tonnes`, `${country}: 900 tonnes`])
      it(`${breakdown}: another destination, left out`, () =>
        expect(figs(text(breakdown), '2025-11-20')).toEqual([total]));
  it('Japan about 900 tonnes: a reported destination', () =>
    expect(figs(text('Japan about 900 tonnes'), '2025-11-20')).toEqual([
      'magnet_exports_to_japan|900|2025-10|-|-|-',
      total,
    ]));
});

describe('limits are quotas when the activity names them: every limit word', () => {
  for (const limit of ['production limits', 'output limits', 'production quotas', 'production targets'])
    it(`"second round of … ${limit}"`, () => {
      const text =
        `China has set its second round of 2026 rare earth ${limit}, allowing mines to produce 140,000 tonnes ` +
        'and plants to turn out 131,000 tonnes of separated products.';
      expect(figs(text, '2026-08-19')).toEqual(['mining_quota|140000|2026|2|-|-', 'smelting_quota|131000|2026|2|-|-']);
      expect(classify({ title: '', text, date: '2026-08-19' }, rules).categories.map((c) => c.category)).toEqual([
        'quota_batch',
      ]);
    });
});

describe('the first months in any numeral: 前2个月, 前两个月, 前二个月, 前兩個月', () => {
  for (const first of ['前2个月', '前两个月', '前二个月', '前兩個月'])
    it(first, () =>
      expect(figs(`${first}我国稀土磁材出口0.93万吨。`, '2026-03-20')).toEqual([
        'magnet_exports|9300|2026-01/2026-02|-|-|-',
      ]),
    );
});

describe('a month in Chinese numerals after any word, and the first months as 头/頭/首: every month changed', () => {
  const CN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  for (let m = 2; m <= 10; m++) {
    it(`内地${CN_MONTHS[m - 1]}月份 and 头${CN_MONTHS[m - 1]}个月 in both scripts`, () => {
      const text =
        `内地${CN_MONTHS[m - 1]}月份稀土磁材出口量为5,473公吨。` +
        `今年头${CN_MONTHS[m - 1]}个月，磁材出口合共4.5万公吨。`;
      // (January–March is the first quarter, January–June the first half.)
      const cumulative = m === 3 ? '2025-Q1' : m === 6 ? '2025-H1' : `2025-01/2025-${pad(m)}`;
      const expected = [`magnet_exports|45000|${cumulative}|-|-|-`, `magnet_exports|5473|2025-${pad(m)}|-|-|-`];
      expect(figs(text, `2025-${pad(m + 1)}-20`)).toEqual(expected);
      expect(figs(text.replace('头', '頭').replace('个', '個'), `2025-${pad(m + 1)}-20`)).toEqual(expected);
      expect(figs(text.replace(CN_MONTHS[m - 1]!, String(m)), `2025-${pad(m + 1)}-20`)).toEqual(expected);
    });
  }
});

describe('少 and 多出 before a percentage are a fall and a rise: every basis', () => {
  for (const [words, basis] of [
    ['较上月', 'mom'],
    ['较去年同期', 'yoy'],
  ] as const)
    it(words, () => {
      expect(figs(`10月稀土出口4,000公吨，${words}少5.2%。`, '2025-11-20')).toEqual([
        `rare_earth_exports|4000|2025-10|-|${basis}|-5.2`,
      ]);
      expect(figs(`10月稀土出口4,000公吨，${words}多出5.2%。`, '2025-11-20')).toEqual([
        `rare_earth_exports|4000|2025-10|-|${basis}|5.2`,
      ]);
    });
});
