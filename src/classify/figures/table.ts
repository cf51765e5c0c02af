/**
 * Figures of a customs table (GAC 出口主要商品量值表 / "Major Export Commodities in Quantity and Value"): the rows of
 * rare earths and magnets, one figure per quantity column, with the period its header names and the year-on-year
 * change of the ±% quantity column of the same period.
 */
import { findCues, type CueType } from '../figure-cues.js';
import { findPeriods, resolvePeriod } from '../periods.js';
import type { DocDate } from './pick-period.js';
import type { Metric, Product } from './metric.js';
import { plausibleValue } from './plausible.js';
import type { Stated } from './stated.js';
import { countryNamed } from './destinations.js';

export const TABLE_ROW = /^[^|\n]*(?:\|[^|\n]*){3,}$/;
/** TABLE_ROW on any line of a text. */
const TABLE_ROWS = new RegExp(TABLE_ROW.source, 'm');
const EDGE_PIPES = /^\||\|$/g;
const QUANTITY_HEADER = /数量|quantity|volume/i;
const CHANGE_HEADER = /±\s*%|比去年同期|同比|y\/y|year[\s-]on[\s-]year|change/i;
// A month-on-month column (11月环比(%), "m/m"): a second change of the month's figure.
const MOM_HEADER = /环比|環比|按月|较上月|m\/m|month[\s-]on[\s-]month/i;
const MONEY_HEADER = /金额|金額|美元|人民币|元|value|amount|\$/i;
// A column of the months from January: 1至12月, 1-10月.
const FROM_JANUARY_HEADING = /^1\s*(?:至|[-—–~])\s*\d{1,2}\s*月/;
const CUMULATIVE_HEADER = /累计|cumulative|year[\s-]to[\s-]date|\bYTD\b/i;
// The unit a quantity column's header gives its cells: "Volume (t)", 数量（吨）.
const UNIT_IN_HEADER: Array<[RegExp, number]> = [
  [/[(（]\s*(?:吨|公吨|t|tonnes?|tons?|metric tons?)\s*[)）]/i, 1],
  [/[(（]\s*(?:万吨|10,?000 (?:metric )?(?:tonnes|tons))\s*[)）]/i, 1e4],
];
const unitOfHeader = (h: string) => UNIT_IN_HEADER.find(([re]) => re.test(h))?.[1];
const UNIT_CELL: Array<[RegExp, number]> = [
  [/^(?:吨|公吨|tonnes?|tons?|metric tons?|t)$/i, 1],
  [/^(?:万吨|10,?000 (?:metric )?(?:tonnes|tons))$/i, 1e4],
  [/^(?:千克|公斤|kg|kilograms?)$/i, 1e-3],
];

// A table whose cells a fetch flattened to single spaces (an HTML table's text): a heading line of column names, the
// row name first ("Series Volume (t) m/m y/y"), then rows of a name and as many numbers ("Rare earth exports 4,392.1
// -20.0% +32.0%").
const SPACED_HEADER_GATE = /\b(?:volume|quantity)\b|数量|计量单位/i;
const SPACED_COLUMN =
  /(?:\b(?:volume|quantity)\b|数量)(?:\s*[(（][^()（）]{0,12}[)）])?|\bm\/m\b|\by\/y\b|环比|同比|\bvalue\b|金额/gi;
const SPACED_NUMBER = /^[+\-−–]?\d[\d,]*(?:\.\d+)?%?$/;
const CJK = /[\u4e00-\u9fff]/;
const NAME_COLUMN = /名称|品名|单位|商品|^序号$/;

/** The column names of a flattened heading line (the row names' column first), or null when it is not one. */
function spacedHeader(line: string): string[] | null {
  // (A Chinese heading names each column in one word, periods included: "商品名称 计量单位 11月数量 1至11月数量"; the
  // name and unit columns make the row's name.)
  if (CJK.test(line)) {
    if (!line.includes(' ')) return null;
    const words = joinSubheadings(line.trim().split(' '));
    if (words.length < 3 || words.some((w) => SPACED_NUMBER.test(w))) return null;
    if (!words.some((w) => QUANTITY_HEADER.test(w)) && !unitPeriodHeader(words)) return null;
    return ['', ...words.filter((w) => !NAME_COLUMN.test(w))];
  }
  if (/\d/.test(line.replace(/\([^)]*\)|[ym]\/[ym]/g, ''))) return null;
  const names = [...line.matchAll(SPACED_COLUMN)].map((m) => m[0]);
  return names.length >= 2 && names.some((n) => QUANTITY_HEADER.test(n)) ? ['', ...names] : null;
}

// A heading of two levels flattened: "12月 数量 12月 金额 1至12月累计 数量 …", each period over a quantity and a money
// column; the sub-heading joins the heading before it ("12月数量"), as a one-level heading writes it.
const SUBHEADING = /^(?:数量|金额)(?:[(（][^()（）]{0,8}[)）])?$/;
function joinSubheadings(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const prev = out.at(-1);
    if (prev !== undefined && SUBHEADING.test(w) && !NAME_COLUMN.test(prev) && !SUBHEADING.test(prev))
      out[out.length - 1] = prev + w;
    else out.push(w);
  }
  return out;
}

// (A heading of a unit column and period columns with no money column, "商品名称 计量单位 12月 1至12月 累计比去年同期±%":
// the period columns are the quantities, in the unit of each row.)
const UNIT_COLUMN = /^(?:计量单位|单位)$/;
const PERIOD_HEADING = /^(?:\d{1,2}|1\s*至\s*\d{1,2}|1\s*[-—–~]\s*\d{1,2})\s*月$/;
function unitPeriodHeader(words: string[]): boolean {
  return (
    words.some((w) => UNIT_COLUMN.test(w)) &&
    words.filter((w) => PERIOD_HEADING.test(w)).length >= 1 &&
    !words.some((w) => MONEY_HEADER.test(w) && !NAME_COLUMN.test(w))
  );
}

/** A flattened row: its name and its numbers, or null when it is not a name followed by numbers only. */
function spacedRow(line: string): string[] | null {
  const words = line.trim().split(' ');
  let first = words.length;
  while (first > 0 && SPACED_NUMBER.test(words[first - 1]!)) first--;
  if (first === 0 || first === words.length) return null;
  return [words.slice(0, first).join(' '), ...words.slice(first)];
}

/** The flow the last flow word of `text` names, if any. */
function flowNamed(text: string): 'export' | 'import' | undefined {
  const cue = findCues(text)
    .filter((c) => c.type === 'export' || c.type === 'import')
    .at(-1);
  return cue && (cue.type === 'import' ? 'import' : 'export');
}

// A quota notice's table by group (稀土集团 | 矿产品（岩矿型） | 矿产品（离子型） | 冶炼分离产品), piped or flattened to spaces:
// only its total row (合计 | 115850 | 19150 | 127000) is a figure, each column's quota as its header names it; the group
// rows are allocations. The unit is the table's (单位：吨, "(tonnes)"), the year and batch those named before it.
const QUOTA_COLUMN =
  /冶炼|分离|岩矿|离子|轻稀土|中重|开采|矿产品|smelt|separat|refin|rock|light|ion(?:ic|-|\s)|heavy|mining|mine/i;
const TOTAL_LINE = /^[|\s]*(?:合计|总计|共计|全国合计|total|grand total)(?:[|\s]+\d[\d,]*(?:\.\d+)?){2,}[|\s]*$/im;
const TOTAL_ROW = /^(?:合计|总计|共计|全国合计|total|grand total)$/i;
const NUMBER_CELL = /^\d[\d,]*(?:\.\d+)?$/;
const TABLE_UNIT: Array<[RegExp, number]> = [
  [/单位\s*[:：]?\s*万吨|[(（]\s*万吨\s*[)）]|(?:10,?000|ten thousand) (?:metric )?(?:tonnes|tons)/i, 1e4],
  [
    /单位\s*[:：]?\s*(?:公?吨)|[(（]\s*(?:公?吨|(?:t|tonnes?|tons?|metric tons?)\b)[^()（）]{0,20}[)）]|[(（][^()（）]{0,12}[，,、]\s*(?:公?吨|tonnes?|tons?|t)\s*[)）]|\bunit\s*:?\s*(?:metric\s+)?(?:tonnes?|tons?|t)\b|\bin\s+(?:metric\s+)?(?:tonnes|tons)\b/i,
    1,
  ],
];

function quotaOfColumn(h: string): Metric | null {
  if (!QUOTA_COLUMN.test(h) || /序号|集团|企业|group|company|no\./i.test(h)) return null;
  if (/冶炼|分离|smelt|separat|refin/i.test(h)) return { kind: 'quota', quota: 'smelting' };
  if (/岩矿|轻稀土|rock|light/i.test(h)) return { kind: 'quota', quota: 'mining', split: 'light' };
  if (/离子|中重|ion(?:ic|-|\s)|heavy/i.test(h)) return { kind: 'quota', quota: 'mining', split: 'ion_adsorption' };
  if (/合计|小计|total|subtotal/i.test(h)) return null;
  return { kind: 'quota', quota: 'mining' };
}

// A quota table a fetch flattened onto one line, its heading, group rows and total row together ("… 序号 稀土集团 稀土矿产品
// 岩矿型稀土（轻） 离子型稀土（以中重稀土为主） 小计 冶炼分离产品 1 中国稀土集团有限公司 30300 … 合计 124900 10100 135000
// 127000"): the heading runs up to the first row's number, the total row ends the line.
const TOTAL_AT_END = /(?:合计|总计)((?:\s+\d[\d,]*(?:\.\d+)?){2,})\s*$/;
const TOTAL_ENDS_LINE = /(?:合计|总计)(?:[ \t]+\d[\d,]*(?:\.\d+)?){2,}[ \t]*$/m;
const SUBTOTAL = /^(?:小计|合计)$/;
const HEADING_OPEN = /^(?:序号|稀土集团|集团|企业)$/;

function oneLineQuotaTable(title: string, body: string): Stated[] {
  for (const line of body.split('\n')) {
    const total = line.length < 2000 ? TOTAL_AT_END.exec(line) : null;
    if (!total) continue;
    const words = line.trim().split(/\s+/);
    // (The heading opens on the row numbers' or the groups' column, 序号 / 稀土集团, and runs up to the first row's number.)
    const open = words.findIndex((w) => HEADING_OPEN.test(w));
    if (open < 0) continue;
    const rowStart = words.findIndex((w, k) => k > open && /^\d+$/.test(w));
    const cells = words.slice(open, rowStart < 0 ? words.length : rowStart);
    const columns = quotaColumns(cells);
    const numbers = total[1]!.trim().split(/\s+/);
    if (columns.length < 2 || numbers.length !== columns.length) continue;
    const before = `${title}\n${body.slice(0, body.indexOf(line) + line.length - total[0].length)}`;
    const figures = totalRowFigures(before, columns, numbers, `合计 ${total[1]!.trim()}`);
    if (figures) return figures;
  }
  return [];
}

/**
 * The figures of a quota table's total row: one per column, in the unit, year and batch the text before the table
 * (`before`, the title included) names; null when it names no unit or no year.
 */
function totalRowFigures(before: string, columns: Metric[], numbers: string[], evidence: string): Stated[] | null {
  const unit = TABLE_UNIT.find(([re]) => re.test(before))?.[1];
  if (unit === undefined) return null;
  const year = findPeriods(before).find((p) => p.year !== undefined && !p.comparative && p.relYear === undefined)?.year;
  if (year === undefined) return null;
  const batch = findCues(before).find((c) => c.type === 'batch')?.n ?? null;
  return numbers.map((c, i) => ({
    metric: columns[i]!,
    value: Math.round(Number(c.replace(/,/g, '')) * unit * 1000) / 1000,
    unit: 't',
    period: String(year),
    batch,
    change_pct: null,
    change_basis: null,
    evidence: evidence.slice(0, 200),
  }));
}

/**
 * The quota of each column of a heading: a heading over split columns (稀土矿产品 over 岩矿型 and 离子型) is no column of
 * its own, and the 小计 after the split columns is their sum, the quota they split.
 */
function quotaColumns(cells: string[]): Metric[] {
  const out: Metric[] = [];
  cells.forEach((c, i) => {
    const m = quotaOfColumn(c);
    const next = i + 1 < cells.length ? quotaOfColumn(cells[i + 1]!) : null;
    if (m && !(m.kind === 'quota' && m.split) && next?.kind === 'quota' && next.split) return;
    const prev = out.at(-1);
    if (!m && SUBTOTAL.test(c) && prev?.kind === 'quota' && prev.split) {
      out.push({ kind: 'quota', quota: prev.quota });
      return;
    }
    if (m) out.push(m);
  });
  return out;
}

/** The figures of the total row of a quota table by group, if the body has one. */
export function quotaTableFigures(title: string, body: string): Stated[] {
  // (One pass over the body for a total row of numbers only; most documents have none.)
  // (A piped table, or a Chinese one flattened to spaces with the quota columns' words; most documents are neither.)
  if (!(body.includes('|') || body.includes('冶炼') || body.includes('岩矿') || body.includes('离子'))) return [];
  if (!(body.includes('合计') || body.includes('总计') || /total/i.test(body))) return [];
  if (!TOTAL_LINE.test(body)) return TOTAL_ENDS_LINE.test(body) ? oneLineQuotaTable(title, body) : [];
  const lines = body.split('\n');
  const piped = body.includes('|');
  const cellsOf = (l: string) =>
    (piped && l.includes('|') ? l.split('|') : l.split(' ')).map((c) => c.trim()).filter((c) => c !== '');
  const header = lines.findIndex((l) => {
    if (/\d{3}/.test(l)) return false;
    const cells = cellsOf(l);
    return cells.length >= 3 && cells.filter((c) => quotaOfColumn(c)).length >= 2;
  });
  if (header < 0) return [];
  const columns = cellsOf(lines[header]!)
    .map(quotaOfColumn)
    .filter((m): m is Metric => m !== null);
  const before = `${title}\n${lines.slice(0, header + 1).join('\n')}`;
  for (const line of lines.slice(header + 1, header + 40)) {
    const cells = cellsOf(line);
    const label = cells.findIndex((c) => TOTAL_ROW.test(c));
    if (label < 0) continue;
    const numbers = cells.slice(label + 1);
    if (numbers.length !== columns.length || !numbers.every((c) => NUMBER_CELL.test(c))) return [];
    return totalRowFigures(before, columns, numbers, line.trim()) ?? [];
  }
  return [];
}

// A table whose rows are periods ("| Month | Magnet exports (t) | m/m | y/y |", then "| Jul 2025 | 5,577 | +75.0% | …"; or
// flattened to spaces, "月份 出口量 同比（%） 环比（%）" under "单位：吨", then "5月 5864.6 -5.7 23.0"): the first column names
// each row's period, a column naming a flow its figures, in the unit its header or the table gives.
const PERIOD_COLUMN = /^(?:months?|period|月份|月度|时间|日期|期间)$/i;
const FLOW_UNIT_COLUMN =
  /(?:exports?|imports?|shipments|出口|进口)[^|]*[(（]\s*(?:t|吨|公吨|tonnes?|tons?|metric tons?)\s*[)）]/i;
const FLOW_COLUMN = /(?:exports?|imports?|shipments|出口|进口)/i;
// (A flattened header opens on the period column and names a flow: "月份 出口量 同比（%）".)
const SPACED_PERIOD_HEADER = /^\s*(?:月份|月度|时间|期间|Month|Period)\s+\S*(?:出口|进口|exports?|imports?)/i;
const SEPARATOR_ROW = /^[\s|:—–-]+$/;

/** The caption above a table's heading: the last line before it that is not empty. */
const captionOf = (lines: string[], header: number) => lines.slice(0, header).findLast((l) => l.trim() !== '') ?? '';

/** A flow and a unit named by a caption ("Exhibit 1: China NdFeB magnet exports (t)"), or undefined. */
function captionFlowOf(caption: string): 'export' | 'import' | undefined {
  return TABLE_UNIT.some(([re]) => re.test(caption)) ? flowNamed(caption) : undefined;
}

/** A piped heading of periods ("Month | Volume | m/m | y/y") under a caption naming the flow and the unit. */
function captionedPeriodHeader(lines: string[], i: number): boolean {
  const first = lines[i]!.trim().replace(EDGE_PIPES, '').split('|')[0]!.trim();
  return (
    PERIOD_COLUMN.test(first) && QUANTITY_HEADER.test(lines[i]!) && captionFlowOf(captionOf(lines, i)) !== undefined
  );
}

/** The figures of a table whose rows are periods (see PERIOD_COLUMN), if the body has one. */
function periodRowFigures(title: string, lines: string[], header: number, docDate: DocDate, piped: boolean): Stated[] {
  const cellsOf = (l: string) =>
    piped
      ? l
          .trim()
          .replace(EDGE_PIPES, '')
          .split('|')
          .map((c) => c.trim())
      : l.trim().split(/\s+/);
  const head = cellsOf(lines[header]!);
  if (!PERIOD_COLUMN.test(head[0]!)) return [];
  const before = `${title}\n${lines.slice(0, header).join('\n')}`;
  const tableUnit = TABLE_UNIT.find(([re]) => re.test(before))?.[1];
  const yoyCol = head.findIndex((h) => CHANGE_HEADER.test(h) && !MONEY_HEADER.test(h));
  const momCol = head.findIndex((h) => MOM_HEADER.test(h) && !MONEY_HEADER.test(h));
  // (The product is the column's, else the one the text before the table names: "Magnet exports (t)" under a heading.)
  const wider = findCues(before);
  const productBefore: Product | undefined = wider.some((c) => c.type === 'magnet')
    ? 'magnet'
    : wider.some((c) => c.type === 'rare_earth')
      ? 'rare_earth'
      : undefined;
  // ("Exhibit 1: China NdFeB magnet exports (t)" over "Month | Volume | m/m | y/y": a caption right above the heading
  // that names a flow and the unit gives them to a column it heads only as the quantity.)
  const captionFlow = captionFlowOf(captionOf(lines, header));
  const columns = head.flatMap((h, i) => {
    const quantityOnly = captionFlow !== undefined && QUANTITY_HEADER.test(h) && !FLOW_COLUMN.test(h);
    if (i === 0 || !(quantityOnly || (piped ? FLOW_UNIT_COLUMN : FLOW_COLUMN).test(h)) || MONEY_HEADER.test(h))
      return [];
    if (CHANGE_HEADER.test(h) || MOM_HEADER.test(h)) return [];
    const cues = findCues(h);
    if (cues.some((c) => c.type === 'dest' || c.type === 'other_metal')) return [];
    const named = (t: CueType) => cues.some((c) => c.type === t);
    const product: Product | undefined = named('magnet')
      ? 'magnet'
      : named('rare_earth')
        ? 'rare_earth'
        : productBefore;
    const flow = flowNamed(h) ?? (quantityOnly ? captionFlow : undefined);
    const unit = unitOfHeader(h) ?? tableUnit ?? (piped ? 1 : undefined);
    return product && flow && unit !== undefined ? [{ i, product, flow, unit }] : [];
  });
  // (The change columns belong to the one quantity column.)
  if (columns.length === 0) return [];
  const numberIn = (row: string[], i: number) => {
    const cell = i < 0 ? '' : (row[i] ?? '').replace(/[,%+\s]/g, '').replace(/^[−–]/, '-');
    const n = Number(cell);
    return cell && Number.isFinite(n) ? n : null;
  };
  const out: Stated[] = [];
  for (const line of lines.slice(header + 1)) {
    if (piped ? !TABLE_ROW.test(line) : !line.includes(' ')) break;
    if (SEPARATOR_ROW.test(line)) continue;
    const row = cellsOf(line);
    if (row.length !== head.length) continue;
    const mention = findPeriods(row[0]!).find((p) => !p.comparative);
    const period = mention ? resolvePeriod(mention, undefined, docDate) : null;
    if (!period) continue;
    for (const col of columns) {
      const value = numberIn(row, col.i);
      if (value === null || value <= 0) continue;
      const figure: Stated = {
        metric: { kind: 'trade', product: col.product, flow: col.flow },
        value: Math.round(value * col.unit * 1000) / 1000,
        unit: 't',
        period,
        batch: null,
        change_pct: null,
        change_basis: null,
        evidence: line.trim().slice(0, 200),
      };
      const changes: Array<[number | null, 'yoy' | 'mom']> =
        columns.length === 1
          ? [
              [numberIn(row, momCol), 'mom'],
              [numberIn(row, yoyCol), 'yoy'],
            ]
          : [];
      const stated = changes.filter((c): c is [number, 'yoy' | 'mom'] => c[0] !== null);
      if (stated.length === 0) out.push(figure);
      for (const [pct, basis] of stated) out.push({ ...figure, change_pct: pct, change_basis: basis });
    }
  }
  return out;
}

export function tableFigures(title: string, body: string, docDate: DocDate): Stated[] {
  // Most documents have no table at all: no '|' and no column heading, nothing to split and test line by line.
  // (A pipe in a link line, "相关链接:…量值表 | …简要情况", makes no table of pipes: a row has three.)
  const piped = body.includes('|') && TABLE_ROWS.test(body);
  const quota = quotaTableFigures(title, body);
  if (quota.length) return quota;
  if (piped || body.includes('月份') || /\b(?:Month|Period)\s/.test(body)) {
    const lines = body.split('\n');
    const header = lines.findIndex((l, i) =>
      piped
        ? TABLE_ROW.test(l) && (FLOW_UNIT_COLUMN.test(l) || captionedPeriodHeader(lines, i))
        : SPACED_PERIOD_HEADER.test(l),
    );
    const rows = header >= 0 ? periodRowFigures(title, lines, header, docDate, piped) : [];
    if (rows.length) return rows;
  }
  if (!piped && !SPACED_HEADER_GATE.test(body)) return [];
  const lines = body.split('\n');
  const header = piped
    ? lines.findIndex((l) => TABLE_ROW.test(l) && QUANTITY_HEADER.test(l))
    : lines.findIndex((l) => spacedHeader(l) !== null);
  if (header < 0) return [];
  const before = `${title}\n${lines.slice(0, header).join('\n')}`;
  // (A table may name the flow in each row instead: "Rare earth exports", "Rare earth imports".)
  let flow = flowNamed(before);
  // (An undated table takes the year of its caption: "2025年11月出口主要商品量值表" over "11月数量".)
  const titleYear =
    findPeriods(title).find((p) => p.year !== undefined)?.year ??
    (docDate ? undefined : findPeriods(before).find((p) => p.year !== undefined && !p.comparative)?.year);
  // (A row may open and close on a pipe, "| 稀土 | 吨 | 9645 |": no empty cell before its name.)
  const pipeCells = (l: string) =>
    l
      .trim()
      .replace(EDGE_PIPES, '')
      .split('|')
      .map((c) => c.trim());
  const cells = piped ? pipeCells : spacedRow;
  const head = piped ? pipeCells(lines[header]!) : spacedHeader(lines[header]!)!;
  const isRow = piped ? (l: string) => TABLE_ROW.test(l) : (l: string) => (spacedRow(l)?.length ?? 0) === head.length;
  const periodOf = (cell: string) => {
    const p = findPeriods(cell).find((m) => !m.comparative);
    return p ? resolvePeriod(p, p.year === undefined ? titleYear : undefined, docDate) : null;
  };
  const columns = head.map((h, i) => ({ i, h, period: periodOf(h) }));
  // (Under a heading of a unit and periods only, each period column is a quantity column.)
  const periodsAreQuantities = !piped && !columns.some((c) => QUANTITY_HEADER.test(c.h));
  const quantityHeads = columns.filter(
    (c) =>
      (QUANTITY_HEADER.test(c.h) || (periodsAreQuantities && PERIOD_HEADING.test(c.h))) && !CHANGE_HEADER.test(c.h),
  );
  // One quantity column whose header names no period ("Volume (t)"): the month the title or caption names.
  const captionMonth = () => {
    const p = findPeriods(before).find((m) => !m.comparative && m.month !== undefined);
    return p ? resolvePeriod(p, undefined, docDate) : null;
  };
  const single = quantityHeads.length === 1 && !quantityHeads[0]!.period ? captionMonth() : null;
  const quantityCols = single ? [{ ...quantityHeads[0]!, period: single }] : quantityHeads.filter((c) => c.period);
  // (A change column names the quantity, or at least not money: 8月同比(%) beside quantity columns only; beside the one
  // quantity column of a month, "y/y" and "m/m" are that month's.)
  const changeCols = columns.filter(
    (c) => CHANGE_HEADER.test(c.h) && (QUANTITY_HEADER.test(c.h) || !MONEY_HEADER.test(c.h)),
  );
  const momCols = columns.filter(
    (c) => MOM_HEADER.test(c.h) && (c.period || single) && (QUANTITY_HEADER.test(c.h) || !MONEY_HEADER.test(c.h)),
  );
  const numberIn = (row: string[], i: number | undefined) => {
    const cell = i === undefined ? '' : (row[i] ?? '').replace(/[,%+\s]/g, '').replace(/^[−–]/, '-');
    const n = Number(cell);
    return cell && Number.isFinite(n) ? n : null;
  };
  const out: Stated[] = [];
  for (const line of lines.slice(header + 1)) {
    // A caption between rows opens another table with the same columns: "2024年12月进口主要商品量值表" after the
    // export rows makes the rows under it imports.
    if (!isRow(line)) {
      flow = flowNamed(line) ?? flow;
      continue;
    }
    const row = cells(line)!;
    if (row.length !== head.length) continue;
    const cues = findCues(row[0]!);
    if (cues.some((c) => c.type === 'other_metal')) continue;
    const product = cues.some((c) => c.type === 'magnet')
      ? 'magnet'
      : cues.some((c) => c.type === 'rare_earth')
        ? 'rare_earth'
        : undefined;
    const rowFlow = flowNamed(row[0]!) ?? flow;
    const unit =
      row.map((c) => UNIT_CELL.find(([re]) => re.test(c))?.[1]).find((u) => u !== undefined) ??
      // (A flattened row's unit is the last word of its name: "稀土 吨 5493.9 58193.1".)
      (piped ? undefined : UNIT_CELL.find(([re]) => re.test(row[0]!.split(' ').at(-1)!))?.[1]) ??
      (quantityCols.length === 1 ? unitOfHeader(quantityCols[0]!.h) : undefined);
    if (!product || !rowFlow || unit === undefined) continue;
    for (const col of quantityCols) {
      const value = Number(row[col.i]!.replace(/,/g, ''));
      if (!row[col.i] || !Number.isFinite(value)) continue;
      // The ±% column of the same period, or for a cumulative column the one headed 累计/cumulative.
      const changeCol = changeCols.find((c) =>
        c.period
          ? c.period === col.period
          : (CUMULATIVE_HEADER.test(c.h) && (CUMULATIVE_HEADER.test(col.h) || FROM_JANUARY_HEADING.test(col.h))) ||
            single !== null,
      );
      const yoy = numberIn(row, changeCol?.i);
      // (A month's month-on-month column of the same month: 11月数量 beside 11月环比(%).)
      const momCol = momCols.find((c) => c.period === col.period || (single !== null && !c.period));
      const mom = CUMULATIVE_HEADER.test(col.h) ? null : numberIn(row, momCol?.i);
      const changes: Array<[number, 'yoy' | 'mom']> = [];
      if (yoy !== null) changes.push([yoy, 'yoy']);
      if (mom !== null) changes.push([mom, 'mom']);
      const figure: Stated = {
        metric: { kind: 'trade', product, flow: rowFlow },
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

// A table whose rows are years and whose columns are quota kinds, flattened to spaces (a review's "年份 开采 冶炼分离"
// under "（单位：吨）", then "2023 255000 243850"; "Year Mining quota Smelting and separation quota", then "2022
// 210,000 202,000"): each cell is that year's annual quota of its column's kind, in the unit the caption before the
// heading (or the heading) gives. A dash leaves its cell out. Read only when every row has one cell per column, the
// text names a unit and every value is a plausible quota: a wrong tonnage is worse than none.
const YEAR_HEADING_GATE = /年份|年度|Year/;
const YEAR_HEADING = /^[ \t]*(?:年份|年度|Year)[ \t]+\S[^\n]*$/gm;
const YEAR_ROW = /^((?:19|20)\d{2})年?((?:[ \t]+\S+)+)[ \t]*$/;
const EMPTY_CELL = /^(?:[—–\-/]+|n\/?a|未公布|不详|－)$/i;
const YEAR_CELL = /^\d[\d,]*(?:\.\d+)?$/;

/** The quota kind of each column of a heading's words, words naming one kind in a row making one column. */
function yearTableColumns(words: string[]): Metric[] | null {
  const out: Metric[] = [];
  let last: string | null = null;
  for (const w of words) {
    // (A column of something else, a total, trade or a share, makes the table no quota table.)
    if (/合计|总计|total|export|import|出口|进口|price|价格|%|share|占比/i.test(w)) return null;
    const m = quotaOfColumn(w);
    if (!m) {
      // (Linking words inside one column's name: "Smelting and separation quota", "mining (REO)".)
      if (/^(?:and|&|of|quotas?|caps?|allocations?|limits?|指标|配额|总量|[(（].*[)）])$/i.test(w)) continue;
      if (CJK.test(w)) return null;
      continue;
    }
    const key = JSON.stringify(m);
    if (key === last) continue;
    out.push(m);
    last = key;
  }
  return out.length >= 1 ? out : null;
}

export function yearTableFigures(title: string, body: string, docDate: DocDate): Stated[] {
  if (!YEAR_HEADING_GATE.test(body)) return [];
  const out: Stated[] = [];
  YEAR_HEADING.lastIndex = 0;
  for (let h = YEAR_HEADING.exec(body); h; h = YEAR_HEADING.exec(body)) {
    const heading = h[0].trim();
    if (/\d{3}/.test(heading)) continue;
    const columns = yearTableColumns(heading.split(/\s+/).slice(1));
    if (!columns) continue;
    const before = `${body.slice(Math.max(0, h.index - 300), h.index)}\n${heading}`;
    const unit = TABLE_UNIT.find(([re]) => re.test(before))?.[1];
    if (unit === undefined) continue;
    const batch = findCues(before.slice(-160)).find((c) => c.type === 'batch')?.n ?? null;
    const rows: Stated[] = [];
    let count = 0;
    let ok = true;
    for (const line of body.slice(h.index + h[0].length + 1).split('\n', 40)) {
      const row = YEAR_ROW.exec(line.trim());
      if (!row) break;
      const year = Number(row[1]);
      const cells = row[2]!.trim().split(/\s+/);
      if (cells.length !== columns.length || (docDate && year > docDate.year)) {
        ok = false;
        break;
      }
      count++;
      cells.forEach((cell, i) => {
        if (EMPTY_CELL.test(cell)) return;
        if (!YEAR_CELL.test(cell)) ok = false;
        const value = Math.round(Number(cell.replace(/,/g, '')) * unit * 1000) / 1000;
        if (!(value > 0) || plausibleValue({ value, dotThousands: false }, columns[i]!, String(year)) !== value)
          ok = false;
        rows.push({
          metric: columns[i]!,
          value,
          unit: 't',
          period: String(year),
          batch,
          change_pct: null,
          change_basis: null,
          evidence: `${heading}\n${line.trim()}`.slice(0, 200),
        });
      });
    }
    if (ok && count >= 2) out.push(...rows);
  }
  return out;
}

// A table of destinations a fetch flattened into its sentence, caption, heading and rows on one line ("表1：3月稀土永磁出口
// 主要目的地 国别 出口量(吨) 环比 同比 德国 1047 +12.3% +4.1% 美国 406 -9.5% -30.6% …", "Table 2: destinations Country
// Tonnes m/m y/y Germany 1,030 -1.9% +6.4% United States 398 …"): the heading names the row names' column, then one
// quantity column and change columns in some order; each row is a country and as many numbers.
const INLINE_GATE = /环比|環比|同比|\bm\/m\b|\by\/y\b/i;
const INLINE_NAME_COLUMN =
  /(?<=^|\s)(?:国别|國別|国家(?:\/|或|及)?地区|國家(?:\/|或|及)?地區|国家|國家|目的地|\b(?:Country|Destination|Market)s?)\s+(?=\S)/gi;
const INLINE_QUANTITY =
  /^(?:(?:出口|进口|進口)?(?:量|数量|數量)(?:[(（](?:吨|噸|公吨|公噸|t)[)）])?|(?:Tonnes|Tons|Volume)(?:\s*\((?:t|tonnes|tons)\))?)$/i;
const INLINE_YOY = /^(?:同比|y\/y|yoy)(?:[(（]%[)）])?$/i;
const INLINE_MOM = /^(?:环比|環比|m\/m|mom)(?:[(（]%[)）])?$/i;
const INLINE_NUMBER = /^[+\-−–]?\d[\d,]*(?:\.\d+)?%?$/;

/** The figures of the destinations' rows of a flattened one-line table (see INLINE_NAME_COLUMN), if the body has one. */
export function inlineDestinationTable(title: string, body: string, docDate: DocDate): Stated[] {
  if (!INLINE_GATE.test(body)) return [];
  const out: Stated[] = [];
  INLINE_NAME_COLUMN.lastIndex = 0;
  for (let m = INLINE_NAME_COLUMN.exec(body); m; m = INLINE_NAME_COLUMN.exec(body)) {
    const lineStart = body.lastIndexOf('\n', m.index) + 1;
    const lineEnd = body.indexOf('\n', m.index) < 0 ? body.length : body.indexOf('\n', m.index);
    const tokens = body
      .slice(m.index + m[0].length, lineEnd)
      .trim()
      .split(/\s+/);
    // The heading: one quantity column and one or two change columns, in the order the table gives them.
    const columns: Array<'value' | 'yoy' | 'mom'> = [];
    let i = 0;
    for (; i < tokens.length && columns.length < 3; i++) {
      const t = tokens[i]!;
      const col = INLINE_QUANTITY.test(t) ? 'value' : INLINE_YOY.test(t) ? 'yoy' : INLINE_MOM.test(t) ? 'mom' : null;
      if (!col || columns.includes(col)) break;
      columns.push(col);
    }
    if (columns.filter((c) => c === 'value').length !== 1 || columns.length < 2) continue;
    const caption = `${title}\n${body.slice(lineStart, m.index)}`;
    const cues = findCues(caption);
    const product: Product | undefined = cues.some((c) => c.type === 'magnet')
      ? 'magnet'
      : cues.some((c) => c.type === 'rare_earth')
        ? 'rare_earth'
        : undefined;
    const flow = flowNamed(caption) ?? flowNamed(tokens.slice(0, i).join(' '));
    const month = findPeriods(caption).findLast((p) => !p.comparative && p.month !== undefined);
    const period = month ? resolvePeriod(month, undefined, docDate) : null;
    if (!product || !flow || !period) continue;
    // The rows: a name of one to three words, then a number for each column.
    while (i < tokens.length) {
      let j = i;
      while (j < tokens.length && j - i < 3 && !INLINE_NUMBER.test(tokens[j]!)) j++;
      if (j === i || j + columns.length > tokens.length) break;
      const cells = tokens.slice(j, j + columns.length);
      if (!cells.every((c) => INLINE_NUMBER.test(c))) break;
      const name = tokens.slice(i, j).join(' ');
      i = j + columns.length;
      const country = countryNamed(name);
      if (!country) continue;
      const num = (k: number) => Number(cells[k]!.replace(/[,%+]/g, '').replace(/^[−–]/, '-'));
      const value = num(columns.indexOf('value'));
      if (!Number.isFinite(value) || cells[columns.indexOf('value')]!.endsWith('%')) continue;
      const figure: Stated = {
        metric: { kind: 'trade', product, flow, destination: country },
        value,
        unit: 't',
        period,
        batch: null,
        change_pct: null,
        change_basis: null,
        evidence: `${name} ${cells.join(' ')}`,
      };
      const changes = columns.flatMap((c, k) => (c === 'value' ? [] : [[num(k), c] as const]));
      for (const [pct, basis] of changes)
        if (Number.isFinite(pct)) out.push({ ...figure, change_pct: pct, change_basis: basis });
    }
  }
  return out;
}
