/** Period mentions — 2025年6月, 1-5月, 上半年, "first five months", "June 2025", H1, Q1 — and how they resolve. */
import { chineseNumber } from './figures/chinese-numerals.js';
import { WordIndex, type DocumentWords } from './required-words.js';

export interface PeriodMention {
  start: number;
  end: number;
  year?: number;
  /** Relative year: -1 last year, 0 this year. */
  relYear?: number;
  month?: number;
  relMonth?: number;
  /** "the previous quarter", 上季度: the quarter before the one the text is on (see `quarterBefore`). */
  relQuarter?: number;
  /** "over the half year": the half the text is on, which the caller knows (resolvePeriod alone gives none). */
  textHalf?: boolean;
  /** "for the month": the month the text is on, which the caller knows (resolvePeriod alone gives none). */
  textMonth?: boolean;
  /** "for the twelve months" after a December: that December's year, which the caller knows. */
  textYear?: boolean;
  /** "the prior December": that month a year before the one the text is on, which the caller knows. */
  priorMonthName?: boolean;
  /** Cumulative from January to this month. */
  toMonth?: number;
  half?: 1 | 2;
  quarter?: 1 | 2 | 3 | 4;
  /** 当年, "that year": the year the text named before it. */
  sameYear?: boolean;
  /** "over the year", "for the full year", 全年: a whole year the text does not number. */
  wholeYear?: boolean;
  /**
   * "over the two months": the cumulative period from January the text just gave that many months to; the caller
   * resolves it (resolvePeriod alone gives none).
   */
  spanMonths?: number;
  /** A comparison base ("from May", "较上年", "since 2014"), not the period of a figure. */
  comparative: boolean;
  /** "early 2025", "late last year", 年初, 去年年底: some part of the year, which the text does not say. */
  vague?: boolean;
  /** "from 2023, when …": a year the clause after it narrates, the year of that clause's whole-year figures. */
  narrates?: boolean;
}

const EN_NUM: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const ORDINAL: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  // ("the initial quarter": machine-rewritten English for the first.)
  initial: 1,
  opening: 1,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};
const MONTH_ORDINAL: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_RE = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\.?`;
// Between the months of a span: "January-May", "January to May", "January-to-May" (hyphenated as an adjective).
const MONTH_SPAN = String.raw`\s*(?:-(?:to|through|until)-|-|–|—|to|through|until)\s*`;
// The year of a span: "January-May 2024", "the January-to-May period of 2024", "April–June, 2025".
const SPAN_YEAR = String.raw`(?:\s+period)?(?:,?\s+(?:of\s+|in\s+)?(\d{4}))?`;

const DIGITS = /^\d+$/;
const num = (s: string | undefined): number | undefined => {
  if (!s) return undefined;
  if (DIGITS.test(s)) return Number(s);
  return EN_NUM[s.toLowerCase()] ?? ORDINAL[s.toLowerCase()] ?? chineseNumber(s) ?? undefined;
};
const FINAL_DOT = /\.$/;
const monthOf = (s: string | undefined): number | undefined => {
  if (!s) return undefined;
  const k = s.toLowerCase().replace(FINAL_DOT, '');
  const i = MONTHS.findIndex((m) => m.startsWith(k.slice(0, 3)));
  return i >= 0 ? i + 1 : undefined;
};

type Builder = (m: RegExpExecArray) => Omit<PeriodMention, 'start' | 'end' | 'comparative'> | null;

type Pattern = [RegExp, Builder];

const CAPITALISED = /^[A-Z]/;

// Ordered so that at one position the longest, most specific form wins.
const PATTERNS: Pattern[] = [
  // Some part of a year: the year is known, the months are not.
  [
    /(?:(\d{4})\s*年|(今年|本年|去年))?\s*年?(?:初|底|末)(?!\s*\d)/g,
    (m) =>
      m[0].includes('年')
        ? { year: num(m[1]), ...(m[2] ? { relYear: m[2] === '去年' ? -1 : 0 } : {}), vague: true }
        : null,
  ],
  [
    /\b(?:early|late|mid)[\s-]+(?:(\d{4})|(this|last)\s+year)\b|\b(?:the\s+)?(?:start|beginning|end)\s+of\s+(?:(\d{4})|(this|last)\s+year)\b/gi,
    (m) => ({
      year: num(m[1] ?? m[3]),
      ...((m[2] ?? m[4]) ? { relYear: /last/i.test(m[2] ?? m[4]!) ? -1 : 0 } : {}),
      vague: true,
    }),
  ],
  // 截至10月底, 截至10月末: the months from January to that month's end (with the 今年 often written after it).
  [
    /截至\s*(?:(\d{4})\s*年)?\s*(\d{1,2}|十一|十二|[一二三四五六七八九十])\s*月(?:底|末)(?:\s*[，,]?\s*(?:今年|本年))?/g,
    (m) => ({ toMonth: num(m[2]), year: num(m[1]) }),
  ],
  [
    /(?:(\d{4})\s*年)?\s*(?:1|一)\s*[-—–~～至到]\s*(\d{1,2}|十一|十二|[二三四五六七八九十])\s*月(?:份)?/g,
    (m) => ({ year: num(m[1]), toMonth: num(m[2]) }),
  ],
  [
    // (头/頭/首 N 个月 in Hong Kong press: the first months.)
    /(?:(\d{4})\s*年)?\s*(?:前|头|頭|首)\s*(\d{1,2}|十一|十二|[二两兩三四五六七八九十])\s*[个個]?月/g,
    (m) => ({ year: num(m[1]), toMonth: num(m[2]) }),
  ],
  [/(?:(\d{4})\s*年)?\s*(上|下)半年/g, (m) => ({ year: num(m[1]), half: m[2] === '上' ? 1 : 2 })],
  // 前三季度, 前两个季度, 头三季 (Hong Kong): the months from January to the end of that quarter (not the third quarter alone).
  [
    /(?:(\d{4})\s*年)?\s*(?:前|头|頭|首)\s*([二两兩三2-3])\s*[个個]?\s*季(?:度)?/g,
    (m) => ({ year: num(m[1]), toMonth: (num(m[2]) ?? 0) * 3 }),
  ],
  [
    /(?:(\d{4})\s*年)?\s*(?:第)?([一二三四1-4])\s*季度/g,
    (m) => ({ year: num(m[1]), quarter: num(m[2]) as 1 | 2 | 3 | 4 }),
  ],
  // 第一季, 首季 (Taiwan and Hong Kong write a quarter without 度).
  [
    /(?:(\d{4})\s*年)?\s*(?:第([一二三四1-4])|(首))季(?!度)/g,
    (m) => ({ year: num(m[1]), quarter: (m[3] ? 1 : num(m[2])) as 1 | 2 | 3 | 4 }),
  ],
  [
    // (五月 and 十二月 too, and after any word, 内地十月份; but not 个月, 前十月 spans, 同一月份 "the same month", 上一月, 二十月 or 一月一日-style dates.)
    /(?:(\d{4})\s*年)?\s*(\d{1,2}|(?<![同上下前头頭首第每几幾数數近这這两兩〇零一二三四五六七八九十百千万])(?:十一|十二|[一二三四五六七八九十]))\s*月(?:份)?(?!\s*\d{1,2}\s*日|\d|\s*[一二三四五六七八九十]+\s*日)/g,
    (m) => ({ year: num(m[1]), month: num(m[2]) }),
  ],
  [
    // (A tonnage may follow it directly: 2012年30,966吨.)
    /(?<![\d〔[［(（])(\d{4})\s*年(?:全年|度)?(?!\s*\d{1,2}\s*月|\s*第\s*\d+\s*号|\d(?![\d,.]*\s*[万千亿]?\s*(?:公吨|吨)))/g,
    (m) => ({ year: num(m[1]) }),
  ],
  [/(去年|上年|前一年)(?:同期|全年)?/g, () => ({ relYear: -1 })],
  [/今年|本年|年内/g, () => ({ relYear: 0 })],
  // 当年/"that year": the year the text just named (以2014年为例，当年…), else the document's.
  [/当年/g, () => ({ sameYear: true })],
  // 上月, 上个月, 上一个月, 前一个月: the month before.
  [/(?:上一?|前一)个月|上月/g, () => ({ relMonth: -1 })],
  [
    new RegExp(String.raw`\b(?:Jan(?:uary)?\.?)${MONTH_SPAN}(${MONTH_RE})${SPAN_YEAR}`, 'g'),
    (m) => ({ toMonth: monthOf(m[1]), year: num(m[2]) }),
  ],
  [
    new RegExp(
      String.raw`\bbetween\s+Jan(?:uary)?\.?(?:\s+(\d{4}))?\s+and\s+(?:the\s+end\s+of\s+)?(${MONTH_RE})(?:,?\s+(\d{4}))?`,
      'g',
    ),
    (m) => ({ toMonth: monthOf(m[2]), year: num(m[3] ?? m[1]) }),
  ],
  [
    /\bJan(?:uary)?\.?\s+and\s+Feb(?:ruary)?\.?(?:\s+combined)?(?:,?\s+(\d{4}))?/g,
    (m) => ({ toMonth: 2, year: num(m[1]) }),
  ],
  // "the July–September quarter", "April to June": three months of one quarter; "July–December": the second half.
  [
    new RegExp(
      String.raw`\b(?:the\s+)?(Apr(?:il)?|July?|Oct(?:ober)?)\.?${MONTH_SPAN}(${MONTH_RE})(?:\s+quarter)?${SPAN_YEAR}`,
      'g',
    ),
    (m) => {
      const from = monthOf(m[1]);
      const to = monthOf(m[2]);
      if (from === undefined || to === undefined) return null;
      if (to - from === 2) return { quarter: (to / 3) as 1 | 2 | 3 | 4, year: num(m[3]) };
      if (from === 7 && to === 12) return { half: 2, year: num(m[3]) };
      return null;
    },
  ],
  // "the six months to June", "the nine months through September": from January; "the three months to June" a quarter.
  [
    new RegExp(
      String.raw`\b(?:the\s+)?(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+months\s+(?:to|through|ending|ended|until)\s+(?:the\s+end\s+of\s+)?(${MONTH_RE})(?:,?\s+(?:of\s+)?(\d{4}))?`,
      'gi',
    ),
    (m) => {
      const n = num(m[1]);
      const to = monthOf(m[2]);
      if (n === undefined || to === undefined) return null;
      if (n === to) return { toMonth: to, year: num(m[3]) };
      if (n === 3 && to % 3 === 0) return { quarter: (to / 3) as 1 | 2 | 3 | 4, year: num(m[3]) };
      return null;
    },
  ],
  // "the year through October", "the year to date to May": from January.
  [
    new RegExp(
      String.raw`\bthe\s+year\s+(?:through|to|until)\s+(?:the\s+end\s+of\s+)?(${MONTH_RE})(?:,?\s+(\d{4}))?`,
      'gi',
    ),
    (m) => {
      const to = monthOf(m[1]);
      return to === undefined || m[1] === 'may' ? null : { toMonth: to, year: num(m[2]) };
    },
  ],
  // "the seven-month total", "a nine month tally": the months from January.
  [
    /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})[\s-]months?\s+(?:total|tally|sum|cumulative)\b/gi,
    (m) => ({ toMonth: num(m[1]) }),
  ],
  // ("in the tenth month", "the eleventh month of the year": machine-rewritten English for October, November.)
  [
    /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+month(?:\s+of(?:\s+the\s+year|\s+this\s+year|\s+(\d{4})))?\b(?!\s+(?:in\s+a\s+row|running|straight))/gi,
    (m) => {
      const n = MONTH_ORDINAL[m[1]!.toLowerCase()];
      return n ? { month: n, year: num(m[2]) } : null;
    },
  ],
  [
    /\b(?:the\s+)?(?:first|initial|opening)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months?(?:\s+of(?:\s+the\s+year|\s+(\d{4})|\s+this\s+year)?)?/gi,
    (m) => ({ toMonth: num(m[1]), year: num(m[2]) }),
  ],
  // A digest's "11M:", "9M 2025": the first eleven, nine months.
  [/\b(1[01]|[2-9])M\b(?=\s*[:：]|\s+(?:19|20)\d{2}\b)/g, (m) => ({ toMonth: num(m[1]) })],
  [
    /\b(?:the|those|these)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months\b(?!\s+(?:to|through|ending|ended|until|since)\b)/gi,
    (m) => ({ spanMonths: num(m[1]) }),
  ],
  [
    // ("first-half 2019 quota": a year written right after it is its own.)
    /\b(?:the\s+)?(first|second)[\s-]half(?:\s+of(?:\s+(?:the\s+year|this\s+year|(\d{4})))?|\s+((?:19|20)\d{2})\b(?!\s*(?:metric\s+)?(?:tonnes|tons|t|mt|kt)\b))?/gi,
    (m) => ({ half: num(m[1]) as 1 | 2, year: num(m[2] ?? m[3]) }),
  ],
  [/\b(?:(\d{4})\s+)?H([12])(?:\s+(\d{4}))?\b/g, (m) => ({ half: Number(m[2]) as 1 | 2, year: num(m[1] ?? m[3]) })],
  [
    /\b(?:the\s+)?first\s+(two|three)\s+quarters(?:\s+of(?:\s+the\s+year|\s+(\d{4})|\s+this\s+year)?)?/gi,
    (m) => ({ toMonth: (num(m[1]) ?? 0) * 3, year: num(m[2]) }),
  ],
  [
    /\b(?:the\s+)?(first|second|third|fourth|initial|opening)[\s-]quarter(?:\s+of(?:\s+(?:the\s+year|this\s+year|(\d{4})))?|\s+((?:19|20)\d{2})\b(?!\s*(?:metric\s+)?(?:tonnes|tons|t|mt|kt)\b))?/gi,
    (m) => ({ quarter: num(m[1]) as 1 | 2 | 3 | 4, year: num(m[2] ?? m[3]) }),
  ],
  // (A digest's "3Q25", "3Q 2025": the third quarter of 2025; a broker's "1H25": the first half.)
  [
    /\b(?:([1-4])Q|([12])H)\s?((?:20)?\d{2})\b/g,
    (m) => {
      const year = Number(m[3]!.length === 2 ? `20${m[3]}` : m[3]);
      return m[1] ? { quarter: Number(m[1]) as 1 | 2 | 3 | 4, year } : { half: Number(m[2]) as 1 | 2, year };
    },
  ],
  [
    /\b(?:(\d{4})\s+)?Q([1-4])(?:\s+(\d{4}))?\b/g,
    (m) => ({ quarter: Number(m[2]) as 1 | 2 | 3 | 4, year: num(m[1] ?? m[3]) }),
  ],
  // (Before the month by itself: "the prior December" is not the December the text is on.)
  [
    new RegExp(String.raw`\b(?:the\s+)?(?:prior|previous|preceding)\s+(${MONTH_RE})(?!\s+\d)`, 'g'),
    (m) => ({ month: monthOf(m[1]), priorMonthName: true }),
  ],
  [
    new RegExp(
      // (A table's or a chart's "May-25", "Jun ’25": the month of 2025.)
      String.raw`(?<!\d\s)\b(${MONTH_RE})(?:\s+(?:of\s+)?(\d{4})|\s?[-'’](\d{2})\b(?![\d,.%]))?(?!\s+\d{1,2}(?:st|nd|rd|th)?\b(?![,.]?\d{3}))`,
      'g',
    ),
    (m) =>
      m[1] === 'May' || CAPITALISED.test(m[1]!)
        ? { month: monthOf(m[1]), year: m[3] ? 2000 + Number(m[3]) : num(m[2]) }
        : null,
  ],
  [
    /\b(?:last|previous)\s+year\b|\ba\s+year\s+(?:earlier|ago|before|prior)\b|\byear[- ]ago\b/gi,
    () => ({ relYear: -1 }),
  ],
  [/\bthis\s+year\b/gi, () => ({ relYear: 0 })],
  [/\b(?:the\s+)?(?:previous|prior|preceding)\s+quarter\b|\bthe\s+quarter\s+before\b/gi, () => ({ relQuarter: -1 })],
  [/上一?(?:个)?季度|前一(?:个)?季度/g, () => ({ relQuarter: -1 })],
  // ("For the half, exports reached …": the half the text is on.)
  [
    /\bthe\s+half[\s-]year\b|\b(?:for|over|in|during)\s+the\s+half\b(?![\s-]+(?:of|year)\b)/gi,
    () => ({ textHalf: true }),
  ],
  [
    /\b(?:for|over|in|during)\s+the\s+(?:twelve|12)\s+months\b(?!\s+(?:to|through|ending|ended|until)\b)/gi,
    () => ({ textYear: true }),
  ],
  // ("… climbed to 6,146 tons in the same month": the month of the figure before it.)
  [
    /\b(?:for|in|during)\s+the\s+month\b(?!\s+(?:of|before|after|earlier|ago))|\bin\s+the\s+same\s+month\b(?!\s+(?:of|last|a\s+year|in|the\s+previous|the\s+prior))/gi,
    () => ({ textMonth: true }),
  ],
  [/\b(?:that|the\s+same)\s+year\b/gi, () => ({ sameYear: true })],
  [
    /\b(?:over|for|in|during)\s+the\s+(?:whole\s+|full\s+|entire\s+)?year\b|\bfull[\s-]year\b|\bwhole[\s-]year\b/gi,
    () => ({ wholeYear: true }),
  ],
  [/(?<!\d\s*年\s*)全年/g, () => ({ wholeYear: true })],
  [/\b(?:last|previous|prior)\s+month\b|\ba\s+month\s+(?:earlier|ago|before|prior)\b/gi, () => ({ relMonth: -1 })],
  [
    // Not the year of a full date ("July 21, 2025", "2025-06-18"), nor an amount (2000万元).
    new RegExp(
      String.raw`(?<![\d,.$〔[［])(?<!\b${MONTH_RE}\s+\d{1,2}(?:st|nd|rd|th)?,?\s*)\b((?:19|20)\d{2})\b(?![,.]?\d)(?![-/]\d)(?!\s*(?:年|tonnes|tons|吨|万|亿|千|百|元|余|多))`,
      'g',
    ),
    (m) => ({ year: num(m[1]) }),
  ],
];

// ("from 4,103 tonnes in 2018": the year of a tonnage compared with is a comparison too.)
const COMPARATIVE_BEFORE =
  /(?:(?:\bfrom|\bthan|\bcompared?\s+(?:with|to)|\bversus|\bagainst)\s+(?:just\s+|only\s+)?\d[\d,.]*\s*(?:metric\s+)?(?:tonnes|tons|mt|t)\b|\bsince\s+[^,;.]{0,40}?\b(?:in|on)\s+|(?:\bthan|\bfrom|\bcompared?\s+(?:with|to)|\bover|\bon|\bagainst)\s+(?:in\s+)?(?:the\s+)?(?:same|corresponding)\s+(?:[\w-]+\s+){0,2}?(?:months?|period|time|batch|quarter|half|stretch|span|timeframe)\s+(?:of|in|last)\s+|(?:%|per\s?cent|\d\s?pc)\s+(?:(?:respectively|each|apiece)\s+)?(?:on|above|below)\s+|(?:\bhalf|\ba\s+(?:third|quarter)|\btwice|\bdouble|\d\s*(?:%|per\s?cent))\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:quotas?|allowances?|allocations?|caps?|total|levels?|figures?)\s+(?:for|in|of)\s+|高于|低于|多于|少于|\b(?:same|corresponding|equivalent|comparable|matching)\s+(?:month|period|time|batch|quarter|half|round|tranche|instal{1,2}ment|allotment|stretch|span|timeframe)\s*$|\bfrom|\bthan|\bcompared?\s+(?:with|to)|\bversus|\bvs\.?|\bover|\bsince(?:\s+at\s+least)?|\bback\s+to|\bagainst|\bbefore|\b(?:same|corresponding|equivalent|comparable|matching|equal)\s+(?:[\w-]+\s+){0,2}?(?:months?|period|time|batch|quarter|half|round|tranche|instal{1,2}ment|allotment|stretch|span|timeframe)\s+(?:of|in|last|previous|prior|preceding)|比|较|与|同比|相比|自|以来)\s*(?:in\s+)?(?:the\s+)?(?:(?:same|first|second|third|opening|initial)\s+(?:(?:two|three)\s+)?(?:months?|period|batch(?:es)?|rounds?|tranches?)\s+(?:(?:of|in)\s+)?)?(?:in\s+)?$/i;
// "from 2023, when …", "since 2021, when …": the year the next clause narrates.
const NARRATED_AFTER = /^\s*,?\s*when\b/i;
// "Over January to May", "from January to November" (an interval, not a comparison with January).
const OVER_SPAN = /(?:(?:^\s*|[.,;:(]\s*|\b(?:and|but|while)\s+)(?:over|during|in)|\bfrom)\s+(?:the\s+)?$/i;
// ("Exports over January and February combined were …", "shipments of magnets over the six months to June": after a
// word, "over" spans the months too; after a number it compares: "up 5% over January–May 2024".)
const WORD_OVER = /\b[a-z]+\s+(?:over|during|across)\s+(?:the\s+)?$/i;
// ("Imports fell over the three months to March" spans them too: only a number or a percentage compares.)
// ("up 2.3% from January-May 2024": after a percentage "from" compares with the span too.)
const CHANGE_OVER =
  /(?:[%\d]|\bper\s?cent|\dpc)\s+(?:(?:higher|lower|more|less|up|down)\s+)?(?:over|during|across|from)\s+(?:the\s+)?$/i;
const COMPARATIVE_AFTER = /^\s*(?:同期|以来|相比|比较|levels?\b|(?:的)?(?:月均|平均))/;
// "close to their monthly average this year", "the average for 2024": the span of an average, not a figure's period.
const AVERAGE_BEFORE = /\baverage\s+(?:(?:for|of|in|over|so\s+far)\s+)?(?:the\s+)?$/i;
// 全年计划的60%, 去年指标的一半: the period of a figure another is measured against.
export const FRACTION_AFTER = /^[^，。；,;\d年]{0,4}的\s*(?:\d+(?:\.\d+)?\s*[%％]|一半|[一二三四五六七八九]成)/;

// "… t over the two months": a span the text named before, not a comparison.
const SPAN_BEFORE = /\b(?:over|during|in|for|across)\s*$/i;
const BASE_CONTINUES = /^\s*(?:of\s+|,\s*)?$/;
const OF_GAP = /^\s*(?:of\s+)?$/;

// A release's verb right before a relative month ("data showed last month", "figures published last month") or right
// after it (上月公布的数据, 上月發布): the month the figures came out in.
const RELEASED_BEFORE =
  /\b(?:data|figures|statistics|numbers|customs|GAC|administration|bureau)\s+(?:(?:had|has|were|was)\s+)?(?:showed|shown|shows|released|published|issued|announced|reported|revealed|indicated)\s+(?:(?:on|in)\s+)?$/i;
const RELEASED_AFTER = /^\s*(?:公布|发布|發布|公佈|发表|發表|披露)/;

/** Whether a mention already found covers part of [start, end) (absolute offsets). */
function overlaps(found: readonly PeriodMention[], start: number, end: number): boolean {
  for (const f of found) if (start < f.end && end > f.start) return true;
  return false;
}

/** The period patterns that can match somewhere in a text, for findPeriods on its sentences. */
export interface PeriodPatterns {
  list: readonly Pattern[];
}

const ALL_PATTERNS: PeriodPatterns = { list: PATTERNS };

/** The period patterns' expressions, for the classifier's index of required words. */
export const PERIOD_EXPRESSIONS: readonly RegExp[] = PATTERNS.map(([re]) => re);

/** The words each period pattern cannot match without (required-words), for texts read without the classifier's. */
let periodIndex: WordIndex | undefined;
const periodWords = (text: string) => (periodIndex ??= new WordIndex(PERIOD_EXPRESSIONS)).read(text);

/**
 * The patterns that may match somewhere in a document (a pattern whose required words it lacks cannot), for
 * findPeriods on its sentences. `words`: what the classifier's word index read in the document, when it has.
 */
export function periodPatternsOf(text: string, words: DocumentWords = periodWords(text)): PeriodPatterns {
  return { list: PATTERNS.filter(([re]) => words.mayMatch(re)) };
}

/**
 * Every period mention in `text`, non-overlapping, longest first at each position. `patterns`: those of the document
 * `text` is part of (periodPatternsOf), else all, each tried only when `text` holds one of its required words.
 */
export function findPeriods(
  text: string,
  offset = 0,
  patterns: PeriodPatterns = ALL_PATTERNS,
  /** What the word index read in the document `text` is the part at `offset` of: patterns it rules out here are not run. */
  words?: DocumentWords,
): PeriodMention[] {
  const found: PeriodMention[] = [];
  const own = words || patterns !== ALL_PATTERNS ? undefined : periodWords(text);
  for (const [re, build] of patterns.list) {
    if (words ? !words.mayMatchIn(re, offset, offset + text.length) : own && !own.mayMatch(re)) continue;
    mentionsOf(text, offset, re, build, found);
  }
  return settled(text, offset, found);
}

/**
 * findPeriods of each of a document's parts (its sentences), the same mentions, found pattern by pattern over all the
 * parts rather than part by part: one expression at a time runs over the document's sentences, which costs about a
 * third less than taking turns between fifty expressions in every sentence.
 */
export function findPeriodsEach(
  parts: readonly { text: string; start: number }[],
  patterns: PeriodPatterns,
  /** What the word index read in the document: patterns it rules out in a part are not run there. */
  words?: DocumentWords,
): PeriodMention[][] {
  const found: PeriodMention[][] = parts.map(() => []);
  for (const [re, build] of patterns.list)
    for (let i = 0; i < parts.length; i++) {
      const { text, start } = parts[i]!;
      if (!words || words.mayMatchIn(re, start, start + text.length)) mentionsOf(text, start, re, build, found[i]!);
    }
  return parts.map((part, i) => settled(part.text, part.start, found[i]!));
}

// Every text COMPARATIVE_BEFORE matches ends, but for white space, on the last character of one of its words ("from",
// "than", "compared with", "tonnes", "in", "the", "of", 比, 较, 高于 …): a cheap test of that one character before the
// expression tries its fifty words at each of the fifty positions. (Kept with COMPARATIVE_BEFORE: a word added there
// that ends on another letter is added here; the periods tests hold both.)
const COMPARE_LAST = new Set('tsnewrfhdmog.于比较与自来');
const SPACE = /\s/;
function mayCompare(before: string): boolean {
  let i = before.length - 1;
  while (i >= 0 && SPACE.test(before[i]!)) i--;
  return i >= 0 && COMPARE_LAST.has(before[i]!.toLowerCase());
}

/** The mentions one pattern finds in `text` (at `offset` in its document) that no mention in `found` overlaps. */
function mentionsOf(text: string, offset: number, re: RegExp, build: Builder, found: PeriodMention[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim().length === 0) {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    const end = m.index + m[0].trimEnd().length;
    if (overlaps(found, start + offset, end + offset)) continue;
    const built = build(m);
    if (!built) continue;
    // Only the parts the match gave (a plain loop: this runs for every period mention of every sentence).
    const kept: Record<string, unknown> = {};
    for (const key in built) {
      const value = (built as Record<string, unknown>)[key];
      if (value !== undefined) kept[key] = value;
    }
    const parts = kept as Omit<PeriodMention, 'start' | 'end' | 'comparative'>;
    if (parts.month !== undefined && (parts.month < 1 || parts.month > 12)) continue;
    if (parts.toMonth !== undefined && (parts.toMonth < 1 || parts.toMonth > 12)) continue;
    const before = text.slice(Math.max(0, start - 50), start);
    const after = text.slice(end, end + 6);
    // "Over January to May, imports fell 14.3%": "over" opening a clause spans the period, it compares with nothing.
    // "… t over the two months": the same for a span the text named before.
    const spanning =
      parts.textHalf === true ||
      parts.textMonth === true ||
      parts.textYear === true ||
      // (A quarter or a half too: "Exports over the first quarter totalled …", "shipments during the first half".)
      ((parts.toMonth !== undefined || parts.quarter !== undefined || parts.half !== undefined) &&
        (OVER_SPAN.test(before) || WORD_OVER.test(before)) &&
        !CHANGE_OVER.test(before)) ||
      (parts.spanMonths !== undefined && SPAN_BEFORE.test(before));
    // ("slowed from 2023, when Beijing raised the first batch … taking the full-year totals to 255,000 tons": a year a
    // clause of its own then narrates is the time of what that clause says, even as a comparison base.)
    const narrated =
      parts.year !== undefined && parts.month === undefined && NARRATED_AFTER.test(text.slice(end, end + 8));
    const comparative =
      (!spanning && mayCompare(before) && COMPARATIVE_BEFORE.test(before)) ||
      COMPARATIVE_AFTER.test(after) ||
      AVERAGE_BEFORE.test(before) ||
      FRACTION_AFTER.test(text.slice(end, end + 16)) ||
      (parts.relYear === -1 && m[0].includes('同期'));
    // The copy made above becomes the mention itself (no second copy for every mention of every sentence).
    Object.assign(kept, { start: offset + start, end: offset + end, comparative }, narrated ? { narrates: true } : {});
    found.push(kept as unknown as PeriodMention);
  }
}

/** The mentions of one text in order, comparison bases carried on, and a month joined to the relative year after it. */
function settled(text: string, offset: number, found: PeriodMention[]): PeriodMention[] {
  found.sort((a, b) => a.start - b.start);
  // "…, customs data showed last month, although …", 上月公布的数据: when the figures came out, not a figure's period.
  for (let i = found.length - 1; i >= 0; i--) {
    const p = found[i]!;
    if (
      p.relMonth !== undefined &&
      (RELEASED_BEFORE.test(text.slice(Math.max(0, p.start - offset - 40), p.start - offset)) ||
        RELEASED_AFTER.test(text.slice(p.end - offset, p.end - offset + 6)))
    )
      found.splice(i, 1);
  }
  // "than in July last year", "from May of 2024": what directly follows a comparison base is part of it.
  for (let i = 1; i < found.length; i++) {
    const prev = found[i - 1]!;
    const gap = text.slice(prev.end - offset, found[i]!.start - offset);
    if (prev.comparative && BASE_CONTINUES.test(gap)) found[i]!.comparative = true;
  }
  // "May last year", "January this year", 去年5月: one month of that year, not a month and a year apart.
  for (let i = found.length - 2; i >= 0; i--) {
    const a = found[i]!;
    const b = found[i + 1]!;
    const part = a.relYear === undefined ? a : b;
    const rel = part === a ? b : a;
    if (
      rel.relYear === undefined ||
      !isPlain(rel) ||
      part.year !== undefined ||
      part.relYear !== undefined ||
      isPlain(part) ||
      b.start - a.end > 4 ||
      !OF_GAP.test(text.slice(a.end - offset, b.start - offset))
    )
      continue;
    found.splice(i, 2, {
      ...part,
      relYear: rel.relYear,
      start: a.start,
      end: b.end,
      comparative: a.comparative || b.comparative,
    });
  }
  return found;
}

/** A relative year and nothing else (not 去年同期, a comparison of its own). */
const isPlain = (p: PeriodMention) =>
  p.month === undefined && p.toMonth === undefined && p.half === undefined && p.quarter === undefined;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The period a mention names, as design §5 writes it. A year the text does not give comes from `contextYear` (a year
 * stated earlier in the same sentence) or from the document date; a month later than the document's month then
 * belongs to the year before (a January report on December), and so does a whole year reported in January.
 */
export function resolvePeriod(
  p: PeriodMention,
  contextYear: number | undefined,
  docDate: { year: number; month: number } | null,
): string | null {
  if (p.spanMonths !== undefined) return null;
  // (The quarter before the one the text is on: `quarterBefore`, where the caller knows it; not the document's.)
  if (p.relQuarter !== undefined || p.textHalf || p.textMonth || p.textYear || p.priorMonthName) return null;
  let year = p.year;
  const endMonth = p.month ?? p.toMonth ?? (p.half ? p.half * 6 : p.quarter ? p.quarter * 3 : undefined);
  if (year === undefined && p.relYear !== undefined && docDate) year = docDate.year + p.relYear;
  if (year === undefined && p.sameYear) year = contextYear ?? docDate?.year;
  if (p.relMonth !== undefined) {
    if (!docDate) return null;
    const idx = docDate.year * 12 + (docDate.month - 1) + p.relMonth;
    return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`;
  }
  if (year === undefined) year = contextYear;
  // A whole year reported in January ("exports rose 6% over the year") is the year that just ended.
  if (year === undefined && docDate && p.wholeYear) year = docDate.month === 1 ? docDate.year - 1 : docDate.year;
  if (year === undefined && docDate)
    year = endMonth !== undefined && endMonth > docDate.month ? docDate.year - 1 : docDate.year;
  if (year === undefined) return null;
  if (p.month !== undefined) return `${year}-${pad(p.month)}`;
  if (p.toMonth !== undefined) {
    if (p.toMonth === 12) return String(year);
    if (p.toMonth === 6) return `${year}-H1`;
    if (p.toMonth === 3) return `${year}-Q1`;
    if (p.toMonth === 1) return `${year}-01`;
    return `${year}-01/${year}-${pad(p.toMonth)}`;
  }
  if (p.half) return `${year}-H${p.half}`;
  if (p.quarter) return `${year}-Q${p.quarter}`;
  return String(year);
}

/** The quarter before a quarter: 2020-Q3 → 2020-Q2, 2021-Q1 → 2020-Q4; null for a period that is not a quarter. */
export function quarterBefore(period: string | null | undefined): string | null {
  const m = period ? /^(\d{4})-Q([1-4])$/.exec(period) : null;
  if (!m) return null;
  const q = Number(m[2]);
  return q === 1 ? `${Number(m[1]) - 1}-Q4` : `${m[1]}-Q${q - 1}`;
}
