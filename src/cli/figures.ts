import { openStoreOrExit } from './load-or-exit.js';
import { allFigures, latestFigures, type StoredFigure } from '../figures/figures-store.js';
import { figuresCsv } from '../figures/figures-csv.js';
import { comparePeriods, figureRows, type FigureRow } from '../figures/figure-rows.js';
import { loadHistory } from '../figures/history.js';
import { metricsKnown } from '../figures/metrics.js';
import { provenance } from '../figures/provenance.js';
import { formatChange, metricLabel, tonnes } from '../render/format-figure.js';

export interface FiguresOptions {
  json?: boolean;
  csv?: boolean;
}

/** Exit status for a metric nobody knows (a typo): the same as for bad input elsewhere. */
const UNKNOWN_METRIC = 2;

/**
 * Write everything at once; a reader that closed early (`regwatch figures | head`) ends the command quietly instead
 * of an EPIPE stack trace.
 */
function print(text: string): Promise<void> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      resolve();
    };
    process.stdout.once('error', onError);
    process.stdout.write(text, () => {
      process.stdout.off('error', onError);
      resolve();
    });
  });
}

const change = (f: StoredFigure | null) =>
  f ? formatChange(f.change_pct, f.change_basis).replace(/ [ym]\/[ym]$/, '') : '';

/** The rows of one metric as aligned text: period, batch, value, y/y, m/m, source. */
function metricTable(rows: FigureRow[]): string {
  const cells = rows.map((r) => {
    const p = provenance(r.value);
    return [
      r.period ?? '?',
      r.batch ? `batch ${r.batch}` : '',
      tonnes(r.value.value),
      change(r.yoy),
      change(r.mom),
      `${p.label} · ${r.value.date} · ${r.value.url || r.value.title}`,
    ];
  });
  const header = ['period', 'batch', 'value', 'y/y', 'm/m', 'source'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const right = new Set([2, 3, 4]);
  const line = (c: string[]) =>
    `  ${c.map((v, i) => (i === c.length - 1 ? v : right.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...cells.map(line)].join('\n');
}

/** Sorted like the table: metric, then months, quarters, halves, years, ranges (newest first), then y/y before m/m. */
function tableOrder(figures: StoredFigure[], metrics: string[]): StoredFigure[] {
  const order = (m: string) => metrics.indexOf(m);
  return [...figures].sort(
    (a, b) =>
      order(a.metric) - order(b.metric) ||
      comparePeriods(a, b) ||
      (a.change_basis ?? '').localeCompare(b.change_basis ?? ''),
  );
}

/**
 * `regwatch figures [METRIC] [--json|--csv]`: the store's figures (history included) as a table a person reads — one
 * row per period with its value, y/y and m/m side by side and where it comes from — or as JSON lines / CSV.
 */
export async function figuresCommand(metric: string | undefined, opts: FiguresOptions): Promise<number> {
  const store = await openStoreOrExit();
  try {
    // The shipped history answers before any document has been seen (a no-op once loaded).
    await loadHistory(store, process.env.REGWATCH_CONFIG).catch((error: unknown) =>
      process.stderr.write(`figures history not loaded: ${(error as Error).message}\n`),
    );
    const stored = await allFigures(store);
    const metrics = metricsKnown(stored.map((f) => f.metric));
    if (metric && !metrics.includes(metric)) {
      process.stderr.write(`regwatch figures: unknown metric "${metric}". Known metrics:\n  ${metrics.join('\n  ')}\n`);
      return UNKNOWN_METRIC;
    }
    const figures = tableOrder(latestFigures(stored, metric), metrics);
    if (opts.csv) {
      await print(figuresCsv(figures));
      return 0;
    }
    if (opts.json) {
      await print(figures.map((f) => `${JSON.stringify({ ...f, label: provenance(f).label })}\n`).join(''));
      return 0;
    }
    if (figures.length === 0) {
      await print(metric ? `no figures for ${metric} yet\n` : 'no figures in the store yet\n');
      return 0;
    }
    const rows = figureRows(figures, metrics);
    const blocks: string[] = [];
    for (const m of metrics) {
      const own = rows.filter((r) => r.metric === m);
      if (own.length) blocks.push(`${metricLabel(m)} (${m})\n${metricTable(own)}`);
    }
    await print(`${blocks.join('\n\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
