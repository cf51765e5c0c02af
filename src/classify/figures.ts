import type { Figure } from '../types.js';
import { findChanges, type Change } from './changes.js';
import { findCues, type Cue, type CueType } from './figure-cues.js';
import { findPeriods, resolvePeriod, type PeriodMention } from './periods.js';
import { findQuantities, type Quantity } from './quantities.js';
import { clauses, sentences, type Span } from './segment.js';

/** What earlier sentences (and the title) said, for sentences that rely on it: "其中岩矿型…", "1-6月累计…". */
interface Context {
  domain?: 'quota' | 'trade' | 'other';
  product?: 'magnet' | 'rare_earth';
  flow?: 'export' | 'import';
  kind?: 'mining' | 'smelting';
  /** The quotas the last sentence naming one listed, in order ("开采、冶炼分离总量控制指标分别为…"). */
  kinds?: Array<'mining' | 'smelting'>;
  batch?: number;
  /** The year of the quota that batch belongs to: a figure of another year does not inherit the batch. */
  batchYear?: string;
  /** The period later sentences inherit, per domain: a quota sentence between two trade sentences does not reset it. */
  period?: string;
  periods: { quota?: string; trade?: string };
  /** The last period from January of a trade figure ("January and February combined"), for "over the two months". */
  cumulative?: string;
  year?: number;
  /** The last product named was another metal. */
  otherMetal?: boolean;
}

interface Candidate {
  q: Quantity;
  /** Written as the base of a comparison ("from 100,000 tonnes", "较上年的…吨", "than April's 4,566 tons"). */
  comparisonBase: boolean;
  clause: Span;
  metric: string;
  period: string | null;
  batch: number | null;
  /** The 第N批/"Nth batch" of the sentence that gave the batch. */
  batchCue?: Cue;
}

const last = (cues: Cue[], types: CueType[], from: number, to: number): Cue | undefined => {
  let best: Cue | undefined;
  for (const c of cues) {
    if (c.start < from || c.end > to || !types.includes(c.type)) continue;
    if (!best || c.end > best.end || (c.end === best.end && c.start < best.start)) best = c;
  }
  return best;
};
const first = (cues: Cue[], types: CueType[], from: number, to: number): Cue | undefined =>
  cues.find((c) => c.start >= from && c.end <= to && types.includes(c.type));

// A cheap test before the period patterns run: no digit and no period word means no period.
const DIGIT = /\d/;
const MAY_HAVE_PERIOD =
  /\d|半年|季度|去年|今年|上年|本年|上个?月|年内|当年|half|quarter|month|year|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|H[12]|Q[1-4]/i;

const CJK = /[\u4e00-\u9fff]/;
// (The percentage's match may begin at the space before its number: "both 20 percent".)
const ALL_OF_THEM = /(?:均|都|皆)[^，。；,;%]{0,8}$|\b(?:both|each)(?:\s+\w+){0,2}\s*$/i;
const DOMAIN: CueType[] = ['quota', 'trade', 'other', 'batch', 'ytd', 'mining', 'smelting'];
const PRODUCT: CueType[] = ['magnet', 'rare_earth'];

const SAME_PERIOD_LAST_YEAR =
  /去年同期|上年同期|a year (?:earlier|ago|before)|year[\s-]ago|the same (?:period|month|quarter) (?:of |in )?last year/i;
// "from 100,000 tons", "36.2% above April's 4,566 tons", "after sliding to just 46 tons in May", "higher than the 4,725
// tonnes shipped a year ago".
const COMPARISON_BASE =
  /(?:(?:%|per\s?cent)\s+(?:on|above|below)\s+(?:the\s+)?|\bfrom|\bthan|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bafter(?:\s+(?:[a-z]+ing|an?\s+[a-z]+)\s+(?:to|at))?|比|较|由|高于|低于|多于|少于)\s*(?:the\s+)?(?:(?:just|only|about|around|some|roughly|a\s+mere)\s+)?$/i;
// A base named before its tonnage: "from the 2022 full-year quotas of 210,000 mt", "compared with last year's total of".
const NAMED_BASE =
  /(?:\bfrom|\bthan|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,4}?(?:of|at)\s*$/i;
// "up 35.9% versus May 2023, when China shipped 4,576 tons": the tonnage of the comparison period.
const WHEN_GAP = /^\s*,?\s*when\s+[^,;.\d%]{0,40}$/i;
// The next tonnage of a list: "quotas of 210,000 mt and 202,000 mt".
const LIST_GAP = /^\s*(?:,|and|or|、|和|及|与)\s*$/i;
// The period of a comparison base, written next to it: "April's 4,566 tons", "8月的5791.8吨", "46 tons in May".
const POSSESSIVE_GAP = /^\s*(?:的|['’]s)\s*$/;
const IN_GAP = /^\s*(?:of\s+[a-z\s-]{0,30}?\s*|[a-z]+ed\s+)?(?:in|during|for)\s+(?:the\s+)?$/i;
const OF_THE =
  /^\s*(?:(?:are|is|was|were)\s+)?(?:of|for)?\s*(?:the\s+)?(?:rare[\s-]earths?\s+|稀土)?(?:permanent\s+|sintered\s+|NdFeB\s+)?$/i;

/** A cue right after a tonnage ("270,000 tons of mining quota", "3,188 tonnes of magnets"), which names it. */
function trailing(cues: Cue[], text: string, types: CueType[], q: Quantity, nextQStart: number): Cue | undefined {
  const end = Math.min(q.end + 40, nextQStart);
  let best: Cue | undefined;
  // The whole noun phrase counts: "tonnes of rare earth permanent magnets" is magnets, not rare earths.
  for (const c of cues) {
    if (c.start < q.end || c.end > end || !types.includes(c.type)) continue;
    const gap = text.slice(q.end, c.start);
    if ((OF_THE.test(gap) || (best && /^[\s-]*$/.test(text.slice(best.end, c.start)))) && (!best || c.end > best.end))
      best = c;
  }
  return best;
}

function domainOf(c: Cue | undefined): 'quota' | 'trade' | 'other' | undefined {
  if (!c) return undefined;
  if (c.type === 'trade' || c.type === 'other') return c.type;
  return 'quota';
}

/**
 * Figures a document states (design §5): each tonnage that a quota or trade cue explains, with the period, batch and
 * changes the same sentence gives, falling back to what earlier sentences established.
 */
export function extractFigures(
  title: string,
  body: string,
  docDate: { year: number; month: number } | null,
  /** The sentences of `${title}\n${body}`, when the caller has split it already. */
  split?: readonly Span[],
): Figure[] {
  const text = `${title}\n${body}`;
  const cues = findCues(text);
  const ctx: Context = { periods: {} };
  const rareEarthDoc = cues.some((c) => c.type === 'rare_earth' || c.type === 'magnet');
  const figures: Figure[] = [];
  /** The figures of the sentence before (indices into `figures`), and changes a lead sentence left for the next. */
  let previous: number[] = [];
  let pending: Array<{ change: Change; subject: Subject; period: string | null }> = [];

  let usSubject = false;
  // Cues in text order, walked alongside the sentences: each sentence takes its own without scanning them all.
  const ordered = [...cues].sort((a, b) => a.start - b.start);
  let firstCue = 0;
  for (const sentence of split ?? sentences(text)) {
    // A table row is read as a table (tableFigures), not as prose.
    if (sentence.text.includes('|') && TABLE_ROW.test(sentence.text)) continue;
    const sEnd = sentence.end;
    while (firstCue < ordered.length && ordered[firstCue]!.start < sentence.start) firstCue++;
    const sc: Cue[] = [];
    for (let i = firstCue; i < ordered.length && ordered[i]!.start < sEnd; i++)
      if (ordered[i]!.end <= sEnd) sc.push(ordered[i]!);
    const periods = MAY_HAVE_PERIOD.test(sentence.text)
      ? resolveSpans(findPeriods(sentence.text, sentence.start), ctx.cumulative)
      : [];
    const sentenceYear = periods.find((p) => p.year !== undefined && !p.comparative)?.year;
    if (!DIGIT.test(sentence.text)) {
      // No tonnage and no percentage: nothing to extract or attach, only the context moves on.
      pending = [];
      previous = [];
      usSubject = sc.some((c) => c.type === 'us') && sc.some((c) => c.type === 'trade');
      updateContext(ctx, sc, sentence, periods, sentenceYear, docDate, []);
      continue;
    }
    const inheritedUs = usSubject && PRONOUN_START.test(sentence.text);
    const quantities = findQuantities(sentence.text, sentence.start);
    const clauseSpans = clauses(sentence);
    const clauseOf = (pos: number) => clauseSpans.findIndex((c) => pos >= c.start && pos < c.end);
    const respectively = first(sc, ['respectively'], sentence.start, sEnd) !== undefined;

    // Comparison bases and the period written next to them, which no other tonnage of the sentence may take.
    const bases = new Map<Quantity, PeriodMention | null>();
    let prevQ: Quantity | undefined;
    for (const q of quantities) {
      const previousQ = prevQ;
      prevQ = q;
      const after = () =>
        periods.find((p) => p.start >= q.end && p.relYear === undefined && IN_GAP.test(text.slice(q.end, p.start)));
      if (previousQ && bases.has(previousQ) && LIST_GAP.test(text.slice(previousQ.end, q.start))) {
        bases.set(q, bases.get(previousQ)!);
        continue;
      }
      const own = periods.find(
        (p) => p.end <= q.start && p.relYear === undefined && POSSESSIVE_GAP.test(text.slice(p.end, q.start)),
      );
      const before = text.slice(Math.max(sentence.start, (own?.start ?? q.start) - 30), own?.start ?? q.start);
      if (COMPARISON_BASE.test(before)) {
        bases.set(q, own ?? after() ?? null);
        continue;
      }
      const when = periods.find((p) => p.comparative && p.end <= q.start && WHEN_GAP.test(text.slice(p.end, q.start)));
      if (when) {
        bases.set(q, when);
        continue;
      }
      const wider = Math.max(sentence.start, q.start - 60);
      const named = NAMED_BASE.exec(text.slice(wider, q.start));
      if (named) {
        const from = wider + named.index;
        bases.set(q, periods.find((p) => p.start >= from && p.end <= q.start) ?? after() ?? null);
      }
    }
    const claimed = new Set([...bases.values()].filter((p): p is PeriodMention => p !== null));

    const candidates: Candidate[] = [];
    quantities.forEach((q, qi) => {
      if (q.bound) return;
      const ci = clauseOf(q.start);
      const clause = clauseSpans[ci] ?? sentence;
      const prevQEnd = qi > 0 ? quantities[qi - 1]!.end : sentence.start;
      const nextQStart = qi + 1 < quantities.length ? quantities[qi + 1]!.start : sEnd;
      // What kind of tonnage: the last domain cue before it in the sentence, else one right after it in its clause.
      const domainCue =
        last(sc, DOMAIN, sentence.start, q.start) ??
        first(sc, ['quota', 'trade', 'other'], q.end, Math.min(clause.end, nextQStart));
      if (
        last(sc, ['money'], Math.max(clause.start, prevQEnd), q.start) &&
        !last(sc, ['trade', 'quota'], Math.max(clause.start, prevQEnd), q.start)
      )
        return;
      const domain = domainOf(domainCue) ?? ctx.domain;
      if (!domain || domain === 'other') return;
      if (first(sc, ['other'], sentence.start, sEnd) && /走私|smuggl|seiz|查获|缴获/i.test(sentence.text)) return;

      let metric: string;
      let batch: number | null = null;
      let inheritedBatch = false;
      let batchCue: Cue | undefined;
      if (domain === 'quota') {
        const kindCue =
          trailing(sc, text, ['mining', 'smelting'], q, nextQStart) ??
          last(sc, ['mining', 'smelting'], sentence.start, q.start);
        let kind = (kindCue?.type as 'mining' | 'smelting' | undefined) ?? ctx.kind;
        // A tungsten or antimony quota is not a rare-earth quota (nor is 钨精矿…指标 in a notice that covers both).
        if (!rareEarthDoc) return;
        // Ore mined illegally (非法开采的稀土矿产品…36吨) or a plant's capacity threshold is not a quota.
        if (last(sc, ['not_quota'], clause.start, q.start)) return;
        if (last(sc, ['rare_earth', 'magnet', 'other_metal'], sentence.start, q.start)?.type === 'other_metal') return;
        const group = respectively ? listGroup(quantities, q, clause) : [];
        if (group.length > 1) {
          const kinds = sc
            .filter(
              (c) =>
                c.start >= sentence.start && c.end <= group[0]!.start && (c.type === 'mining' || c.type === 'smelting'),
            )
            .map((c) => c.type);
          const distinct = kinds.filter((k, i) => kinds.indexOf(k) === i);
          // "2024年前两批合计分别为270000吨、254000吨" after "开采、冶炼分离…分别为…": the quotas the sentence before listed.
          const listed = distinct.length === 0 ? (ctx.kinds ?? []) : distinct;
          if (listed.length === group.length) kind = listed[group.indexOf(q)] as 'mining' | 'smelting';
        }
        const split =
          trailing(sc, text, ['light', 'ion'], q, nextQStart) ??
          first(sc, ['light', 'ion'], q.end, Math.min(clause.end, nextQStart)) ??
          last(sc, ['light', 'ion'], prevQEnd, q.start);
        // The 岩矿型/离子型 split is a split of the mining quota, unless the clause itself says smelting.
        if (split && !last(sc, ['smelting'], clause.start, q.start)) kind = 'mining';
        if (!kind) return;
        const scope = last(sc, ['batch', 'ytd', 'year_total'], sentence.start, q.start);
        const ytd = scope?.type === 'ytd';
        const yearTotal = scope?.type === 'year_total';
        batch = ytd || yearTotal ? null : (scope?.n ?? ctx.batch ?? null);
        inheritedBatch = !ytd && !yearTotal && scope?.n === undefined && ctx.batch !== undefined;
        if (scope?.type === 'batch') batchCue = scope;
        metric = `${kind}_quota${split ? (split.type === 'light' ? '_light' : '_ion_adsorption') : ''}${ytd ? '_ytd' : ''}`;
      } else {
        const productCue =
          trailing(sc, text, [...PRODUCT, 'other_metal'], q, nextQStart) ??
          last(sc, [...PRODUCT, 'other_metal'], sentence.start, q.start);
        // Antimony, gallium, tungsten … tonnages are not rare-earth figures, nor is any tonnage of a text that never
        // names rare earths or magnets (a general trade release: crude oil, iron ore).
        if (productCue?.type === 'other_metal' || !rareEarthDoc) return;
        let product = (productCue?.type as 'magnet' | 'rare_earth' | undefined) ?? ctx.product ?? 'rare_earth';
        if (!productCue && ctx.otherMetal) return;
        const group = respectively ? listGroup(quantities, q, clause) : [];
        if (group.length > 1) {
          const products = sc.filter(
            (c) => c.start >= sentence.start && c.end <= group[0]!.start && PRODUCT.includes(c.type),
          );
          const kinds = products
            .filter(
              (c) => !products.some((o) => o !== c && o.type === 'magnet' && o.start <= c.start && o.end >= c.end),
            )
            .map((c) => c.type);
          const distinct = kinds.filter((k, i) => kinds.indexOf(k) === i);
          if (distinct.length === group.length) product = distinct[group.indexOf(q)] as 'magnet' | 'rare_earth';
        }
        const flowCue =
          last(sc, ['export', 'import'], sentence.start, q.start) ??
          first(sc, ['export', 'import'], q.end, Math.min(clause.end, nextQStart));
        const flow = (flowCue?.type as 'export' | 'import' | undefined) ?? ctx.flow ?? 'export';
        const us =
          flow === 'export' &&
          (last(sc, ['us'], Math.max(prevQEnd, clause.start - 40), q.start) ??
            usAfter(text, first(sc, ['us'], q.end, Math.min(clause.end, nextQStart)), q) ??
            (inheritedUs && !last(sc, ['export', 'import', 'us'], sentence.start, q.start)
              ? { type: 'us', start: q.start, end: q.start }
              : undefined));
        metric = `${product}_${flow}s${us ? '_to_us' : ''}`;
      }
      // "去年同期为29095.2吨，增幅11.9%": last year's tonnage is a base too, and the change is not its own.
      const comparisonBase = bases.has(q) || sameTimeLastYear(text, clause, q);
      // A comparison base measures what the tonnage before it measures: "353 tons to the US, from just 46 tons in May".
      const compared = comparisonBase ? candidates.at(-1) : undefined;
      // (Unless the words between name another flow: "exports were 5,000 tons, while imports were up from 3,000 tons".)
      const ownWords = compared
        ? sc.some(
            (c) =>
              c.start >= compared.q.end &&
              c.end <= q.start &&
              (c.type === 'export' || c.type === 'import' || c.type === 'us' || PRODUCT.includes(c.type)),
          )
        : true;
      if (compared && !ownWords && domain === 'trade' && !compared.metric.includes('_quota')) metric = compared.metric;
      if (q.dotThousands && !metric.endsWith('_to_us') && q.value < 1000) q.value = Math.round(q.value * 1000);
      const basePeriod = bases.get(q);
      // "compared with 2,100 tons a year earlier": the period of the tonnage it is compared with, one year back.
      const yearBack =
        compared?.period && !basePeriod && sameTimeLastYear(text, clause, q)
          ? compared.period.replace(/\d{4}/g, (y) => String(Number(y) - 1))
          : null;
      // A trade comparison base with no period of its own ("imports were up from 3,000 tons") has none: the text
      // does not say when that was.
      const periodless =
        comparisonBase && !basePeriod && !yearBack && domain === 'trade' && !sameTimeLastYear(text, clause, q);
      let period = periodless
        ? null
        : (yearBack ??
          (basePeriod
            ? resolvePeriod(basePeriod, basePeriod.year === undefined ? sentenceYear : undefined, docDate)
            : null) ??
          pickPeriod(
            q,
            ci,
            clauseSpans,
            periods.filter((p) => !claimed.has(p)),
            sentenceYear,
            ctx.year,
            docDate,
            domain === 'quota',
          ));
      // "climbed 56.1% from September to 656 tons": the month after the one compared with; "30.6% lower than in March
      // 2025": that month a year later.
      if (!period && !periodless && !comparisonBase && domain === 'trade')
        period = comparedPeriod(text, periods, claimed, docDate);
      if (!period && !periodless && (domain === 'quota' || domain === 'trade')) {
        period = ctx.periods[domain] ?? null;
        // "去年同期累计出口量为29095.2吨": the period the text is about, one year back.
        if (period && sameTimeLastYear(text, clause, q))
          period = period.replace(/\d{4}/g, (y) => String(Number(y) - 1));
      }
      if (!period && domain === 'quota' && docDate) period = String(docDate.year);
      // Quotas are set per year: a month near the figure ("下达…2月6日", "in December") is not its period.
      const figurePeriod = domain === 'quota' && period ? period.slice(0, 4) : (period ?? null);
      // "Reuters reported in July that the first batch [of 2025] had been handed out … The last figures made public,
      // for 2024, put mining at 270,000 tons": a batch named for one year is not the batch of another year's figure.
      if (inheritedBatch && ctx.batchYear && figurePeriod && figurePeriod !== ctx.batchYear) batch = null;
      // "the first batch of 2024 … 135,000 tons, well above the 2014 quota of 105,000 tons": the same.
      if (batchCue && candidates.some((c) => c.batchCue === batchCue && c.period !== figurePeriod)) {
        batch = null;
        batchCue = undefined;
      }
      candidates.push({ q, clause, metric, period: figurePeriod, batch, comparisonBase, batchCue });
    });

    parallelBases(candidates, text);

    const allChanges = clauseSpans.flatMap((c) =>
      last(sc, ['money'], c.start, c.end) && !findQuantities(c.text, c.start).length
        ? []
        : findChanges(c.text, c.start, sentence.text, sentence.start),
    );
    // "The mining quota was up 12.5% …": a change in a clause without a tonnage that names what it is about goes to
    // that figure — in this sentence if it states one, else the last one stated before.
    const changes: Change[] = [];
    // Changes of a sentence that states no tonnage of its own: "同比则下降5.7%", "That was down 5.7% from May last
    // year" (about the figure just stated) or a lead "exports rose 23% month-on-month in May" (about the next one).
    const loose: Change[] = [];
    const leadQuota: typeof pending = [];
    for (const ch of allChanges) {
      const clause = clauseSpans.find((c) => ch.start >= c.start && ch.start < c.end);
      const subject =
        clause && !quantities.some((q) => q.start >= clause.start && q.start < clause.end)
          ? last(sc, ['mining', 'smelting', 'magnet'], clause.start, ch.start)
          : undefined;
      const prefix = subject ? (subject.type === 'magnet' ? 'magnet_exports' : `${subject.type}_quota`) : undefined;
      if (candidates.length === 0 && !prefix?.includes('_quota')) {
        loose.push(ch);
        continue;
      }
      if (!prefix || candidates.some((c) => c.metric.startsWith(prefix))) {
        changes.push(ch);
        continue;
      }
      // "raised its total mining and smelting quotas for 2021 by 20 percent": a year's total, not a batch.
      const total = last(sc, ['year_total'], sentence.start, ch.start) !== undefined;
      const earlier = figures.findLastIndex(
        (f) => f.metric.startsWith(prefix) && f.change_basis === null && (!total || f.batch === null),
      );
      if (earlier >= 0 && ch.basis)
        figures[earlier] = { ...figures[earlier]!, change_pct: ch.pct, change_basis: ch.basis };
      // "with the full-year smelting quota up 15% from last year" before the sentence that states it.
      else if (earlier < 0 && candidates.length === 0 && subject?.type !== 'magnet')
        leadQuota.push({
          change: ch,
          subject: { quota: subject!.type as 'mining' | 'smelting', us: false, total },
          period: null,
        });
    }
    // What lies between a tonnage and a later change can make the change another figure's: "5473吨 对美出口环比增长56.1%"
    // (the US figure), "5238吨 一季度同比增长4.8%" (the quarter's).
    const markers: Marker[] = [
      ...sc.filter((c) => c.type === 'us').map((c) => ({ at: c.start, us: true })),
      ...periods
        .filter((p) => !p.comparative && !claimed.has(p))
        .map((p) => ({
          at: p.start,
          period: resolvePeriod(p, p.year === undefined ? sentenceYear : undefined, docDate),
        })),
    ];
    const assigned = assignChanges(candidates, changes, clauseSpans, respectively, markers);
    // "分别为16.8万吨、16.2万吨，均同比增长20%", "both up 20%": one change for every tonnage of the sentence.
    for (const ch of changes) {
      if (!ALL_OF_THEM.test(text.slice(Math.max(sentence.start, ch.start - 12), ch.start)) || !ch.basis) continue;
      candidates.forEach((c, i) => {
        if (!c.comparisonBase && !assigned[i]!.some((x) => x.basis === ch.basis)) assigned[i]!.push(ch);
      });
    }
    const firstFigure = figures.length;
    candidates.forEach((c, i) => {
      const evidence = c.clause.text.trim().slice(0, 200);
      const own = assigned[i]!;
      if (own.length === 0)
        figures.push({
          metric: c.metric,
          value: c.q.value,
          unit: 't',
          period: c.period,
          batch: c.batch,
          change_pct: null,
          change_basis: null,
          evidence,
        });
      for (const ch of own)
        figures.push({
          metric: c.metric,
          value: c.q.value,
          unit: 't',
          period: c.period,
          batch: c.batch,
          change_pct: ch.pct,
          change_basis: ch.basis,
          evidence,
        });
    });

    // Attach what the sentence before left pending, then keep this sentence's own loose changes.
    const mine = Array.from({ length: figures.length - firstFigure }, (_, i) => firstFigure + i).filter(
      (fi) => !candidates.find((c) => c.q.value === figures[fi]!.value)?.comparisonBase,
    );
    for (const p of pending) {
      const fi = mine.find((i) => fits(figures[i]!, p.subject) && (!p.period || figures[i]!.period === p.period));
      if (fi !== undefined) attachChange(figures, fi, p.change);
    }
    pending = [...leadQuota];
    if (loose.length && !sc.some((c) => ['other', 'money', 'other_metal', 'quota'].includes(c.type))) {
      const subject = subjectOf(sc, quantities.length === 0 ? ctx : {});
      const stated = periods.filter((p) => !p.comparative && p.relYear === undefined);
      for (const change of loose) {
        // The period the change is about: in Chinese the one before it (前7个月累计出口同比增长13.3%), else the nearest.
        const dist = (p: PeriodMention) => (p.end <= change.start ? change.start - p.end : p.start - change.end);
        const near =
          (CJK.test(sentence.text) ? stated.filter((p) => p.end <= change.start) : stated).sort(
            (a, b) => dist(a) - dist(b),
          )[0] ?? stated[0];
        const period = near ? resolvePeriod(near, near.year === undefined ? sentenceYear : undefined, docDate) : null;
        const fi = previous.find((i) => fits(figures[i]!, subject));
        if (fi === undefined || !attachChange(figures, fi, change)) pending.push({ change, subject, period });
      }
    }
    previous = mine;
    usSubject = candidates.length === 0 && sc.some((c) => c.type === 'us') && sc.some((c) => c.type === 'trade');

    updateContext(ctx, sc, sentence, periods, sentenceYear, docDate, candidates);
  }
  return dedupe([...figures, ...tableFigures(title, body, docDate)]);
}

const TABLE_ROW = /^[^|\n]*(?:\|[^|\n]*){3,}$/;
const QUANTITY_HEADER = /数量|quantity|volume/i;
const CHANGE_HEADER = /±\s*%|比去年同期|同比|y\/y|year[\s-]on[\s-]year|change/i;
const CUMULATIVE_HEADER = /累计|cumulative|year[\s-]to[\s-]date|\bYTD\b/i;
const UNIT_CELL: Array<[RegExp, number]> = [
  [/^(?:吨|公吨|tonnes?|tons?|metric tons?|t)$/i, 1],
  [/^(?:万吨|10,?000 (?:metric )?(?:tonnes|tons))$/i, 1e4],
  [/^(?:千克|公斤|kg|kilograms?)$/i, 1e-3],
];

/**
 * Figures of a customs table (GAC 出口主要商品量值表 / "Major Export Commodities in Quantity and Value"): the rows of
 * rare earths and magnets, one figure per quantity column, with the period its header names and the year-on-year
 * change of the ±% quantity column of the same period.
 */
function tableFigures(title: string, body: string, docDate: { year: number; month: number } | null): Figure[] {
  // Most documents have no table at all: no '|', nothing to split and test line by line.
  if (!body.includes('|')) return [];
  const lines = body.split('\n');
  const header = lines.findIndex((l) => TABLE_ROW.test(l) && QUANTITY_HEADER.test(l));
  if (header < 0) return [];
  const before = `${title}\n${lines.slice(0, header).join('\n')}`;
  const flowCue = findCues(before)
    .filter((c) => c.type === 'export' || c.type === 'import')
    .at(-1);
  if (!flowCue) return [];
  const flow = flowCue.type === 'import' ? 'imports' : 'exports';
  const titleYear = findPeriods(title).find((p) => p.year !== undefined)?.year;
  const cells = (l: string) => l.split('|').map((c) => c.trim());
  const head = cells(lines[header]!);
  const periodOf = (cell: string) => {
    const p = findPeriods(cell).find((m) => !m.comparative);
    return p ? resolvePeriod(p, p.year === undefined ? titleYear : undefined, docDate) : null;
  };
  const quantityCols = head
    .map((h, i) => ({ i, h, period: periodOf(h) }))
    .filter((c) => QUANTITY_HEADER.test(c.h) && !CHANGE_HEADER.test(c.h) && c.period);
  const changeCols = head
    .map((h, i) => ({ i, h, period: periodOf(h) }))
    .filter((c) => QUANTITY_HEADER.test(c.h) && CHANGE_HEADER.test(c.h));
  const out: Figure[] = [];
  for (const line of lines.slice(header + 1)) {
    if (!TABLE_ROW.test(line)) continue;
    const row = cells(line);
    if (row.length !== head.length) continue;
    const cues = findCues(row[0]!);
    if (cues.some((c) => c.type === 'other_metal')) continue;
    const product = cues.some((c) => c.type === 'magnet')
      ? 'magnet'
      : cues.some((c) => c.type === 'rare_earth')
        ? 'rare_earth'
        : undefined;
    const unit = row.map((c) => UNIT_CELL.find(([re]) => re.test(c))?.[1]).find((u) => u !== undefined);
    if (!product || unit === undefined) continue;
    for (const col of quantityCols) {
      const value = Number(row[col.i]!.replace(/,/g, ''));
      if (!row[col.i] || !Number.isFinite(value)) continue;
      // The ±% column of the same period, or for a cumulative column the one headed 累计/cumulative.
      const changeCol = changeCols.find((c) =>
        c.period ? c.period === col.period : CUMULATIVE_HEADER.test(c.h) && CUMULATIVE_HEADER.test(col.h),
      );
      const pct = changeCol ? Number(row[changeCol.i]!.replace(/,/g, '')) : NaN;
      const hasChange = changeCol !== undefined && row[changeCol.i] !== '' && Number.isFinite(pct);
      out.push({
        metric: `${product}_${flow}`,
        value: Math.round(value * unit * 1000) / 1000,
        unit: 't',
        period: col.period,
        batch: null,
        change_pct: hasChange ? pct : null,
        change_basis: hasChange ? 'yoy' : null,
        evidence: line.trim().slice(0, 200),
      });
    }
  }
  return out;
}

// Only "… tons to the United States" names the destination after the tonnage; Chinese writes 对美出口 before it.
const TO_GAP = /^[^\u4e00-\u9fff]*?\b(?:to|for|into)\s+(?:the\s+)?$/i;
const usAfter = (text: string, cue: Cue | undefined, q: Quantity): Cue | undefined =>
  cue && TO_GAP.test(text.slice(q.end, cue.start)) ? cue : undefined;

// "Shipments to the United States moved the other way. They fell 11% from October to 582 tons": the pronoun
// continues the subject of the sentence before.
const PRONOUN_START = /^\s*(?:They|These|Those|It|Such (?:shipments|exports))\b/;

/** What a sentence without a tonnage of its own is about: the product, the direction and the destination it names. */
interface Subject {
  /** A quota change: only that quota's main figure (not a split or a year-to-date sum) can take it. */
  quota?: 'mining' | 'smelting';
  /** The change is of a year's total quota: no batch takes it. */
  total?: boolean;
  product?: 'magnet' | 'rare_earth';
  flow?: 'export' | 'import';
  us: boolean;
}

function subjectOf(cues: Cue[], ctx: Pick<Context, 'product' | 'flow'>): Subject {
  const product = cues.filter((c) => PRODUCT.includes(c.type)).at(-1)?.type as Subject['product'];
  const flow = cues.filter((c) => c.type === 'export' || c.type === 'import').at(-1)?.type as Subject['flow'];
  return { product: product ?? ctx.product, flow: flow ?? ctx.flow, us: cues.some((c) => c.type === 'us') };
}

function fits({ metric, batch }: Figure, s: Subject): boolean {
  if (s.quota) return metric === `${s.quota}_quota` && (!s.total || batch === null);
  if (metric.includes('_quota')) return false;
  if (s.product && !metric.startsWith(`${s.product}_`)) return false;
  if (s.flow && !metric.includes(`_${s.flow}s`)) return false;
  return metric.endsWith('_to_us') === s.us;
}

/**
 * Give figure `fi` a change stated apart from it, unless it already has one on that basis. A change with no basis
 * can only be year-on-year, and only for a cumulative period.
 */
function attachChange(figures: Figure[], fi: number, change: Change): boolean {
  const f = figures[fi]!;
  const basis = change.basis ?? (CUMULATIVE_PERIOD.test(f.period ?? '-') ? 'yoy' : null);
  if (!basis) return false;
  const same = (g: Figure) =>
    g.metric === f.metric && g.value === f.value && g.period === f.period && g.batch === f.batch;
  if (figures.some((g) => same(g) && g.change_basis === basis)) return false;
  const withChange = { ...f, change_pct: change.pct, change_basis: basis };
  if (f.change_basis === null) figures[fi] = withChange;
  else figures.push(withChange);
  return true;
}

/**
 * "168,000 tonnes and 162,000 tonnes, both 20 percent higher than the 2020 levels of 140,000 tonnes and 135,000
 * tonnes": a list of comparison bases as long as the list of tonnages before it measures them in the same order.
 */
function parallelBases(candidates: Candidate[], text: string): void {
  const firstBase = candidates.findIndex((c) => c.comparisonBase);
  if (firstBase < 2) return;
  const own = candidates.slice(0, firstBase);
  const run = candidates.slice(firstBase);
  if (run.length !== own.length || run.some((c) => !c.comparisonBase)) return;
  for (let i = 1; i < run.length; i++) if (!LIST_GAP.test(text.slice(run[i - 1]!.q.end, run[i]!.q.start))) return;
  if (own.some((c, i) => c.metric.includes('_quota') !== run[i]!.metric.includes('_quota'))) return;
  if (new Set(own.map((c) => c.metric)).size < 2) return;
  // A quota base keeps its own scope (a year-to-date sum, a full year): only which quota it is comes from the list.
  run.forEach((c, i) => {
    const m = own[i]!.metric;
    c.metric = m.includes('_quota') ? c.metric.replace(/^(?:mining|smelting)/, m.slice(0, m.indexOf('_'))) : m;
  });
}

/** The tonnages listed together with `q` ("分别为135000吨、127000吨", "135,000 and 127,000 tonnes respectively"). */
function listGroup(quantities: Quantity[], q: Quantity, clause: Span): Quantity[] {
  return quantities.filter((o) => o.start >= clause.start && o.end <= clause.end + 1 && q.start >= clause.start);
}

/**
 * 去年同期/上年同期 just before the tonnage, or "a year earlier" ("shipped a year ago") just after it, with no change in
 * between.
 */
function sameTimeLastYear(text: string, clause: Span, q: Quantity): boolean {
  const before = text.slice(clause.start, q.start);
  const after = text.slice(q.end, clause.end);
  return (
    /(?:去年同期|上年同期)[^%％\d]{0,12}$/.test(before) ||
    /^\s*(?:of\s+[a-z\s-]{0,30}?\s*|[a-z]+ed\s+)?(?:a year (?:earlier|ago|before)|in the same (?:period|month|quarter) (?:of )?last year)/i.test(
      after,
    )
  );
}

/**
 * The period of a tonnage: the nearest non-comparative mention in its clause, else earlier in the sentence, else later.
 * Chinese states the period first (10月我国出口稀土4753吨 前10个月累计47689吨): there a mention before the tonnage wins.
 */
function pickPeriod(
  q: Quantity,
  ci: number,
  clauseSpans: Span[],
  periods: PeriodMention[],
  sentenceYear: number | undefined,
  earlierYear: number | undefined,
  docDate: { year: number; month: number } | null,
  quota = false,
): string | null {
  const usable = periods.filter((p) => !p.comparative);
  const clause = clauseSpans[ci];
  const dist = (p: PeriodMention) => (p.end <= q.start ? q.start - p.end : p.start - q.end);
  const inClause = clause ? usable.filter((p) => p.start >= clause.start && p.end <= clause.end) : [];
  const chinese = clause !== undefined && CJK.test(clause.text);
  const pick =
    (chinese ? inClause.filter((p) => p.end <= q.start).sort((a, b) => dist(a) - dist(b))[0] : undefined) ??
    inClause.sort((a, b) => dist(a) - dist(b))[0] ??
    usable.filter((p) => p.end <= q.start).sort((a, b) => dist(a) - dist(b))[0] ??
    usable.filter((p) => p.start >= q.end).sort((a, b) => dist(a) - dist(b))[0];
  // A whole year the text does not number ("over the year", "the full-year quotas"): a year of the same sentence; else
  // for a quota the year it is issued in; else in January the year that just ended, whatever month an earlier
  // sentence recalled; else the year an earlier sentence named.
  const wholeYear = (): number | undefined => {
    if (sentenceYear !== undefined || !docDate) return sentenceYear;
    if (quota) return docDate.year;
    return docDate.month === 1 ? docDate.year - 1 : earlierYear;
  };
  const contextYear =
    pick?.year !== undefined
      ? undefined
      : pick?.wholeYear
        ? wholeYear()
        : pick?.sameYear
          ? (sentenceYear ?? earlierYear)
          : sentenceYear;
  const period = pick ? resolvePeriod(pick, contextYear, docDate) : null;
  // "（去年同期为29095.2吨）", "compared with 29,095 tonnes a year earlier": the same period, one year back.
  // (Not "rose 12% versus a year ago to 5,000 tons": the tonnage a change comes to is the current one.)
  if (
    period &&
    clause &&
    SAME_PERIOD_LAST_YEAR.test(clause.text) &&
    !inClause.length &&
    !CHANGE_TO.test(clause.text.slice(0, q.start - clause.start))
  )
    return period.replace(/\d{4}/g, (y) => String(Number(y) - 1));
  return period;
}

// A comparison with a month: "from September", "versus May", "than in March 2025", 较5月.
const COMPARED_MONTH =
  /(?:\b(?:from|than|versus|vs\.?|over|on|against|above|below|compared\s+(?:with|to))\s+(?:in\s+)?|(?:较|比)\s*)$/i;

/**
 * The period of a tonnage whose sentence names only the month it is compared with: the next month for "from September"
 * (month on month), the same month a year later for "than in March 2025". Only when the sentence compares with one
 * month, named by itself (not "May last year").
 */
function comparedPeriod(
  text: string,
  periods: PeriodMention[],
  claimed: Set<PeriodMention>,
  docDate: { year: number; month: number } | null,
): string | null {
  const compared = periods.filter((p) => p.comparative && !claimed.has(p));
  if (compared.length !== 1) return null;
  const p = compared[0]!;
  if (p.month === undefined || !COMPARED_MONTH.test(text.slice(Math.max(0, p.start - 30), p.start))) return null;
  const month = String(p.month).padStart(2, '0');
  if (p.year !== undefined) return `${p.year + 1}-${month}`;
  const base = resolvePeriod(p, undefined, docDate);
  if (!base) return null;
  const [y, m] = base.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Months from January, a quarter, a half or a year: a change with no stated basis on it is year-on-year. */
const CUMULATIVE_PERIOD = /\/|H[12]|Q[1-4]|^\d{4}$/;

// The tonnage a change arrives at: "rose 12% … to 5,000 tons", "增至5000吨".
const CHANGE_TO = /(?:\bto|至|到)\s*(?:(?:just|only|about|around|some|roughly|a\s+mere)\s+)?$/i;

/** A US cue or a period mention, at a position of the sentence. */
interface Marker {
  at: number;
  us?: boolean;
  period?: string | null;
}

/** A marker naming another destination or another period than the candidate's own. */
function belongsElsewhere(m: Marker, c: Candidate): boolean {
  if (c.metric.includes('_quota')) return false;
  if (m.us) return !c.metric.endsWith('_to_us');
  return Boolean(m.period && c.period && m.period !== c.period);
}

/** Each change goes to the tonnage in its clause, else to the nearest clause's (the earlier one on a tie). */
function assignChanges(
  candidates: Candidate[],
  changes: Change[],
  clauseSpans: Span[],
  respectively: boolean,
  markers: Marker[],
): Change[][] {
  const out: Change[][] = candidates.map(() => []);
  if (candidates.length === 0) return out;
  const clauseIndex = (pos: number) => clauseSpans.findIndex((c) => pos >= c.start && pos < c.end);
  // "240,000 mt and 230,000 mt, up 14.29% and 13.86% respectively from … 210,000 mt and 202,000 mt": in order, to
  // the tonnages that are not comparison bases.
  const own = candidates.map((c, i) => (c.comparisonBase ? -1 : i)).filter((i) => i >= 0);
  if (respectively && own.length > 1 && changes.length === own.length) {
    changes.forEach((ch, i) => {
      const basis = ch.basis ?? (CUMULATIVE_PERIOD.test(candidates[own[i]!]!.period ?? '-') ? 'yoy' : null);
      if (basis) out[own[i]!]!.push({ ...ch, basis });
    });
    return out;
  }
  for (const ch of changes) {
    const ci = clauseIndex(ch.start);
    let best = -1;
    let bestScore = Infinity;
    candidates.forEach((c, i) => {
      // "up 15% from 100,000 tonnes in 2017": the comparison base does not carry the change.
      if (c.comparisonBase) return;
      if (c.q.end <= ch.start && markers.some((m) => m.at >= c.q.end && m.at < ch.start && belongsElsewhere(m, c)))
        return;
      const qi = clauseIndex(c.q.start);
      const clauseDist = Math.abs(qi - ci);
      const charDist = c.q.end <= ch.start ? ch.start - c.q.end : c.q.start - ch.end;
      const score = clauseDist * 10_000 + (qi > ci ? 5_000 : 0) + Math.abs(charDist);
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best < 0) continue;
    let change = ch;
    if (!change.basis) {
      // No basis stated: a cumulative period (Jan–Feb, a quarter, a half, a year) can only be compared year on year.
      if (!CUMULATIVE_PERIOD.test(candidates[best]!.period ?? '-')) continue;
      change = { ...change, basis: 'yoy' };
    }
    const own = out[best]!;
    if (!own.some((x) => x.basis === change.basis)) own.push(change);
  }
  return out;
}

function updateContext(
  ctx: Context,
  cues: Cue[],
  sentence: Span,
  periods: PeriodMention[],
  sentenceYear: number | undefined,
  docDate: { year: number; month: number } | null,
  candidates: Candidate[],
): void {
  const d = domainOf(
    last(cues, ['quota', 'trade', 'other', 'batch', 'ytd', 'mining', 'smelting'], sentence.start, sentence.end),
  );
  if (d) ctx.domain = d;
  const product = last(cues, [...PRODUCT, 'other_metal'], sentence.start, sentence.end);
  if (product?.type === 'other_metal') ctx.otherMetal = true;
  else if (product) {
    ctx.product = product.type as 'magnet' | 'rare_earth';
    ctx.otherMetal = false;
  }
  const flow = last(cues, ['export', 'import'], sentence.start, sentence.end);
  if (flow) ctx.flow = flow.type as 'export' | 'import';
  const kind = last(cues, ['mining', 'smelting'], sentence.start, sentence.end);
  if (kind) ctx.kind = kind.type as 'mining' | 'smelting';
  const kinds: Array<'mining' | 'smelting'> = [];
  for (const c of cues)
    if ((c.type === 'mining' || c.type === 'smelting') && c.start >= sentence.start && c.end <= sentence.end)
      if (!kinds.includes(c.type)) kinds.push(c.type);
  if (kinds.length) ctx.kinds = kinds;
  // Like the period: the batch of the sentence's main figure ("全年…（含第一批指标）" is not batch 1).
  const quotaFigure = candidates.find((c) => c.metric.includes('_quota'));
  const batch = last(cues, ['batch'], sentence.start, sentence.end);
  if (quotaFigure) {
    ctx.batch = quotaFigure.batch ?? undefined;
    ctx.batchYear = quotaFigure.period?.slice(0, 4);
  } else if (batch?.n) ctx.batch = batch.n;
  // The period later sentences inherit: the one of this sentence's main (first) figure, else its last mention.
  // ("They were 38.1% below the level of a year earlier" looks back: the text stays on the period it was on.)
  const period = periods.filter((p) => !p.comparative && !(p.relYear === -1 && !candidates.length)).at(-1);
  const mentioned = period
    ? resolvePeriod(period, period.year === undefined ? sentenceYear : undefined, docDate)
    : null;
  if (candidates[0]?.period) ctx.period = candidates[0].period;
  else if (mentioned) ctx.period = mentioned;
  const cumulative = candidates.find((c) => !c.comparisonBase && c.period && FROM_JANUARY.test(c.period));
  if (cumulative) ctx.cumulative = cumulative.period!;
  for (const domain of ['quota', 'trade'] as const) {
    const main = candidates.find((c) => !c.comparisonBase && c.metric.includes('_quota') === (domain === 'quota'));
    if (main?.period) ctx.periods[domain] = main.period;
    else if (!candidates.length && mentioned && (d === domain || d === undefined || d === 'other'))
      ctx.periods[domain] = mentioned;
  }
  // A batch named without a figure belongs to the year the quota sentences are about.
  if (!quotaFigure && batch?.n) ctx.batchYear = ctx.periods.quota?.slice(0, 4);
  if (sentenceYear) ctx.year = sentenceYear;
}

// A period from January: 2025-01/2025-05, H1, Q1.
const FROM_JANUARY = /^(\d{4})-(?:01\/\d{4}-(\d{2})|(H1)|(Q1))$/;

/**
 * "Imports fell 24.1% to 16,922.2 t over the two months": the period from January the text just gave, if it has that
 * many months; otherwise the mention names no period the text states, and goes.
 */
function resolveSpans(periods: PeriodMention[], cumulative: string | undefined): PeriodMention[] {
  if (!periods.some((p) => p.spanMonths !== undefined)) return periods;
  const m = cumulative ? FROM_JANUARY.exec(cumulative) : null;
  const months = m ? (m[2] ? Number(m[2]) : m[3] ? 6 : 3) : undefined;
  return periods.flatMap((p) => {
    if (p.spanMonths === undefined) return [p];
    if (!m || months !== p.spanMonths) return [];
    const { spanMonths: _, ...rest } = p;
    return [{ ...rest, year: Number(m[1]), toMonth: months }];
  });
}

/** One figure per metric, value, period, batch and basis; a bare restatement of a value with a stated change goes. */
function dedupe(figures: Figure[]): Figure[] {
  const key = (f: Figure) => `${f.metric}|${f.value}|${f.period}|${f.batch}`;
  const withBasis = new Set(figures.filter((f) => f.change_basis).map(key));
  const seen = new Set<string>();
  return figures.filter((f) => {
    if (!f.change_basis && withBasis.has(key(f))) return false;
    const k = `${key(f)}|${f.change_basis}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
