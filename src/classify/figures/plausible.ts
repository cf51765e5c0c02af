/**
 * Plausibility of a value for its metric, against the range the figures history (`config/history/*.yaml`) knows for
 * that metric and kind of period. "62.585 metric tons" of national monthly exports is read as 62,585 t (a dot as the
 * thousands separator) only because 62.585 t is implausible there and 62,585 t is not; "512.375 tonnes" of magnets to
 * one country stays 512.375 t. A value no reading makes plausible is left out: a wrong tonnage is worse than none.
 */
import { readHistory } from '../../figures/history.js';
import type { Quantity } from '../quantities.js';
import { metricName, type Metric } from './metric.js';

export interface Range {
  min: number;
  max: number;
}
export type Ranges = Map<string, Range>;

/** How far outside the history a value may still be: a tenth of its smallest, three times its largest. */
const BELOW = 10;
const ABOVE = 3;

type PeriodKind = 'month' | 'span' | 'year' | 'any';

/** A month (2025-06), a span of months (2025-01/2025-05, H1, Q1) or a year. */
export function periodKind(period: string | null): PeriodKind {
  if (!period) return 'any';
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  return 'span';
}

/** The history family a metric is compared with: a quota with its split (whatever its scope), a national flow. */
function family(m: Metric): string {
  if (m.kind === 'quota') return metricName({ kind: 'quota', quota: m.quota, split: m.split });
  return metricName({ kind: 'trade', product: m.product, flow: m.flow });
}

/** Ranges per family and kind of period (quotas: any period), widened by BELOW and ABOVE. */
export function rangesFrom(rows: Array<{ metric: string; period: string | null; value: number }>): Ranges {
  const out: Ranges = new Map();
  const widen = (key: string, value: number) => {
    const r = out.get(key);
    out.set(key, { min: Math.min(r?.min ?? Infinity, value / BELOW), max: Math.max(r?.max ?? 0, value * ABOVE) });
  };
  for (const r of rows) {
    if (!(r.value > 0)) continue;
    // The history may name a split differently (medium_heavy for the ion-adsorption quota): only known names count.
    const name = r.metric.replace(/_ytd$/, '');
    const quota = /_quota/.test(name);
    widen(`${name}|${quota ? 'any' : periodKind(r.period)}`, r.value);
    if (!quota) widen(`${name}|any`, r.value);
  }
  return out;
}

let shipped: Ranges | undefined;
/** The ranges of the shipped history, read once. */
export function shippedRanges(): Ranges {
  shipped ??= rangesFrom(readHistory());
  return shipped;
}

/** The range a value of `metric` over `period` can take; a destination's share is at most the national figure. */
export function rangeOf(metric: Metric, period: string | null, ranges: Ranges): Range | undefined {
  const kind = metric.kind === 'quota' ? 'any' : periodKind(period);
  const r = ranges.get(`${family(metric)}|${kind}`);
  if (!r) return undefined;
  return metric.kind === 'trade' && metric.destination ? { min: 0, max: r.max } : r;
}

/**
 * The value of a tonnage for a metric: as written when that is plausible; ×1,000 when it was written with a dot and
 * three decimals in English (62.585) and only that reading is plausible; null when no reading, or both, are.
 */
export function plausibleValue(
  q: Pick<Quantity, 'value' | 'dotThousands'>,
  metric: Metric,
  period: string | null,
  ranges: Ranges = shippedRanges(),
): number | null {
  const range = rangeOf(metric, period, ranges);
  const readings = q.dotThousands ? [q.value, Math.round(q.value * 1000)] : [q.value];
  // No history for the metric: a plain number is taken as written, an ambiguous one is left out.
  if (!range) return readings.length === 1 ? q.value : null;
  const fitting = readings.filter((v) => v >= range.min && v <= range.max);
  return fitting.length === 1 ? fitting[0]! : null;
}
