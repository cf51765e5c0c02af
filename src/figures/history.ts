import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { yamlPackage } from '../config/config-issue.js';
import { SHIPPED_CONFIG_DIR, yamlFiles } from '../config/paths.js';
import { shippedYamlValue } from '../config/shipped-yaml.js';
import { sha256 } from '../hash.js';
import type { Store } from '../store/store.js';
import type { SourceKind } from '../types.js';
import { recordFigures, type StoredFigure } from './figures-store.js';

/**
 * The figures history (`config/history/*.yaml`): quotas since 2014 and GAC trade figures as found in archived public
 * sources, each with its source and whether the official text was seen. Loaded into the figures store at start, so
 * `regwatch figures` and `/regwatch quota 2021` answer before any new document arrives. Loading is idempotent and
 * skipped when the files have not changed since the last load.
 */

const row = z.strictObject({
  metric: z.string().regex(/^[a-z][a-z0-9_]*$/),
  period: z.coerce.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|H[12]|Q[1-4]))?(\/\d{4}-(0[1-9]|1[0-2]))?$/),
  batch: z.number().int().min(1).max(9).optional(),
  value: z.number().nonnegative(),
  yoy: z.number().optional(),
  mom: z.number().optional(),
  status: z.enum(['official', 'press', 'derived']),
  date: z.coerce
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  document: z.string().optional(),
  note: z.string().optional(),
  source: z.string().optional(),
});
const historyFile = z.strictObject({ figures: z.array(row) });
type Row = z.output<typeof row>;

const STATE_KEY = 'figures:history-loaded';
/** Part of the digest of the history files: bump it when `toStored` changes what a row becomes, to reload once. */
const ROW_FORMAT = 'rows-v1';

/** The issuing side of an official figure: quotas are MIIT/MNR notices, trade figures GAC tables. */
function officialSource(metric: string): SourceKind {
  return /quota/.test(metric) ? 'miit' : 'customs';
}

/** The last day a period covers, standing in for the report date when the history gives none. */
function periodEnd(period: string): string {
  const last = period.split('/').at(-1)!;
  const y = Number(last.slice(0, 4));
  const month = /-(\d{2})$/.exec(last)?.[1];
  const m = month
    ? Number(month)
    : /-H1$/.test(last)
      ? 6
      : /-Q(\d)$/.test(last)
        ? Number(/-Q(\d)$/.exec(last)![1]) * 3
        : 12;
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function toStored(r: Row, file: string): StoredFigure[] {
  const official = r.status === 'official';
  const what =
    r.document ??
    (r.status === 'derived'
      ? `derived: ${r.note ?? ''}`.trim()
      : r.status === 'official'
        ? 'official notice (text seen in a repost)'
        : 'press report');
  const base = {
    metric: r.metric,
    value: r.value,
    unit: 't' as const,
    period: r.period,
    batch: r.batch ?? null,
    alertId: null,
    url: r.source ?? '',
    title: `history (${file}): ${what}${r.note && r.status !== 'derived' ? ` — ${r.note}` : ''}`,
    source: official ? officialSource(r.metric) : ('news' as SourceKind),
    official,
    date: r.date ?? periodEnd(r.period),
  };
  const evidence = `${r.metric} ${r.period}${r.batch ? ` batch ${r.batch}` : ''}: ${r.value} t (${r.status})`;
  const changes: Array<['yoy' | 'mom', number]> = [];
  if (r.yoy !== undefined) changes.push(['yoy', r.yoy]);
  if (r.mom !== undefined) changes.push(['mom', r.mom]);
  if (changes.length === 0) return [{ ...base, change_pct: null, change_basis: null, evidence }];
  return changes.map(([basis, pct]) => ({ ...base, change_pct: pct, change_basis: basis, evidence }));
}

/** The history files of the shipped config and of `configDir` (its own `history/` adds rows), with their text. */
function historyFiles(configDir?: string): Array<{ path: string; text: string }> {
  const dirs = [join(SHIPPED_CONFIG_DIR, 'history')];
  if (configDir) {
    const own = join(configDir, 'history');
    if (!dirs.includes(own) && join(own) !== join(SHIPPED_CONFIG_DIR, 'history')) dirs.push(own);
  }
  return dirs.flatMap((dir) => yamlFiles(dir).map((path) => ({ path, text: readFileSync(path, 'utf8') })));
}

function parseHistory(files: Array<{ path: string; text: string }>): StoredFigure[] {
  const figures: StoredFigure[] = [];
  for (const { path, text } of files) {
    const parsed = historyFile.safeParse(shippedYamlValue(text) ?? yamlPackage().parse(text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${path}: ${issue.path.join('.')}: ${issue.message}`);
    }
    const name = path.split('/').pop()!;
    for (const r of parsed.data.figures) figures.push(...toStored(r, name));
  }
  return figures;
}

/** Read the history files of the shipped config and of `configDir` (its own `history/` adds rows). */
export function readHistory(configDir?: string): StoredFigure[] {
  return parseHistory(historyFiles(configDir));
}

/** `REGWATCH_HISTORY=off` starts with an empty figures store (tests that count only what the pipeline stored). */
export function historyEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !/^(off|0|false|no)$/i.test(env.REGWATCH_HISTORY ?? '');
}

/**
 * Put the history into the store unless these exact files were loaded before (or `REGWATCH_HISTORY=off`). Returns how
 * many figures it holds. The digest covers the files' names and text, so an unchanged history is neither parsed nor
 * written: a run reads the files and one key.
 */
export async function loadHistory(
  store: Store,
  configDir?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (!historyEnabled(env)) return 0;
  const files = historyFiles(configDir);
  const digest = sha256(JSON.stringify([ROW_FORMAT, files.map((f) => [f.path.split('/').pop(), f.text])]));
  const loaded = /^([0-9a-f]+):(\d+)$/.exec((await store.get<string>(STATE_KEY)) ?? '');
  if (loaded?.[1] === digest) return Number(loaded[2]);
  const figures = parseHistory(files);
  await recordFigures(store, figures);
  await store.set(STATE_KEY, `${digest}:${figures.length}`);
  return figures.length;
}
