import { openStoreOrExit } from './load-or-exit.js';
import { allFigures, latestFigures } from '../figures/figures-store.js';
import { loadHistory } from '../figures/history.js';
import { formatChange, formatTonnes, metricLabel } from '../pipeline/format-figure.js';

/** `regwatch figures [METRIC] [--json]`: the best figure per metric and period from the store (official first). */
export async function figuresCommand(metric: string | undefined, opts: { json?: boolean }): Promise<number> {
  const store = await openStoreOrExit();
  try {
    // The shipped history answers before any document has been seen (a no-op once loaded).
    await loadHistory(store, process.env.REGWATCH_CONFIG).catch((error: unknown) =>
      process.stderr.write(`figures history not loaded: ${(error as Error).message}\n`),
    );
    const figures = latestFigures(await allFigures(store), metric);
    if (opts.json) {
      for (const f of figures) process.stdout.write(`${JSON.stringify(f)}\n`);
      return 0;
    }
    if (figures.length === 0) {
      process.stdout.write(metric ? `no figures for ${metric} yet\n` : 'no figures in the store yet\n');
      return 0;
    }
    let last = '';
    for (const f of figures) {
      if (f.metric !== last) process.stdout.write(`${metricLabel(f.metric)} (${f.metric})\n`);
      last = f.metric;
      const change = formatChange(f.change_pct, f.change_basis);
      const batch = f.batch ? ` batch ${f.batch}` : '';
      process.stdout.write(
        `  ${(f.period ?? '?').padEnd(17)}${batch.padEnd(9)} ${`${formatTonnes(f.value)} t`.padStart(12)} ${change.padEnd(14)} ${f.official ? 'official' : 'press'} · ${f.date} · ${f.url || f.title}\n`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}
