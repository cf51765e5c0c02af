import type { Figure } from '../types.js';
import type { Cell, Sheet } from './xls.js';

/**
 * GAC's 出口/进口主要商品量值表 (tables (13) and (14)): find the 稀土 row and read its quantity (tonnes) and change
 * year on year. Layout (shared sources.md §3): a title row `（13）2026年3月出口主要商品量值表（人民币值）`, a unit row,
 * then two header rows — groups (`3月`, `1至3月`, `比去年同期±%`) over `数量 | 金额` — then one row per commodity.
 */

const ROW_NAMES: Array<{ name: RegExp; exportMetric: string; importMetric: string }> = [
  { name: /^稀土$/, exportMetric: 'rare_earth_exports', importMetric: 'rare_earth_imports' },
];

const pad = (n: number | string) => String(n).padStart(2, '0');
const cellText = (c: Cell | undefined) => (c === undefined ? '' : String(c)).normalize('NFKC').replace(/\s+/g, '');
const cellNumber = (c: Cell | undefined): number | null => {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  const s = cellText(c).replace(/,/g, '');
  return /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
};

interface Column {
  index: number;
  group: string;
  sub: string;
}

/** Period of the table from its title: `2026年3月` → 2026-03; `2025年1-2月` → 2025-01/2025-02. */
function titlePeriod(title: string): { year: number; from: number; to: number } | null {
  const range = /(\d{4})年(\d{1,2})[至\-—~－](\d{1,2})月/.exec(title);
  if (range) return { year: Number(range[1]), from: Number(range[2]), to: Number(range[3]) };
  const month = /(\d{4})年(\d{1,2})月/.exec(title);
  return month ? { year: Number(month[1]), from: Number(month[2]), to: Number(month[2]) } : null;
}

/** Figures of one commodity table, or [] when the sheet is not one. */
export function commodityTableFigures(sheet: Sheet): Figure[] {
  const rows = sheet.rows;
  const titleRow = rows.slice(0, 5).findIndex((r) => r?.some((c) => /主要商品量值表/.test(cellText(c))));
  if (titleRow < 0) return [];
  const title = cellText(rows[titleRow]!.find((c) => /主要商品量值表/.test(cellText(c))));
  const direction = /出口/.test(title) ? 'export' : /进口/.test(title) ? 'import' : null;
  const period = titlePeriod(title);
  const headerRow = rows.findIndex((r, i) => i > titleRow && r?.some((c) => cellText(c) === '商品名称'));
  if (!direction || !period || headerRow < 0) return [];
  const groups = rows[headerRow] ?? [];
  const subs = rows[headerRow + 1] ?? [];
  const columns: Column[] = [];
  let group = '';
  for (let i = 0; i < Math.max(groups.length, subs.length); i++) {
    if (cellText(groups[i])) group = cellText(groups[i]);
    columns.push({ index: i, group, sub: cellText(subs[i]) || cellText(groups[i]) });
  }
  const periodOf = (g: string): string | null => {
    const y = period.year;
    if (/^1[至\-—~－]\d{1,2}月/.test(g) || /累计/.test(g)) return `${y}-01/${y}-${pad(period.to)}`;
    if (/^\d{1,2}月/.test(g) || /当月|本月/.test(g))
      return period.from === period.to ? `${y}-${pad(period.to)}` : `${y}-${pad(period.from)}/${y}-${pad(period.to)}`;
    return null;
  };
  // Each quantity column, with the year-on-year column that follows its group (before the next period group).
  const quantities: Array<{ column: Column; period: string; yoy: Column | undefined }> = [];
  for (const col of columns) {
    if (col.sub !== '数量') continue;
    const p = periodOf(col.group);
    if (p) quantities.push({ column: col, period: p, yoy: undefined });
    else if (/同期|同比/.test(col.group) && quantities.length > 0) quantities.at(-1)!.yoy ??= col;
  }
  const figures: Figure[] = [];
  for (const r of rows.slice(headerRow + 2)) {
    const name = cellText(r?.[0]);
    const spec = ROW_NAMES.find((s) => s.name.test(name));
    if (!spec || !r) continue;
    const unit = cellText(r[1]);
    if (unit && unit !== '吨') continue;
    for (const q of quantities) {
      const value = cellNumber(r[q.column.index]);
      if (value === null) continue;
      const change = q.yoy ? cellNumber(r[q.yoy.index]) : null;
      figures.push({
        metric: direction === 'export' ? spec.exportMetric : spec.importMetric,
        value,
        unit: 't',
        period: q.period,
        batch: null,
        change_pct: change,
        change_basis: change === null ? null : 'yoy',
        evidence: `${title}: ${name} ${q.column.group} 数量 ${value} 吨${change === null ? '' : `, 比去年同期 ${change}%`}`,
      });
    }
  }
  return figures;
}

/** A sheet as text: one line per row, cells separated by tabs (for the document and the classifier). */
export function sheetText(sheet: Sheet, maxChars = 20_000): string {
  const lines: string[] = [];
  let size = 0;
  for (const r of sheet.rows) {
    if (!r) continue;
    const line = Array.from(r, (c) => (c === undefined ? '' : String(c)))
      .join('\t')
      .trimEnd();
    if (!line) continue;
    size += line.length + 1;
    if (size > maxChars) break;
    lines.push(line);
  }
  return lines.join('\n');
}
