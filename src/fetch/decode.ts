import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

let loaded: typeof Iconv | undefined;
/** iconv-lite, required when a charset other than UTF-8 is first met: a pass over UTF-8 pages never loads it. */
const iconv = (): typeof Iconv => (loaded ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);

const GB_ALIASES = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'gb_2312-80']);

/** Normalise a charset label; GB2312 and GBK are decoded as their superset GB18030. */
export function normaliseCharset(label: string | undefined | null): string | undefined {
  if (!label) return undefined;
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (GB_ALIASES.has(l)) return 'gb18030';
  // Most answers say UTF-8: no need to ask iconv-lite (which normalises the label with regular expressions each time).
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  return iconv().encodingExists(l) ? l : undefined;
}

/** The charset a Content-Type header declares. */
export function charsetFromContentType(contentType: string): string | undefined {
  return /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1];
}

/** The charset an HTML `<meta>` or XML prolog declares, read from the first 4 KB as latin1. */
export function charsetFromMarkup(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return (
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1]
  );
}

function bomCharset(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How a body decodes, found without decoding it where possible: `charset` decodes `bytes` into exactly the text
 * `decodeBody` gives (a UTF-8 BOM is left out of `bytes`). Undefined when only a full decode can tell (a declared UTF-8
 * body with invalid bytes): then use `decodeBody`.
 */
export function bodyCharset(
  bytes: Buffer,
  contentType: string,
  forced?: string,
): { bytes: Buffer; charset: string } | undefined {
  const declared =
    normaliseCharset(forced) ??
    bomCharset(bytes) ??
    normaliseCharset(charsetFromContentType(contentType)) ??
    normaliseCharset(charsetFromMarkup(bytes));
  if (declared && declared !== 'utf-8') return { bytes, charset: declared };
  if (!isUtf8(bytes)) return declared ? undefined : { bytes, charset: 'gb18030' };
  // decodeBody's strict decoder drops a BOM, and its replace() a second one.
  let start = 0;
  while (start < 6 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
  return { bytes: start ? bytes.subarray(start) : bytes, charset: 'utf-8' };
}

/** Decode (part of) a body whose charset `bodyCharset` found. */
export function decodeAs(bytes: Buffer, charset: string, start = 0, end = bytes.length): string {
  if (charset === 'utf-8') return bytes.toString('utf8', start, end);
  // Only the body's own first bytes may be a BOM to drop.
  return iconv().decode(bytes.subarray(start, end), charset, start > 0 ? { stripBOM: false } : undefined);
}

/**
 * Decode a body: BOM, then the header's charset, then `<meta>`/XML prolog; with no declaration, strict UTF-8 and
 * GB18030 when that fails. A declared UTF-8 that is not valid UTF-8 (a mislabelled GBK page) falls back to GB18030 only
 * when the GB18030 reading has no replacement characters.
 */
export function decodeBody(bytes: Buffer, contentType: string, forced?: string): { text: string; charset: string } {
  const declared =
    normaliseCharset(forced) ??
    bomCharset(bytes) ??
    normaliseCharset(charsetFromContentType(contentType)) ??
    normaliseCharset(charsetFromMarkup(bytes));
  if (declared && declared !== 'utf-8') return { text: iconv().decode(bytes, declared), charset: declared };
  try {
    return { text: strictUtf8.decode(bytes).replace(/^\uFEFF/, ''), charset: 'utf-8' };
  } catch {
    const gb = iconv().decode(bytes, 'gb18030');
    if (!declared || !gb.includes('\uFFFD'))
      return { text: gb, charset: declared ? 'gb18030 (mislabelled utf-8)' : 'gb18030' };
    return { text: bytes.toString('utf8'), charset: 'utf-8 (invalid bytes replaced)' };
  }
}

/** True when the bytes look like a binary file rather than text (NUL bytes or many control characters). */
export function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 2048);
  if (sample.length === 0) return false;
  let control = 0;
  // Indexed: iterating a Buffer with for…of costs several times as much.
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / sample.length > 0.1;
}
