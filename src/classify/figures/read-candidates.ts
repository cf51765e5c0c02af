/**
 * The tonnages of one sentence read as figures: what each measures (subject step), whether it is a comparison base
 * (bases step), its period (period step) and its batch.
 */
import type { Quantity } from '../quantities.js';
import type { Cue, CueType } from '../figure-cues.js';
import type { PeriodMention } from '../periods.js';
import { quarterBefore, resolvePeriod } from '../periods.js';
import { findBases, monthBack, samePeriodOf, sameTimeLastYear, yearBack } from './bases.js';
import type { Candidate } from './candidate.js';
import type { Context } from './context.js';
import { DOMAIN_CUES, domainOf, leadPeriod, NATIONAL_WORDS } from './context.js';
import { first, last } from './cue-search.js';
import { isQuota, type Metric } from './metric.js';
import { CHANGE_TO, comparedPeriod, cumulativeOf, nearestMention, pickPeriod, type DocDate } from './pick-period.js';
import { plausibleValue } from './plausible.js';
import { batchAfter, listGroup, quotaOf, tradeOf, type SentenceView } from './subject.js';
import type { Span } from '../segment.js';
import { wordGate } from '../required-words.js';

// The cue types the steps below look for, made once (not an array for every call).
const QUOTA_NAME_CUES: readonly CueType[] = ['quota', 'export_quota'];
const DOMAIN_OR_YTD_WORD: readonly CueType[] = [...DOMAIN_CUES, 'ytd_word'];
const QUOTA_WORD_CUES: readonly CueType[] = ['quota', 'export_quota', 'batch', 'ytd', 'mining', 'smelting'];
// ("the 15,501 tons granted in the first batch": a batch named after a tonnage with no domain word before it names a quota.)
const DOMAIN_AFTER_CUES: readonly CueType[] = ['quota', 'trade', 'other', 'batch'];
const MONEY_CUE: readonly CueType[] = ['money'];
const TRADE_OR_QUOTA_CUES: readonly CueType[] = ['trade', 'quota'];
const FORECAST_CUE: readonly CueType[] = ['forecast'];
const CONDITIONAL_CUE: readonly CueType[] = ['conditional'];
const OTHER_CUE: readonly CueType[] = ['other'];
const OWN_FLOW_WORDS: readonly CueType[] = ['export', 'import', 'dest', 'magnet', 'rare_earth', 'processed'];

// The brackets of an aside: a byline "(记者 周若溪)", a credit, a side remark.
const OPEN_BRACKET = /[(（]/g;
const CLOSE_BRACKET = /[)）]/;

/**
 * Whether a cue stands in a bracketed aside closed before the tonnage: a byline's name ("(记者 周若溪)": 若 as in a
 * name, not "if") or a side remark; what is said in brackets does not govern the figure after them.
 */
function closedAside(text: string, from: number, cue: { start: number; end: number }, to: number): boolean {
  const before = text.slice(from, cue.start);
  let open = -1;
  OPEN_BRACKET.lastIndex = 0;
  for (let m = OPEN_BRACKET.exec(before); m; m = OPEN_BRACKET.exec(before)) open = m.index;
  if (open < 0 || CLOSE_BRACKET.test(before.slice(open))) return false;
  return CLOSE_BRACKET.test(text.slice(cue.end, to));
}

// A sentence opening on the period the text is on: 同期, 同月, "In the same period", "Over the same month".
const SAME_PERIOD_OPENING =
  /^\s*(?:(?:而|另外|此外)?\s*[,，]?\s*(?:同期|同月|同一时期)(?!\s*(?:相比|比较))|(?:in|over|during|for)\s+the\s+same\s+(?:period|month|quarter|time)\b(?!\s+(?:of|in|last|a\s+year)))/i;

/**
 * The period mentions a tonnage may take: not one after a later tonnage of a comparison or subordinate clause ("climbed
 * 56.1% to 656 tonnes, after 420 tonnes in September and 590 tonnes in August": the months are the later tonnages'; but
 * "a mining quota of 72,000 tonnes and a smelting quota of 69,500 tonnes for the second half" dates both).
 */
function ownMentions(v: SentenceView, q: Quantity, unclaimed: PeriodMention[]): PeriodMention[] {
  const i = v.quantities.indexOf(q);
  const next = v.quantities[i + 1];
  // ("It came in at 60,000 tonnes …, exactly half of the 2018 full-year quota of 120,000 tonnes": a year that opens
  // the noun the next tonnage is the value of is that tonnage's.)
  if (next && unclaimed.some((p) => p.start >= q.end))
    unclaimed = unclaimed.filter((p) => p.start < q.end || !datesLater(v, i, p));
  if (!next || !unclaimed.some((p) => p.start >= next.end)) return unclaimed;
  let opened: Quantity | undefined;
  for (let k = i + 1; k < v.quantities.length && !opened; k++) {
    const o = v.quantities[k]!;
    if (COMPARED_CLAUSE.test(v.text.slice(Math.max(q.end, o.start - 48), o.start))) opened = o;
  }
  return opened ? unclaimed.filter((p) => p.end <= q.start || p.end <= opened.start) : unclaimed;
}

/** The mention opens the noun of a tonnage after the one at `i` ("the 2018 full-year quota of 120,000 tonnes"). */
function datesLater(v: SentenceView, i: number, p: PeriodMention): boolean {
  for (let k = i + 1; k < v.quantities.length; k++) {
    const o = v.quantities[k]!;
    if (p.end <= o.start && o.start - p.end <= VALUE_OF_MAX && VALUE_OF.test(v.text.slice(p.end, o.start))) return true;
  }
  return false;
}

const VALUE_OF_MAX = 60;
// Between a year and the tonnage it dates, in one noun: "[the 2018] full-year quota of [120,000 tonnes]".
const VALUE_OF = /^[^,;:.\d]{0,40}\bof\s+(?:about\s+|some\s+|around\s+)?$/i;

// Between a tonnage and a later one that opens a clause of its own: "…, after 420 tonnes", "from 3,000 tons", 较….
const COMPARED_CLAUSE =
  /[,;]\s*(?:after|following|versus|compared\s+(?:with|to)|up\s+from|down\s+from|from|against)\s+(?:[a-z]+\s+){0,3}$/i;

// A basis named right before a comparison base: "year-on-year from", "month-on-month from", "m/m from".
const YOY_FROM =
  /\b(?:year[\s-]on[\s-]year|y\/y|yoy|on\s+the\s+year)\s*,?\s*(?:from|versus|vs\.?|against|compared\s+(?:with|to))\s*$/i;
const MOM_FROM =
  /\b(?:month[\s-]on[\s-]month|m\/m|mom|on\s+the\s+month|sequentially)\s*,?\s*(?:from|versus|vs\.?|against|compared\s+(?:with|to))\s*$/i;

// ("to 582 tons from 656 tons a month earlier", "from 431 tonnes in the previous month": the base is the month before.)
const MONTH_EARLIER_AFTER =
  /^\s*(?:of\s+[a-z\s-]{0,30}?\s*|[a-z]+ed\s+)?(?:a\s+month\s+(?:earlier|before|ago|prior)|(?:in\s+)?the\s+(?:previous|prior|preceding)\s+month)\b/i;

function basisBefore(text: string, from: number, q: Quantity): 'yoy' | 'mom' | null {
  const lead = text.slice(Math.max(from, q.start - 40), q.start);
  return YOY_FROM.test(lead) ? 'yoy' : MOM_FROM.test(lead) ? 'mom' : null;
}

// Between two periods of one list: 9月、10月、11月, "September, October and November", 2023年和2024年.
const PERIOD_JOIN = /^\s*(?:[,，、]\s*(?:and\s+)?|and|和|及|与|以及)\s*$/i;
const RESPECTIVELY = /分别|各为|respectively/i;

/**
 * The period of a tonnage in a list that follows a list of as many periods ("Exports in September, October and
 * November were 4,000, 4,600 and 5,400 tonnes, respectively", 9月、10月、11月…分别为4000吨、4600吨、5400吨): the one in
 * the same place; null when the sentence does not list them so.
 */
function listedPeriod(
  v: SentenceView,
  q: Quantity,
  clause: Span,
  unclaimed: PeriodMention[],
  year: number | undefined,
  docDate: DocDate,
): string | null {
  if (unclaimed.length < 2 || !RESPECTIVELY.test(v.sentence.text)) return null;
  const group = listGroup(v.quantities, q, clause, v.text);
  if (group.length < 2) return null;
  // (Only periods that name themselves: "full-year", "that year" are the list's scope, not one of its periods.)
  const listed = unclaimed.filter(
    (p) =>
      !p.comparative &&
      p.end <= group[0]!.start &&
      !p.wholeYear &&
      !p.sameYear &&
      !p.vague &&
      (p.year !== undefined ||
        p.month !== undefined ||
        p.relYear !== undefined ||
        p.quarter !== undefined ||
        p.half !== undefined),
  );
  if (listed.length !== group.length) return null;
  for (let i = 1; i < listed.length; i++)
    if (!PERIOD_JOIN.test(v.text.slice(listed[i - 1]!.end, listed[i]!.start))) return null;
  const p = listed[group.indexOf(q)]!;
  return resolvePeriod(p, p.year === undefined ? year : undefined, docDate);
}

// ("June … For the half, exports reached …": the half a June or a December the text is on ends.)
const HALF_END = /^(\d{4})-(06|12)$/;
function halfEndingIn(period: string | undefined): string | null {
  const m = period ? HALF_END.exec(period) : null;
  return m ? `${m[1]}-H${m[2] === '06' ? 1 : 2}` : null;
}

const QUARTER = /-Q[1-4]$/;
const HALF = /-H[12]$/;
const MONTH = /^\d{4}-\d{2}$/;

export interface SentenceState {
  periods: PeriodMention[];
  sentenceYear: number | undefined;
  clauses: Span[];
  docDate: DocDate;
  /** The text names rare earths or magnets somewhere: other texts state no figure of design §5. */
  rareEarthDoc: boolean;
  inheritedDestination: string | undefined;
}

// The first reading of a figure since revised: "from an initial", "previously reported as", 初值为, 此前公布的.
const SUPERSEDED_BEFORE =
  /(?:\b(?:from|than)\s+(?:an?\s+|the\s+)?(?:initial(?:ly\s+reported)?|preliminary|previously\s+reported|earlier\s+reported|provisional|original(?:ly\s+reported)?|first[\s-]reported)\s+(?:(?:figure|estimate|reading|tally|number)\s+of\s+)?|\b(?:previously|initially|originally)\s+(?:reported|given|put|estimated)\s+(?:as|at)\s+|初值为?|初步数据为|(?:此前|原)(?:公布|发布)的?(?:数据)?为?)\s*$/i;
// (Tried only where one of the words it needs occurs: most tonnages have none before them.)
const mayBeSuperseded = wordGate(SUPERSEDED_BEFORE);

const SEIZURE = /走私|smuggl|seiz|查获|缴获/i;
// ("deposits found mainly in southern provinces such as Jiangxi": a province given as an example of a region is a place.)
const PLACE =
  /(?:\b(?:in|from|at|across)\s+(?:the\s+)?|\b(?:provinces|regions|areas)\s+(?:such\s+as|like|including)\s+|在|于|分布在|位于)$/i;

// "exports from Jiangxi", "exports of heavy rare earths from Ganzhou": a flow from a province is the province's share, not a place.
const FLOW_FROM = /\b(?:exports?|exported|shipments?|shipped|imports?|sales)\b[^,.;]{0,40}\bfrom\s+(?:the\s+)?$/i;

// Companies named as examples of all the recipients (分配给中国稀土集团、北方稀土等6家稀土集团; "the six groups
// including China Northern Rare Earth"): the tonnages after them are the nation's, not one company's share.
const ALL_RECIPIENTS_AFTER = /^[^，。；,;\d]{0,4}?等\s*(?:\d+|[二两三四五六七八九十几多数]+)\s*家/;

const LIST_JOIN = /^(?:\s*,\s*|\s+and\s+|\s*[、和及与]\s*)$/;

/**
 * The province or company named before a tonnage as whose share it is, if any: not one named as a place ("found mainly
 * in Inner Mongolia, Shandong and Sichuan").
 */
function shareBefore(sc: Cue[], text: string, from: number, to: number): Cue | undefined {
  const named = sc.filter((c) => c.type === 'allocation' && c.start >= from && c.end <= to);
  const i = named.length - 1;
  if (i < 0) return undefined;
  let head = i;
  while (head > 0 && LIST_JOIN.test(text.slice(named[head - 1]!.end, named[head]!.start))) head--;
  const before = text.slice(from, named[head]!.start);
  if (ALL_RECIPIENTS_AFTER.test(text.slice(named[i]!.end, Math.min(to, named[i]!.end + 16)))) return undefined;
  return PLACE.test(before) && !FLOW_FROM.test(before) ? undefined : named[i];
}

const PLACED_IN_CHINA = /^\s*[,，]?\s*(?:China|中国)\b[,，]?/;

const YEAR_TOTAL = /全年|年度|full[\s-]year|annual|for the (?:whole |full |entire )?year/i;

/** The batch of a quota stated for a half year: H1 is the first, H2 the second, unless the clause names the year. */
export function halfBatch(period: string | null, clause: string): number | null {
  const half = period?.match(/^\d{4}-H([12])$/);
  return half && !YEAR_TOTAL.test(clause) ? Number(half[1]) : null;
}

// Between a tonnage and the quota it is: "30,966 tonne quota", 30,966吨的出口配额, "15,500-metric-ton export quota".
// ("10,546 tonnes of rare earth export quotas" too.)
const TO_QUOTA = /^\s*(?:的|-|of\s+(?:the\s+)?)?\s*(?:rare[\s-]earths?\s+|稀土)?$/i;

function quotaNamedAfter(sc: Cue[], text: string, q: Quantity, nextQStart: number): Cue | undefined {
  const cue = first(sc, QUOTA_NAME_CUES, q.end, Math.min(q.end + 32, nextQStart));
  return cue && TO_QUOTA.test(text.slice(q.end, cue.start)) ? cue : undefined;
}

// A word that gives each batch the value: 每批, 各批, 均为, "each", "apiece", "per round"; "two batches of 120,000t"
// (the batches measured by the tonnage, not "two batches totalling" nor "the two batches of 2023").
const PER_BATCH =
  /每批|各批|均为|均是|都是|都为|各为|\beach\b|\bapiece\b|\bper\s+(?:batch|round|tranche|allotment|instal{1,2}ment)\b|\b(?:two|three|four|both)\s+(?:batches|rounds|tranches|allotments)\s+of\s+(?:about\s+|around\s+|some\s+)?(?!(?:19|20)\d{2}\b)\d/i;
const BATCH_COUNT =
  /([两二三四])批|\b(two|three|four|both)\s+(?:batches|rounds|tranches|allotments|instal{1,2}ments)\b/i;
// The batches named one by one: 第一批、第二批, 第一、二批, "the first and second batches".
const BATCH_LIST =
  /第\s*([一二三四1-4])\s*批\s*(?:[、和及与]|以及)\s*第\s*([一二三四1-4])\s*批|第\s*([一二三四1-4])\s*[、和及]\s*([一二三四1-4])\s*批|\b(first|second|third)\s+(?:and|&)\s+(second|third|fourth)\s+(?:batch|round|tranche|allotment|instal{1,2}ment)e?s\b/i;
// A total named since the tonnage before: "for a 2024 mining total of", "the quota for the year was", 全年, 合计.
const TOTAL_SINCE =
  /\btotals?\b|\bfor\s+the\s+(?:whole\s+|full\s+|entire\s+)?year\b|\bannual\b|\bfull[\s-]year\b|全年|年度|合计|合共|共计|总计|合計|共計|總計/i;
const LOOK_BACK = /^a\s+year\b|year[\s-]ago/i;
// What ends a list of totals before the next tonnage: a word of each batch, a clause's or sentence's end.
const LIST_BREAK = /每批|各批|\beach\b|\bapiece\b|[;；。:：]/i;
// A sum over the batches before the tonnage: the value is their total, not each one's.
const SUM_WORD = /合计|合共|累计|共计|总计|加总|\bcombined\b|\btotal\b|\btogether\b|\bin all\b/i;
const COUNT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, two: 2, both: 2, three: 3, four: 4 };
const ORDINAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, first: 1, second: 2, third: 3, fourth: 4 };
const ordinal = (s: string) => ORDINAL[s.toLowerCase()] ?? Number(s);

/**
 * The batches a sentence gives one value each ("两批…每批", "each of the two rounds", 第一批、第二批…均为, "the first
 * two batches were each set at"); none when it does not.
 */
// (Or an aside that describes what the subject is made of or where it goes, opened by a word of proportion or example:
// "Imports, mostly ore from Myanmar bound for separation plants, rose …", ", largely …,", ", including …,".)
const ASIDE =
  /,\s+(?:which|who|whose|mostly|largely|mainly|chiefly|primarily|principally|predominantly|including|such\s+as)\s(?:[^,;.]|[,.](?=\d)){0,120}?,(?=\s)/g;
const ASIDE_GATE = /, (?:wh|most|larg|main|chief|prim|princ|predom|incl|such as)/;
/** The [start, end) of the non-restrictive relative clauses of an English sentence (", which …,"). */
function asideSpans(sentence: Span): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  ASIDE.lastIndex = 0;
  for (let m = ASIDE.exec(sentence.text); m; m = ASIDE.exec(sentence.text))
    out.push([sentence.start + m.index, sentence.start + m.index + m[0].length]);
  return out;
}

/** The year after a whole year ("2023" → "2024"); null for any other period. */
const yearAfter = (period: string) => (/^\d{4}$/.test(period) ? String(Number(period) + 1) : null);

function batchesEach(sentence: string): number[] {
  if (!PER_BATCH.test(sentence)) return [];
  const listed = BATCH_LIST.exec(sentence);
  if (listed) {
    const [a, b] = [listed[1] ?? listed[3] ?? listed[5], listed[2] ?? listed[4] ?? listed[6]].map((x) => ordinal(x!));
    return a! < b! ? Array.from({ length: b! - a! + 1 }, (_, i) => a! + i) : [];
  }
  const m = BATCH_COUNT.exec(sentence);
  const n = m ? (COUNT[(m[1] ?? m[2] ?? '').toLowerCase()] ?? 0) : 0;
  return Array.from({ length: n }, (_, i) => i + 1);
}

// The year a batch names: "the first batch of 2025", "first 2024 batch", 2025年第一批.
const YEAR_OF_BATCH_AFTER = /^\s*(?:of|for)\s+(?:the\s+)?((?:19|20)\d{2})\b/i;
const YEAR_IN_BATCH = /\b((?:19|20)\d{2})\b/;
const YEAR_OF_BATCH_BEFORE = /((?:19|20)\d{2})\s*年(?:度)?(?:稀土)?\s*$/;

/** Whether the batch `cue` names a year, and it is not `period`'s. */
function otherYearBatch(text: string, cue: Cue, period: string): boolean {
  const year =
    YEAR_IN_BATCH.exec(text.slice(cue.start, cue.end))?.[1] ??
    YEAR_OF_BATCH_AFTER.exec(text.slice(cue.end, cue.end + 16))?.[1] ??
    YEAR_OF_BATCH_BEFORE.exec(text.slice(Math.max(0, cue.start - 10), cue.start))?.[1];
  return year !== undefined && year !== period.slice(0, 4);
}

/** The quota base just before a base of the other quota kind whose clause names no period (see readCandidates). */
function parallelQuotaBase(
  candidates: Candidate[],
  metric: Metric,
  clause: Span,
  periods: PeriodMention[],
): Candidate | undefined {
  const prev = candidates.at(-1);
  if (!prev?.comparisonBase || !isQuota(prev.metric) || !isQuota(metric) || prev.period === null) return undefined;
  if (prev.metric.kind !== 'quota' || metric.kind !== 'quota' || prev.metric.quota === metric.quota) return undefined;
  if (prev.clause.start === clause.start) return undefined;
  return periods.some((p) => p.start >= clause.start && p.end <= clause.end) ? undefined : prev;
}

// (与上年的93800吨相比, "against last year's 93,800 tonnes": the year before, written right before the base.)
const LAST_YEAR_GAP =
  /^\s*(?:全年|['’]s?)?\s*(?:的)?\s*(?:(?:full[\s-]year|annual|total)\s+)?(?:(?:quotas?|allowances?|caps?|of)\s+)?$/i;
const lastYearBefore = (text: string, q: Quantity, periods: PeriodMention[]): boolean =>
  periods.some(
    (p) =>
      p.comparative &&
      p.relYear === -1 &&
      p.month === undefined &&
      p.end <= q.start &&
      LAST_YEAR_GAP.test(text.slice(p.end, q.start)),
  );

/** The period the sentence names before a tonnage, none after it: "2018年稀土开采计划由10.5万吨…". */
const mentionBefore = (q: Quantity, periods: PeriodMention[]): boolean =>
  periods.some((p) => !p.comparative && p.end <= q.start) && !periods.some((p) => !p.comparative && p.start >= q.end);

export function readCandidates(
  v: SentenceView,
  st: SentenceState,
  ctx: Context,
): {
  candidates: Candidate[];
  claimed: Set<PeriodMention>;
  /** Tonnages left out as a province's or a company's share: a change next to one is the share's, not a figure's. */
  shares: Quantity[];
} {
  const { text, sentence, cues: sc, quantities } = v;
  const { periods, sentenceYear, docDate } = st;
  // ("Imports, which China relies on as feedstock for its refineries, fell …": an aside on the subject names no kind of
  // tonnage; its cues do not choose the domain.)
  const asides = ASIDE_GATE.test(sentence.text) ? asideSpans(sentence) : [];
  const domainCues = asides.length ? sc.filter((c) => !asides.some(([a, b]) => c.start >= a && c.end <= b)) : sc;
  const bases = findBases(text, sentence, quantities, periods);
  const claimed = new Set([...bases.values()].filter((p): p is PeriodMention => p !== null));
  const unclaimed = periods.filter((p) => !claimed.has(p));
  // The year of the sentence is not the year of its comparison base ("lift the full-year allowance to 291,000 tons,
  // against 270,000 tons in 2024": the full year is not 2024).
  const yearMention = periods.find((p) => p.year !== undefined && !p.comparative);
  const ownYear =
    yearMention && claimed.has(yearMention)
      ? unclaimed.find((p) => p.year !== undefined && !p.comparative)?.year
      : sentenceYear;
  // "Last year's ceilings … totalled … for the full year": the whole year is the one the sentence names relatively.
  const relative = unclaimed.find(
    (p) =>
      p.relYear !== undefined &&
      !p.comparative &&
      p.month === undefined &&
      p.toMonth === undefined &&
      p.half === undefined &&
      p.quarter === undefined &&
      // (Not "a year earlier", "year-ago": a base's time, looked back to from the figure.)
      !LOOK_BACK.test(text.slice(p.start, p.end)),
  );
  // (In an undated document, from the year it leads with: "The first batch last year was 120,000 tons" under a title on
  // 2024's first batch.)
  const relativeYear = relative && docDate ? docDate.year + relative.relYear! : undefined;
  const undatedRelative =
    relative && !docDate && ctx.presentYear !== undefined ? ctx.presentYear + relative.relYear! : undefined;
  const present = docDate?.year ?? ctx.presentYear;
  // (A mention placed by the text, "the previous quarter", "the half year": looked up per tonnage only when there is one.)
  const textRelative = unclaimed.some((p) => p.relQuarter !== undefined || p.textHalf || p.textMonth || p.textYear);
  const candidates: Candidate[] = [];
  const shares: Quantity[] = [];
  /** The batches the sentence gives one value each (batchesEach), read once for its first quota. */
  let each: number[] | undefined;
  /** The tonnage before was a total in a sentence giving one value each: the next of its list is one too. */
  let totalBefore = false;
  if (!st.rareEarthDoc) return { candidates, claimed, shares };
  quantities.forEach((q, qi) => {
    if (q.bound || q.delta || q.rate) return;
    // ("revised to 5,190 tons from an initial 5,210 tons", 初值为5210吨: the value a revision replaced is no figure.)
    const lead = text.slice(Math.max(sentence.start, q.start - 40), q.start);
    if (mayBeSuperseded(lead) && SUPERSEDED_BEFORE.test(lead)) return;
    const clause = st.clauses.find((c) => q.start >= c.start && q.start < c.end) ?? sentence;
    // ("The ceiling for rock-type light ores was lifted by 11,200 tonnes to 87,100 tonnes": a difference just before a
    // tonnage is that tonnage's change, not a tonnage whose words end where its own begin.)
    const pi =
      qi > 0 && quantities[qi - 1]!.delta && CHANGE_TO.test(text.slice(quantities[qi - 1]!.end, q.start))
        ? qi - 2
        : qi - 1;
    const prevQEnd = pi >= 0 ? quantities[pi]!.end : sentence.start;
    const nextQStart = qi + 1 < quantities.length ? quantities[qi + 1]!.start : sentence.end;
    const slot = { q, clause, prevQEnd, nextQStart };
    // What kind of tonnage: the last domain cue before it in the sentence, else one right after it in its clause.
    // ("the 30,966 tonne quota", 30,966吨的出口配额: a quota named right after the tonnage names it, whatever came before.)
    // ("bringing the total so far this year to 240,000 tonnes" after "a second batch": a year-to-date word is a quota's
    // scope in a sentence that named a quota before it; "exports over January and February combined" are no quota.)
    // (A tonnage inside the aside is the aside's own: "…, whose 2024 smelting quota totalled 254,000 tonnes".)
    const kindCues = domainCues !== sc && asides.some(([a, b]) => q.start >= a && q.end <= b) ? sc : domainCues;
    const named = last(kindCues, DOMAIN_OR_YTD_WORD, sentence.start, q.start);
    const domainBefore =
      named?.type === 'ytd_word' && !last(kindCues, QUOTA_WORD_CUES, sentence.start, named.start)
        ? last(kindCues, DOMAIN_CUES, sentence.start, q.start)
        : named;
    const domainCue =
      quotaNamedAfter(sc, text, q, nextQStart) ??
      domainBefore ??
      first(sc, DOMAIN_AFTER_CUES, q.end, Math.min(clause.end, nextQStart));
    const from = Math.max(clause.start, prevQEnd);
    if (last(sc, MONEY_CUE, from, q.start) && !last(sc, TRADE_OR_QUOTA_CUES, from, q.start)) return;
    // A province's or a company's share ("内蒙古共出口稀土…吨", "North Rare Earth … 29.75 thousand tonnes"), unless
    // the text turns to the national figure after naming it.
    // ("found mainly in Inner Mongolia" places ore; it does not name whose share the tonnage is.)
    const share = shareBefore(sc, text, sentence.start, q.start);
    // ("China Northern Rare Earth alone produced about 80,000 tonnes": a company's production is no share of a figure,
    // and the sentences after it are not about that company's quota.)
    // ("U.S. consignees took 582 t of magnets": buyers of a country named before the tonnage make it a trade figure.)
    const sentTo = !domainCue && sc.some((c) => c.type === 'dest' && c.strict && c.end <= q.start);
    const domain = domainOf(domainCue) ?? (sentTo ? 'trade' : ctx.domain);
    if (domain === 'other' && share) return;
    // ("from Jiangxi, China, amounted to": the country after a province places it; it does not turn to the nation.)
    if (share && !NATIONAL_WORDS.test(text.slice(share.end, q.start).replace(PLACED_IN_CHINA, ''))) {
      ctx.share = true;
      ctx.shareQuota = domain === 'quota';
      shares.push(q);
      return;
    }
    // The sentences after a share go on about it (其中，6月份出口稀土456.4吨) until one turns to the national figure.
    if (!share && ctx.share && !NATIONAL_WORDS.test(sentence.text)) {
      shares.push(q);
      return;
    }
    // A forecast or a hypothesis ("If the second batch matches the first, an annual quota of 147,000t would be
    // assigned", 预计…将达…吨) states no figure.
    if (first(sc, FORECAST_CUE, clause.start, clause.end)) return;
    // ("We trim our 2025E mining quota assumption to 280-295kt (from 300kt)": what a forecast is compared with is the
    // forecast before it.)
    if (bases.has(q) && first(sc, FORECAST_CUE, sentence.start, q.start)) return;
    const cond = first(sc, CONDITIONAL_CUE, sentence.start, q.start);
    if (cond && !closedAside(text, sentence.start, cond, q.start)) return;
    if (!domain || domain === 'other') return;
    // A seizure or smuggling named before the tonnage or in its clause makes it one; named only in a later clause
    // ("exports reached 27,769 tonnes, but as much as 40,000 tonnes could have been smuggled") it is another tonnage's.
    if (
      first(sc, OTHER_CUE, sentence.start, clause.end) &&
      SEIZURE.test(text.slice(sentence.start, Math.max(clause.end, q.end)))
    )
      return;

    let metric: Metric;
    let batch: number | null = null;
    let inheritedBatch = false;
    let batchCue: Candidate['batchCue'];
    if (domain === 'quota') {
      // China set export quotas until 2014: the year the sentence names says so, else the document's, else an earlier
      // sentence's.
      const year = ownYear ?? docDate?.year ?? ctx.year;
      const reading = quotaOf(v, slot, ctx, year !== undefined && year < 2015);
      if (!reading) return;
      ({ metric, batch, inheritedBatch, batchCue } = reading);
    } else {
      const trade = tradeOf(v, slot, ctx, st.inheritedDestination);
      if (!trade) return;
      metric = trade;
    }
    // "去年同期为29095.2吨，增幅11.9%": last year's tonnage is a base too, and the change is not its own.
    const lastYear = sameTimeLastYear(text, clause, q);
    const comparisonBase = bases.has(q) || lastYear;
    // A comparison base measures what the tonnage before it measures: "353 tons to the US, from just 46 tons in May".
    const compared = comparisonBase ? candidates.at(-1) : undefined;
    // (Unless the words between name another flow: "exports were 5,000 tons, while imports were up from 3,000 tons".)
    const ownWords = compared
      ? sc.some((c) => c.start >= compared.q.end && c.end <= q.start && OWN_FLOW_WORDS.includes(c.type))
      : true;
    if (compared && !ownWords && domain === 'trade' && !isQuota(compared.metric)) metric = compared.metric;
    const basePeriod = bases.get(q);
    // "较2024年同期的4725吨", "4,566 tons in the same month in 2024": the period compared, in that year.
    // (The tonnage compared is the last one stated as a figure, not another base: "较9月的5774吨…较2024年同期的4725吨".)
    const main = comparisonBase ? candidates.findLast((c) => !c.comparisonBase) : undefined;
    const same = comparisonBase ? samePeriodOf(text, q, (main ?? compared)?.period ?? ctx.periods[domain]) : null;
    // "compared with 2,100 tons a year earlier": the period of the tonnage it is compared with, one year back.
    const backOf = (main ?? compared)?.period;
    // ("up 11.9 percent year-on-year from 29,095.2 tons", 环比增长…，上月为…: the basis named right before the base
    // dates it, a year or a month back.)
    const basis =
      comparisonBase && !basePeriod && !lastYear
        ? (basisBefore(text, sentence.start, q) ??
          (MONTH_EARLIER_AFTER.test(text.slice(q.end, q.end + 40)) ? 'mom' : null))
        : null;
    const back =
      backOf && !basePeriod && (lastYear || basis === 'yoy')
        ? yearBack(backOf)
        : backOf && basis === 'mom'
          ? monthBack(backOf, 1)
          : null;
    // "比前一个月的305吨", "from the previous month's 305 tons": the month before the one compared, not before the
    // document's month.
    const before = backOf && basePeriod?.relMonth !== undefined ? monthBack(backOf, -basePeriod.relMonth) : null;
    // A trade comparison base with no period of its own ("imports were up from 3,000 tons") has none: the text
    // does not say when that was.
    const periodless = comparisonBase && !basePeriod && !back && !same && domain === 'trade' && !lastYear;
    let period = periodless
      ? null
      : (same ??
        back ??
        before ??
        (basePeriod
          ? resolvePeriod(
              basePeriod,
              basePeriod.year === undefined ? (sentenceYear ?? (docDate ? undefined : ctx.year)) : undefined,
              docDate,
            )
          : null) ??
        listedPeriod(v, q, clause, unclaimed, ownYear, docDate) ??
        pickPeriod(q, clause, ownMentions(v, q, unclaimed), {
          sentenceYear: ownYear,
          earlierYear: ctx.year,
          docDate,
          quota: domain === 'quota',
          relativeYear: relativeYear ?? (domain === 'quota' ? undatedRelative : undefined),
          titleYear: ctx.titleYear,
          presentYear: ctx.presentYear,
          text,
          issuedAhead: isQuota(metric) && metric.quota === 'export',
        }));
    // "about half of the 10,074.8 tonnes shipped in the previous quarter": the quarter before the one the sentence or
    // the text is on; with none to count back from, the text does not place it.
    const relQuarter =
      basePeriod ??
      (same || back || before || !textRelative ? undefined : nearestMention(q, clause, unclaimed, text).pick);
    if (relQuarter?.relQuarter !== undefined) {
      const anchor =
        candidates.findLast((c) => !c.comparisonBase && c.period !== null && QUARTER.test(c.period))?.period ??
        ctx.periods[domain];
      period = quarterBefore(anchor);
      if (!period) return;
    }
    // "2.51 million kg over the half year": the half the sentence or the text is on (its last total from January).
    if (relQuarter?.textHalf) {
      period =
        candidates.findLast((c) => !c.comparisonBase && c.period !== null && HALF.test(c.period))?.period ??
        (ctx.cumulative && HALF.test(ctx.cumulative) ? ctx.cumulative : null) ??
        halfEndingIn(ctx.periods[domain]);
      if (!period) return;
    }
    // "up from the prior December's 3,326 t": the month the figure compared is in, a year before; with no figure of
    // that month to count back from, the text does not place it.
    if (basePeriod?.priorMonthName) {
      const main = candidates.findLast((c) => !c.comparisonBase && c.period !== null && MONTH.test(c.period));
      period = main?.period && Number(main.period.slice(5)) === basePeriod.month ? yearBack(main.period) : null;
      if (!period) return;
    }
    // "For the twelve months, shipments came to 62,585 t" after December's figure: that December's year.
    if (relQuarter?.textYear) {
      const december = (p: string | null | undefined) => (p && /^\d{4}-12$/.test(p) ? p.slice(0, 4) : null);
      period =
        december(candidates.findLast((c) => !c.comparisonBase && december(c.period))?.period) ??
        december(ctx.periods[domain]);
      if (!period) return;
    }
    // "9,471 tons for the month": the single month the sentence's other figures or the text are on.
    if (relQuarter?.textMonth) {
      const month = (p: string | null | undefined) => (p && MONTH.test(p) ? p : null);
      period =
        month(candidates.findLast((c) => !c.comparisonBase && month(c.period))?.period) ?? month(ctx.periods[domain]);
      if (!period) return;
    }
    // "rose 8.2% to 10,763 tons in early 2025", 年初: a trade figure of some part of a year is not one the reader can
    // place (quotas are set per year, so a quota keeps the year).
    if (
      domain === 'trade' &&
      !comparisonBase &&
      !same &&
      !back &&
      !before &&
      !basePeriod &&
      nearestMention(q, clause, unclaimed, text).pick?.vague
    )
      return;
    // "climbed 56.1% from September to 656 tons": the month after the one compared with; "30.6% lower than in March
    // 2025": that month a year later.
    if (!period && !periodless && !comparisonBase && domain === 'trade')
      period = comparedPeriod(text, periods, claimed, docDate);
    if (!period && !periodless) {
      // ("同期稀土永磁体出口5980公吨" after 十一月…；首十一个月累计…: the lead's month, not the total after it.)
      period =
        (domain === 'trade' && SAME_PERIOD_OPENING.test(text.slice(sentence.start, q.start))
          ? leadPeriod(ctx)
          : ctx.periods[domain]) ?? null;
      // "去年同期累计出口量为29095.2吨": the period the text is about, one year back.
      if (period && lastYear) period = yearBack(period);
    }
    if (!period && domain === 'quota' && docDate) period = String(docDate.year);
    // "开采计划由10.5万吨增加到12万吨", "allowances rose 10.4% to 127,000 tonnes from 115,000 tonnes": a quota's base
    // with no period of its own is the same quota a year before (quotas are set per year), unless it names another
    // batch of the year ("up from 50,000 tonnes in the first batch").
    if (
      domain === 'quota' &&
      comparisonBase &&
      period &&
      !basePeriod &&
      !same &&
      !back &&
      !before &&
      (main && isQuota(main.metric)
        ? main.batch === batch && main.period === period.slice(0, 4)
        : mentionBefore(q, unclaimed) || lastYearBefore(text, q, periods))
    )
      period = yearBack(period);
    if (domain === 'trade' && !comparisonBase) period = cumulativeOf(period, text.slice(sentence.start, q.start));
    // A quota issued for a half year ("the quotas for H1 2014", "for the second half of 2019") is that half's batch.
    const half =
      domain === 'quota' && isQuota(metric) && !metric.ytd && !batchCue
        ? halfBatch(period, text.slice(clause.start, clause.end))
        : null;
    if (half) [batch, inheritedBatch] = [half, false];
    // "12.5% greater than the 120,000 tonnes in the first tranche of 2023, while refinement climbs 10.4% from 115,000
    // tonnes": a quota base of the other kind right after a quota base, with no period in its own clause, is compared
    // with the same year and batch.
    const parallel =
      domain === 'quota' && comparisonBase && !basePeriod && !same && !back && !before
        ? parallelQuotaBase(candidates, metric, clause, unclaimed)
        : undefined;
    if (parallel) [period, batch, inheritedBatch, batchCue] = [parallel.period, parallel.batch, false, undefined];
    // ("Smelting quotas for the batch came to 127,000 tons, versus 115,000 tons a year ago": a batch's base a year back
    // with no batch of its own is that batch of the year before; not "versus the full-year 255,000 tons of 2023".)
    if (domain === 'quota' && comparisonBase && !basePeriod && (batch === null || inheritedBatch) && !batchCue)
      if (main?.batch && period && isQuota(main.metric) && !main.metric.ytd && isQuota(metric) && !metric.ytd)
        if (
          main.period === yearAfter(period) &&
          !sc.some((c) => c.type === 'year_total' && c.start >= main.q.end && c.end <= q.start)
        )
          [batch, inheritedBatch] = [main.batch, false];
    // Quotas are set per year: a month near the figure ("下达…2月6日", "in December") is not its period.
    const figurePeriod = domain === 'quota' && period ? period.slice(0, 4) : (period ?? null);
    // "Reuters reported in July that the first batch [of 2025] had been handed out … The last figures made public,
    // for 2024, put mining at 270,000 tons": a batch named for one year is not the batch of another year's figure.
    if (inheritedBatch && ctx.batchYear && figurePeriod && figurePeriod !== ctx.batchYear) batch = null;
    // "the first batch of 2024 … 135,000 tons, well above the 2014 quota of 105,000 tons": the same.
    // (… it names its own right after it, "against 120,000 tonnes in the first batch of 2023", or it takes the batch
    // of the sentence's figure of its year: "135,000 tonnes in the first round, …, while smelting rose to 127,000".)
    if (batchCue && candidates.some((c) => c.batchCue === batchCue && c.period !== figurePeriod)) {
      batchCue = batchAfter(v, q);
      const sameYear = candidates.findLast((c) => !c.comparisonBase && c.period === figurePeriod && isQuota(c.metric));
      batch = batchCue?.n ?? sameYear?.batch ?? null;
    }
    // "its first batch of 2025 quotas in June without publishing figures, … after setting 2024 mining quotas at
    // 270,000 tonnes": a batch that names its own year is no batch of another year's figure.
    if (batchCue && batch === batchCue.n && figurePeriod && otherYearBatch(text, batchCue, figurePeriod)) batch = null;
    // ("In 2023, China issued three batches totalling 255,000 tonnes", written in 2026: the batches of a year before
    // the document's are all that year had, its full year, not a sum to date.)
    // (Undated, the year the document leads with: "In 2024, China issued two batches … totalling 270,000" in a text on
    // 2025's first batch.)
    if (isQuota(metric) && metric.ytd && present !== undefined && figurePeriod && Number(figurePeriod) < present)
      metric = { ...metric, ytd: undefined };
    // A value no reading makes plausible for its metric and period is left out (a wrong tonnage is worse than none).
    const value = plausibleValue(q, metric, figurePeriod);
    if (value === null) return;
    // "两批指标完全相同，每批开采指标13.5万吨", "each of the two rounds set mining at …": one value for every batch the
    // sentence counts (not a full year's).
    // ("The first two batches were each set at 120,000 t": each batch's value, not their sum, unless a sum word comes
    // right before the tonnage: "前两批合计27万吨，每批13.5万吨" is a sum, then each batch.)
    const eachOfYtd = metric.kind === 'quota' && metric.ytd && !SUM_WORD.test(text.slice(prevQEnd, q.start));
    if (metric.kind === 'quota' && (!metric.ytd || eachOfYtd)) each ??= batchesEach(sentence.text);
    // ("two batches of 135,000 tons each, for a 2024 mining total of 270,000 tons, while the smelting quota for the
    // year was 254,000 tons": a tonnage the words since the one before call a total is no batch's.)
    // (Nor the next of its list: "全年合計開採27萬噸、冶煉分離25.4萬噸", "the 2024 totals came to 270,000 tonnes and
    // 254,000 tonnes".)
    const since = text.slice(prevQEnd, q.start);
    const ownTotal = TOTAL_SINCE.test(since) || (totalBefore && since.length <= 40 && !LIST_BREAK.test(since));
    totalBefore = ownTotal;
    if (each && each.length > 1 && !ownTotal && metric.kind === 'quota' && (!metric.ytd || eachOfYtd)) {
      const perBatch = { ...metric, ytd: undefined };
      for (const n of each)
        candidates.push({
          q: { ...q, value },
          clause,
          metric: perBatch,
          period: figurePeriod,
          batch: n,
          comparisonBase,
        });
      return;
    }
    candidates.push({ q: { ...q, value }, clause, metric, period: figurePeriod, batch, comparisonBase, batchCue });
  });
  return { candidates, claimed, shares };
}
