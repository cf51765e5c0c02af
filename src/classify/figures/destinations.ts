/**
 * Countries a flow can go to, as the snake_case suffix of a destination metric (`magnet_exports_to_japan`). A country
 * is a destination only where the text sends the flow there: "to Japan", 对日本/向日本/销往日本/出口至日本 (the United
 * States also in the looser wordings the press uses for it: 对美, "U.S.-bound", "American buyers"), or names it as the
 * one that took the tonnage in a breakdown ("Germany took 1,204 tonnes", 德国为1118吨, "Germany: 1,204 t"). Only some are reported
 * (`isReportedDestination`).
 */

/** slug, Chinese names (simplified and traditional forms), English names (one a bare "the" may precede). */
const COUNTRIES: Array<[string, string, string]> = [
  ['japan', '日本', 'Japan'],
  ['germany', '德国|德國', 'Germany'],
  ['south_korea', '韩国|韓國|南韩|南韓|韩國', 'South Korea|Korea'],
  ['vietnam', '越南', 'Vietnam|Viet Nam'],
  ['netherlands', '荷兰|荷蘭', 'the Netherlands|Netherlands'],
  ['india', '印度', 'India'],
  ['france', '法国|法國', 'France'],
  ['italy', '意大利|義大利', 'Italy'],
  ['united_kingdom', '英国|英國', 'Britain|the United Kingdom|the UK'],
  ['thailand', '泰国|泰國', 'Thailand'],
  ['malaysia', '马来西亚|馬來西亞', 'Malaysia'],
  ['mexico', '墨西哥', 'Mexico'],
  ['poland', '波兰|波蘭', 'Poland'],
  ['philippines', '菲律宾|菲律賓', 'the Philippines|Philippines'],
  ['australia', '澳大利亚|澳洲', 'Australia'],
  ['canada', '加拿大', 'Canada'],
  ['brazil', '巴西', 'Brazil'],
  ['russia', '俄罗斯|俄羅斯', 'Russia'],
  ['indonesia', '印度尼西亚|印尼', 'Indonesia'],
  ['turkey', '土耳其', 'Turkey|Türkiye'],
  ['spain', '西班牙', 'Spain'],
  ['austria', '奥地利|奧地利', 'Austria'],
  ['slovenia', '斯洛文尼亚', 'Slovenia'],
];

const ZH_TO = String.raw`(?:对|對|向|销往|銷往|运往|運往|输往|輸往|发往|發往|出口至|出口到|出口往|至|到)\s*`;
const EN_TO = String.raw`\b(?:to|into|for|bound\s+for|destined\s+for)\s+`;

export interface DestinationMatch {
  country: string;
  start: number;
  end: number;
  /** The words name the country as where the flow goes ("to Japan", 对日本); a bare name (美国, "U.S.") does not. */
  strict: boolean;
}

const SLUG = new Map<string, string>();
for (const [country, zh, en] of COUNTRIES)
  for (const name of [...zh.split('|'), ...en.split('|')]) SLUG.set(name.toLowerCase().replace(/^the /, ''), country);
// ("the USA", "U.S.A.": the abbreviations a machine's rewording or a newsletter writes.)
for (const name of ['美国', '美國', '美', 'united states', 'u.s.a.', 'u.s.', 'usa', 'us', 'america'])
  SLUG.set(name, 'us');
// 对日, 对德, 对韩: the one-character names the press abbreviates a destination to.
for (const [name, country] of [
  ['日', 'japan'],
  ['德', 'germany'],
  ['韩', 'south_korea'],
  ['韓', 'south_korea'],
] as const)
  SLUG.set(name, country);

const alternatives = (names: string[]) =>
  names
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.]/g, '\\.').replace(/^the /i, ''))
    .join('|');
const ZH_NAMES = alternatives([...COUNTRIES.flatMap(([, zh]) => zh.split('|')), '美国', '美國']);
const EN_NAMES = alternatives([
  ...COUNTRIES.flatMap(([, , en]) => en.split('|')),
  'United States',
  'U.S.A.',
  'U.S.',
  'USA',
  'US',
  'America',
]);
// A country named as the one that took a shipment: "Germany took 1,204 tonnes", "South Korea received 577 tonnes",
// 德国为1118吨 (a bare name before its tonnage, in a breakdown by destination).
// In English too: "India together about 900 tonnes", "Germany: 1,204 t" (after "Vietnam and", the nearer name).
// ("Germany was again the biggest destination, taking 1,042 tons": a country named as the top buyer or market.)
const RECEIVER = String.raw`\b(${EN_NAMES})(?:\s+(?:(?:together|combined|jointly)\s+)?(?:took|received|bought|imported|absorbed)\b|\s+(?:was|remained|is|stayed|became)\s+(?:(?:again|still|once\s+again)\s+)?the\s+(?:(?:biggest|largest|top|main|leading|single\s+largest)\s+)?(?:destination|buyer|market|customer|importer)\b|(?=\s*(?:[:,]\s*|\s(?:together|combined|jointly)\s+)?(?:(?:about|around|some|nearly|roughly|almost)\s+)?\d[\d,.]*\s*(?:metric\s+)?(?:tonnes|tons|t|mt)\b))|(${ZH_NAMES})(?=\s*(?:为|為|达|達|以)?\s*\d[\d,.]*\s*(?:万|萬)?\s*(?:公吨|公噸|吨|噸))`;
// One pass for every country: the strict forms first (a flow sent there), then a bare United States.
const STRICT = new RegExp(
  `${ZH_TO}(${ZH_NAMES})|(?:对|對|输|輸|销|銷|运|運)(?:往)?(美|日|德|韩|韓)(?!元|國|国|本|期|常|子|前|后|後|内|內|均|意志|语|語)|${EN_TO}(?:the\\s+)?(${EN_NAMES})(?![\\w$])|\\b(${EN_NAMES})-bound\\b|(American) buyers|${RECEIVER}`,
  'g',
);
// The next countries of a list after a flow sent to one: 向美国、日本出口, "to the United States and Japan".
const ZH_LIST_NEXT = new RegExp(`^\\s*(?:、|和|及|与|與|以及)\\s*(${ZH_NAMES})`);
const EN_LIST_NEXT = new RegExp(`^\\s*(?:,\\s*(?:and\\s+)?|and\\s+)(?:the\\s+)?(${EN_NAMES})(?![\\w$])`);

const BARE_US = /美国|美國|United States|U\.S\.(?:A\.)?(?!\w)|\bUSA?\b(?!\$)|\bAmerica\b/g;

// Buyers named by their country's adjective: "Japanese manufacturers took 241 t", "German carmakers", 日本客户.
const DEMONYMS: Array<[string, string]> = [
  ['japan', 'Japanese'],
  ['us', 'American|U\\.S\\.|US'],
  ['germany', 'German'],
  ['south_korea', 'South Korean|Korean'],
  ['vietnam', 'Vietnamese'],
  ['india', 'Indian'],
  ['netherlands', 'Dutch'],
  ['france', 'French'],
  ['italy', 'Italian'],
  ['united_kingdom', 'British'],
  ['thailand', 'Thai'],
  ['malaysia', 'Malaysian'],
  ['mexico', 'Mexican'],
  ['poland', 'Polish'],
];
const BUYERS = String.raw`(?:buyers|customers|clients|importers|purchasers|consignees|recipients|users|end[\s-]users|manufacturers|makers|firms|companies|automakers|carmakers|factories|plants)`;
// (No \b before the names: a regular expression that opens on a literal skips quickly to where one can start; the
// letter before is tested where one does.)
const DEMONYM = new RegExp(
  String.raw`(${DEMONYMS.map(([, d]) => d).join('|')})\s+(?:[a-z-]+\s+){0,2}?${BUYERS}\b|(日本|韩国|韓國|德国|德國|美国|美國|美方)(?:的)?(?:客户|客戶|买家|買家|买方|買方|厂商|廠商|用户|用戶)`,
  'g',
);
const DEMONYM_SLUG = new Map<string, string>();
for (const [country, names] of DEMONYMS)
  for (const n of names.split('|')) DEMONYM_SLUG.set(n.replace(/\\/g, '').toLowerCase(), country);
for (const [n, country] of [
  ['日本', 'japan'],
  ['韩国', 'south_korea'],
  ['韓國', 'south_korea'],
  ['德国', 'germany'],
  ['德國', 'germany'],
  ['美国', 'us'],
  ['美國', 'us'],
  ['美方', 'us'],
] as const)
  DEMONYM_SLUG.set(n, country);

// Any other country named by itself ("Germany again led the list of buyers with about 1,040 t"): a destination of a
// breakdown, whose tonnage is not the national total (the reported ones, the United States and Japan, need the words
// that send the flow there).
const BARE_OTHER = new RegExp(
  `(${COUNTRIES.filter(([c]) => c !== 'japan')
    .flatMap(([, zh]) => zh.split('|'))
    .sort((a, b) => b.length - a.length)
    .join('|')})|(${COUNTRIES.filter(([c]) => c !== 'japan')
    .flatMap(([, , en]) => en.split('|').map((n) => n.replace(/^the /i, '')))
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'g',
);

const LETTER_BEFORE = /[A-Za-z]/;

/** The destinations `text` names, in order of where they start. */
export function findDestinations(text: string): DestinationMatch[] {
  const out: DestinationMatch[] = [];
  STRICT.lastIndex = 0;
  for (let m = STRICT.exec(text); m; m = STRICT.exec(text)) {
    const name = (
      m[1] ??
      m[2] ??
      m[3] ??
      m[4] ??
      (m[5] ? 'america' : undefined) ??
      m[6] ??
      m[7] ??
      m[8] ??
      ''
    ).toLowerCase();
    const country = SLUG.get(name);
    if (country) out.push({ country, start: m.index, end: m.index + m[0].length, strict: true });
    // (After 向/对…, "to …": the countries listed with the first are sent the flow too.)
    const next = m[1] ? ZH_LIST_NEXT : m[3] ? EN_LIST_NEXT : undefined;
    for (
      let at = m.index + m[0].length, n = next?.exec(text.slice(at, at + 40));
      n;
      n = next!.exec(text.slice(at, at + 40))
    ) {
      const listed = SLUG.get(n[1]!.toLowerCase().replace(/^the /, ''));
      const start = at + n[0].length - n[1]!.length;
      at += n[0].length;
      if (listed) out.push({ country: listed, start, end: at, strict: true });
    }
  }
  DEMONYM.lastIndex = 0;
  for (let m = DEMONYM.exec(text); m; m = DEMONYM.exec(text)) {
    if (m[1] && LETTER_BEFORE.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    const start = m.index;
    const end = start + m[0].length;
    const country = DEMONYM_SLUG.get((m[1] ?? m[2] ?? '').toLowerCase());
    if (country && !out.some((c) => c.start < end && c.end > start)) out.push({ country, start, end, strict: true });
  }
  BARE_OTHER.lastIndex = 0;
  for (let m = BARE_OTHER.exec(text); m; m = BARE_OTHER.exec(text)) {
    if (m[2] && LETTER_BEFORE.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    const start = m.index;
    const end = start + m[0].length;
    const country = SLUG.get(m[0].toLowerCase());
    if (country && !out.some((c) => c.start < end && c.end > start)) out.push({ country, start, end, strict: false });
  }
  BARE_US.lastIndex = 0;
  for (let m = BARE_US.exec(text); m; m = BARE_US.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!out.some((c) => c.start <= start && c.end >= end)) out.push({ country: 'us', start, end, strict: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The destinations whose figures are reported: the United States and Japan, the two markets the press and the labelled
 * corpus follow as policy targets of China's controls. A breakdown's other countries (Germany, South Korea …) are
 * recognised, so that their tonnage is not taken for the national total, and then left out.
 */
const REPORTED_DESTINATIONS = new Set(['us', 'japan']);

export const isReportedDestination = (country: string | undefined): boolean =>
  country === undefined || REPORTED_DESTINATIONS.has(country);

/** The country a name alone is ("日本", "United States", "the USA"): a table row's name, which sends nothing anywhere. */
export const countryNamed = (name: string): string | undefined =>
  SLUG.get(name.trim().toLowerCase().replace(/^the /, ''));
