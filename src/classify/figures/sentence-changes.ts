/**
 * The changes of one sentence sorted by whom they belong to: a tonnage of the sentence, a quota figure stated earlier
 * ("The mining quota was up 12.5% …"), the figures of the sentence before (同比则下降5.7%), or the next sentence's (a
 * lead "exports rose 23% month-on-month in May").
 */
import { findChanges, type Change } from '../changes.js';
import type { Cue, CueType } from '../figure-cues.js';
import type { Quantity } from '../quantities.js';
import type { Span } from '../segment.js';
import type { Subject } from './assign-changes.js';
import type { Candidate } from './candidate.js';
import { last } from './cue-search.js';
import type { Stated } from './stated.js';

// The cue types the steps below look for, made once (not an array for every call).
const MONEY_CUE: readonly CueType[] = ['money'];
const CHANGE_SUBJECT_CUES: readonly CueType[] = ['mining', 'smelting', 'magnet'];
const YEAR_TOTAL_CUE: readonly CueType[] = ['year_total'];
const YTD_CUE: readonly CueType[] = ['ytd'];

export interface Pending {
  change: Change;
  subject: Subject;
  period: string | null;
}

export interface SortedChanges {
  /** For the tonnages of this sentence. */
  changes: Change[];
  /** Of a sentence with no tonnage: for the figures of the sentence before, or the next sentence's. */
  loose: Change[];
  /** About a quota the next sentence states ("with the full-year smelting quota up 15% from last year"). */
  leadQuota: Pending[];
}

/** What every change findChanges reads contains: %, ％, "percent", "per cent" or "pc" in any case, tenths (七成) or 百分之. */
export const MAY_HAVE_PERCENT = /[%％]|per\s?cent|\d\s?pc\b|[一二三四五六七八九]成|百分之/i;

/** Whether a figure is the one a change's subject names: that quota, else the magnet exports. */
const names = (c: Stated | Candidate, quota: 'mining' | 'smelting' | undefined) =>
  quota
    ? c.metric.kind === 'quota' && c.metric.quota === quota
    : c.metric.kind === 'trade' && c.metric.product === 'magnet' && c.metric.flow === 'export';

const CLAUSE_BREAK = /[,;，；]/;

export function sortChanges(
  sentence: Span,
  clauseSpans: Span[],
  sc: Cue[],
  quantities: Quantity[],
  candidates: Candidate[],
  /** Figures so far; a change about an earlier quota figure is attached to it here. */
  figures: Stated[],
): SortedChanges {
  // Every change is a percentage: a sentence without one has none (most sentences; no clause is scanned then).
  const allChanges = MAY_HAVE_PERCENT.test(sentence.text)
    ? clauseSpans.flatMap((c) =>
        last(sc, MONEY_CUE, c.start, c.end) && !quantities.some((q) => q.start >= c.start && q.end <= c.end)
          ? []
          : findChanges(c.text, c.start, sentence.text, sentence.start),
      )
    : [];
  const out: SortedChanges = { changes: [], loose: [], leadQuota: [] };
  for (const ch of allChanges) {
    const clause = clauseSpans.find((c) => ch.start >= c.start && ch.start < c.end);
    const subject =
      clause && !quantities.some((q) => q.start >= clause.start && q.start < clause.end)
        ? last(sc, CHANGE_SUBJECT_CUES, clause.start, ch.start)
        : undefined;
    const quota = subject && subject.type !== 'magnet' ? (subject.type as 'mining' | 'smelting') : undefined;
    if (candidates.length === 0 && !quota) {
      out.loose.push(ch);
      continue;
    }
    // ("… the small third batch of 15kt / 13.85kt …, so a like-for-like comparison of the first two batches looks
    // better (+12.5% on mining)": a change after a clause break and a sum of batches no tonnage here is, is that
    // sum's, which the text does not state.)
    if (clause && !quantities.some((q) => q.start >= clause.start && q.start < clause.end)) {
      const qEnd = quantities.findLast((q) => q.end <= ch.start)?.end;
      const sum = qEnd === undefined ? undefined : last(sc, YTD_CUE, qEnd, ch.start);
      if (
        sum &&
        CLAUSE_BREAK.test(sentence.text.slice(qEnd! - sentence.start, sum.start - sentence.start)) &&
        !candidates.some((c) => c.metric.kind === 'quota' && c.metric.ytd)
      )
        continue;
    }
    if (!subject || candidates.some((c) => names(c, quota))) {
      out.changes.push(ch);
      continue;
    }
    // "raised its total mining and smelting quotas for 2021 by 20 percent": a year's total, not a batch.
    const total = last(sc, YEAR_TOTAL_CUE, sentence.start, ch.start) !== undefined;
    const earlier = figures.findLastIndex(
      (f) => names(f, quota) && f.change_basis === null && (!total || f.batch === null),
    );
    if (earlier >= 0 && ch.basis)
      figures[earlier] = { ...figures[earlier]!, change_pct: ch.pct, change_basis: ch.basis };
    // "with the full-year smelting quota up 15% from last year" before the sentence that states it.
    else if (earlier < 0 && candidates.length === 0 && quota) {
      // ("前两批合计开采量增14%" before the batch it adds: the sum's change, not the batch's.)
      const ytd = last(sc, YTD_CUE, sentence.start, ch.start) !== undefined;
      out.leadQuota.push({ change: ch, subject: { quota, total, ytd }, period: null });
    }
  }
  return out;
}
