import { allFigures, rankFigures, type StoredFigure } from '../figures/figures-store.js';
import { formatChange, tonnes } from '../render/format-figure.js';
import { errorAnswer, figureOrigin, figureSource, uniqueSources } from './format.js';
import { exportsImage } from '../charts/chart-images.js';
import { pngAttachment } from './attachment.js';
import type { CommandAnswer, CommandSpec } from './types.js';

const SERIES = {
  'rare-earths': { metric: 'rare_earth_exports', label: 'Rare-earth exports' },
  magnets: { metric: 'magnet_exports', label: 'Rare-earth magnet exports' },
} as const;
type SeriesName = keyof typeof SERIES;

const SERIES_ALIASES: Record<string, SeriesName> = {
  'rare-earths': 'rare-earths',
  'rare-earth': 'rare-earths',
  rare_earths: 'rare-earths',
  rareearths: 'rare-earths',
  re: 'rare-earths',
  magnets: 'magnets',
  magnet: 'magnets',
};

/** One period of a series: the value and its stated changes, from the best-ranked figures. */
interface PeriodValue {
  period: string;
  value: StoredFigure;
  yoy?: StoredFigure;
  mom?: StoredFigure;
}

/** Accept 2025-06, 2025-6, 2025/06, 2025, 2025-H1, 2026-Q1, 2024-01/2024-05; answer the canonical period. */
export function parsePeriod(word: string): string | undefined {
  const w = word.trim().toUpperCase();
  const month = /^(\d{4})[-/.](\d{1,2})$/.exec(w);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? `${month[1]}-${String(m).padStart(2, '0')}` : undefined;
  }
  if (/^\d{4}$/.test(w) || /^\d{4}-(H[12]|Q[1-4])$/.test(w) || /^\d{4}-\d{2}\/\d{4}-\d{2}$/.test(w)) return w;
  return undefined;
}

function periodValue(figures: StoredFigure[], metric: string, period: string): PeriodValue | undefined {
  const own = figures.filter((f) => f.metric === metric && f.period === period).sort(rankFigures);
  const value = own[0];
  if (!value) return undefined;
  const yoy = own.find((f) => f.change_basis === 'yoy');
  const mom = own.find((f) => f.change_basis === 'mom');
  return { period, value, ...(yoy ? { yoy } : {}), ...(mom ? { mom } : {}) };
}

function changes(p: PeriodValue): string {
  return [p.mom, p.yoy]
    .filter((f): f is StoredFigure => f !== undefined)
    .map((f) => formatChange(f.change_pct, f.change_basis))
    .join(', ');
}

/** The cumulative figure that ends with a month: Jan–Jun as 2025-01/2025-06 or 2025-H1, Jan–Dec as the year. */
function cumulativeFor(figures: StoredFigure[], metric: string, month: string): PeriodValue | undefined {
  const [year, mm] = month.split('-');
  const candidates = [
    `${year}-01/${month}`,
    mm === '06' ? `${year}-H1` : '',
    mm === '03' ? `${year}-Q1` : '',
    mm === '12' ? `${year}` : '',
  ];
  for (const period of candidates.filter((p) => p && p !== month)) {
    const found = periodValue(figures, metric, period);
    if (found) return found;
  }
  return undefined;
}

function describePeriod(period: string): string {
  const range = /^(\d{4})-(\d{2})\/\d{4}-(\d{2})$/.exec(period);
  if (!range) return period;
  const name = (m: string) =>
    new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${name(range[2] ?? '01')}–${name(range[3] ?? '12')} ${range[1]}`;
}

/** `exports [rare-earths|magnets] [PERIOD]`: customs export figures for a month (or other period), with changes. */
export const exportsCommand: CommandSpec = {
  name: 'exports',
  description: 'Customs (GAC) export figures: rare earths or magnets, for a month or other period',
  usage: 'exports [rare-earths|magnets] [PERIOD]',
  options: [
    {
      name: 'series',
      description: 'rare-earths (default) or magnets',
      type: 'string',
      choices: [
        { name: 'rare earths', value: 'rare-earths' },
        { name: 'magnets', value: 'magnets' },
      ],
    },
    { name: 'period', description: 'e.g. 2025-06, 2025-H1, 2025 (default: the latest month)', type: 'string' },
  ],
  async run(req, ctx): Promise<CommandAnswer> {
    let series: SeriesName = 'rare-earths';
    let period: string | undefined;
    for (const arg of req.args) {
      const named = SERIES_ALIASES[arg.toLowerCase()];
      const asPeriod = parsePeriod(arg);
      if (named) series = named;
      else if (asPeriod) period = asPeriod;
      else {
        return errorAnswer('/regwatch exports: not understood', [
          `"${arg}" is neither a series nor a period. Usage: \`/regwatch exports [rare-earths|magnets] [PERIOD]\`, e.g. \`/regwatch exports magnets 2025-06\`.`,
        ]);
      }
    }
    const { metric, label } = SERIES[series];
    const figures = (await allFigures(ctx.store)).filter((f) => f.metric === metric || f.metric === `${metric}_to_us`);
    const months = [
      ...new Set(
        figures
          .filter((f) => f.metric === metric && f.period && /^\d{4}-\d{2}$/.test(f.period))
          .map((f) => f.period as string),
      ),
    ]
      .sort()
      .reverse();
    const target = period ?? months[0];
    if (!target) {
      return {
        title: label,
        sections: [
          {
            lines: [
              `No ${label.toLowerCase()} figures have been seen yet. They are stored as customs releases and news about them arrive.`,
            ],
          },
        ],
        sources: [],
        ephemeral: true,
      };
    }
    const main = periodValue(figures, metric, target);
    if (!main) {
      return {
        title: `${label}, ${describePeriod(target)}`,
        sections: [
          {
            lines: [
              `No ${label.toLowerCase()} figure for ${describePeriod(target)} in the store.${months.length ? ` Latest months with figures: ${months.slice(0, 6).join(', ')}.` : ''}`,
            ],
          },
        ],
        sources: [],
        ephemeral: true,
      };
    }
    const used: StoredFigure[] = [main.value, main.yoy, main.mom].filter((f): f is StoredFigure => f !== undefined);
    const change = changes(main);
    const lines = [`${label}, ${describePeriod(target)}: ${tonnes(main.value.value)}${change ? ` (${change})` : ''}`];
    const us = periodValue(figures, `${metric}_to_us`, target);
    if (us) {
      const usChange = changes(us);
      lines.push(`to the US: ${tonnes(us.value.value)}${usChange ? ` (${usChange})` : ''}`);
      used.push(us.value);
    }
    const cumulative = /^\d{4}-\d{2}$/.test(target) ? cumulativeFor(figures, metric, target) : undefined;
    if (cumulative) {
      const cumChange = changes(cumulative);
      lines.push(
        `${describePeriod(cumulative.period)}: ${tonnes(cumulative.value.value)}${cumChange ? ` (${cumChange})` : ''}`,
      );
      used.push(cumulative.value);
    }
    const recent = months
      .filter((m) => m <= target || !/^\d{4}-\d{2}$/.test(target))
      .slice(0, 6)
      .map((m) => periodValue(figures, metric, m))
      .filter((p): p is PeriodValue => p !== undefined);
    return {
      title: `${label}, ${describePeriod(target)}`,
      sections: [{ lines }],
      ...(recent.length > 1
        ? {
            table: {
              header: ['Month', 'Exports', 'm/m', 'y/y', 'Source'],
              rows: recent.map((p) => [
                p.period,
                tonnes(p.value.value),
                p.mom ? formatChange(p.mom.change_pct, 'mom').replace(' m/m', '') : '',
                p.yoy ? formatChange(p.yoy.change_pct, 'yoy').replace(' y/y', '') : '',
                `${figureOrigin(p.value)}, ${p.value.date}`,
              ]),
            },
          }
        : {}),
      sources: uniqueSources(used.map(figureSource)),
      ephemeral: false,
      ...pngAttachment(() => exportsImage(figures, metric, 24, /^\d{4}-\d{2}$/.test(target) ? target : undefined)),
    };
  },
};
