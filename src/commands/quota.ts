import {
  allFigures,
  latestFigures,
  latestQuotaYear,
  quotaForYear,
  type QuotaLine,
  type StoredFigure,
} from '../figures/figures-store.js';
import { formatTonnes, tonnes } from '../render/format-figure.js';
import { batchCount, errorAnswer, figureOrigin, figureSource, uniqueSources } from './format.js';
import { quotaImage } from '../charts/chart-images.js';
import { pngAttachment } from './attachment.js';
import type { CommandAnswer, CommandSpec } from './types.js';

/** "270,000 t (two batches: 135,000 + 135,000)" — or null when the year has no such figure. */
function describeLine(line: QuotaLine): string | null {
  if (line.total === null) return null;
  const parts = line.batches.map((b) => formatTonnes(b.value)).join(' + ');
  const batches = line.batches.map((b) => b.batch).join(', ');
  switch (line.totalBasis) {
    case 'annual':
      return line.batches.length > 0
        ? `${tonnes(line.total)} (${batchCount(line.batches.length)}: ${parts})`
        : `${tonnes(line.total)} (full year)`;
    case 'ytd':
      return `${tonnes(line.total)} (batches combined${line.batches.length > 0 ? `; seen: ${parts}` : ''})`;
    default:
      return line.batches.length === 1
        ? `${tonnes(line.total)} so far (batch ${batches})`
        : `${tonnes(line.total)} so far (sum of batches ${batches}: ${parts})`;
  }
}

/** "+5.9% on 2023 (255,000 t)" when the previous year's total is known. */
function versusPreviousYear(
  figures: StoredFigure[],
  year: string,
  metric: 'mining' | 'smelting',
  total: number | null,
): string | null {
  if (total === null) return null;
  const before = quotaForYear(figures, String(Number(year) - 1))[metric];
  if (before.total === null || before.total === 0 || before.totalBasis === 'sum') return null;
  const pct = ((total - before.total) / before.total) * 100;
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '±';
  return `${metric} ${sign}${Math.abs(pct).toFixed(1)}% on ${Number(year) - 1} (${tonnes(before.total)})`;
}

function lineSources(line: QuotaLine): StoredFigure[] {
  return [...line.batches, ...(line.totalSource ? [line.totalSource] : [])];
}

/** `quota [YEAR]`: the year's mining and smelting/separation quota with its batches (design §5). */
export const quotaCommand: CommandSpec = {
  name: 'quota',
  description: 'Rare-earth mining and smelting/separation quotas for a year, with their batches',
  usage: 'quota [YEAR]',
  options: [{ name: 'year', description: 'Year, e.g. 2024 (default: the latest with figures)', type: 'integer' }],
  async run(req, ctx): Promise<CommandAnswer> {
    const arg = req.args[0];
    if (arg !== undefined && !/^(19|20)\d{2}$/.test(arg)) {
      return errorAnswer('/regwatch quota: which year?', [
        `"${arg}" is not a year. Try \`/regwatch quota 2024\`, or \`/regwatch quota\` for the latest.`,
      ]);
    }
    const figures = await allFigures(ctx.store);
    const year = arg ?? latestQuotaYear(figures);
    if (!year) {
      return {
        title: 'Rare-earth quota',
        sections: [
          {
            lines: [
              'No quota figures have been seen yet. They are stored as MIIT/MNR notices and news about them arrive.',
            ],
          },
        ],
        sources: [],
        ephemeral: true,
      };
    }
    const q = quotaForYear(figures, year);
    const mining = describeLine(q.mining);
    const smelting = describeLine(q.smelting);
    if (!mining && !smelting) {
      const years = [
        ...new Set(
          figures
            .filter((f) => /^(mining|smelting)_quota/.test(f.metric) && f.period && /^\d{4}$/.test(f.period))
            .map((f) => f.period),
        ),
      ].sort();
      return {
        title: `${year} rare-earth quota`,
        sections: [
          {
            lines: [
              `No quota figures for ${year} in the store.${years.length ? ` Years with figures: ${years.join(', ')}.` : ''}`,
            ],
          },
        ],
        sources: [],
        ephemeral: true,
      };
    }
    const headline = [
      mining ? `${year} mining quota: ${mining}` : `${year} mining quota: not seen`,
      smelting ? `smelting ${smelting}` : 'smelting: not seen',
    ].join(', ');
    const lines = [headline];
    const split = latestFigures(
      figures.filter(
        (f) => f.period === year && f.batch === null && /^mining_quota_(light|ion_adsorption)$/.test(f.metric),
      ),
    );
    if (split.length > 0) {
      lines.push(
        `Mining split: ${split.map((f) => `${f.metric.endsWith('light') ? 'rock (light)' : 'ion-adsorption'} ${tonnes(f.value)}`).join(', ')}`,
      );
    }
    const changes = [
      versusPreviousYear(figures, year, 'mining', q.mining.total),
      versusPreviousYear(figures, year, 'smelting', q.smelting.total),
    ].filter(Boolean);
    if (changes.length > 0 && q.mining.totalBasis !== 'sum') lines.push(`Change: ${changes.join('; ')}`);

    const rows: string[][] = [];
    for (const batch of [1, 2, 3]) {
      const m = q.mining.batches.find((f) => f.batch === batch);
      const s = q.smelting.batches.find((f) => f.batch === batch);
      if (!m && !s) continue;
      const ref = m ?? s;
      rows.push([
        `batch ${batch}`,
        m ? tonnes(m.value) : '—',
        s ? tonnes(s.value) : '—',
        ref?.date ?? '',
        ref ? figureOrigin(ref) : '',
      ]);
    }
    if (q.mining.total !== null || q.smelting.total !== null) {
      const ref = q.mining.totalSource ?? q.smelting.totalSource;
      rows.push([
        q.mining.totalBasis === 'sum' ? 'total so far' : 'year',
        q.mining.total !== null ? tonnes(q.mining.total) : '—',
        q.smelting.total !== null ? tonnes(q.smelting.total) : '—',
        ref?.date ?? '',
        ref ? figureOrigin(ref) : 'sum of batches',
      ]);
    }
    return {
      title: `${year} rare-earth quota`,
      sections: [{ lines }],
      table: { header: ['', 'Mining', 'Smelting/separation', 'Date', 'Source'], rows },
      sources: uniqueSources([...lineSources(q.mining), ...lineSources(q.smelting)].map(figureSource)),
      ephemeral: false,
      ...pngAttachment(() => quotaImage(figures.filter((f) => (f.period ?? '') <= year))),
    };
  },
};
