import { rankFigures, type StoredFigure } from '../figures/figures-store.js';
import { provenance } from '../figures/provenance.js';

/**
 * The numbers behind a chart, built from the figures store: the same data draws the web page's interactive chart,
 * the PNG for chat and the table under the chart. Every stored figure a chart covers is exactly one point.
 */

export interface ChartPoint {
  value: number;
  period: string;
  batch: number | null;
  /** The source document (each point links to it). */
  url: string;
  title: string;
  /** official / official text, reposted by … / press. */
  label: string;
  date: string;
  /** Year-on-year change in %: as the text stated it, else computed from the same month a year before. */
  yoy: number | null;
  yoyStated: boolean;
  mom: number | null;
}

export interface ChartSeries {
  name: string;
  /** Series in one stack add up (quota batches of a year). */
  stack?: string;
  kind: 'bar' | 'line' | 'scatter';
  /** Fixed colour (quota: mining in blues, smelting in oranges); else the palette's next. */
  color?: string;
  /** One entry per category; null where the store has no figure. */
  points: Array<ChartPoint | null>;
}

export interface ChartData {
  id: string;
  title: string;
  /** Category axis: years (quota) or months (exports). */
  categories: string[];
  series: ChartSeries[];
}

/** Number of points a chart draws (what the store holds for it). */
export function pointCount(data: ChartData): number {
  return data.series.reduce((n, s) => n + s.points.filter((p) => p !== null).length, 0);
}

function point(f: StoredFigure, extra: Partial<ChartPoint> = {}): ChartPoint {
  return {
    value: f.value,
    period: f.period ?? '',
    batch: f.batch,
    url: f.url,
    title: f.title,
    label: provenance(f).label,
    date: f.date,
    yoy: null,
    yoyStated: false,
    mom: null,
    ...extra,
  };
}

/** The best figure per (metric, period, batch) among those without a change basis, else with one. */
function best(figures: StoredFigure[], metric: string, period: string, batch: number | null): StoredFigure | undefined {
  return figures.filter((f) => f.metric === metric && f.period === period && f.batch === batch).sort(rankFigures)[0];
}

const QUOTA_METRICS = [
  { metric: 'mining_quota', name: 'Mining 开采', colors: ['#1f5fa8', '#4f8fd6', '#9cc3ee', '#0b3d75'] },
  {
    metric: 'smelting_quota',
    name: 'Smelting/separation 冶炼分离',
    colors: ['#b3470f', '#e07b39', '#f2b78a', '#7a2a05'],
  },
] as const;

/**
 * Quotas by year (since 2014 by default), mining and smelting/separation side by side, each stacked by batch. A year
 * known only as a full-year figure is one bar; a stated full-year total next to its batches is a marker on top.
 */
export function quotaChartData(
  figures: StoredFigure[],
  opts: { fromYear?: number; lastYears?: number } = {},
): ChartData {
  const quota = figures.filter(
    (f) => QUOTA_METRICS.some((q) => q.metric === f.metric) && f.period !== null && /^\d{4}$/.test(f.period),
  );
  const years = quota.map((f) => Number(f.period));
  const last = years.length ? Math.max(...years) : new Date().getUTCFullYear();
  let first = opts.fromYear ?? (years.length ? Math.min(...years) : last);
  if (opts.lastYears) first = Math.max(first, last - opts.lastYears + 1);
  const categories = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => String(first + i));
  const series: ChartSeries[] = [];
  for (const { metric, name, colors } of QUOTA_METRICS) {
    const batches = [1, 2, 3].map((b) => ({
      name: `${name} batch ${b}`,
      stack: metric,
      kind: 'bar' as const,
      color: colors[b - 1],
      points: categories.map((y) => {
        const f = best(quota, metric, y, b);
        return f ? point(f) : null;
      }),
    }));
    const hasBatches = (i: number) => batches.some((s) => s.points[i] !== null);
    const annual = categories.map((y) => best(quota, metric, y, null));
    series.push(...batches, {
      name: `${name} full year`,
      stack: metric,
      kind: 'bar',
      color: colors[3],
      points: annual.map((f, i) => (f && !hasBatches(i) ? point(f) : null)),
    });
    series.push({
      name: `${name} stated total`,
      kind: 'scatter',
      color: colors[3],
      points: annual.map((f, i) => (f && hasBatches(i) ? point(f) : null)),
    });
  }
  return {
    id: 'quota',
    title: 'Rare-earth quotas by year 稀土总量控制指标 (t)',
    categories,
    series: series.filter((s) => s.points.some((p) => p !== null)),
  };
}

/** The export series a chart can show: rare earths or magnets (each with its destinations). */
export const EXPORT_METRICS: Record<string, string> = {
  rare_earth_exports: 'Rare-earth exports 稀土出口',
  magnet_exports: 'Magnet exports 稀土永磁出口',
};

/** "us" → "to the US", "de" → "to DE", "japan" → "to Japan". */
function destinationName(suffix: string): string {
  if (suffix === 'us') return 'to the US';
  if (suffix.length <= 3) return `to ${suffix.toUpperCase()}`;
  return `to ${suffix.charAt(0).toUpperCase()}${suffix.slice(1).replace(/_/g, ' ')}`;
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * Monthly exports of `metric` (all destinations) and of every destination the store has (`<metric>_to_us`, …) as its
 * own series, over the months from the first to the last figure (or the last `months` up to `endMonth`).
 */
export function exportsChartData(
  figures: StoredFigure[],
  metric: string,
  opts: { months?: number; endMonth?: string } = {},
): ChartData {
  const monthly = figures.filter(
    (f) => (f.metric === metric || f.metric.startsWith(`${metric}_to_`)) && f.period && /^\d{4}-\d{2}$/.test(f.period),
  );
  const months = [...new Set(monthly.map((f) => f.period as string))].sort();
  const end = opts.endMonth ?? months.at(-1) ?? new Date().toISOString().slice(0, 7);
  const start = opts.months ? shiftMonth(end, -(opts.months - 1)) : (months[0] ?? end);
  const categories: string[] = [];
  for (let m = start; m <= end; m = shiftMonth(m, 1)) categories.push(m);
  const metrics = [metric, ...[...new Set(monthly.map((f) => f.metric))].filter((m) => m !== metric).sort()];
  const series = metrics.map((m): ChartSeries => {
    const own = monthly.filter((f) => f.metric === m);
    const valueOf = (month: string) => own.filter((f) => f.period === month).sort(rankFigures)[0];
    return {
      name: m === metric ? 'All destinations' : destinationName(m.slice(metric.length + '_to_'.length)),
      kind: m === metric ? 'bar' : 'line',
      points: categories.map((month) => {
        const f = valueOf(month);
        if (!f) return null;
        const stated = own.filter((g) => g.period === month && g.change_basis === 'yoy').sort(rankFigures)[0];
        const momF = own.filter((g) => g.period === month && g.change_basis === 'mom').sort(rankFigures)[0];
        const before = valueOf(shiftMonth(month, -12));
        const computed = before && before.value > 0 ? ((f.value - before.value) / before.value) * 100 : null;
        return point(f, {
          yoy: stated?.change_pct ?? (computed === null ? null : Math.round(computed * 10) / 10),
          yoyStated: stated !== undefined,
          mom: momF?.change_pct ?? null,
        });
      }),
    };
  });
  return {
    id: metric,
    title: `${EXPORT_METRICS[metric] ?? metric} by month (t)`,
    categories,
    series: series.filter((s) => s.points.some((p) => p !== null)),
  };
}
