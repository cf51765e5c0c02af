import zlib from 'node:zlib';

/**
 * Reader of ZIP archives, the container of .docx and .xlsx: the central directory, and stored or deflated entries.
 * https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** An entry that inflates beyond this is refused (a zip bomb). */
const MAX_ENTRY = 50 * 1024 * 1024;

export class ZipError extends Error {}

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 22 && bytes.readUInt32LE(0) === LOCAL;
}

/** The entries of a ZIP archive, read lazily by name. */
export function readZip(bytes: Buffer): Map<string, () => Buffer> {
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end-of-central-directory record: not a ZIP file, or cut off');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipError('broken central directory');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    entries.set(name, () => {
      if (size > MAX_ENTRY) throw new ZipError(`${name} is too large (${size} bytes)`);
      if (bytes.readUInt32LE(local) !== LOCAL) throw new ZipError(`${name}: broken local header`);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + compressed);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return zlib.inflateRawSync(data, { maxOutputLength: MAX_ENTRY });
      throw new ZipError(`${name}: compression method ${method} is not supported`);
    });
  }
  return entries;
}
