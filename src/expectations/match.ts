import { allFigures, type StoredFigure } from '../figures/figures-store.js';
import type { Store } from '../store/store.js';
import type { Alert, Figure } from '../types.js';
import type { Expectation } from './expectation-schema.js';

/**
 * Does what an expectation asks for exist? An alert meets it when it has the category, comes from one of the
 * watches, and — with a metric — states a figure of that metric for the window's period (and batch). A figure of the
 * figures store (from an alert, or the shipped history) meets a metric expectation too. Without a period, only what
 * was detected since the previous window closed counts.
 */

/** When and through what the expected publication arrived. */
export interface Arrival {
  /** Epoch ms of detection (of publication, for figures from the history). */
  at: number;
  alertId: string | null;
  title: string;
  /** Epoch ms of the document's own date when it gives one (what "last year on …" says), else `at`. */
  published: number;
}

/** What the store holds that may meet expectations: recent alerts, and every stored figure. */
export interface Evidence {
  alerts: Alert[];
  figures: StoredFigure[];
  byId: Map<string, Alert>;
}

/** Alerts raised by regwatch itself never meet an expectation. */
const isOwn = (a: Alert) => a.type === 'ops' || a.type === 'digest' || a.categories.includes('overdue');

/** Recent alerts detected at or after `since` (newest first, up to the store's recent index) and all figures. */
export async function loadEvidence(store: Store, since: number): Promise<Evidence> {
  const ids = (await store.get<string[]>('alerts:recent')) ?? [];
  const alerts: Alert[] = [];
  for (const id of ids) {
    const a = await store.getAlert(id);
    if (!a) continue;
    if (Date.parse(a.detectedAt) < since) break;
    if (!isOwn(a)) alerts.push(a);
  }
  return { alerts, figures: await allFigures(store), byId: new Map(alerts.map((a) => [a.id, a])) };
}

/** A figure's period covers the expected one: the same, or a cumulative period ending with it (2026-01/2026-11). */
export function periodCovers(figurePeriod: string | null, expected: string | null): boolean {
  if (expected === null) return true;
  return figurePeriod === expected || (figurePeriod?.endsWith(`/${expected}`) ?? false);
}

function figureFits(exp: Expectation, f: Pick<Figure, 'metric' | 'period' | 'batch'>, period: string | null): boolean {
  return (
    f.metric === exp.metric && periodCovers(f.period, period) && (exp.batch === undefined || f.batch === exp.batch)
  );
}

function alertFits(exp: Expectation, a: Alert): boolean {
  if (exp.watches && !exp.watches.includes(a.watch.id)) return false;
  if (exp.category && !a.categories.includes(exp.category)) return false;
  return true;
}

/**
 * The earliest arrival meeting `exp` for a window with this period, detected at or after `since` (ignored when the
 * period pins what is wanted), or undefined.
 */
export function findArrival(
  exp: Expectation,
  window: { period: string | null; since: number },
  evidence: Evidence,
): Arrival | undefined {
  const pinned = exp.metric !== undefined && window.period !== null;
  let best: Arrival | undefined;
  const consider = (a: Arrival) => {
    if (!best || a.at < best.at) best = a;
  };
  for (const a of evidence.alerts) {
    const at = Date.parse(a.detectedAt);
    if (!pinned && at < window.since) continue;
    if (!alertFits(exp, a)) continue;
    if (exp.metric !== undefined && !a.figures.some((f) => figureFits(exp, f, window.period))) continue;
    const published = a.publishedAt ? Date.parse(a.publishedAt) : NaN;
    consider({ at, alertId: a.id, title: a.title, published: Number.isNaN(published) ? at : published });
  }
  if (exp.metric !== undefined) {
    for (const f of evidence.figures) {
      if (!figureFits(exp, f, window.period)) continue;
      if (f.alertId === null) {
        // The shipped history: it was published, on its date when known.
        const at = Date.parse(f.date);
        if (pinned || at >= window.since) consider({ at, alertId: null, title: f.title || f.url, published: at });
        continue;
      }
      const a = evidence.byId.get(f.alertId);
      if (!a) {
        // Detected long ago (out of the recent index): counts when the period pins it, dated by its document.
        if (pinned) {
          const at = Date.parse(f.date);
          consider({ at, alertId: f.alertId, title: f.title, published: at });
        }
        continue;
      }
    }
  }
  return best;
}
