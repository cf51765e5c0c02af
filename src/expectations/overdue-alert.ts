import type { Watch } from '../config/load-config.js';
import { sha256 } from '../hash.js';
import type { Alert } from '../types.js';
import type { Expectation } from './expectation-schema.js';
import type { Arrival } from './match.js';
import { describeWindow, type Window } from './windows.js';
import { dayText, lastDayText, spanText } from './zoned-time.js';

/** Overdue and late alerts (design §11): `categories: ["overdue"]`, an `expectation` object, stable ids. */

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What the expectation waits for, in words: "rare_earth_exports figure for 2026-11", "quota_batch alert". */
export function wanted(exp: Expectation, period: string | null): string {
  const batch = exp.batch !== undefined ? ` batch ${exp.batch}` : '';
  if (exp.metric) return `${exp.metric}${batch} figure${period ? ` for ${period}` : ''}`;
  if (exp.category) return `${exp.category} alert${batch}`;
  return `alert from ${exp.watches!.join(', ')}`;
}

export const expectationName = (exp: Expectation) => exp.name ?? exp.id;

function watchRef(exp: Expectation, watches: Watch[]): { watch: Alert['watch']; url: string } {
  const w = watches.find((x) => exp.watches?.includes(x.id));
  return w
    ? { watch: { id: w.id, name: w.name, source: w.source }, url: w.url }
    : { watch: { id: 'regwatch', name: 'regwatch', source: 'other' }, url: '' };
}

/** "last year on 9 Dec 2025", "last time on 13 Nov 2026 (2026-10)", or that nothing earlier is on record. */
export function earlierText(
  exp: Expectation,
  window: Window,
  earlier: Array<{ window: Window; arrival: Arrival }>,
): string {
  const year = 365 * 86_400_000;
  const yearAgo = earlier.find((e) => Math.abs(window.end - e.window.end - year) < 20 * 86_400_000);
  if (yearAgo) return `last year on ${dayText(yearAgo.arrival.published, exp.timezone)}`;
  const latest = earlier.at(-1);
  if (latest)
    return `last time on ${dayText(latest.arrival.published, exp.timezone)}${latest.window.period ? ` (${latest.window.period})` : ''}`;
  return 'no earlier arrival on record';
}

/** The alert that says an expected publication did not come by the end of its window. */
export function overdueAlert(exp: Expectation, window: Window, earlier: string, watches: Watch[], now: Date): Alert {
  const { watch, url } = watchRef(exp, watches);
  const name = expectationName(exp);
  const by = lastDayText(window.end, exp.timezone);
  return {
    id: sha256(`overdue\n${window.key}`).slice(0, 32),
    watch,
    title: `Overdue: ${name}${window.period ? ` (${window.period})` : ''}`,
    url,
    publishedAt: null,
    detectedAt: stamp(now),
    categories: ['overdue'],
    figures: [],
    summary: `No ${wanted(exp, window.period)} by ${by} (${exp.timezone}); usual window ${describeWindow(exp)}; ${earlier}.`,
    severity: 'high',
    expectation: { id: exp.id, name, windowEnd: window.endIso, period: window.period },
  };
}

/** The second alert, when the publication finally came: how late, and what it was. */
export function lateAlert(exp: Expectation, window: Window, arrival: Arrival, watches: Watch[], now: Date): Alert {
  const { watch, url } = watchRef(exp, watches);
  const name = expectationName(exp);
  const lateBy = spanText(arrival.at - window.end);
  return {
    id: sha256(`late\n${window.key}`).slice(0, 32),
    watch,
    title: `Arrived late: ${name}${window.period ? ` (${window.period})` : ''}`,
    url,
    publishedAt: null,
    detectedAt: stamp(now),
    categories: ['overdue'],
    figures: [],
    summary: `The ${wanted(exp, window.period)} was published ${lateBy} late (window ended ${lastDayText(window.end, exp.timezone)}): ${arrival.title}`,
    severity: 'normal',
    expectation: { id: exp.id, name, windowEnd: window.endIso, period: window.period, late: true, lateBy },
  };
}
