/** The period of one tonnage, from the period mentions of its sentence (design §5 periods). */
import { resolvePeriod, type PeriodMention } from '../periods.js';
import type { Quantity } from '../quantities.js';
import type { Span } from '../segment.js';
import { yearBack } from './bases.js';

export type DocDate = { year: number; month: number } | null;

const CJK = /[\u4e00-\u9fff]/;
const SAME_PERIOD_LAST_YEAR =
  /去年同期|上年同期|a year (?:earlier|ago|before)|year[\s-]ago|the same (?:period|month|quarter|stretch|span|timeframe) (?:of |in )?last year/i;

/** Months from January, a quarter, a half or a year: a change with no stated basis on it is year-on-year. */
export const CUMULATIVE_PERIOD = /\/|H[12]|Q[1-4]|^\d{4}$/;

// The tonnage a change arrives at: "rose 12% … to 5,000 tons", "增至5000吨".
export const CHANGE_TO = /(?:\bto|至|到)\s*(?:(?:just|only|about|around|some|roughly|a\s+mere)\s+)?$/i;

export interface PeriodScope {
  /** The year a mention of the same sentence gives. */
  sentenceYear: number | undefined;
  /** The year an earlier sentence named. */
  earlierYear: number | undefined;
  docDate: DocDate;
  /** Quotas are set per year: a whole year the text does not number is the year of the document. */
  quota: boolean;
  /** The year a relative mention of the same sentence names ("Last year's ceilings … for the full year"). */
  relativeYear?: number | undefined;
  /** The year the title names, if any. */
  titleYear?: number | undefined;
  /** An undated document's present (Context.presentYear): what its relative years count from. */
  presentYear?: number | undefined;
  /** The document the offsets are of. */
  text?: string;
  /**
   * An export quota (until 2014): MOFCOM issued a year's first batch in the December before, so a month named with
   * it, even "last December", is when it was issued, never its year.
   */
  issuedAhead?: boolean;
}

/**
 * The period mention of a tonnage: the nearest non-comparative one in its clause, else earlier in the sentence, else
 * later; in Chinese a mention before the tonnage in its clause first.
 */
export function nearestMention(
  q: Quantity,
  clause: Span | undefined,
  periods: PeriodMention[],
  /** The document the offsets are of (for the words between a tonnage and a later mention). */
  text?: string,
): { pick: PeriodMention | undefined; inClause: PeriodMention[] } {
  const usable = periods.filter((p) => !p.comparative);
  const chinese = clause !== undefined && CJK.test(clause.text);
  // ("In May, exports sank to 1,238 tonnes after Beijing put seven elements under control in April": a mention in a
  // subordinate clause after the tonnage dates that clause's event, when the sentence dated the tonnage before it.)
  const dated = !chinese && usable.some((p) => p.end <= q.start);
  const inClause = clause
    ? usable.filter(
        (p) =>
          p.start >= clause.start &&
          p.end <= clause.end &&
          !(
            dated &&
            p.start >= q.end &&
            SUBORDINATE.test(clause.text.slice(q.end - clause.start, p.start - clause.start))
          ),
      )
    : [];
  // ("had reported combined January-February shipments of 10,763 tons last month": a span from January before the
  // tonnage dates it; a relative month after it dates the report.)
  if (!chinese && inClause.some((p) => p.toMonth !== undefined && p.end <= q.start)) {
    const spanned = inClause.filter((p) => !(p.relMonth !== undefined && p.start >= q.end));
    inClause.length = 0;
    inClause.push(...spanned);
  }
  const pick =
    (chinese ? inClause.filter((p) => p.end <= q.start).sort((a, b) => gap(a, q) - gap(b, q))[0] : undefined) ??
    inClause.sort((a, b) => gap(a, q) - gap(b, q))[0] ??
    usable.filter((p) => p.end <= q.start).sort((a, b) => gap(a, q) - gap(b, q))[0] ??
    // (In Chinese a month in a later clause opens that clause's own figure: 輸美353公噸，5月僅46公噸.)
    // (Not past a subordinate word: "fell to 406 tons …, as buyers draw on stockpiles built during last year's truce"
    // dates the clause's event, and the tonnage keeps the period the text was on.)
    (chinese
      ? undefined
      : usable
          .filter((p) => p.start >= q.end && !(text !== undefined && SUBORDINATE.test(text.slice(q.end, p.start))))
          .sort((a, b) => gap(a, q) - gap(b, q))[0]);
  return { pick, inClause };
}

/**
 * "after full-year allowances of 210,000 tonnes and 202,000 tonnes in 2022": a whole year whose clause names a year of
 * its own is that year, not the year the sentence named first.
 */
function clauseYear(pick: PeriodMention, inClause: PeriodMention[]): number | undefined {
  return inClause.find(
    (p) =>
      p !== pick &&
      p.year !== undefined &&
      p.month === undefined &&
      p.toMonth === undefined &&
      p.quarter === undefined &&
      p.half === undefined,
  )?.year;
}

/**
 * "since 2021, when the ministries … brought the annual totals to 168,000 tonnes": the year a clause before the
 * tonnage's opens to narrate.
 */
function narratedYear(q: Quantity, periods: PeriodMention[]): number | undefined {
  return periods.findLast((p) => p.narrates && p.end <= q.start)?.year;
}

/** 当年, "that year": the year named last before it in the sentence, even as a comparison (与2024年首批比较，当年首批…). */
function yearNamedBefore(pick: PeriodMention, periods: PeriodMention[]): number | undefined {
  return periods.filter((p) => p.end <= pick.start && p.year !== undefined).at(-1)?.year;
}

const SUBORDINATE = /\b(?:after|since|when|because|following|before|until|once|as(?!\s+(?:of|at|in)\b))\s/i;

/** The characters between a mention and a tonnage. */
const gap = (p: PeriodMention, q: Quantity) => (p.end <= q.start ? q.start - p.end : p.start - q.end);

/**
 * A whole year the text does not number ("over the year", "the full-year quotas"): a year of the same sentence; else
 * for a quota the year it is issued in (in the first quarter the year before, when the title names it); else in January the year that just ended, whatever month an earlier sentence
 * recalled; else the year an earlier sentence named.
 */
function wholeYearOf({
  sentenceYear,
  earlierYear,
  docDate,
  quota,
  relativeYear,
  titleYear,
}: PeriodScope): number | undefined {
  if (sentenceYear !== undefined) return sentenceYear;
  // (Undated too, from the year the document leads with: 回顧前一年…全年合計.)
  if (relativeYear !== undefined) return relativeYear;
  if (!docDate) return sentenceYear;
  // (A review early in the year of the year before, "China's rare earth trade in 2023" in February: "quotas of … for
  // the year" are that year's.)
  if (quota) return docDate.month <= 3 && titleYear === docDate.year - 1 ? titleYear : docDate.year;
  return docDate.month === 1 ? docDate.year - 1 : earlierYear;
}

/**
 * The period of a tonnage: the nearest non-comparative mention in its clause, else earlier in the sentence, else later.
 * Chinese states the period first (10月我国出口稀土4753吨 前10个月累计47689吨): there a mention before the tonnage wins.
 */
export function pickPeriod(
  q: Quantity,
  clause: Span | undefined,
  periods: PeriodMention[],
  scope: PeriodScope,
): string | null {
  const { sentenceYear, earlierYear, docDate, quota } = scope;
  // ("which in December allotted 15,110 tonnes for the first half of 2014": quotas are set per year or half; a month
  // with no year, named beside another period, is when the quota was issued. 今年2月 still names the year.)
  const issued = (p: PeriodMention) =>
    p.month !== undefined && p.year === undefined && (p.relYear === undefined || scope.issuedAhead === true);
  const own =
    quota && (scope.issuedAhead || periods.some((p) => !issued(p))) ? periods.filter((p) => !issued(p)) : periods;
  const { pick, inClause } = nearestMention(q, clause, own, scope.text);
  // ("since 2021, when the ministries brought the annual totals to 168,000 tonnes": a quota no mention of its own
  // dates is of the year the clause before it opened to narrate.)
  const narrated = !pick && quota ? narratedYear(q, periods) : undefined;
  if (narrated !== undefined) return String(narrated);
  // (A month with no year in a text with no date: the year the text was last on. A quota for a half is set ahead, in
  // the year of the text: 其余…在下半年下达 in August is this year's second half.)
  const contextYear =
    pick?.year !== undefined
      ? undefined
      : quota && pick?.half && pick.relYear === undefined && sentenceYear === undefined && docDate
        ? docDate.year
        : pick?.wholeYear
          ? (clauseYear(pick, inClause) ?? narratedYear(q, periods) ?? wholeYearOf(scope))
          : pick?.sameYear
            ? (yearNamedBefore(pick, periods) ?? sentenceYear ?? earlierYear)
            : !docDate
              ? (sentenceYear ?? earlierYear)
              : sentenceYear;
  // ("The first batch last year was 120,000 tons" undated, under a title on 2024's batch: counted from the year the
  // document leads with.)
  const present =
    !docDate && pick?.relYear !== undefined && pick.end <= q.start && scope.quota && scope.presentYear !== undefined
      ? { year: scope.presentYear, month: 12 }
      : docDate;
  const period = pick ? resolvePeriod(pick, contextYear, present) : null;
  // "（去年同期为29095.2吨）", "compared with 29,095 tonnes a year earlier": the same period, one year back.
  // (Not "rose 12% versus a year ago to 5,000 tons": the tonnage a change comes to is the current one.)
  if (
    period &&
    clause &&
    SAME_PERIOD_LAST_YEAR.test(clause.text) &&
    !inClause.length &&
    !CHANGE_TO.test(clause.text.slice(0, q.start - clause.start))
  )
    return yearBack(period);
  return period;
}

// A comparison with a month: "from September", "versus May", "than in March 2025", 较5月.
const COMPARED_MONTH =
  /(?:\b(?:from|than|versus|vs\.?|over|on|against|above|below|compared\s+(?:with|to))\s+(?:in\s+)?|(?:较|比)\s*)$/i;

/**
 * The period of a tonnage whose sentence names only the month it is compared with: the next month for "from September"
 * (month on month), the same month a year later for "than in March 2025" or "from March last year". Only when the
 * sentence compares with one month.
 */
export function comparedPeriod(
  text: string,
  periods: PeriodMention[],
  claimed: Set<PeriodMention>,
  docDate: DocDate,
): string | null {
  const compared = periods.filter((p) => p.comparative && !claimed.has(p));
  if (compared.length !== 1) return null;
  const p = compared[0]!;
  if (p.month === undefined || !COMPARED_MONTH.test(text.slice(Math.max(0, p.start - 30), p.start))) return null;
  const month = String(p.month).padStart(2, '0');
  if (p.year !== undefined) return `${p.year + 1}-${month}`;
  // ("down 30.6% from March last year": that month of the year before, so the same month a year later.)
  // (Not a month after the document's: the text would be comparing with a month still to come.)
  if (p.relYear !== undefined && p.relYear < 0 && docDate) {
    const year = docDate.year + p.relYear + 1;
    return year < docDate.year || p.month <= docDate.month ? `${year}-${month}` : null;
  }
  const base = resolvePeriod(p, undefined, docDate);
  if (!base) return null;
  const [y, m] = base.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

// 累计 / "year-to-date": a total from January, whatever single month the sentence names. (Not "the most since
// January", "since January's record": a comparison with that month.)
const FROM_JANUARY_WORDS =
  /累计|\bcumulative(?:ly)?\b|\byear[\s-]to[\s-]date\b|\bso far this year\b|\bsince (?:the start of the year|January)\b(?!['’]s)(?<!\b(?:most|highest|lowest|largest|biggest|smallest|strongest|weakest|least|fewest|level|pace)\s+since\s+\w+)/i;

/** Words for one month alone, against a total from January. */
const SINGLE_MONTH_ALL = /单月|当月|\bsingle[\s-]month\b|\bmonth alone\b/gi;

const FROM_JANUARY_ALL = new RegExp(FROM_JANUARY_WORDS.source, 'gi');

/** Where the last match of the global `re` in `text` starts, or -1. */
function lastIndexOf(re: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index;
  return at;
}

/**
 * "10月…累计出口稀土17911吨", "This brings year-to-date shipments to 23,400 tonnes" (after a September figure): the period
 * from January to that month. Other periods are returned as they are.
 */
export function cumulativeOf(period: string | null, before: string): string | null {
  if (!period || !FROM_JANUARY_WORDS.test(before)) return period;
  // "前7个月累计出口38563.6吨，9月单月出口4000.3吨": a single month named after the total is that month alone.
  if (lastIndexOf(SINGLE_MONTH_ALL, before) > lastIndexOf(FROM_JANUARY_ALL, before)) return period;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  return resolvePeriod(
    { start: 0, end: 0, comparative: false, year: Number(m[1]), toMonth: Number(m[2]) },
    undefined,
    null,
  );
}
