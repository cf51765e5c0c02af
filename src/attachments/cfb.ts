/**
 * Reader of the Compound File Binary format (MS-CFB), the container of legacy Office files (.xls, .doc): a small FAT
 * file system inside one file. Only what is needed to read a named stream: header, DIFAT, FAT, directory, mini stream.
 * https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-cfb/
 */

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
/** Any chain longer than this many sectors is corrupt (or hostile): 2^20 × 4 KB is 4 GB. */
const MAX_CHAIN = 1 << 20;

export class CfbError extends Error {}

/** Whether the bytes start like a compound file. */
export function isCfb(bytes: Buffer): boolean {
  return bytes.length >= 512 && bytes.subarray(0, 8).equals(SIGNATURE);
}

interface DirEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

/** The streams of a compound file, by name (case-insensitive). */
export function readCfb(bytes: Buffer): Map<string, Buffer> {
  if (!isCfb(bytes)) throw new CfbError('not a compound file (no D0CF11E0 signature)');
  const sectorSize = 1 << bytes.readUInt16LE(0x1e);
  const miniSectorSize = 1 << bytes.readUInt16LE(0x20);
  if (sectorSize !== 512 && sectorSize !== 4096) throw new CfbError(`unsupported sector size ${sectorSize}`);
  const fatSectors = bytes.readUInt32LE(0x2c);
  const firstDir = bytes.readUInt32LE(0x30);
  const miniCutoff = bytes.readUInt32LE(0x38);
  const firstMiniFat = bytes.readUInt32LE(0x3c);
  let difatSector = bytes.readUInt32LE(0x44);
  const sector = (n: number): Buffer => {
    const at = (n + 1) * sectorSize;
    if (at + sectorSize > bytes.length + sectorSize) throw new CfbError(`sector ${n} lies outside the file`);
    return bytes.subarray(at, Math.min(at + sectorSize, bytes.length));
  };

  // DIFAT: the first 109 FAT sector numbers are in the header, the rest in a chain of DIFAT sectors.
  const fatList: number[] = [];
  for (let i = 0; i < 109 && fatList.length < fatSectors; i++) fatList.push(bytes.readUInt32LE(0x4c + i * 4));
  for (let guard = 0; fatList.length < fatSectors && difatSector !== END_OF_CHAIN && difatSector !== FREE; guard++) {
    if (guard > MAX_CHAIN) throw new CfbError('DIFAT chain does not end');
    const s = sector(difatSector);
    for (let i = 0; i < sectorSize / 4 - 1 && fatList.length < fatSectors; i++) fatList.push(s.readUInt32LE(i * 4));
    difatSector = s.readUInt32LE(sectorSize - 4);
  }
  const fat: number[] = [];
  for (const n of fatList) {
    const s = sector(n);
    for (let i = 0; i + 4 <= s.length; i += 4) fat.push(s.readUInt32LE(i));
  }

  const chain = (start: number, table: number[]): number[] => {
    const out: number[] = [];
    for (let n = start; n !== END_OF_CHAIN && n !== FREE; n = table[n] ?? END_OF_CHAIN) {
      if (out.length > MAX_CHAIN || n >= table.length) throw new CfbError('broken sector chain');
      out.push(n);
    }
    return out;
  };
  const readChain = (start: number, size?: number): Buffer => {
    const data = Buffer.concat(chain(start, fat).map(sector));
    return size === undefined ? data : data.subarray(0, size);
  };

  const dirBytes = readChain(firstDir);
  const entries: DirEntry[] = [];
  for (let at = 0; at + 128 <= dirBytes.length; at += 128) {
    const nameLength = Math.min(64, dirBytes.readUInt16LE(at + 64));
    const name = dirBytes.subarray(at, at + Math.max(0, nameLength - 2)).toString('utf16le');
    entries.push({
      name,
      type: dirBytes[at + 66] ?? 0,
      start: dirBytes.readUInt32LE(at + 116),
      size: dirBytes.readUInt32LE(at + 120),
    });
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new CfbError('no root entry');
  const miniStream = root.start === END_OF_CHAIN ? Buffer.alloc(0) : readChain(root.start, root.size);
  const miniFat: number[] = [];
  if (firstMiniFat !== END_OF_CHAIN) {
    const mf = readChain(firstMiniFat);
    for (let i = 0; i + 4 <= mf.length; i += 4) miniFat.push(mf.readUInt32LE(i));
  }

  const streams = new Map<string, Buffer>();
  for (const e of entries) {
    if (e.type !== 2) continue;
    let data: Buffer;
    if (e.size < miniCutoff) {
      data = Buffer.concat(
        chain(e.start, miniFat).map((n) => miniStream.subarray(n * miniSectorSize, (n + 1) * miniSectorSize)),
      ).subarray(0, e.size);
    } else {
      data = readChain(e.start, e.size);
    }
    streams.set(e.name.toLowerCase(), data);
  }
  return streams;
}
