/**
 * What one tonnage measures, from the cues of its sentence and the context: which quota (with its split, batch and
 * scope) or which product, flow and destination. Returns null for a tonnage that is not a figure of design §5 (another
 * metal, money, illegal mining, a company's or a province's share).
 */
import type { Cue, CueType } from '../figure-cues.js';
import type { Quantity } from '../quantities.js';
import type { Span } from '../segment.js';
import type { Context } from './context.js';
import { first, last, trailing } from './cue-search.js';
import { productOf, type Flow, type Metric, type QuotaKind } from './metric.js';

// The cue types the steps below look for, made once (not an array for every call).
const EXPORT_CUE: readonly CueType[] = ['export'];
const NOT_EXPORT_ONLY_CUES: readonly CueType[] = ['mining', 'smelting', 'import'];
const NOT_QUOTA_CUE: readonly CueType[] = ['not_quota'];
const METAL_CUES: readonly CueType[] = ['rare_earth', 'magnet', 'other_metal'];
const SPLIT_CUES: readonly CueType[] = ['light', 'ion'];
const SMELTING_CUE: readonly CueType[] = ['smelting'];
const BATCH_CUE: readonly CueType[] = ['batch'];
const FLOW_CUES: readonly CueType[] = ['export', 'import'];
const DEST_CUE: readonly CueType[] = ['dest'];
// Between batches' tonnage and the kind of the total they make: "… tons each, for a 2024 mining total", "…, bringing the".
const TOTAL_OF_THEM =
  /^[^.;:\d]{0,24}?\b(?:for|bringing|taking|making|giving)\s+(?:a|an|the|its)?\s*(?:(?:19|20)\d{2}\s+)?(?:year['’]s\s+)?$/i;
const CHINA_WORD = /中国|中國|我国|我國|内地|內地|\bChina\b|\bChinese\b|\bBeijing\b/;
const FLOW_OR_DEST_CUES: readonly CueType[] = ['export', 'import', 'dest'];
const TRADE_PRODUCT_CUES: readonly CueType[] = ['trade', 'magnet', 'rare_earth'];
const SCOPE_CUES: readonly CueType[] = ['batch', 'ytd', 'ytd_word', 'year_total'];

/** A sentence as the subject step reads it. */
export interface SentenceView {
  text: string;
  sentence: Span;
  /** The cues of the sentence, in order. */
  cues: Cue[];
  quantities: Quantity[];
  /** The sentence says 分别/"respectively": its listed tonnages follow a list of names in order. */
  respectively: boolean;
}

/** One tonnage of the sentence with its clause and neighbours. */
export interface Slot {
  q: Quantity;
  clause: Span;
  /** End of the tonnage before (or the sentence start), start of the one after (or the sentence end). */
  prevQEnd: number;
  nextQStart: number;
}

const PRODUCT: CueType[] = ['magnet', 'rare_earth', 'processed'];
// Between "rare earth" and "magnets" of one name: nothing (稀土磁体), or an adjective ("rare earth permanent magnets").
const MAGNET_NAME_GAP =
  /^(?:|[\s-]+(?:(?!(?:and|or|nor|to|from|with|for|of|in|on|at|by|as|than|exports?|imports?)\b)[a-z]+[\s-]+)?|永久)$/i;

// Between two tonnages of one list: 、, "and", a comma (not 由…提高至, "from … to").
// ("15kt / 13.85kt": a slash between two tonnages lists them too.)
const LIST_JOIN = /^\s*(?:[,，、/]|and|or|和|及|与|以及)\s*$/i;
const joined = (text: string, a: Quantity, b: Quantity) => LIST_JOIN.test(text.slice(a.end, b.start));

/**
 * The tonnages listed together with `q` ("分别为135000吨、127000吨", "135,000 and 127,000 tonnes respectively"): the run
 * of its clause's tonnages joined by list words, with `q` in it.
 */
export function listGroup(quantities: Quantity[], q: Quantity, clause: Span, text: string): Quantity[] {
  if (q.start < clause.start) return [];
  const inClause = quantities.filter((o) => o.start >= clause.start && o.end <= clause.end + 1);
  const i = inClause.indexOf(q);
  if (i < 0) return inClause;
  let from = i;
  let to = i;
  while (from > 0 && joined(text, inClause[from - 1]!, inClause[from]!)) from--;
  while (to + 1 < inClause.length && joined(text, inClause[to]!, inClause[to + 1]!)) to++;
  // ("560 tonnes, 1,020 tonnes and 410 tonnes": a comma between two tonnages and nothing else joins clauses too.)
  // (The clause's tonnages are a run of the sentence's: one index finds them all.)
  if (from > 0 && to + 1 < inClause.length) return inClause.slice(from, to + 1);
  const k0 = quantities.indexOf(inClause[0]!);
  let a = k0 + from;
  let b = k0 + to;
  if (from === 0) while (a > 0 && joined(text, quantities[a - 1]!, quantities[a]!)) a--;
  if (to + 1 === inClause.length)
    while (b + 1 < quantities.length && joined(text, quantities[b]!, quantities[b + 1]!)) b++;
  return quantities.slice(a, b + 1);
}

// Between two names of one list: "mining and smelting", 开采、冶炼分离.
const NAME_JOIN = /^\s*(?:,|，|、|and|和|及|与)\s*$/i;

/**
 * The distinct values of `pick` over the cues before a list, in order; the one of `q` when they match the list. With
 * "respectively" anywhere before; without it, only names listed together as the tonnages are ("mining and smelting
 * quotas of 255,000 tonnes and 243,850 tonnes").
 */
function nthOfList<T>(v: SentenceView, s: Slot, pick: (c: Cue) => T | undefined): T | undefined {
  const group = listGroup(v.quantities, s.q, s.clause, v.text);
  if (group.length < 2) return undefined;
  const named: T[] = [];
  const cues: Cue[] = [];
  for (const c of v.cues) {
    if (c.start < v.sentence.start || c.end > group[0]!.start) continue;
    const x = pick(c);
    if (x !== undefined && !named.includes(x)) {
      named.push(x);
      cues.push(c);
    }
  }
  if (named.length !== group.length) return undefined;
  if (!v.respectively && !cues.every((c, i) => i === 0 || NAME_JOIN.test(v.text.slice(cues[i - 1]!.end, c.start))))
    return undefined;
  return named[group.indexOf(s.q)];
}

export interface QuotaReading {
  metric: Extract<Metric, { kind: 'quota' }>;
  batch: number | null;
  /** The batch came from an earlier sentence. */
  inheritedBatch: boolean;
  batchCue?: Cue;
}

const KIND_CUES: CueType[] = ['mining', 'smelting', 'export_quota'];
const kindOf = (c: Cue): QuotaKind => (c.type === 'export_quota' ? 'export' : (c.type as QuotaKind));
const mapKind = (c: Cue | undefined): QuotaKind | undefined => (c ? kindOf(c) : undefined);

/**
 * A quota named with an export word in its sentence and no production word in it ("the export volume was 53% of
 * the total quota of …", "a … quota in the second export quantity"): the export quota, while one was set.
 */
function exportWordInSentence(v: SentenceView): boolean {
  return (
    !!first(v.cues, EXPORT_CUE, v.sentence.start, v.sentence.end) &&
    !first(v.cues, NOT_EXPORT_ONLY_CUES, v.sentence.start, v.sentence.end)
  );
}

// Between a tonnage and the work it allows: "15,000t of rare earth oxide to be mined", "13,850t to be smelted", "…
// may be separated".
const PASSIVE_GAP = /^\s*(?:of\s+[^,.;:\d]{0,40}?\s)?(?:(?:to|may|can|could|will|would|is|are)\s+)?be\s+$/i;
const WORK_CUES: readonly CueType[] = ['mining', 'smelting'];

/** The mining or smelting a tonnage is allowed for, written after it in the passive ("… 13,850t to be smelted"). */
function passiveKind(v: SentenceView, q: Quantity, nextQStart: number): Cue | undefined {
  const cue = first(v.cues, WORK_CUES, q.end, Math.min(q.end + 60, nextQStart));
  return cue && PASSIVE_GAP.test(v.text.slice(q.end, cue.start)) ? cue : undefined;
}

/** Which quota a tonnage of a quota sentence is: mining or smelting, its split, its batch or scope. */
export function quotaOf(
  v: SentenceView,
  s: Slot,
  ctx: Context,
  /** The document dates from before 2015, when China still set export quotas. */
  exportEra = false,
): QuotaReading | null {
  const { cues: sc, text, sentence } = v;
  const q = s.q;
  const kindCue =
    passiveKind(v, q, s.nextQStart) ??
    trailing(sc, text, KIND_CUES, q, s.nextQStart) ??
    last(sc, KIND_CUES, sentence.start, q.start);
  // (A quota named with no kind before it takes the one the text is on, else the one its sentence names later: "the
  // first 2024 batch of 135 000 t was matched by a second, bringing the 2024 mining quota to 270,000 tonnes".)
  // ("two batches of 135,000 tons each, for a 2024 mining total of 270,000 tons": batches take the kind of the total
  // they make, named right after them, over the kind the text was on.)
  const laterKind = kindCue ? undefined : first(sc, KIND_CUES, q.end, sentence.end);
  const totalKind =
    laterKind && TOTAL_OF_THEM.test(text.slice(q.end, laterKind.start)) ? mapKind(laterKind) : undefined;
  let kind = kindCue
    ? kindOf(kindCue)
    : exportEra && exportWordInSentence(v)
      ? 'export'
      : (totalKind ?? ctx.kind ?? mapKind(laterKind));
  // Ore mined illegally (非法开采的稀土矿产品…36吨) or a plant's capacity threshold is not a quota.
  if (last(sc, NOT_QUOTA_CUE, s.clause.start, q.start)) return null;
  if (last(sc, METAL_CUES, sentence.start, q.start)?.type === 'other_metal') return null;
  // ("a mining cap of 89,000 tonnes for tungsten concentrate": another metal the tonnage is of, named right after it.)
  const metalAfter = first(sc, METAL_CUES, q.end, s.nextQStart);
  if (metalAfter?.type === 'other_metal' && METAL_OF.test(text.slice(q.end, metalAfter.start))) return null;
  // "2024年前两批合计分别为270000吨、254000吨" after "开采、冶炼分离…分别为…": the quotas the sentence before listed.
  // (So are those of a list in a sentence that names no kind at all: "The first batch was 84,000 tonnes and 81,000
  // tonnes" after "… 168,000 tonnes for mining and 162,000 tonnes for smelting".)
  const group =
    v.respectively ||
    !sc.some(
      // (A kind named only in a later clause, "…, so a like-for-like comparison looks better (+12.5% on mining)", is
      // that clause's.)
      (c) => (c.type === 'mining' || c.type === 'smelting') && c.start >= sentence.start && c.end <= s.clause.end,
    )
      ? listGroup(v.quantities, q, s.clause, text)
      : [];
  const namedHere = sc.some(
    (c) =>
      (c.type === 'mining' || c.type === 'smelting') && c.start >= sentence.start && c.end <= (group[0]?.start ?? 0),
  );
  const listed =
    nthOfList(v, s, (c) => (c.type === 'mining' || c.type === 'smelting' ? c.type : undefined)) ??
    (group.length > 1 && !namedHere && ctx.kinds?.length === group.length ? ctx.kinds[group.indexOf(q)] : undefined);
  if (listed) kind = listed;
  else {
    const parallel = parallelKind(v, s);
    if (parallel) kind = parallel;
  }
  // The 岩矿型/离子型 split: named right after, later in the clause, or before it since the last tonnage; in a list, in
  // the order the split names were listed.
  const splitBefore = last(sc, SPLIT_CUES, s.prevQEnd, q.start);
  const splitCue =
    nthOfList(v, s, (c) => (c.type === 'light' || c.type === 'ion' ? c : undefined)) ??
    trailing(sc, text, SPLIT_CUES, q, s.nextQStart) ??
    // 岩矿型稀土指标7.455万吨、离子型…: the split written right before the tonnage, not the next item's after it.
    (splitBefore && SPLIT_TO_TONNAGE.test(text.slice(splitBefore.end, q.start)) ? splitBefore : undefined) ??
    // ("Rock-type rare earths account for 124,900 t of the quota and ionic ones for 10,100 t": a split named between
    // this tonnage and the next one of its sentence is the next one's when this one had its own before it.)
    (splitBefore && s.nextQStart < sentence.end
      ? undefined
      : first(sc, SPLIT_CUES, q.end, Math.min(headlineBreak(text, q.end, s.clause.end), s.nextQStart))) ??
    // ("9,575 tonnes for medium and heavy (ion-adsorption) ore - exactly half of the 2018 full-year quota of 120,000
    // tonnes": a year's whole quota named between the split and the tonnage is no split.)
    (splitBefore && !WHOLE_YEAR_QUOTA.test(text.slice(splitBefore.end, q.start)) ? splitBefore : undefined);
  // The 岩矿型/离子型 split is a split of the mining quota, unless the clause itself says smelting.
  if (splitCue && !last(sc, SMELTING_CUE, s.clause.start, q.start)) kind = 'mining';
  if (!kind) return null;
  // The nearest scope: one named since the tonnage before, else one named right after it ("… 84 kt and 81 kt set in the
  // first round of 2021", after "the 2022 first round … 100.8 kt"), else one earlier in the sentence.
  // ("Combined with the 15,501 tons granted in the first batch, the total … stands at 31,001 tons": a sum that opens
  // on its part names the part's own batch after it; the sum is the later tonnage's.)
  const near = last(sc, SCOPE_CUES, s.prevQEnd, q.start);
  const partOfSum = near !== undefined && COMBINED_WITH.test(text.slice(near.start, near.end + 8));
  const scope = partOfSum
    ? batchAfter(v, q)
    : (near ?? batchAfter(v, q) ?? last(sc, SCOPE_CUES, sentence.start, q.start));
  // ("Last year's ceilings, issued over three rounds, totalled 255,000 t for extraction and 243,850 t for separation
  // for the full year": a sum of batches the sentence closes as the full year is the year's total.)
  const closesYear = (scope?.type === 'ytd' || scope?.type === 'ytd_word') && yearClosedAfter(v, q);
  // (MOFCOM set the export quota in two batches a year and published no sum to date: "至此，今年稀土出口配额总量为31001吨"
  // is the year's.)
  const summed = (scope?.type === 'ytd' || scope?.type === 'ytd_word') && (closesYear || kind === 'export');
  const ytd = (scope?.type === 'ytd' || scope?.type === 'ytd_word') && !summed;
  const yearTotal = scope?.type === 'year_total' || summed;
  return {
    metric: {
      kind: 'quota',
      quota: kind,
      ...(splitCue ? { split: splitCue.type === 'light' ? ('light' as const) : ('ion_adsorption' as const) } : {}),
      ...(ytd ? { ytd: true } : {}),
    },
    batch: ytd || yearTotal ? null : (scope?.n ?? ctx.batch ?? null),
    inheritedBatch: !ytd && !yearTotal && scope?.n === undefined && ctx.batch !== undefined,
    batchCue: scope?.type === 'batch' ? scope : undefined,
  };
}

// A year's whole quota named between a split and a tonnage (also as the measure of another figure, "half of the 2018
// full-year quota of 120,000 tonnes", which is no year_total cue).
const WHOLE_YEAR_QUOTA =
  /(?:full[\s-]year|annual|whole[\s-]year|全年|年度)\s*(?:rare[\s-]earths?\s+)?(?:mining\s+)?(?:quota|allocation|cap|指标|配额)/i;

// A sum's part introduced before it: "Combined with the 15,501 tons …".
const COMBINED_WITH = /^combined\s+with\b/i;

const YEAR_TOTAL_CUE: readonly CueType[] = ['year_total'];
const COMPARED_BETWEEN = /\b(?:compared\s+(?:with|to)|versus|vs\.?|against|than|up\s+from|down\s+from)\b|较|比|相比/i;

// The full year of a comparison: 较2022年全年, "than the full year of 2022", "from 2022's annual total".
// (The year compared may be named relatively: 较去年全年, 比上年全年, "than last year's full-year total".)
const COMPARED_YEAR_BEFORE =
  /(?:较|比|与|than|from|compared\s+(?:with|to)|versus|against)\s*(?:the\s+)?(?:(?:19|20)\d{2}\s*(?:年|['’]s)?|去年|上年|前一年|(?:last|the\s+previous|the\s+prior)\s+year['’]s)?\s*$/i;

/**
 * The sentence ends its last tonnage on the full year: "… and 243,850 t for separation for the full year" (not the
 * year compared with: "…分别为24万吨、23万吨，较2022年全年分别增长14.3%、13.9%").
 */
function yearClosedAfter(v: SentenceView, q: Quantity): boolean {
  const lastQ = v.quantities.at(-1);
  // ("… to 291,000 tons for mining and 273,000 tons for smelting, compared with 270,000 tons and 254,000 tons for all
  // of 2024": the full year closes the comparison, not the sum.)
  if (lastQ && lastQ !== q && COMPARED_BETWEEN.test(v.text.slice(q.end, lastQ.start))) return false;
  const cue = lastQ && first(v.cues, YEAR_TOTAL_CUE, lastQ.end, Math.min(v.sentence.end, lastQ.end + 40));
  return !!cue && !COMPARED_YEAR_BEFORE.test(v.text.slice(Math.max(lastQ.end, cue.start - 16), cue.start));
}

/**
 * "120,000 tonnes of mined output and 115,000 tonnes of smelted output, bringing the total to 240,000 and 230,000
 * tonnes": a list of tonnages that names no quota of its own takes the quotas its sentence named before it, in that
 * order, when there are as many of them as tonnages in the list.
 */
function parallelKind(v: SentenceView, s: Slot): QuotaKind | undefined {
  const group = listGroup(v.quantities, s.q, s.clause, v.text);
  if (group.length < 2) return undefined;
  const start = group[0]!;
  const end = group.at(-1)!;
  const before = v.quantities.filter((o) => o.end <= start.start).at(-1);
  if (!before || s.clause.start < before.end) return undefined;
  // (The kind words of the tonnage before, "115,000 tonnes of smelted output", end its own clause.)
  const from = s.clause.start;
  const own = v.cues.some(
    (c) => KIND_CUES.includes(c.type) && c.start >= from && c.end <= Math.min(v.sentence.end, end.end + 40),
  );
  if (own) return undefined;
  const named: QuotaKind[] = [];
  for (const c of v.cues) {
    if (c.start < v.sentence.start || c.end > from || (c.type !== 'mining' && c.type !== 'smelting')) continue;
    if (!named.includes(c.type)) named.push(c.type);
  }
  return named.length === group.length ? named[group.indexOf(s.q)] : undefined;
}

// A space between two Chinese characters: a headline's clauses ("开采指标14.3万吨 岩矿型占大头") end there.
const CJK_SPACE = /(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/;

/** Where the clause from `from` ends at a Chinese headline's space, else `end`. */
function headlineBreak(text: string, from: number, end: number): number {
  // (Only within the clause: a search to the end of the text would cost a pass over it per tonnage.)
  const m = end > from ? CJK_SPACE.exec(text.slice(Math.max(0, from - 1), end)) : null;
  return m ? Math.max(0, from - 1) + m.index : end;
}

// Between a tonnage and the metal it is of: "89,000 tonnes for tungsten", "of antimony", 的钨.
const METAL_OF = /^\s*(?:of\s+(?:metal\s+)?|for\s+|的)$/i;

// Between a split and its own tonnage: 岩矿型稀土指标7.455万吨, 离子型稀土矿为0.945万吨.
const SPLIT_TO_TONNAGE =
  /^\s*(?:\([^()]{0,6}\)|（[^（）]{0,6}）)?\s*(?:稀土)?\s*(?:矿)?\s*(?:开采)?\s*(?:总量)?\s*(?:控制)?\s*(?:指标|配额)?\s*(?:为|是|:|：)?\s*$/;

// Between a tonnage and the batch named after it: words, or the rest of its list ("84 kt and 81 kt set in the"); not a
// remark in brackets ("135000吨（含已下达的第一批指标）" includes the first batch, it is not it).
const TO_BATCH = /^(?:[^,;:，；。（(\d]|[\d.,]+\s*(?:kt|mt|t|tonnes|tons|万吨|吨)\b)*$/i;

/** "84 kt and 81 kt set in the first round of 2021", "50,425 mt for light rare earths in the first batch": named after. */
export function batchAfter(v: SentenceView, q: Quantity): Cue | undefined {
  const cue = first(v.cues, BATCH_CUE, q.end, v.sentence.end);
  const gap = cue ? v.text.slice(q.end, cue.start) : '';
  return cue && gap.length <= 60 && TO_BATCH.test(gap) ? cue : undefined;
}

// Only "… tons to the United States" names the destination after the tonnage; Chinese writes 对美出口 before it.
const TO_GAP = /^[^\u4e00-\u9fff]*?\b(?:to|for|into)\s+(?:the\s+)?$/i;

/** Which product, flow and destination a tonnage of a trade sentence is. */
export function tradeOf(
  v: SentenceView,
  s: Slot,
  ctx: Context,
  /** The destination a pronoun opening the sentence continues ("Shipments to the US … They fell 11% to 582 tons"). */
  inheritedDestination: string | undefined,
): Extract<Metric, { kind: 'trade' }> | null {
  const { cues: sc, text, sentence } = v;
  const q = s.q;
  const productCue = trailing(sc, text, PRODUCT_CUES, q, s.nextQStart) ?? productBefore(v, q.start);
  // Antimony, gallium, tungsten … tonnages are not rare-earth figures; lanthanum oxide is a part of the total.
  if (productCue?.type === 'other_metal' || productCue?.type === 'element_product') return null;
  // "rare earth products other than magnets", 除磁铁外的稀土产品: a remainder, neither series.
  if (
    productCue?.type === 'magnet' &&
    EXCEPT_BEFORE.test(text.slice(Math.max(0, productCue.start - 16), productCue.start))
  )
    return null;
  if (!productCue && ctx.otherMetal) return null;
  const flowCue =
    last(sc, FLOW_CUES, sentence.start, q.start) ?? first(sc, FLOW_CUES, q.end, Math.min(s.clause.end, s.nextQStart));
  const flow = (flowCue?.type as Flow | undefined) ?? ctx.flow ?? 'export';
  // ("德國繼續是最大買家，10月進口1118公噸", "Germany, the largest buyer, imported 1,183 tons": the imports of a country the
  // sentence opens on are that country's, not China's.)
  if (flowCue?.type === 'import') {
    const buyer = last(sc, DEST_CUE, sentence.start, flowCue.start);
    if (buyer && buyer.country !== 'china' && !CHINA_WORD.test(text.slice(sentence.start, flowCue.start))) return null;
  }
  // An import sentence that names no product turns from the exports of magnets before it to rare earths: China imports
  // ores and oxides, and the magnets it imports are named when meant.
  const inherited = flow === 'import' && flowCue?.type === 'import' ? 'rare_earth' : ctx.product;
  const product =
    nthOfList(v, s, (c) =>
      PRODUCT.includes(c.type) &&
      !v.cues.some(
        (o) =>
          o !== c &&
          o.type === 'magnet' &&
          ((o.start <= c.start && o.end >= c.end) ||
            // (稀土磁体, "rare earth magnets": the rare earth of a magnet's name is no product of its own.)
            (c.type === 'rare_earth' && o.start >= c.end && MAGNET_NAME_GAP.test(v.text.slice(c.end, o.start)))),
      )
        ? productOf(c.type)
        : undefined,
    ) ??
    (productCue?.type === 'rare_earth' && describesMagnet(v, productCue, s) ? 'magnet' : undefined) ??
    (productCue ? productOf(productCue.type) : undefined) ??
    inherited ??
    'rare_earth';
  const destination =
    flow !== 'export'
      ? undefined
      : (nthOfList(v, s, (c) => (c.type === 'dest' ? c.country : undefined)) ??
        // ("406 t went to the United States and 212 t to Japan": the "to" right after a tonnage is its own.)
        destinationRightAfter(text, first(sc, DEST_CUE, q.end, Math.min(s.clause.end, s.nextQStart)), q) ??
        destinationBefore(v, s) ??
        destinationAfter(text, first(sc, DEST_CUE, q.end, Math.min(s.clause.end, s.nextQStart)), q) ??
        (inheritedDestination && !last(sc, FLOW_OR_DEST_CUES, sentence.start, q.start)
          ? inheritedDestination
          : undefined) ??
        continuedDestination(v, ctx));
  return { kind: 'trade', product, flow, ...(destination ? { destination } : {}) };
}

// What a product is said to include: "processed products, a wider grouping that includes … magnet materials", 包括.
const INCLUDES = /\b(?:includ\w*|such\s+as|compris\w*|contain\w*)\b|包括|包含|其中含/i;
const PRODUCT_CUES: CueType[] = [...PRODUCT, 'other_metal', 'element_product'];

/** The last product named before a tonnage, not one named as part of an earlier product ("… that includes magnets"). */
function productBefore(v: SentenceView, at: number): Cue | undefined {
  const named = last(v.cues, PRODUCT_CUES, v.sentence.start, at);
  if (!named) return undefined;
  const whole = last(v.cues, PRODUCT_CUES, v.sentence.start, named.start);
  return whole && INCLUDES.test(v.text.slice(whole.end, named.start)) ? whole : named;
}

// "other than magnets", "excluding magnets", 除/不含磁铁.
const EXCEPT_BEFORE =
  /(?:\bother\s+than|\bexcluding|\bexcept(?:\s+for)?|\bapart\s+from|不含|不包括|除(?:了)?)\s*(?:the\s+)?(?:rare[\s-]earth\s+|permanent\s+)?$/i;

// What makes a later "rare earths" part of the magnets' own description: "magnets made with rare earths", "magnets,
// or other rare-earth materials used to make them", 稀土磁铁或其他用来生产磁铁的稀土材料.
const MAGNET_DESCRIBED =
  /^[^,.;:，。；：\d]{0,6}?(?:\bmade\s+(?:with|from|of|using)|\bcontaining|\bbased\s+on|\busing)\b|^[\s,，、]*(?:\bor\s+other|\band\s+other|或其他|及其他|和其他|或其它|及其它)/i;

/** The product cue before a tonnage is "rare earths" but a magnet named just before it in the clause is what it describes. */
function describesMagnet(v: SentenceView, rareEarth: Cue, s: Slot): boolean {
  const magnet = v.cues.find(
    (c) =>
      c.type === 'magnet' &&
      c.start >= Math.max(s.prevQEnd, v.sentence.start) &&
      c.end <= rareEarth.start &&
      rareEarth.start - c.end <= 40 &&
      MAGNET_DESCRIBED.test(v.text.slice(c.end, rareEarth.start)),
  );
  return magnet !== undefined;
}

// The national figure: "total exports", "overall", 总出口量, 全国.
const NATIONAL = /\btotal\b|\boverall\b|\ball\b|总|全国|我国|\bChina['’]s\b|\bChina\s+(?:exported|shipped)/i;

/**
 * The destination named before a tonnage: any country cue close before it (the clause, or 40 characters before it),
 * else one the sentence names as the flow's destination ("US-bound shipments of the magnets, …, rose to 4,593 tonnes")
 * with no turn to the national figure in between and no new flow or product after an earlier tonnage.
 */
function destinationBefore(v: SentenceView, s: Slot): string | undefined {
  const near = last(v.cues, DEST_CUE, Math.max(s.prevQEnd, s.clause.start - 40), s.q.start);
  if (near) return near.country;
  const named = v.cues.findLast(
    (c) => c.type === 'dest' && c.strict && c.start >= v.sentence.start && c.end <= s.q.start,
  );
  if (!named || NATIONAL.test(v.text.slice(named.end, s.q.start))) return undefined;
  const renamed =
    named.end <= s.prevQEnd &&
    v.cues.some((c) => TRADE_PRODUCT_CUES.includes(c.type) && c.start >= s.prevQEnd && c.end <= s.q.start);
  return renamed ? undefined : named.country;
}

/**
 * The destination earlier sentences were about, for a sentence that names no product, no country and not the national
 * figure ("China's exports of magnets to the US rebounded in July. Shipments totalled 447 tonnes last month.").
 */
function continuedDestination(v: SentenceView, ctx: Context): string | undefined {
  if (!ctx.destination) return undefined;
  const names = v.cues.some(
    (c) => c.type === 'dest' || c.type === 'magnet' || c.type === 'rare_earth' || c.type === 'import',
  );
  return names || NATIONAL.test(v.sentence.text) ? undefined : ctx.destination;
}

const RIGHT_AFTER = /^\s*(?:(?:of\s+)?[a-z]+\s+)?(?:went\s+|were\s+sent\s+|was\s+sent\s+)?$/i;
const TO_WORD = /^\s*(?:to|into|for|bound|destined)\b/i;

/** A strict "to Japan" right after the tonnage, a word or a verb of going between at most. */
function destinationRightAfter(text: string, cue: Cue | undefined, q: Quantity): string | undefined {
  if (!cue?.strict) return undefined;
  return RIGHT_AFTER.test(text.slice(q.end, cue.start)) && TO_WORD.test(text.slice(cue.start, cue.start + 12))
    ? cue.country
    : undefined;
}

function destinationAfter(text: string, cue: Cue | undefined, q: Quantity): string | undefined {
  if (!cue) return undefined;
  const gap = text.slice(q.end, cue.start);
  // A bare "the US" after the tonnage needs its "to" ("… tons to the US"); a strict cue carries its own.
  if (!cue.strict) return TO_GAP.test(gap) ? cue.country : undefined;
  return /^[^\u4e00-\u9fff\d,;]{0,40}$/.test(gap) && /^\s*(?:to|into|for|bound|destined)\b/i.test(text.slice(cue.start))
    ? cue.country
    : undefined;
}
