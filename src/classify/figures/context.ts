/** What earlier sentences (and the title) said, for sentences that rely on it: "其中岩矿型…", "1-6月累计…". */
import type { Cue, CueType } from '../figure-cues.js';
import { resolvePeriod, type PeriodMention } from '../periods.js';
import type { Span } from '../segment.js';
import type { Candidate } from './candidate.js';
import { last } from './cue-search.js';
import { isQuota, productOf, type Flow, type Product, type QuotaKind } from './metric.js';
import type { DocDate } from './pick-period.js';

// The cue types the steps below look for, made once (not an array for every call).
const PRODUCT_CUES: readonly CueType[] = ['magnet', 'rare_earth', 'processed', 'other_metal', 'element_product'];
const FLOW_CUES: readonly CueType[] = ['export', 'import'];
const KIND_CUES: readonly CueType[] = ['mining', 'smelting', 'export_quota'];
const BATCH_CUE: readonly CueType[] = ['batch'];

export interface Context {
  domain?: 'quota' | 'trade' | 'other';
  product?: Product;
  flow?: Flow;
  kind?: QuotaKind;
  /** The quotas the last sentence naming one listed, in order ("开采、冶炼分离总量控制指标分别为…"). */
  kinds?: QuotaKind[];
  batch?: number;
  /** The year of the quota that batch belongs to: a figure of another year does not inherit the batch. */
  batchYear?: string;
  /** The period later sentences inherit, per domain: a quota sentence between two trade sentences does not reset it. */
  periods: { quota?: string; trade?: string };
  /** The last period from January of a trade figure ("January and February combined"), for "over the two months". */
  cumulative?: string;
  year?: number;
  /** The country the trade sentences are about, while they name no other product or destination. */
  destination?: string;
  /** The last tonnages read were a province's or a company's share, and no sentence has turned to the nation since. */
  share?: boolean;
  /** That share was of a quota (a group's allocation). */
  shareQuota?: boolean;
  /** The last product named was another metal. */
  otherMetal?: boolean;
  /**
   * The period of the first trade figure of the paragraph the text is in, and of the last paragraph that had one: what
   * a sentence opening on 同期 / "in the same period" refers to (the lead's month, not a total from January after it).
   */
  paragraphLead?: string;
  lastParagraphLead?: string;
  /** The last paragraph lead that was one month: what a total from January ending in that month was an aside to. */
  monthLead?: string;
  /** The year the title names. */
  titleYear?: number;
  /**
   * An undated document's present: the first year it names as its own (title first). "Last year", 去年 and a year
   * that ended count from it, as they count from a dated document's date.
   */
  presentYear?: number;
}

/** A paragraph begins: its first trade figure will be its lead. */
export function newParagraph(ctx: Context): void {
  // ("Magnet exports rose to 5,238 tons in March … For the first quarter, shipments reached 16,001 tons." and then a
  // paragraph "Shipments to Japan dropped to 251 tons": a total from January the paragraph added after its month is an
  // aside; the next paragraph is on the month the last one led with.)
  // (So is a paragraph of that total alone, "Over the first quarter, shipments totalled 16,001 tons.", after the
  // month's: the next paragraph, "Exports to the United States dropped to 406 tons", is on March again.)
  if (
    ctx.paragraphLead &&
    SINGLE_MONTH.test(ctx.paragraphLead) &&
    ctx.periods.trade !== undefined &&
    FROM_JANUARY.test(ctx.periods.trade) &&
    ctx.periods.trade.slice(0, 4) === ctx.paragraphLead.slice(0, 4)
  )
    ctx.periods.trade = ctx.paragraphLead;
  else if (ctx.monthLead && ctx.periods.trade !== undefined && endsIn(ctx.periods.trade, ctx.monthLead))
    ctx.periods.trade = ctx.monthLead;
  if (ctx.paragraphLead) ctx.lastParagraphLead = ctx.paragraphLead;
  ctx.paragraphLead = undefined;
  // (A group's share of a quota goes on through its paragraph, not into the next one: "回顧去年，…全年開採及冶煉分離指標
  // 合共25.5萬噸" after a paragraph on one group's allocation is the nation's again. A province's trade, "内蒙古…出口",
  // is what a whole report is about, and goes on.)
  if (ctx.shareQuota) ctx.share = false;
}

/** A period from January (2026-Q1, 2025-H1, 2025-01/2025-07) that ends in the single month `month`. */
function endsIn(period: string, month: string): boolean {
  const m = FROM_JANUARY.exec(period);
  if (!m || m[1] !== month.slice(0, 4)) return false;
  const last = m[2] ?? (m[3] ? '06' : '03');
  return last === month.slice(5);
}

/** The period a sentence opening on 同期 / "in the same period" is about: the lead of this or the last paragraph. */
export const leadPeriod = (ctx: Context): string | undefined =>
  ctx.paragraphLead ?? ctx.lastParagraphLead ?? ctx.periods.trade;

/** Words that turn the text to the national figure. */
export const NATIONAL_WORDS = /全国|我国|中国|national|nationwide|\bChina['’]s\b|\boverall\b|\btotal\b/i;

export const DOMAIN_CUES = ['quota', 'trade', 'other', 'batch', 'ytd', 'mining', 'smelting', 'export_quota'] as const;

export function domainOf(c: Cue | undefined): 'quota' | 'trade' | 'other' | undefined {
  if (!c) return undefined;
  if (c.type === 'trade' || c.type === 'other') return c.type;
  return 'quota';
}

// A period from January: 2025-01/2025-05, H1, Q1.
export const FROM_JANUARY = /^(\d{4})-(?:01\/\d{4}-(\d{2})|(H1)|(Q1))$/;

// An English subordinate clause opening between a figure and a later product: the product is that clause's.
const SUBORDINATE_AFTER = /[,;]\s*(?:after|as|because|since|while|when|following|amid)\s/i;

// A clause about another event, opened before a product with no break since: "since controls on … rare earths", "after
// Beijing restricted rare earths", 自…以来 is not one (Chinese names its products as subjects).
const ASIDE_BEFORE = /\b(?:since|after|because|following|amid|until|before|when)\s[^,;:.]*$/i;

const MAGNET_NAME_MAX = 25;
const MAGNET_NAME = new RegExp(`^[\\s\\w-]{0,${MAGNET_NAME_MAX}}$`);

// (The helpers of the per-sentence steps live out here, not as closures made anew for every sentence.)
const within = (c: Cue, span: Span) => c.start >= span.start && c.end <= span.end;
const distance = (c: Cue, flow: Cue) => (c.end <= flow.start ? flow.start - c.end : c.start - flow.end);

/**
 * Whether the cue at `i` of a sentence's cues is the "rare earth" of a magnet's name ("rare earth permanent magnets"
 * is one name). Cues come sorted by start, so only the few within a name's length after it are looked at (a sentence
 * naming rare earths thousands of times stays linear).
 */
function namesMagnet(inSentence: Cue[], i: number, sentence: Span): boolean {
  const c = inSentence[i]!;
  for (let j = i + 1; j < inSentence.length && inSentence[j]!.start - c.end <= MAGNET_NAME_MAX; j++) {
    const m = inSentence[j]!;
    if (m.type === 'magnet' && MAGNET_NAME.test(sentence.text.slice(c.end - sentence.start, m.start - sentence.start)))
      return true;
  }
  return false;
}

/**
 * The product a sentence's flow is about: the product named nearest its first flow word ("exports of rare earth magnets
 * to the US …, as … rare earth products" is about magnets), else the last product it names.
 */
function subjectProduct(cues: Cue[], sentence: Span): Cue | undefined {
  const inSentence = cues.filter((c) => within(c, sentence));
  // ("rare earth permanent magnets" is one name: its "rare earth" is not a product of its own.)
  const products = inSentence.filter(
    (c, i) => PRODUCT_CUES.includes(c.type) && !(c.type === 'rare_earth' && namesMagnet(inSentence, i, sentence)),
  );
  const flow = inSentence.find((c) => c.type === 'trade');
  if (!flow || !products.length) return products.at(-1);
  // (稀土永磁 holds 稀土: the longer name at the same place wins.)
  return products.reduce((a, b) =>
    distance(b, flow) < distance(a, flow) ||
    (distance(b, flow) === distance(a, flow) && b.end - b.start > a.end - a.start)
      ? b
      : a,
  );
}

/** Move the context past one sentence: its cues, its period mentions and the figures read from it. */
export function updateContext(
  ctx: Context,
  cues: Cue[],
  sentence: Span,
  periods: PeriodMention[],
  sentenceYear: number | undefined,
  docDate: DocDate,
  candidates: Candidate[],
): void {
  // "2023年第一批…分别为12万吨、11.5万吨，本批次开采指标同比增长12.5%": a sentence that recalls another year's quotas and
  // then turns back to this batch leaves the text on the quota year and batch it was on.
  const lastQuota = candidates.findLast((c) => isQuota(c.metric));
  const turnsBack =
    lastQuota !== undefined &&
    ctx.periods.quota !== undefined &&
    THIS_BATCH.test(sentence.text.slice(lastQuota.q.end - sentence.start));
  const kept = turnsBack
    ? { period: ctx.periods.quota, batch: ctx.batch, batchYear: ctx.batchYear, year: ctx.year }
    : undefined;
  // (A sentence whose only tonnages were a share does not turn to the nation for naming one: "中国稀土获得…指标".)
  const namesShare = cues.some((c) => c.type === 'allocation' && c.start >= sentence.start && c.end <= sentence.end);
  if (NATIONAL_WORDS.test(sentence.text) && (candidates.length > 0 || !namesShare)) ctx.share = false;
  const d = domainOf(last(cues, DOMAIN_CUES, sentence.start, sentence.end));
  if (d) ctx.domain = d;
  // (A sentence with figures: the product named last, as before; a lead without one: its flow's product.)
  const product = candidates.length
    ? last(cues, PRODUCT_CUES, sentence.start, sentence.end)
    : subjectProduct(cues, sentence);
  // … unless no product is named after its last trade figure: then that figure's product ("永久性稀土磁铁，或其他…稀土材料
  // …414吨" is about magnets, and so is the next sentence's 431吨).
  const lastTrade = candidates.findLast((c) => c.metric.kind === 'trade');
  // (Nor one named in a subordinate clause after it: "magnet exports slumped to 22.3kt …, after export licensing for
  // seven heavy rare earths choked shipments" stays on magnets.)
  const subordinate =
    lastTrade !== undefined &&
    product !== undefined &&
    product.start >= lastTrade.q.end &&
    SUBORDINATE_AFTER.test(sentence.text.slice(lastTrade.q.end - sentence.start, product.start - sentence.start));
  // (A sentence with no figure whose product is named only in a clause about something else, "That was 5.7% higher, the
  // first increase since controls on seven rare earths were introduced", leaves the figures' product as it was.)
  const aside =
    !candidates.length &&
    product !== undefined &&
    ctx.product !== undefined &&
    ASIDE_BEFORE.test(sentence.text.slice(0, product.start - sentence.start));
  if (aside) {
    // (Nothing: the product stays the one the figures were about.)
  } else if (lastTrade?.metric.kind === 'trade' && product && (product.end <= lastTrade.q.start || subordinate)) {
    ctx.product = lastTrade.metric.product;
    ctx.otherMetal = false;
  } else if (product?.type === 'other_metal' || product?.type === 'element_product') ctx.otherMetal = true;
  else if (product) {
    ctx.product = productOf(product.type);
    ctx.otherMetal = false;
  }
  const flow = last(cues, FLOW_CUES, sentence.start, sentence.end);
  if (flow) ctx.flow = flow.type as Flow;
  // The destination a lead sentence names for a flow without stating a tonnage ("China's exports of magnets to the US
  // rebounded in July") carries to the sentences right after it as long as their figures take it; any other sentence
  // ends it.
  const named = cues.findLast(
    (c) => c.type === 'dest' && c.strict && c.start >= sentence.start && c.end <= sentence.end,
  );
  const carried = ctx.destination;
  // (Not one named in a clause set against the national flow: "China's exports of magnets fell in October, …, but
  // shipments to the United States surged" leads on the national figure.)
  const flowCue = cues.find((c) => c.type === 'trade' && within(c, sentence));
  if (
    !candidates.length &&
    named &&
    flowCue &&
    !(
      flowCue.end <= named.start &&
      CONTRAST.test(sentence.text.slice(flowCue.end - sentence.start, named.start - sentence.start))
    )
  )
    ctx.destination = named.country;
  else if (
    !carried ||
    !candidates.length ||
    candidates.some((c) => c.metric.kind !== 'trade' || c.metric.destination !== carried) ||
    cues.some((c) => c.type === 'dest' && within(c, sentence))
  )
    ctx.destination = undefined;
  // (While China set export quotas, before 2015, a sentence naming one leaves the text on it: "…its second batch of
  // export quotas … The first batch, handed out in December, was 15,501 tonnes.")
  const kind = last(cues, KIND_CUES, sentence.start, sentence.end);
  const year = sentenceYear ?? docDate?.year ?? ctx.year;
  if (kind?.type === 'export_quota') {
    if (year !== undefined && year < 2015) ctx.kind = 'export';
  } else if (kind) ctx.kind = kind.type as QuotaKind;
  const kinds: QuotaKind[] = [];
  for (const c of cues)
    if ((c.type === 'mining' || c.type === 'smelting') && c.start >= sentence.start && c.end <= sentence.end)
      if (!kinds.includes(c.type)) kinds.push(c.type);
  if (kinds.length) ctx.kinds = kinds;
  // Like the period: the batch of the sentence's main figure ("全年…（含第一批指标）" is not batch 1).
  // (Not a comparison base: "an increase from the 60,000-tonne quota for the first batch of 2019" leaves the text on
  // the year it was on.)
  // (A forecast with no figure, "we expect November volumes between 5,000 and 5,500 tonnes", "expect the first batch
  // to land between …", names a period and a batch to come: the text stays on the ones it was on.)
  const forecast = !candidates.length && cues.some((c) => c.type === 'forecast' && within(c, sentence));
  const quotaFigure = candidates.find((c) => isQuota(c.metric) && !c.comparisonBase);
  const batch = last(cues, BATCH_CUE, sentence.start, sentence.end);
  // (A sentence listing several batches of one year, "第一批…，第二批…", is a breakdown: no one batch carries to the
  // next sentence.)
  const batches = new Set(
    candidates
      .filter((c) => isQuota(c.metric) && c.batch !== null && c.period === quotaFigure?.period)
      .map((c) => c.batch),
  );
  if (quotaFigure) {
    ctx.batch = batches.size > 1 ? undefined : (quotaFigure.batch ?? undefined);
    ctx.batchYear = quotaFigure.period?.slice(0, 4);
  } else if (batch?.n && !forecast) ctx.batch = batch.n;
  // The period later sentences inherit: the one of this sentence's main (first) figure, else its last mention.
  // ("They were 38.1% below the level of a year earlier" looks back: the text stays on the period it was on.)
  const period = forecast
    ? undefined
    : periods.filter((p) => !p.comparative && !(p.relYear === -1 && !candidates.length)).at(-1);
  const mentioned = period
    ? resolvePeriod(period, period.year === undefined ? sentenceYear : undefined, docDate)
    : null;
  // (Quotas are set per year: "The first batch of 2019 mining quotas, released last month, …" leaves the quota
  // sentences on 2019, whatever month it names after the year.)
  const quotaYear = forecast
    ? undefined
    : periods.findLast(
        (p) =>
          !p.comparative &&
          p.year !== undefined &&
          p.month === undefined &&
          p.toMonth === undefined &&
          p.quarter === undefined &&
          p.half === undefined,
      );
  const lead = candidates.find((c) => !c.comparisonBase && c.period && c.metric.kind === 'trade');
  if (lead && !ctx.paragraphLead) {
    ctx.paragraphLead = lead.period!;
    if (SINGLE_MONTH.test(lead.period!)) ctx.monthLead = lead.period!;
  }
  const cumulative = candidates.find((c) => !c.comparisonBase && c.period && FROM_JANUARY.test(c.period));
  if (cumulative) ctx.cumulative = cumulative.period!;
  // ("… fell 5.2% in October from the previous month to 5,473 mt … September shipments stood at 5,774 mt.": a month
  // before the one the paragraph leads with, stated after it, is the comparison recalled; the text stays on the lead.)
  const recalled = (p: string | null, lead = ctx.paragraphLead) =>
    p !== null && lead !== undefined && SINGLE_MONTH.test(p) && SINGLE_MONTH.test(lead) ? p < lead : false;
  for (const domain of ['quota', 'trade'] as const) {
    const main = candidates.find((c) => !c.comparisonBase && isQuota(c.metric) === (domain === 'quota'));
    if (main?.period && domain === 'trade' && recalled(main.period) && ctx.periods.trade === ctx.paragraphLead)
      continue;
    if (main?.period) ctx.periods[domain] = main.period;
    // ("China announced in January that it would bar exports …" between March figures: a sentence with no figure that
    // names a month before the one the text leads with recalls an event; the text stays on its month.)
    // (Nor one naming months before the month a paragraph led with, after a total from January: "April and May were
    // the trough" after June's figure and the first half's; nor the year that month is in: "not coming back this
    // year".)
    else if (
      domain === 'trade' &&
      !candidates.length &&
      (recalled(mentioned, leadPeriod(ctx)) ||
        recalled(mentioned, ctx.monthLead) ||
        (mentioned !== null && mentioned === ctx.periods.trade?.slice(0, 4) && SINGLE_MONTH.test(ctx.periods.trade)))
    )
      continue;
    else if (!candidates.length && domain === 'quota' && quotaYear && d === 'quota')
      ctx.periods.quota = String(quotaYear.year);
    else if (!candidates.length && mentioned && (d === domain || d === undefined || d === 'other'))
      ctx.periods[domain] = mentioned;
  }
  // A batch named without a figure belongs to the year the quota sentences are about.
  // (With no quota year yet, "China issues first rare earth quota batch" as a title: the document's year.)
  if (!quotaFigure && batch?.n && !forecast)
    ctx.batchYear = ctx.periods.quota?.slice(0, 4) ?? (sentenceYear ?? docDate?.year)?.toString();
  if (sentenceYear) ctx.year = sentenceYear;
  if (kept) {
    ctx.periods.quota = kept.period;
    [ctx.batch, ctx.batchYear, ctx.year] = [kept.batch, kept.batchYear, kept.year];
  }
}

const SINGLE_MONTH = /^\d{4}-\d{2}$/;

// A clause set against the one before: ", but", "; while", "，但", "，而".
const CONTRAST = /[,;]\s*(?:but|while|whereas|although|though|yet)\b|[，；]\s*(?:但|而|不过)/i;

// This batch, this round: 本批次, 本批, 此批, 该批次, "this batch", "the latest batch".
const THIS_BATCH = /本批|此批|该批次|本轮|\bth(?:is|e\s+latest|e\s+new)\s+(?:batch|round|tranche)\b/i;

/**
 * "Imports fell 24.1% to 16,922.2 t over the two months": the period from January the text just gave, if it has that
 * many months; otherwise the mention names no period the text states, and goes.
 */
export function resolveSpans(periods: PeriodMention[], cumulative: string | undefined): PeriodMention[] {
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
