/**
 * Writes a legacy Excel workbook (BIFF8 in a compound file) like GAC's statistics downloads, for the local fixtures
 * and the demo: one sheet of strings (shared-string table) and numbers (RK for integers, NUMBER otherwise). Only
 * cell records — enough for any BIFF8 reader; formatting records are left out.
 */

type Cell = string | number | null;

function record(type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

function bof(kind: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(0x0600, 0); // BIFF8
  b.writeUInt16LE(kind, 2); // 0x0005 workbook globals, 0x0010 worksheet
  b.writeUInt16LE(0x0dbb, 4);
  b.writeUInt16LE(0x07cc, 6);
  b.writeUInt32LE(0, 8);
  b.writeUInt32LE(0x06, 12);
  return record(0x0809, b);
}

function wideString(s: string, lengthBytes: 1 | 2): Buffer {
  const head = Buffer.alloc(lengthBytes + 1);
  if (lengthBytes === 1) head.writeUInt8(s.length, 0);
  else head.writeUInt16LE(s.length, 0);
  head.writeUInt8(0x01, lengthBytes); // characters are UTF-16LE
  return Buffer.concat([head, Buffer.from(s, 'utf16le')]);
}

function cellHead(r: number, c: number, size: number): Buffer {
  const b = Buffer.alloc(size);
  b.writeUInt16LE(r, 0);
  b.writeUInt16LE(c, 2);
  b.writeUInt16LE(0x0f, 4); // default cell XF
  return b;
}

/** The Workbook stream: globals (BOUNDSHEET, SST) then the sheet's cells. */
function workbookStream(sheetName: string, rows: Cell[][]): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      total++;
      if (!index.has(cell)) {
        index.set(cell, strings.length);
        strings.push(cell);
      }
    }
  }
  const sstHead = Buffer.alloc(8);
  sstHead.writeUInt32LE(total, 0);
  sstHead.writeUInt32LE(strings.length, 4);
  const sst = record(0x00fc, Buffer.concat([sstHead, ...strings.map((s) => wideString(s, 2))]));
  const codepage = record(0x0042, Buffer.from([0xb0, 0x04])); // 1200: UTF-16
  const sheetHead = Buffer.alloc(6);
  const boundsheet = (offset: number) => {
    sheetHead.writeUInt32LE(offset, 0);
    return record(0x0085, Buffer.concat([sheetHead, wideString(sheetName, 1)]));
  };
  const globalsLength = bof(5).length + codepage.length + boundsheet(0).length + sst.length + 4;
  const globals = Buffer.concat([bof(5), codepage, boundsheet(globalsLength), sst, record(0x000a, Buffer.alloc(0))]);

  const cells: Buffer[] = [];
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || cell === '') return;
      if (typeof cell === 'string') {
        const b = cellHead(r, c, 10);
        b.writeUInt32LE(index.get(cell)!, 6);
        cells.push(record(0x00fd, b));
      } else if (Number.isInteger(cell) && Math.abs(cell) < 2 ** 29) {
        const b = cellHead(r, c, 10);
        b.writeInt32LE((cell << 2) | 0x02, 6); // RK: integer
        cells.push(record(0x027e, b));
      } else {
        const b = cellHead(r, c, 14);
        b.writeDoubleLE(cell, 6);
        cells.push(record(0x0203, b));
      }
    }),
  );
  const dims = Buffer.alloc(14);
  dims.writeUInt32LE(0, 0);
  dims.writeUInt32LE(rows.length, 4);
  dims.writeUInt16LE(0, 8);
  dims.writeUInt16LE(Math.max(...rows.map((r) => r.length)), 10);
  const sheet = Buffer.concat([bof(0x10), record(0x0200, dims), ...cells, record(0x000a, Buffer.alloc(0))]);
  const stream = Buffer.concat([globals, sheet]);
  // Excel pads the Workbook stream to at least 4096 bytes, so it never lives in the mini stream.
  return stream.length >= 4096 ? stream : Buffer.concat([stream, Buffer.alloc(4096 - stream.length)]);
}

/** Wrap one stream named "Workbook" in a version-3 compound file (512-byte sectors). */
function compoundFile(stream: Buffer): Buffer {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const streamSectors = Math.ceil(stream.length / SECTOR);
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + 1 + streamSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('workbook too large for this writer');
  const dirSector = fatSectors;
  const firstStream = fatSectors + 1;

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(0x0003, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(fatSectors, 0x2c);
  header.writeUInt32LE(dirSector, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(0, 0x40);
  header.writeUInt32LE(END, 0x44);
  header.writeUInt32LE(0, 0x48);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : FREE, 0x4c + i * 4);

  const fat = Buffer.alloc(fatSectors * SECTOR, 0xff);
  for (let i = 0; i < fatSectors; i++) fat.writeUInt32LE(0xfffffffd, i * 4);
  fat.writeUInt32LE(END, dirSector * 4);
  for (let i = 0; i < streamSectors; i++)
    fat.writeUInt32LE(i === streamSectors - 1 ? END : firstStream + i + 1, (firstStream + i) * 4);

  const dir = Buffer.alloc(SECTOR);
  const entry = (at: number, name: string, type: number, child: number, start: number, size: number) => {
    dir.write(name, at, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, at + 64);
    dir.writeUInt8(type, at + 66);
    dir.writeUInt8(1, at + 67);
    dir.writeUInt32LE(FREE, at + 68);
    dir.writeUInt32LE(FREE, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, 1, END, 0);
  entry(128, 'Workbook', 2, FREE, firstStream, stream.length);
  for (const at of [256, 384]) {
    dir.writeUInt32LE(FREE, at + 68);
    dir.writeUInt32LE(FREE, at + 72);
    dir.writeUInt32LE(FREE, at + 76);
  }
  const body = Buffer.alloc(streamSectors * SECTOR);
  stream.copy(body);
  return Buffer.concat([header, fat, dir, body]);
}

/** A one-sheet .xls file with these rows. */
export function writeXls(sheetName: string, rows: Cell[][]): Buffer {
  return compoundFile(workbookStream(sheetName, rows));
}
