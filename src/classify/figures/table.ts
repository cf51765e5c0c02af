/**
 * Figures of a customs table (GAC 出口主要商品量值表 / "Major Export Commodities in Quantity and Value"): the rows of
 * rare earths and magnets, one figure per quantity column, with the period its header names and the year-on-year
 * change of the ±% quantity column of the same period.
 */
import { findCues } from '../figure-cues.js';
import { findPeriods, resolvePeriod } from '../periods.js';
import type { DocDate } from './pick-period.js';
import type { Stated } from './stated.js';

export const TABLE_ROW = /^[^|\n]*(?:\|[^|\n]*){3,}$/;
const QUANTITY_HEADER = /数量|quantity|volume/i;
const CHANGE_HEADER = /±\s*%|比去年同期|同比|y\/y|year[\s-]on[\s-]year|change/i;
// A month-on-month column (11月环比(%), "m/m"): a second change of the month's figure.
const MOM_HEADER = /环比|環比|按月|较上月|m\/m|month[\s-]on[\s-]month/i;
const MONEY_HEADER = /金额|金額|美元|人民币|元|value|amount|\$/i;
const CUMULATIVE_HEADER = /累计|cumulative|year[\s-]to[\s-]date|\bYTD\b/i;
const UNIT_CELL: Array<[RegExp, number]> = [
  [/^(?:吨|公吨|tonnes?|tons?|metric tons?|t)$/i, 1],
  [/^(?:万吨|10,?000 (?:metric )?(?:tonnes|tons))$/i, 1e4],
  [/^(?:千克|公斤|kg|kilograms?)$/i, 1e-3],
];

/** The flow the last flow word of `text` names, if any. */
function flowNamed(text: string): 'export' | 'import' | undefined {
  const cue = findCues(text)
    .filter((c) => c.type === 'export' || c.type === 'import')
    .at(-1);
  return cue && (cue.type === 'import' ? 'import' : 'export');
}

export function tableFigures(title: string, body: string, docDate: DocDate): Stated[] {
  // Most documents have no table at all: no '|', nothing to split and test line by line.
  if (!body.includes('|')) return [];
  const lines = body.split('\n');
  const header = lines.findIndex((l) => TABLE_ROW.test(l) && QUANTITY_HEADER.test(l));
  if (header < 0) return [];
  const before = `${title}\n${lines.slice(0, header).join('\n')}`;
  let flow = flowNamed(before);
  if (!flow) return [];
  const titleYear = findPeriods(title).find((p) => p.year !== undefined)?.year;
  const cells = (l: string) => l.split('|').map((c) => c.trim());
  const head = cells(lines[header]!);
  const periodOf = (cell: string) => {
    const p = findPeriods(cell).find((m) => !m.comparative);
    return p ? resolvePeriod(p, p.year === undefined ? titleYear : undefined, docDate) : null;
  };
  const quantityCols = head
    .map((h, i) => ({ i, h, period: periodOf(h) }))
    .filter((c) => QUANTITY_HEADER.test(c.h) && !CHANGE_HEADER.test(c.h) && c.period);
  const changeCols = head
    .map((h, i) => ({ i, h, period: periodOf(h) }))
    // (A change column names the quantity, or at least not money: 8月同比(%) beside quantity columns only.)
    .filter((c) => CHANGE_HEADER.test(c.h) && (QUANTITY_HEADER.test(c.h) || !MONEY_HEADER.test(c.h)));
  const momCols = head
    .map((h, i) => ({ i, h, period: periodOf(h) }))
    .filter((c) => MOM_HEADER.test(c.h) && c.period && (QUANTITY_HEADER.test(c.h) || !MONEY_HEADER.test(c.h)));
  const numberIn = (row: string[], i: number | undefined) => {
    if (i === undefined || !row[i]) return null;
    const n = Number(row[i].replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  };
  const out: Stated[] = [];
  for (const line of lines.slice(header + 1)) {
    // A caption between rows opens another table with the same columns: "2024年12月进口主要商品量值表" after the
    // export rows makes the rows under it imports.
    if (!TABLE_ROW.test(line)) {
      flow = flowNamed(line) ?? flow;
      continue;
    }
    const row = cells(line);
    if (row.length !== head.length) continue;
    const cues = findCues(row[0]!);
    if (cues.some((c) => c.type === 'other_metal')) continue;
    const product = cues.some((c) => c.type === 'magnet')
      ? 'magnet'
      : cues.some((c) => c.type === 'rare_earth')
        ? 'rare_earth'
        : undefined;
    const unit = row.map((c) => UNIT_CELL.find(([re]) => re.test(c))?.[1]).find((u) => u !== undefined);
    if (!product || unit === undefined) continue;
    for (const col of quantityCols) {
      const value = Number(row[col.i]!.replace(/,/g, ''));
      if (!row[col.i] || !Number.isFinite(value)) continue;
      // The ±% column of the same period, or for a cumulative column the one headed 累计/cumulative.
      const changeCol = changeCols.find((c) =>
        c.period ? c.period === col.period : CUMULATIVE_HEADER.test(c.h) && CUMULATIVE_HEADER.test(col.h),
      );
      const yoy = numberIn(row, changeCol?.i);
      // (A month's month-on-month column of the same month: 11月数量 beside 11月环比(%).)
      const mom = CUMULATIVE_HEADER.test(col.h) ? null : numberIn(row, momCols.find((c) => c.period === col.period)?.i);
      const changes: Array<[number, 'yoy' | 'mom']> = [];
      if (yoy !== null) changes.push([yoy, 'yoy']);
      if (mom !== null) changes.push([mom, 'mom']);
      const figure: Stated = {
        metric: { kind: 'trade', product, flow },
        value: Math.round(value * unit * 1000) / 1000,
        unit: 't',
        period: col.period,
        batch: null,
        change_pct: null,
        change_basis: null,
        evidence: line.trim().slice(0, 200),
      };
      if (changes.length === 0) out.push(figure);
      for (const [pct, basis] of changes) out.push({ ...figure, change_pct: pct, change_basis: basis });
    }
  }
  return out;
}
