/**
 * One figure per metric, value, period, batch and basis; a bare restatement of a value with a stated change goes, and
 * so does a rounding of a figure stated more precisely (a headline's 5.82萬公噸 beside the body's 58,193.1 tonnes).
 */
import { metricName } from './metric.js';
import type { Stated } from './stated.js';

/** Within this share of each other, two values of one metric, period and batch are one figure written twice. */
const SAME_FIGURE = 0.005;

/** Significant digits as written: 58200 has 3, 58193.1 has 6. */
const precision = (value: number) => String(value).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;

export function dedupe(figures: Stated[]): Stated[] {
  const scopes = figures.map((f) => `${metricName(f.metric)}|${f.period}|${f.batch}`);
  const keys = figures.map((f, i) => `${scopes[i]}|${f.value}`);
  const withBasis = new Set(keys.filter((_, i) => figures[i]!.change_basis));
  // The figures of each scope, so each is compared with its own scope's only (a long release states dozens).
  const inScope = new Map<string, number[]>();
  scopes.forEach((scope, i) => {
    const list = inScope.get(scope);
    if (list) list.push(i);
    else inScope.set(scope, [i]);
  });
  // A value another figure of its scope states more precisely, with a change of the same basis (the headline's 逾一成
  // rounds the body's 11.7% too) or where it states none.
  const rounded = (f: Stated, i: number) =>
    inScope.get(scopes[i]!)!.some((j) => {
      const g = figures[j]!;
      return (
        g.value !== f.value &&
        Math.abs(g.value - f.value) <= SAME_FIGURE * Math.max(g.value, f.value) &&
        (!f.change_basis || g.change_basis === f.change_basis) &&
        precision(g.value) > precision(f.value)
      );
    });
  const seen = new Set<string>();
  return figures.filter((f, i) => {
    if (!f.change_basis && withBasis.has(keys[i]!)) return false;
    if (rounded(f, i)) return false;
    const k = `${keys[i]}|${f.change_basis}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
