import type { Store } from '../store/store.js';
import { OFFICIAL_SOURCES, type Alert, type Figure, type SourceKind } from '../types.js';

/** A figure as kept in the store, with where it came from. */
export interface StoredFigure extends Figure {
  /** The alert that carried it; null for figures loaded from config/history. */
  alertId: string | null;
  url: string;
  title: string;
  source: SourceKind;
  /** Official (MIIT, MOFCOM, GAC text) outranks press. */
  official: boolean;
  /** ISO date of the document (published, else detected). */
  date: string;
}

const KEY = 'figures:list';
/** Upper bound of stored figures; the oldest press figures go first. */
const LIMIT = 20_000;

function sameFigure(a: StoredFigure, b: StoredFigure): boolean {
  return (
    a.metric === b.metric &&
    a.period === b.period &&
    a.batch === b.batch &&
    a.change_basis === b.change_basis &&
    a.value === b.value &&
    a.url === b.url
  );
}

/** Save every figure of an alert with its source. Saving the same alert twice stores nothing new. */
export async function recordAlertFigures(store: Store, alert: Alert): Promise<void> {
  if (alert.figures.length === 0) return;
  const official = OFFICIAL_SOURCES.includes(alert.watch.source);
  const date = (alert.publishedAt ?? alert.detectedAt).slice(0, 10);
  await recordFigures(
    store,
    alert.figures.map((f) => ({
      ...f,
      alertId: alert.id,
      url: alert.url,
      title: alert.title,
      source: alert.watch.source,
      official,
      date,
    })),
  );
}

export async function recordFigures(store: Store, figures: StoredFigure[]): Promise<void> {
  await store.update<StoredFigure[]>(KEY, (old) => {
    const list = old ?? [];
    for (const f of figures) if (!list.some((g) => sameFigure(g, f))) list.push(f);
    return list.length > LIMIT ? list.slice(list.length - LIMIT) : list;
  });
}

export async function allFigures(store: Store): Promise<StoredFigure[]> {
  return (await store.get<StoredFigure[]>(KEY)) ?? [];
}

/** Official first, then the most recent document. */
export function rankFigures(a: StoredFigure, b: StoredFigure): number {
  if (a.official !== b.official) return a.official ? -1 : 1;
  // Same date: a figure this install saw in a document outranks the same one from the shipped history.
  return b.date.localeCompare(a.date) || (a.alertId === null ? 1 : 0) - (b.alertId === null ? 1 : 0);
}

/**
 * The best figure per (metric, period, batch, change basis) — what `regwatch figures` prints. Sorted by metric,
 * then newest period first.
 */
export function latestFigures(figures: StoredFigure[], metric?: string): StoredFigure[] {
  const best = new Map<string, StoredFigure>();
  for (const f of figures) {
    if (metric && f.metric !== metric) continue;
    const key = `${f.metric}|${f.period ?? ''}|${f.batch ?? ''}|${f.change_basis ?? ''}`;
    const current = best.get(key);
    if (!current || rankFigures(f, current) < 0) best.set(key, f);
  }
  return [...best.values()].sort(
    (a, b) =>
      a.metric.localeCompare(b.metric) ||
      (b.period ?? '').localeCompare(a.period ?? '') ||
      (a.batch ?? 0) - (b.batch ?? 0) ||
      (a.change_basis ?? '').localeCompare(b.change_basis ?? ''),
  );
}

/** One year's quota picture: the batches, and the total (stated, cumulative, or the sum of the batches). */
export interface QuotaYear {
  year: string;
  mining: QuotaLine;
  smelting: QuotaLine;
}
export interface QuotaLine {
  batches: StoredFigure[];
  total: number | null;
  /** Where the total comes from: the annual figure, a cumulative (ytd) figure, or the sum of the batches. */
  totalBasis: 'annual' | 'ytd' | 'sum' | null;
  totalSource: StoredFigure | null;
}

function quotaLine(figures: StoredFigure[], metric: 'mining_quota' | 'smelting_quota', year: string): QuotaLine {
  const pick = (m: string, batch: number | null) =>
    figures
      .filter((f) => f.metric === m && f.period === year && f.batch === batch && f.change_basis === null)
      .sort(rankFigures)[0];
  const batches = [1, 2, 3].map((b) => pick(metric, b)).filter((f): f is StoredFigure => f !== undefined);
  const annual = pick(metric, null);
  if (annual) return { batches, total: annual.value, totalBasis: 'annual', totalSource: annual };
  const ytd = figures
    .filter((f) => f.metric === `${metric}_ytd` && f.period === year)
    .sort((a, b) => b.value - a.value || rankFigures(a, b))[0];
  const sum = batches.reduce((s, f) => s + f.value, 0);
  if (ytd && ytd.value >= sum) return { batches, total: ytd.value, totalBasis: 'ytd', totalSource: ytd };
  if (batches.length > 0) return { batches, total: sum, totalBasis: 'sum', totalSource: null };
  return { batches, total: null, totalBasis: null, totalSource: null };
}

/** A later batch adds to the year's total; a stated annual figure wins over the sum. */
export function quotaForYear(figures: StoredFigure[], year: string): QuotaYear {
  return {
    year,
    mining: quotaLine(figures, 'mining_quota', year),
    smelting: quotaLine(figures, 'smelting_quota', year),
  };
}

/** The most recent year that has any quota figure. */
export function latestQuotaYear(figures: StoredFigure[]): string | null {
  const years = figures
    .filter((f) => /^(mining|smelting)_quota/.test(f.metric) && f.period && /^\d{4}$/.test(f.period))
    .map((f) => f.period as string)
    .sort();
  return years.at(-1) ?? null;
}
