/**
 * The domain's words, defined once: the 17 rare-earth elements, rare earths as a group, magnets, the things a control
 * list names, quota words, and the other minerals whose controls are not rare-earth controls. Rules use them as
 * `{name}` placeholders (config/rules/*.yaml); entities and figures import them. Text is matched after normalisation,
 * so the Chinese forms here are simplified (traditional text has been converted).
 */

export interface Element {
  symbol: string;
  /** Simplified character (traditional text is converted before matching). */
  zh: string;
  /** Traditional character, for people reading this table and for tests. */
  zhTraditional: string;
  en: string;
  /** Light or medium/heavy, as China's 2025 control lists group them. */
  group: 'light' | 'heavy';
}

export const ELEMENTS: readonly Element[] = [
  { symbol: 'Sc', zh: '钪', zhTraditional: '鈧', en: 'scandium', group: 'heavy' },
  { symbol: 'Y', zh: '钇', zhTraditional: '釔', en: 'yttrium', group: 'heavy' },
  { symbol: 'La', zh: '镧', zhTraditional: '鑭', en: 'lanthanum', group: 'light' },
  { symbol: 'Ce', zh: '铈', zhTraditional: '鈰', en: 'cerium', group: 'light' },
  { symbol: 'Pr', zh: '镨', zhTraditional: '鐠', en: 'praseodymium', group: 'light' },
  { symbol: 'Nd', zh: '钕', zhTraditional: '釹', en: 'neodymium', group: 'light' },
  { symbol: 'Pm', zh: '钷', zhTraditional: '鉕', en: 'promethium', group: 'light' },
  { symbol: 'Sm', zh: '钐', zhTraditional: '釤', en: 'samarium', group: 'heavy' },
  { symbol: 'Eu', zh: '铕', zhTraditional: '銪', en: 'europium', group: 'heavy' },
  { symbol: 'Gd', zh: '钆', zhTraditional: '釓', en: 'gadolinium', group: 'heavy' },
  { symbol: 'Tb', zh: '铽', zhTraditional: '鋱', en: 'terbium', group: 'heavy' },
  { symbol: 'Dy', zh: '镝', zhTraditional: '鏑', en: 'dysprosium', group: 'heavy' },
  { symbol: 'Ho', zh: '钬', zhTraditional: '鈥', en: 'holmium', group: 'heavy' },
  { symbol: 'Er', zh: '铒', zhTraditional: '鉺', en: 'erbium', group: 'heavy' },
  { symbol: 'Tm', zh: '铥', zhTraditional: '銩', en: 'thulium', group: 'heavy' },
  { symbol: 'Yb', zh: '镱', zhTraditional: '鐿', en: 'ytterbium', group: 'heavy' },
  { symbol: 'Lu', zh: '镥', zhTraditional: '鑥', en: 'lutetium', group: 'heavy' },
];

/**
 * A symbol in brackets, as "(Dy)" or "（Tb）": the symbol is the match. The bracket is checked behind the symbol, after
 * it matched, not before every position of the text (a look-behind opening an alternative costs a check at each
 * position). The \b before the symbol makes the look-behind's one or two letters exactly the symbol's.
 */
const bracketedSymbol = (symbols: string) => `(?:${symbols})(?=[)）])(?<=[(（][A-Za-z]{1,2})`;
const oxideFormula = (symbols: string) => `(?:${symbols})\\d?O\\d`;

const alternatives = (...parts: string[]) => parts.join('|');

const ELEMENT_CHARACTERS = `[${ELEMENTS.map((e) => e.zh).join('')}]`;
const ELEMENT_WORDS = [
  ...ELEMENTS.map((e) => e.en),
  bracketedSymbol(ELEMENTS.map((e) => e.symbol).join('|')),
  oxideFormula(ELEMENTS.map((e) => e.symbol).join('|')),
];

/**
 * All 17 elements as one alternation, each as a word (terbium is not erbium, ytterbium not terbium): the Chinese
 * characters as a class, and the English names, bracketed symbols and oxide formulas (Dy, Tb4O7) behind one \b, so
 * a scan of a long text tries two branches at each position instead of fifty. A match is the character, the name,
 * the symbol or the formula: `elementOf` names its element.
 */
const ANY_ELEMENT = alternatives(ELEMENT_CHARACTERS, `\\b(?:${ELEMENT_WORDS.join('|')})\\b`);

const ELEMENT_BY_FORM = new Map(
  ELEMENTS.flatMap((e) => [e.zh, e.en, e.symbol.toLowerCase()].map((form) => [form, e.symbol] as const)),
);

/** The symbol of the element a match of `TERMS.element` names (Tb for 铽, terbium, Tb or Tb4O7). */
export const elementOf = (match: string): string | undefined =>
  ELEMENT_BY_FORM.get(match.toLowerCase().replace(/\d?o\d$/, ''));

/** Sources of regular expressions (case-insensitive), by placeholder name. */
export const TERMS = {
  element: ANY_ELEMENT,
  /** Rare earths as a group or any one of them. */
  rare_earth: alternatives(
    '稀土',
    // Wire stories name the group without the word: "the group of 17 minerals", 17种元素.
    '17种(?:稀土)?(?:元素|金属|矿物)',
    ELEMENT_CHARACTERS,
    // Every word-bounded form behind one \b, so most positions fail on one check.
    // ("Uncommon earths" is what synonym-spinning sites put for rare earths.)
    `\\b(?:${['rare[\\s-]earths?', 'uncommon[\\s-]earths?', 'REEs?', 'lanthanides?', '(?:group of )?17 (?:minerals|metals|elements)', ...ELEMENT_WORDS].join('|')})\\b`,
  ),
  /** Rare-earth magnets in every usual wording (稀土磁铁 is the HK/Taiwan word, 永磁 the mainland one). */
  magnet: alternatives(
    '稀土永磁',
    '永磁体?',
    '永磁材料',
    '磁体',
    '磁铁',
    '磁材',
    '钕铁硼',
    '\\b(?:permanent\\s+)?magnets?\\b',
    '\\bNdFeB\\b',
  ),
  /** What a control list names besides the elements: technologies, equipment, materials, items. */
  control_item: alternatives(
    '物项',
    '技术',
    '设备',
    '辅料',
    '原材料',
    '\\bitems?\\b',
    '\\btechnolog(?:y|ies)\\b',
    '\\bknow-how\\b',
    '\\bequipment\\b',
    '\\bmaterials?\\b',
  ),
  /** Export controls as a measure. */
  control: alternatives(
    '出口管制',
    '出口管控',
    '出口限制',
    '禁止出口',
    '限制出口',
    '\\bexport\\s+(?:controls?|restrictions?|curbs?|bans?|licensing(?:\\s+requirements?)?)\\b',
    '\\b(?:controls?|restrictions?|curbs?|bans?)\\s+on\\s+(?:the\\s+)?exports?\\b',
  ),
  /** A production quota: the word for the limit … */
  quota: alternatives(
    '指标',
    '(?<!出口)配额',
    '总量控制',
    '控制计划',
    '生产计划',
    // (The plan words of the MIIT notices before 2020: 稀土开采计划, 冶炼分离计划.)
    '(?:开采|冶炼分离)计划',
    '\\b(?<!export\\s)quotas?\\b',
    '\\bcaps?\\b',
    '\\bceilings?\\b',
    '\\ballocations?\\b',
    // (Allotments and allowances, as wire copy words a quota; not an export allowance.)
    '\\b(?<!export\\s)(?:allotments?|allowances?)\\b',
    '\\b(?:production|output|mining|control)\\s+(?:plans?|limits?)\\b',
    // ("production rights": the right to produce so much, a quota; not mining rights, which are a licence to an area.)
    '\\b(?:production|output)\\s+rights\\b',
    // ("production limits": the activity, then the limit as the quota word.)
    '\\blimits?\\b(?<=\\b(?:production|output|mining|smelting|separation|extraction)\\slimits?)',
    '\\btargets?\\b',
    '\\bmaximum\\s+(?:amount|volume|output)\\b',
    // (总量控制指标 in the ministries' own English: "total quantity control indicators", "mining indicators" — an
    // indicator as the quota, not an economic indicator.)
    '\\btotal[\\s-](?:quantity|volume|amount)\\s+control\\b',
    '\\b(?:control|quota|mining|smelting|separation|extraction|production|output)\\s+indicators?\\b',
  ),
  /** … and what it limits. */
  quota_activity: alternatives(
    '开采',
    '冶炼分离',
    '冶炼',
    '采矿',
    '\\bmining\\b',
    '\\bexploration\\b',
    '\\bextraction\\b',
    '\\bproduction\\b',
    '\\boutput\\b',
    '\\bsmelting\\b',
    '\\bseparation\\b',
    '\\brefining\\b',
  ),
  /** Minerals whose controls, quotas and licences are not rare-earth ones. */
  other_metal: alternatives(
    '镓',
    '锗',
    '石墨',
    '锑',
    '锂',
    '钨',
    '铟',
    '铋',
    '钼',
    '碲',
    '萤石',
    '超硬材料',
    '\\b(?:gallium|germanium|graphite|antimony|lithium|tungsten|indium|bismuth|molybdenum|tellurium|fluorspar|superhard)\\b',
  ),
} as const;

export type TermName = keyof typeof TERMS;

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Replace `{name}` placeholders in a rule pattern with the vocabulary; an unknown name is an error naming it. */
export function expandTerms(source: string): string {
  return source.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in TERMS))
      throw new Error(
        `unknown vocabulary word ${whole}: use one of ${Object.keys(TERMS)
          .map((k) => `{${k}}`)
          .join(', ')}`,
      );
    return `(?:${TERMS[name as TermName]})`;
  });
}
