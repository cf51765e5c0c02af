/** One figure per metric, value, period, batch and basis; a bare restatement of a value with a stated change goes. */
import { metricName } from './metric.js';
import type { Stated } from './stated.js';

export function dedupe(figures: Stated[]): Stated[] {
  const key = (f: Stated) => `${metricName(f.metric)}|${f.value}|${f.period}|${f.batch}`;
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
