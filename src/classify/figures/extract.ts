/**
 * Figures a document states (design §5), read sentence by sentence in small steps: quantities (number and unit),
 * cues, periods, comparison bases, what each tonnage measures (subject), its period and batch, the plausibility of its
 * value, and the changes that belong to it; what a sentence leaves unsaid comes from the context of earlier ones.
 */
import type { Figure } from '../../types.js';
import { findCues, type Cue, type CueType } from '../figure-cues.js';
import type { DocumentWords } from '../required-words.js';
import { findPeriodsEach, periodPatternsOf, resolvePeriod, type PeriodMention } from '../periods.js';
import { findChanges } from '../changes.js';
import { findQuantities, mayStateTonnage } from '../quantities.js';
import { clauses, sentences, type Span } from '../segment.js';
import { assignChanges, attachChange, fits, shareChanges, subjectOf, type Marker } from './assign-changes.js';
import { newParagraph, updateContext, resolveSpans, type Context } from './context.js';
import { first } from './cue-search.js';
import type { Candidate } from './candidate.js';
import { captionLines } from './captions.js';
import { recaseCapitalLines } from './capitals.js';
import { dedupe } from './dedupe.js';
import { isReportedDestination } from './destinations.js';
import { parallelBases } from './parallel-bases.js';
import type { DocDate } from './pick-period.js';
import { readCandidates } from './read-candidates.js';
import { MAY_HAVE_PERCENT, sortChanges, type Pending } from './sentence-changes.js';
import { toFigure, type Stated } from './stated.js';
import { isQuota, metricName, sameMetric } from './metric.js';
import { TABLE_ROW, inlineDestinationTable, tableFigures, yearTableFigures } from './table.js';
import { magnetSeriesNamedRareEarths } from './series.js';
import { secondYear } from './two-years.js';

// A clause opened by a subordinate word: "…, when U.S. importers were front-loading ahead of the April 2025 licensing
// regime" dates that clause's event, not the sentence's months; a comparison with no number since its word ("32% higher
// than in the final month of 2024") names the period compared.
const EVENT_CLAUSE =
  /\b(?:when|after|since|before|ahead\s+of|following|until|once)\b[^,;:]*$|\b(?:than|versus|compared\s+(?:with|to))\s[^,;:\d]*$/i;
/** Whether a year mention (past the sentence's first words) sits in a clause of an event or a comparison. */
const eventYear = (text: string, sentence: Span, p: PeriodMention): boolean =>
  p.start > sentence.start + 20 && EVENT_CLAUSE.test(text.slice(Math.max(sentence.start, p.start - 80), p.start));

// The cue types the steps below look for, made once (not an array for every call).
const RESPECTIVELY_CUE: readonly CueType[] = ['respectively'];
const isQuotaCue = (c: Cue) => c.type === 'quota' || c.type === 'batch';

// Cheap tests before the readers run: no digit and no period word means no period, no digit and no tonnage in Chinese
// numerals (一千二百三十八吨) no figure. The digit is tested first, alone: most sentences have one, found without
// trying every word at each position before it.
const CHINESE_TONNAGE = /[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万点]*\s*(?:万|亿)?\s*(?:公吨|吨)/;
const HAS_DIGIT = /\d/;
const PERIOD_WORD =
  /月|半年|季度|去年|今年|上年|本年|上个?月|年内|当年|half|quarter|month|year|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|H[12]|Q[1-4]/i;
const mayHavePeriod = (text: string) => HAS_DIGIT.test(text) || PERIOD_WORD.test(text);
// (A change in tenths has no digit either: 较去年同期则减少约六成.)
const TENTHS = /[一二三四五六七八九]成|百分之/;
const mayHaveNumber = (text: string) => HAS_DIGIT.test(text) || CHINESE_TONNAGE.test(text) || TENTHS.test(text);
const CJK = /[\u4e00-\u9fff]/;
const NOT_TRADE: Cue['type'][] = ['other', 'money', 'other_metal', 'quota'];
// "Shipments to the United States moved the other way. They fell 11% from October to 582 tons": the pronoun
// continues the subject of the sentence before.
// A sentence about the figure before: "That is …", "This marked …", 这一数字…, 此.
const REFERS_BACK =
  /^\s*(?:(?:That|This|It)\s+(?:is|was|marks?|marked|represents?|represented|compares|compared)\b|(?:这|此|该)(?:一|个)?(?:数字|数据|指标|配额|水平)?(?:比|较|同比|为))/;
const KIND_REFERS_BACK =
  /^\s*The\s+(mining|extraction|smelting|separation|processing)\s+(?:figure|quota|allocation|allotment|number|total|cap|ceiling)\s+(?:is|was)\b/i;
// "That represents annual growth of 5.9% for mining and 4.2% for smelting": the kind each change is of.
const FOR_KIND = /^\s*(?:for|in)\s+(mining|extraction|smelting|separation|processing)\b/i;
const WHOLE_YEAR = /\bannual|\bfull[\s-]year|\bfor the year\b|全年/i;

/**
 * A sentence referring back to the quotas before it, with one change per kind ("That represents annual growth of 5.9%
 * for mining and 4.2% for smelting"): each change goes to the one quota of its kind without a change (a year's total
 * when the sentence says annual and the sentence before stated batches beside it).
 */
function changesPerKind(
  text: string,
  sentence: Span,
  clauseSpans: Span[],
  figures: Stated[],
  previousQuotas: number[],
): void {
  const annual = WHOLE_YEAR.test(sentence.text);
  // (Read again here: the sentence's own sorting gave the second change the kind named before it.)
  const all = clauseSpans.flatMap((c) => findChanges(c.text, c.start, sentence.text, sentence.start));
  for (const change of all) {
    const kind = FOR_KIND.exec(text.slice(change.end, change.end + 24))?.[1]?.toLowerCase();
    if (!kind) continue;
    const quota = /mining|extraction/.test(kind) ? 'mining' : 'smelting';
    let ofKind = previousQuotas.filter((i) => {
      const m = figures[i]!.metric;
      return m.kind === 'quota' && m.quota === quota && !m.split && !m.ytd;
    });
    if (ofKind.length > 1 && annual) ofKind = ofKind.filter((i) => figures[i]!.batch === null);
    if (ofKind.length === 1) attachChange(figures, ofKind[0]!, change);
  }
}

const MONTH_PERIOD = /^\d{4}-\d{2}$/;

const PRONOUN_START = /^\s*(?:They|These|Those|It|Such (?:shipments|exports))\b/;

/**
 * In an undated text, a sentence that names only the year it compares with ("比2021年的16.8万吨增长25%", "up 15.8% from
 * corresponding 2014 levels") is about the year after it.
 */
function yearAfterBase(periods: PeriodMention[]): number | undefined {
  const bases = periods.filter((p) => p.comparative && p.year !== undefined && p.month === undefined && !p.toMonth);
  return bases.length === 1 ? bases[0]!.year! + 1 : undefined;
}

/** The destination a sentence without a tonnage is about, for a pronoun opening the next. */
const destinationSubject = (sc: Cue[]): string | undefined =>
  sc.some((c) => c.type === 'trade') ? sc.find((c) => c.type === 'dest')?.country : undefined;

// A wire's copyright line ("Copyright Reuters, 2015", "© 2015 Reuters"): the year of an undated repost.
const COPYRIGHT_YEAR =
  /(?:\bCopyright\b|©)(?:\s*\(c\))?[ \t]*(?:[A-Z][\w&.' -]{0,40}?,?[ \t]+)?((?:19|20)\d{2})\b(?![ \t]*[-–—][ \t]*\d)/;

/** The year of an undated text from its copyright line, as a date in its last month (a month named is of that year). */
function copyrightDate(text: string): DocDate {
  if (!text.includes('Copyright') && !text.includes('©')) return null;
  const m = COPYRIGHT_YEAR.exec(text);
  return m ? { year: Number(m[1]), month: 12 } : null;
}

/** The last month a period from January, a half or a quarter covers, and its first (for a period from January, 1). */
function monthsOf(p: PeriodMention): [number, number] | undefined {
  if (p.toMonth !== undefined) return [1, p.toMonth];
  if (p.half !== undefined) return [p.half * 6 - 5, p.half * 6];
  if (p.quarter !== undefined) return [p.quarter * 3 - 2, p.quarter * 3];
  return undefined;
}

/**
 * An undated text whose first tonnage is of a month with no year (今年6月, "in May") and that states the year only
 * later, with a total for the period ending in that month (2025年上半年, "January-May 2024", 2025年1至11月): that month
 * of that year is the month the text is on. Nothing else (a later year of another span, a year compared with, a year
 * named before the month) dates the text: its figures stay undated.
 */
function laterYearDate(read: readonly Span[], mentions: readonly PeriodMention[][]): DocDate {
  let month: number | undefined;
  for (let i = 0; i < read.length; i++) {
    for (const p of mentions[i]!) {
      if (p.vague) continue;
      if (month === undefined) {
        // (A year before the month dates the text already, the walk's own way.)
        if (p.year !== undefined) return null;
        if (
          p.month !== undefined &&
          !p.comparative &&
          p.relMonth === undefined &&
          (p.relYear === undefined || p.relYear === 0) &&
          mayStateTonnage(read[i]!.text)
        )
          month = p.month;
        continue;
      }
      if (p.year === undefined) continue;
      if (p.comparative) return null;
      const span = monthsOf(p);
      return span && span[0] <= month && span[1] === month && mayStateTonnage(read[i]!.text)
        ? { year: p.year, month }
        : null;
    }
  }
  return null;
}

export function extractFigures(
  title: string,
  body: string,
  dated: DocDate,
  /** The sentences of `${title}\n${body}`, when the caller has split it already. */
  split?: readonly Span[],
  /** What the classifier's word index read in `${title}\n${body}`: expressions it rules out are not run. */
  words?: DocumentWords,
): Figure[] {
  const written = `${title}\n${body}`;
  // (A wire's bullets in capitals are read in title case: the same length, so the sentences keep their offsets.)
  const text = recaseCapitalLines(written);
  if (text !== written && split) split = split.map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
  let docDate = dated ?? copyrightDate(text);
  const cues = findCues(text, words);
  const ctx: Context = { periods: {} };
  const rareEarthDoc = cues.some((c) => c.type === 'rare_earth' || c.type === 'magnet');
  const periodPatterns = periodPatternsOf(text, words);
  const figures: Stated[] = [];
  /** The figures of the sentence before (indices into `figures`), and changes a lead sentence left for the next. */
  let previous: number[] = [];
  let pending: Pending[] = [];
  let lastDestination: string | undefined;
  let firstCue = 0;
  const captions = captionLines(text);
  // (The next line break, moved past each sentence once: a paragraph begins where a sentence starts after one.)
  let lineBreak = text.indexOf('\n');
  const all = split ?? sentences(text);
  // The period mentions of every sentence read below, found before the walk, one pattern at a time over them all.
  const read = all.filter(
    (s) =>
      !(s.text.includes('|') && TABLE_ROW.test(s.text)) &&
      !captions.some(([a, e]) => s.start >= a && s.end <= e) &&
      mayHavePeriod(s.text),
  );
  const mentions = findPeriodsEach(read, periodPatterns, words);
  docDate ??= laterYearDate(read, mentions);
  let nextRead = 0;
  for (const sentence of all) {
    if (lineBreak !== -1 && lineBreak < sentence.start) {
      newParagraph(ctx);
      lineBreak = text.indexOf('\n', sentence.start);
    }
    // A table row is read as a table (tableFigures), not as prose; a photo caption is not read at all.
    if (sentence.text.includes('|') && TABLE_ROW.test(sentence.text)) continue;
    if (captions.some(([s, e]) => sentence.start >= s && sentence.end <= e)) continue;
    const sEnd = sentence.end;
    // Cues in text order, walked alongside the sentences: each sentence takes its own without scanning them all.
    while (firstCue < cues.length && cues[firstCue]!.start < sentence.start) firstCue++;
    const sc: Cue[] = [];
    for (let i = firstCue; i < cues.length && cues[i]!.start < sEnd; i++) if (cues[i]!.end <= sEnd) sc.push(cues[i]!);
    const periods = read[nextRead] === sentence ? resolveSpans(mentions[nextRead++]!, ctx.cumulative) : [];
    const sentenceYear =
      periods.find((p) => p.year !== undefined && !p.comparative && !eventYear(text, sentence, p))?.year ??
      (docDate ? undefined : yearAfterBase(periods));
    if (sentence.start < title.length && ctx.titleYear === undefined) ctx.titleYear = sentenceYear;
    // (From a sentence on quotas only: a quota is issued in its own year, a year's trade figures in the next.)
    if (!docDate && ctx.presentYear === undefined && sentenceYear !== undefined && sc.some(isQuotaCue))
      ctx.presentYear = sentenceYear;
    // No tonnage and no percentage (none at all, or only a date or a document number): nothing to extract or attach,
    // only the context moves on.
    const quantities = mayHaveNumber(sentence.text) ? findQuantities(sentence.text, sentence.start) : [];
    if (quantities.length === 0 && !MAY_HAVE_PERCENT.test(sentence.text)) {
      pending = [];
      previous = [];
      lastDestination = destinationSubject(sc);
      updateContext(ctx, sc, sentence, periods, sentenceYear, docDate, []);
      continue;
    }
    const clauseSpans = clauses(sentence);
    const view = {
      text,
      sentence,
      cues: sc,
      quantities,
      respectively: first(sc, RESPECTIVELY_CUE, sentence.start, sEnd) !== undefined,
    };
    const { candidates, claimed, shares } = readCandidates(
      view,
      {
        periods,
        sentenceYear,
        clauses: clauseSpans,
        docDate,
        rareEarthDoc,
        inheritedDestination: PRONOUN_START.test(sentence.text) ? lastDestination : undefined,
      },
      ctx,
    );
    parallelBases(candidates, text);

    // A list of quota bases that tells its kinds apart no more than its own words do, in a sentence stating no figure
    // ("与2020年的140000吨、135000吨相比，均增长20%"): the quotas the text stated last, in their order.
    const targets = candidates.every((c) => c.comparisonBase) ? comparedQuotas(candidates, figures) : undefined;
    const sorted = sortChanges(sentence, clauseSpans, sc, quantities, candidates, figures);
    // What lies between a tonnage and a later change can make the change another figure's: "5473吨 对美出口环比增长56.1%"
    // (the US figure), "5238吨 一季度同比增长4.8%" (the quarter's).
    const markers: Marker[] = [
      ...sc.filter((c) => c.type === 'dest').map((c) => ({ at: c.start, destination: c.country })),
      ...periods
        .filter((p) => !p.comparative && !claimed.has(p))
        .map((p) => ({
          at: p.start,
          period: resolvePeriod(p, p.year === undefined ? sentenceYear : undefined, docDate),
        })),
    ];
    const assigned = assignChanges(candidates, sorted.changes, clauseSpans, view.respectively, markers, text, shares);
    shareChanges(text, sentence, sorted.changes, candidates, assigned);
    const firstFigure = figures.length;
    candidates.forEach((c, i) => {
      const base: Stated = {
        metric: c.metric,
        value: c.q.value,
        unit: 't',
        period: c.period,
        batch: c.batch,
        change_pct: null,
        change_basis: null,
        evidence: c.clause.text.trim().slice(0, 200),
      };
      const own = assigned[i]!;
      // ("105,000 tons in 2015 and 2016": the value of each year.)
      const other = c.comparisonBase ? null : secondYear(text, c.q, c.period);
      if (other && own.length === 0) figures.push({ ...base, period: other });
      if (own.length === 0) figures.push(base);
      for (const ch of own) figures.push({ ...base, change_pct: ch.pct, change_basis: ch.basis });
    });

    // Attach what the sentence before left pending, then keep this sentence's own loose changes.
    const mine: number[] = [];
    for (let fi = firstFigure; fi < figures.length; fi++)
      if (!candidates.find((c) => c.q.value === figures[fi]!.value)?.comparisonBase) mine.push(fi);
    for (const p of pending) {
      const fi = mine.find((i) => fits(figures[i]!, p.subject) && (!p.period || figures[i]!.period === p.period));
      if (fi !== undefined) attachChange(figures, fi, p.change);
    }
    // "这比5月份向美国出口431吨…减少了3.9%", "That was 8% below the 305 tonnes of May": a sentence whose only tonnages
    // are comparison bases states the change of the figure before it.
    // ("This marked an over 10% increase from 50,425 mt for light rare earths in the first batch of 2019": the quota
    // before, of the same metric as the base.)
    if (
      targets &&
      (sorted.changes.length === targets.length || (sorted.changes.length === 1 && EACH.test(sentence.text)))
    ) {
      // (分别增长6.1%和6.3%: each change in the list's order; 均增长20%, "both up 20%": the one change of each.)
      targets.forEach((fi, i) => attachChange(figures, fi, sorted.changes[sorted.changes.length === 1 ? 0 : i]!));
    } else if (candidates.length > 0 && candidates.every((c) => c.comparisonBase)) {
      const subject = subjectOf(sc, ctx);
      const quotaBase = candidates.find((c) => isQuota(c.metric));
      for (const change of sorted.changes) {
        // ("The excavation figure is 12.5% greater than the 120,000 tonnes …, while refinement climbs 10.4% from 115,000
        // tonnes": each change is the quota's of the base it leads to.)
        const led = quotaBase && candidates.find((c) => c.q.start >= change.end && isQuota(c.metric));
        const base = led ?? quotaBase;
        const fi = previous.find((i) =>
          base ? sameMetric(figures[i]!.metric, base.metric) : fits(figures[i]!, subject),
        );
        if (fi !== undefined) attachChange(figures, fi, change);
      }
    }
    // "That is 12.5% higher than the first quota for 2023": a sentence with no tonnage opening on the figure before
    // states the change of the one quota the sentence before stated (its first change only).
    const previousQuotas = previous.filter((i) => isQuota(figures[i]!.metric) && figures[i]!.change_basis === null);
    // ("The mining figure is 12.5% higher than the first round of 2023": the one quota of the kind it names.)
    const kindBack = quantities.length === 0 && previousQuotas.length > 0 ? KIND_REFERS_BACK.exec(sentence.text) : null;
    const ofKind = kindBack
      ? previousQuotas.filter((i) => {
          const m = figures[i]!.metric;
          return (
            m.kind === 'quota' &&
            !m.split &&
            m.quota === (/mining|extraction/i.test(kindBack[1]!) ? 'mining' : 'smelting')
          );
        })
      : [];
    const referred =
      ofKind.length === 1
        ? ofKind[0]
        : previousQuotas.length === 1 && REFERS_BACK.test(sentence.text)
          ? previousQuotas[0]
          : undefined;
    if (quantities.length === 0 && referred !== undefined) {
      const first = sorted.loose[0];
      if (first?.basis) attachChange(figures, referred, first);
    } else if (quantities.length === 0 && previousQuotas.length > 1 && REFERS_BACK.test(sentence.text))
      changesPerKind(text, sentence, clauseSpans, figures, previousQuotas);
    pending = [...sorted.leadQuota];
    // A loose change after money, a price, another metal or a quota, or in their clause, is not a change of the trade
    // figure ("The value of exports … up 30.8%"); one they only follow is ("rose 7.3% from the prior year, …, boosted
    // by competitive prices").
    // (What comes after the change in its clause is the reason for it, "as buyers rebuilt inventories", unless it is
    // money: "up 30.8% in value".)
    const tradeLoose = sorted.loose.filter((ch) => {
      const clause = clauseSpans.find((c) => ch.start >= c.start && ch.start < c.end) ?? sentence;
      return !sc.some(
        (c) =>
          NOT_TRADE.includes(c.type) &&
          c.start >= sentence.start &&
          (c.end <= ch.start || (c.type === 'money' && c.end <= clause.end)),
      );
    });
    if (tradeLoose.length)
      pending.push(
        ...looseChanges(
          tradeLoose,
          sentence,
          sc,
          quantities.length === 0 ? ctx : {},
          periods,
          sentenceYear,
          docDate,
          figures,
          previous,
        ),
      );
    previous = mine;
    lastDestination = candidates.length === 0 ? destinationSubject(sc) : undefined;
    // (Nor does the month of such a clause become the month the text is on.)
    const aside = candidates.length === 0 ? asideStart(sentence, tradeLoose) : sentence.end;
    updateContext(
      ctx,
      sc,
      sentence,
      aside < sentence.end ? periods.filter((p) => p.end <= aside) : periods,
      sentenceYear,
      docDate,
      candidates,
    );
  }
  return (
    dedupe([
      ...magnetSeriesNamedRareEarths(splitBatches(figures)),
      ...tableFigures(title, body, docDate),
      ...yearTableFigures(title, body, docDate),
      ...inlineDestinationTable(title, body, docDate),
    ])
      // A tonnage whose period the text does not give is no figure a reader can use: left out, not guessed.
      // (Imports of magnets are no figure of design §5: China's magnet trade that is watched is what it exports.)
      .filter(
        (f) =>
          f.period !== null &&
          (f.metric.kind !== 'trade' ||
            (isReportedDestination(f.metric.destination) &&
              !(f.metric.product === 'magnet' && f.metric.flow === 'import'))),
      )
      .map(toFigure)
  );
}

// A clause about another event after a sentence's changes: "…, the first annual increase since controls on …".
const ASIDE = /,[^,;]*?\b(?:since|after|because|following|amid|when|although|though|while|whereas)\s/i;

// One change for every figure of a list: 均增长20%, 都, "both", "each", "all".
const EACH = /均|都|皆|各|\b(?:both|each|all)\b/i;

/**
 * For a list of two or more quota bases whose kinds its words do not tell apart (all read as one quota), the quotas
 * the text stated last of as many kinds (whole quotas, not a split), each of another period than the bases, in their
 * order: the bases take their kinds, and the figures (indices into `figures`) are returned for the changes.
 */
function comparedQuotas(candidates: Candidate[], figures: Stated[]): number[] | undefined {
  const n = candidates.length;
  if (n < 2 || !candidates.every((c) => isQuota(c.metric))) return undefined;
  const basePeriod = candidates[0]!.period;
  const kinds = new Set(candidates.map((c) => metricName(c.metric)));
  if (kinds.size === n) {
    // (Bases whose kinds the sentence names, 开采和冶炼分离…分别: the latest quota of each kind, of one period.)
    const own = candidates.map((c) =>
      figures.findLastIndex(
        (f) => sameMetric(f.metric, c.metric) && f.period !== basePeriod && f.period !== null && f.batch === c.batch,
      ),
    );
    return own.every((i) => i >= 0) && new Set(own.map((i) => figures[i]!.period)).size === 1 ? own : undefined;
  }
  if (kinds.size > 1) return undefined;
  const found: number[] = [];
  const names = new Set<string>();
  for (let i = figures.length - 1; i >= 0 && found.length < n; i--) {
    const m = figures[i]!.metric;
    if (!isQuota(m) || m.split || figures[i]!.period === basePeriod || figures[i]!.period === null) continue;
    const name = metricName(m);
    if (names.has(name)) continue;
    names.add(name);
    found.unshift(i);
  }
  if (found.length < n || new Set(found.map((i) => figures[i]!.period)).size !== 1) return undefined;
  candidates.forEach((c, i) => {
    const m = figures[found[i]!]!.metric;
    if (c.metric.kind === 'quota' && m.kind === 'quota') c.metric = { ...c.metric, quota: m.quota };
  });
  return found;
}

/** Where a clause about another event opens after all of a sentence's changes (and some), else the sentence's end. */
function asideStart(sentence: Span, changes: readonly Pending['change'][]): number {
  if (!changes.length) return sentence.end;
  const aside = ASIDE.exec(sentence.text);
  const at = aside ? sentence.start + aside.index : sentence.end;
  return changes.every((c) => c.end <= at) ? at : sentence.end;
}

const distance = (p: PeriodMention, change: Pending['change']) =>
  p.end <= change.start ? change.start - p.end : p.start - change.end;

/**
 * Changes of a sentence with no tonnage: attached to the figures of the sentence before when they fit ("That was
 * down 5.7% from May last year"), else left pending for the next sentence (a lead "exports rose 23% in May").
 */
function looseChanges(
  loose: Pending['change'][],
  sentence: Span,
  sc: Cue[],
  ctx: Pick<Context, 'product' | 'flow'>,
  periods: PeriodMention[],
  sentenceYear: number | undefined,
  docDate: DocDate,
  figures: Stated[],
  previous: number[],
): Pending[] {
  const out: Pending[] = [];
  // ("That was 5.7% higher than a year earlier, the first rise since controls on seven rare earths were introduced in
  // April": the product and the month of a clause about another event, after the changes, are not theirs.)
  const aside = asideStart(sentence, loose);
  if (aside < sentence.end) {
    sc = sc.filter((c) => c.end <= aside);
    periods = periods.filter((p) => p.end <= aside);
  }
  const subject = subjectOf(sc, ctx);
  const stated = periods.filter((p) => !p.comparative && p.relYear === undefined);
  for (const change of loose) {
    // The period the change is about: in Chinese the one before it (前7个月累计出口同比增长13.3%), else the nearest.
    const near =
      (CJK.test(sentence.text) ? stated.filter((p) => p.end <= change.start) : stated).sort(
        (a, b) => distance(a, change) - distance(b, change),
      )[0] ??
      stated[0] ??
      // ("去年我国稀土出口同比增长6%" as a title: the year it names, so no month's figure after it takes the change.)
      periods.find(
        (p) => !p.comparative && p.relYear !== undefined && p.month === undefined && p.toMonth === undefined,
      );
    const period = near ? resolvePeriod(near, near.year === undefined ? sentenceYear : undefined, docDate) : null;
    // ("62,585 tons last year … Shipments in December fell 20% from November": a change the sentence dates to a month
    // the figure before is not of is another figure's, one the text does not state.)
    const fi = previous.find(
      (i) =>
        fits(figures[i]!, subject) &&
        (period ? !MONTH_PERIOD.test(period) || figures[i]!.period === period : near?.month === undefined),
    );
    if (fi === undefined || !attachChange(figures, fi, change)) out.push({ change, subject, period });
  }
  return out;
}

/**
 * The batch of the 岩矿型 / 离子型 split is the batch of the quota it splits, not the last batch the text named: a pair
 * that adds up to a mining quota stated takes its batch ("全年开采指标140000吨…岩矿型120850吨，离子型19150吨" after a
 * first batch recalled); a split value stated again ("离子型指标多年保持在19150吨") is the one stated before.
 */
function splitBatches(figures: Stated[]): Stated[] {
  // The 岩矿型 / 离子型 kind of a mining quota figure, undefined for any other figure.
  const splitOf = (f: Stated) =>
    f.metric.kind === 'quota' && f.metric.quota === 'mining' ? f.metric.split : undefined;
  if (!figures.some((f) => splitOf(f) !== undefined)) return figures;
  const out = figures.slice();
  const mains = figures.filter(
    (f) => f.metric.kind === 'quota' && f.metric.quota === 'mining' && !f.metric.split && !f.metric.ytd,
  );
  out.forEach((f, i) => {
    const kind = splitOf(f);
    if (kind === undefined) return;
    const partner = figures.find((g) => {
      const other = splitOf(g);
      return other !== undefined && other !== kind && g.period === f.period && g.batch === f.batch;
    });
    const main = partner && mains.find((m) => m.period === f.period && m.value === f.value + partner.value);
    const earlier = figures
      .slice(0, i)
      .find((g) => splitOf(g) === kind && g.period === f.period && g.value === f.value);
    const batch = main ? main.batch : earlier ? earlier.batch : f.batch;
    if (batch !== f.batch) out[i] = { ...f, batch };
  });
  return out;
}
