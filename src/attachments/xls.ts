import { readCfb } from './cfb.js';

/**
 * Reader of legacy Excel workbooks (.xls, BIFF8 inside a compound file) — the format of GAC's statistics tables.
 * Reads the cell values of every sheet: shared strings, inline labels, numbers, RK numbers and cached formula
 * results; formatting is ignored. https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-xls/
 */

export type Cell = string | number;
export interface Sheet {
  name: string;
  /** rows[r][c]; missing cells are undefined. */
  rows: Cell[][];
}

export class XlsError extends Error {}

const BOF = 0x0809;
const EOF = 0x000a;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const FORMULA = 0x0006;
const STRING = 0x0207;
/** Bounds on what one hostile file can make us allocate. */
const MAX_ROWS = 65_536;
const MAX_COLS = 256;

interface Rec {
  type: number;
  data: Buffer;
}

function records(stream: Buffer, from: number): Rec[] {
  const out: Rec[] = [];
  for (let at = from; at + 4 <= stream.length;) {
    const type = stream.readUInt16LE(at);
    const len = stream.readUInt16LE(at + 2);
    out.push({ type, data: stream.subarray(at + 4, at + 4 + len) });
    at += 4 + len;
    if (type === EOF) break;
  }
  return out;
}

/** RK: a compressed number — an integer or the top 30 bits of a double, optionally ×100. */
function rkValue(rk: number): number {
  let value: number;
  if (rk & 0x02) value = rk >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(rk & 0xfffffffc, 4);
    value = b.readDoubleLE(0);
  }
  return rk & 0x01 ? value / 100 : value;
}

/** Characters of a BIFF8 string body: compressed (one byte each, Latin-1) or UTF-16LE. */
function chars(data: Buffer, at: number, count: number, wide: boolean): { text: string; end: number } {
  const bytes = wide ? count * 2 : count;
  const slice = data.subarray(at, at + bytes);
  return { text: wide ? slice.toString('utf16le') : slice.toString('latin1'), end: at + bytes };
}

/** An XLUnicodeString (LABEL): cch u16, flags u8, chars. */
function unicodeString(data: Buffer, at: number): string {
  const cch = data.readUInt16LE(at);
  return chars(data, at + 3, cch, (data[at + 2]! & 0x01) === 1).text;
}

/**
 * The shared-string table. Strings run across CONTINUE records; where characters continue in the next record, that
 * record starts with a fresh flags byte saying whether the rest is compressed or wide.
 */
function sharedStrings(parts: Buffer[]): string[] {
  const out: string[] = [];
  let part = 0;
  let data = parts[0] ?? Buffer.alloc(0);
  let at = 8;
  const total = data.length >= 8 ? data.readUInt32LE(4) : 0;
  const next = () => {
    part++;
    data = parts[part] ?? Buffer.alloc(0);
    at = 0;
  };
  while (out.length < total && part < parts.length) {
    if (at >= data.length) {
      next();
      continue;
    }
    const cch = data.readUInt16LE(at);
    const flags = data[at + 2]!;
    at += 3;
    let runs = 0;
    let ext = 0;
    if (flags & 0x08) {
      runs = data.readUInt16LE(at);
      at += 2;
    }
    if (flags & 0x04) {
      ext = data.readUInt32LE(at);
      at += 4;
    }
    let wide = (flags & 0x01) === 1;
    let text = '';
    let left = cch;
    for (;;) {
      const room = Math.floor((data.length - at) / (wide ? 2 : 1));
      const take = Math.min(left, room);
      const got = chars(data, at, take, wide);
      text += got.text;
      at = got.end;
      left -= take;
      if (left === 0) break;
      next();
      if (part >= parts.length) break;
      wide = (data[0]! & 0x01) === 1;
      at = 1;
    }
    out.push(text);
    // Formatting runs and phonetic data follow the characters, possibly across records too.
    let skip = runs * 4 + ext;
    while (skip > 0 && part < parts.length) {
      const step = Math.min(skip, data.length - at);
      at += step;
      skip -= step;
      if (skip > 0) next();
    }
  }
  return out;
}

function put(rows: Cell[][], r: number, c: number, value: Cell): void {
  if (r >= MAX_ROWS || c >= MAX_COLS) return;
  (rows[r] ??= [])[c] = value;
}

/** Every sheet of an .xls workbook with its cell values. */
export function readXls(bytes: Buffer): Sheet[] {
  const streams = readCfb(bytes);
  const book = streams.get('workbook') ?? streams.get('book');
  if (!book) throw new XlsError('no Workbook stream: not an Excel 97–2003 file');
  const globals = records(book, 0);
  if (globals[0]?.type !== BOF) throw new XlsError('the workbook does not start with a BOF record');
  if (globals[0].data.readUInt16LE(0) !== 0x0600)
    throw new XlsError('not BIFF8 (Excel 97 or later); older formats are not read');
  if (globals.some((r) => r.type === FILEPASS)) throw new XlsError('the workbook is encrypted');
  const sheetsAt: Array<{ name: string; offset: number }> = [];
  const sstParts: Buffer[] = [];
  for (let i = 0; i < globals.length; i++) {
    const r = globals[i]!;
    if (r.type === BOUNDSHEET && r.data[5] === 0) {
      const cch = r.data[6]!;
      sheetsAt.push({ name: chars(r.data, 8, cch, (r.data[7]! & 1) === 1).text, offset: r.data.readUInt32LE(0) });
    } else if (r.type === SST) {
      sstParts.push(r.data);
      for (let j = i + 1; globals[j]?.type === CONTINUE; j++) sstParts.push(globals[j]!.data);
    }
  }
  const sst = sharedStrings(sstParts);
  return sheetsAt.map(({ name, offset }) => {
    const rows: Cell[][] = [];
    const recs = records(book, offset);
    for (let i = 0; i < recs.length; i++) {
      const { type, data } = recs[i]!;
      if (data.length < 6 && type !== EOF) continue;
      const r = type === EOF ? 0 : data.readUInt16LE(0);
      const c = type === EOF ? 0 : data.readUInt16LE(2);
      switch (type) {
        case LABELSST:
          put(rows, r, c, sst[data.readUInt32LE(6)] ?? '');
          break;
        case LABEL:
          put(rows, r, c, unicodeString(data, 6));
          break;
        case NUMBER:
          put(rows, r, c, data.readDoubleLE(6));
          break;
        case RK:
          put(rows, r, c, rkValue(data.readUInt32LE(6)));
          break;
        case MULRK:
          for (let at = 4, col = c; at + 6 <= data.length - 2; at += 6, col++)
            put(rows, r, col, rkValue(data.readUInt32LE(at + 2)));
          break;
        case FORMULA:
          if (data.readUInt16LE(12) !== 0xffff) put(rows, r, c, data.readDoubleLE(6));
          else if (data[6] === 0 && recs[i + 1]?.type === STRING) put(rows, r, c, unicodeString(recs[i + 1]!.data, 0));
          break;
        default:
      }
    }
    return { name, rows };
  });
}
