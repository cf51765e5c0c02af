import { rankFigures, type StoredFigure } from './figures-store.js';

/** The kinds of period a figure can cover, in the order a table lists them. */
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'range', 'other'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** 2025-06 month, 2026-Q1 quarter, 2025-H1 half, 2024 year, 2024-01/2024-05 cumulative range. */
export function periodKind(period: string | null): PeriodKind {
  if (!period) return 'other';
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}-H[12]$/.test(period)) return 'half';
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-\d{2}\/\d{4}-\d{2}$/.test(period)) return 'range';
  return 'other';
}

/** One row of `regwatch figures`: a period's value with its stated changes side by side. */
export interface FigureRow {
  metric: string;
  period: string | null;
  batch: number | null;
  /** The best-ranked figure of the period (official first, then the newest document): value and source. */
  value: StoredFigure;
  yoy: StoredFigure | null;
  mom: StoredFigure | null;
}

const byKind = (p: string | null) => PERIOD_KINDS.indexOf(periodKind(p));

/** Months, then quarters, halves, years and cumulative ranges; newest first within each; batches in order. */
export function comparePeriods(a: Pick<FigureRow, 'period' | 'batch'>, b: Pick<FigureRow, 'period' | 'batch'>): number {
  return (
    byKind(a.period) - byKind(b.period) ||
    (b.period ?? '').localeCompare(a.period ?? '') ||
    (a.batch ?? 99) - (b.batch ?? 99)
  );
}

/** Group figures into rows: one per (metric, period, batch), metrics in the order given (else alphabetical). */
export function figureRows(figures: StoredFigure[], metricOrder: readonly string[] = []): FigureRow[] {
  const groups = new Map<string, StoredFigure[]>();
  for (const f of figures) {
    const key = `${f.metric}|${f.period ?? ''}|${f.batch ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const rows: FigureRow[] = [];
  for (const list of groups.values()) {
    list.sort(rankFigures);
    const first = list[0]!;
    rows.push({
      metric: first.metric,
      period: first.period,
      batch: first.batch,
      value: first,
      yoy: list.find((f) => f.change_basis === 'yoy') ?? null,
      mom: list.find((f) => f.change_basis === 'mom') ?? null,
    });
  }
  const order = (m: string) => {
    const i = metricOrder.indexOf(m);
    return i < 0 ? metricOrder.length : i;
  };
  return rows.sort(
    (a, b) => order(a.metric) - order(b.metric) || a.metric.localeCompare(b.metric) || comparePeriods(a, b),
  );
}
