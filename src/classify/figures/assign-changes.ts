/** Which tonnage each percentage change belongs to (design §5 change_pct / change_basis). */
import type { Change } from '../changes.js';
import type { Cue } from '../figure-cues.js';
import type { Span } from '../segment.js';
import type { Candidate } from './candidate.js';
import { productOf, sameMetric, type Flow, type Product, type QuotaKind } from './metric.js';
import { CUMULATIVE_PERIOD } from './pick-period.js';
import { sameFigure, type Stated } from './stated.js';

/** What a sentence without a tonnage of its own is about: the product, the direction and the destination it names. */
export interface Subject {
  /** A quota change: only that quota's main figure (not a split or a year-to-date sum) can take it. */
  quota?: QuotaKind;
  /** The change is of a year's total quota: no batch takes it. */
  total?: boolean;
  /** The change is of the batches so far (前两批合计…增14%): only a year-to-date sum takes it. */
  ytd?: boolean;
  product?: Product;
  flow?: Flow;
  destination?: string;
}

export function subjectOf(cues: Cue[], ctx: { product?: Product; flow?: Flow }): Subject {
  // (稀土永磁 is read as magnets and, inside it, 稀土: the word inside a longer product word is that word's.)
  const named = cues.filter((c) => productOf(c.type) !== undefined);
  const cue = named
    .filter((c) => !named.some((o) => o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start))
    .at(-1);
  const product = cue ? productOf(cue.type) : undefined;
  const flow = cues.filter((c) => c.type === 'export' || c.type === 'import').at(-1)?.type as Flow;
  const destination = cues.filter((c) => c.type === 'dest').at(-1)?.country;
  return { product: product ?? ctx.product, flow: flow ?? ctx.flow, destination };
}

/** Whether a figure is the one a subject names. */
export function fits({ metric, batch }: Stated, s: Subject): boolean {
  if (s.quota)
    return (
      metric.kind === 'quota' &&
      metric.quota === s.quota &&
      !metric.split &&
      Boolean(metric.ytd) === Boolean(s.ytd) &&
      (!s.total || batch === null)
    );
  if (metric.kind !== 'trade') return false;
  if (s.product && metric.product !== s.product) return false;
  if (s.flow && metric.flow !== s.flow) return false;
  return metric.destination === s.destination;
}

/**
 * Give figure `fi` a change stated apart from it, unless it already has one on that basis. A change with no basis
 * can only be year-on-year, and only for a cumulative period.
 */
export function attachChange(figures: Stated[], fi: number, change: Change): boolean {
  const f = figures[fi]!;
  const basis = change.basis ?? (CUMULATIVE_PERIOD.test(f.period ?? '-') ? 'yoy' : null);
  if (!basis) return false;
  if (figures.some((g) => sameFigure(g, f) && g.change_basis === basis)) return false;
  const withChange = { ...f, change_pct: change.pct, change_basis: basis };
  if (f.change_basis === null) figures[fi] = withChange;
  else figures.push(withChange);
  return true;
}

/** A destination cue or a period mention, at a position of the sentence. */
export interface Marker {
  at: number;
  destination?: string;
  period?: string | null;
}

/** A marker naming another destination or another period than the candidate's own. */
function belongsElsewhere(m: Marker, c: Candidate): boolean {
  if (c.metric.kind === 'quota') return false;
  if (m.destination) return c.metric.destination !== m.destination;
  return Boolean(m.period && c.period && m.period !== c.period);
}

const clauseIndex = (clauseSpans: Span[], pos: number) => clauseSpans.findIndex((c) => pos >= c.start && pos < c.end);

/** How far a tonnage stands from a change in clause `ci`: clauses apart first (a later clause worse), then characters. */
function nearness(clauseSpans: Span[], ci: number, ch: Change, q: { start: number; end: number }): number {
  const qi = clauseIndex(clauseSpans, q.start);
  const charDist = q.end <= ch.start ? ch.start - q.end : q.start - ch.end;
  return Math.abs(qi - ci) * 10_000 + (qi > ci ? 5_000 : 0) + Math.abs(charDist);
}

/** Each change goes to the tonnage in its clause, else to the nearest clause's (the earlier one on a tie). */
export function assignChanges(
  candidates: Candidate[],
  changes: Change[],
  clauseSpans: Span[],
  respectively: boolean,
  markers: Marker[],
  /** The document text the positions point into. */
  text = '',
  /** Tonnages of the sentence left out as shares. */
  shares: ReadonlyArray<{ start: number; end: number }> = [],
): Change[][] {
  const out: Change[][] = candidates.map(() => []);
  if (candidates.length === 0) return out;
  // "240,000 mt and 230,000 mt, up 14.29% and 13.86% respectively from … 210,000 mt and 202,000 mt": in order, to
  // the tonnages that are not comparison bases.
  const own = candidates.map((c, i) => (c.comparisonBase ? -1 : i)).filter((i) => i >= 0);
  // "25.5万吨和24.4万吨，同比增长21.4%和20.7%", "up 21.4% and 20.7% respectively …, versus rises of 25% and 24.7% in
  // 2022": a list of as many joined changes as there are tonnages pairs with them in order; a later list has no
  // tonnage of its own here.
  const list = own.length > 1 ? joinedList(changes, own.length, text) : undefined;
  if (list && (respectively || list.length === changes.length || candidates[own.at(-1)!]!.q.end <= list[0]!.start)) {
    list.forEach((ch, i) => {
      const basis = ch.basis ?? (CUMULATIVE_PERIOD.test(candidates[own[i]!]!.period ?? '-') ? 'yoy' : null);
      if (basis) out[own[i]!]!.push({ ...ch, basis });
    });
    return out;
  }
  if (respectively && own.length > 1 && changes.length === own.length && !shares.length) {
    changes.forEach((ch, i) => {
      const basis = ch.basis ?? (CUMULATIVE_PERIOD.test(candidates[own[i]!]!.period ?? '-') ? 'yoy' : null);
      if (basis) out[own[i]!]!.push({ ...ch, basis });
    });
    return out;
  }
  for (const ch of changes) {
    const ci = clauseIndex(clauseSpans, ch.start);
    let best = -1;
    let bestScore = Infinity;
    candidates.forEach((c, i) => {
      // "up 15% from 100,000 tonnes in 2017": the comparison base does not carry the change.
      if (c.comparisonBase) return;
      if (c.q.end <= ch.start && markers.some((m) => m.at >= c.q.end && m.at < ch.start && belongsElsewhere(m, c)))
        return;
      const sc = nearness(clauseSpans, ci, ch, c.q);
      if (sc < bestScore) {
        bestScore = sc;
        best = i;
      }
    });
    if (best < 0) continue;
    // "North Rare Earth accounts for 29.75 thousand tonnes, a 20% increase": a share left out is nearer.
    if (shares.some((q) => nearness(clauseSpans, ci, ch, q) < bestScore)) continue;
    let change = ch;
    if (!change.basis) {
      // No basis stated: a cumulative period (Jan–Feb, a quarter, a half, a year) can only be compared year on year;
      // a month, with the month before's or a year before's tonnage of the sentence that the change leads from.
      const implied = CUMULATIVE_PERIOD.test(candidates[best]!.period ?? '-')
        ? 'yoy'
        : impliedBasis(candidates, best, change.pct);
      if (!implied) continue;
      change = { ...change, basis: implied };
    }
    const mine = out[best]!;
    if (!mine.some((x) => x.basis === change.basis)) mine.push(change);
  }
  return out;
}

const MONTH_PERIOD = /^(\d{4})-(\d{2})$/;

/**
 * "climbed 56.1% to 656 tonnes, after 420 tonnes in September": a change with no basis on a month, when the sentence
 * gives the same series' tonnage of the month before (month on month) or of that month a year before (year on year)
 * and the change leads from that tonnage to this one.
 */
function impliedBasis(candidates: Candidate[], i: number, pct: number): 'yoy' | 'mom' | null {
  const c = candidates[i]!;
  const m = MONTH_PERIOD.exec(c.period ?? '');
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const prev = mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  const yearAgo = `${y - 1}-${m[2]}`;
  for (const o of candidates) {
    if (o === c || o.period === null || o.q.value <= 0 || !sameMetric(o.metric, c.metric)) continue;
    const basis = o.period === prev ? 'mom' : o.period === yearAgo ? 'yoy' : null;
    if (!basis) continue;
    const implied = (c.q.value / o.q.value - 1) * 100;
    if (Math.abs(implied - pct) <= 0.15 + Math.abs(pct) * 0.01) return basis;
  }
  return null;
}

// What joins the items of a list: "21.4% and 20.7%", "21.4%和20.7%", "21.4%、20.7%".
const LIST_JOIN = /^\s*(?:,|，|、|和|与|及|and|,\s*and)\s*$/i;

/** The first run of `n` changes the text lists one after another, joined by "and"/和/、, if there is one. */
function joinedList(changes: Change[], n: number, text: string): Change[] | undefined {
  for (let i = 0; i + n <= changes.length; i++) {
    const run = changes.slice(i, i + n);
    if (run.every((ch, k) => k === 0 || LIST_JOIN.test(text.slice(run[k - 1]!.end, ch.start)))) return run;
  }
  return undefined;
}

// (The percentage's match may begin at the space before its number: "both 20 percent".)
const ALL_OF_THEM = /(?:均|都|皆)[^，。；,;%]{0,8}$|\b(?:both|each)(?:\s+\w+){0,2}\s*$/i;

/** "分别为16.8万吨、16.2万吨，均同比增长20%", "both up 20%": one change for every tonnage of the sentence. */
export function shareChanges(
  text: string,
  sentence: Span,
  changes: Change[],
  candidates: Candidate[],
  assigned: Change[][],
): void {
  for (const ch of changes) {
    if (!ALL_OF_THEM.test(text.slice(Math.max(sentence.start, ch.start - 12), ch.start))) continue;
    candidates.forEach((c, i) => {
      // (No basis stated: a year, a quarter or months from January can only be compared year on year.)
      const basis = ch.basis ?? (CUMULATIVE_PERIOD.test(c.period ?? '-') ? 'yoy' : null);
      if (basis && !c.comparisonBase && !assigned[i]!.some((x) => x.basis === basis))
        assigned[i]!.push({ ...ch, basis });
    });
  }
}
