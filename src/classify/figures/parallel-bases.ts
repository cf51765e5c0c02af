/**
 * "168,000 tonnes and 162,000 tonnes, both 20 percent higher than the 2020 levels of 140,000 tonnes and 135,000
 * tonnes": a list of comparison bases as long as the list of tonnages before it measures them in the same order.
 */
import { LIST_GAP } from './bases.js';
import type { Candidate } from './candidate.js';
import { metricName } from './metric.js';

export function parallelBases(candidates: Candidate[], text: string): void {
  const firstBase = candidates.findIndex((c) => c.comparisonBase);
  if (firstBase < 2) return;
  const own = candidates.slice(0, firstBase);
  const run = candidates.slice(firstBase);
  if (run.length !== own.length || run.some((c) => !c.comparisonBase)) return;
  for (let i = 1; i < run.length; i++) if (!LIST_GAP.test(text.slice(run[i - 1]!.q.end, run[i]!.q.start))) return;
  if (own.some((c, i) => (c.metric.kind === 'quota') !== (run[i]!.metric.kind === 'quota'))) return;
  if (new Set(own.map((c) => metricName(c.metric))).size < 2) return;
  // A quota base keeps its own scope (a year-to-date sum, a full year): only which quota it is comes from the list.
  run.forEach((c, i) => {
    const m = own[i]!.metric;
    c.metric = m.kind === 'quota' && c.metric.kind === 'quota' ? { ...c.metric, quota: m.quota } : m;
  });
}
