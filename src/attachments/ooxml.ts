import { readZip } from './zip.js';
import type { Cell, Sheet } from './xls.js';

/** Text and tables of Office Open XML files (.docx, .xlsx): ZIP archives of XML parts. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? ''),
  );
}

/** The text of a .docx: paragraphs of word/document.xml, one per line. */
export function readDocx(bytes: Buffer): string {
  const part = readZip(bytes).get('word/document.xml');
  if (!part) throw new Error('no word/document.xml: not a Word document');
  const xml = part().toString('utf8');
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
        .map((m) => (m[1] === undefined ? '\t' : unescapeXml(m[1])))
        .join(''),
    )
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Column letters of a cell reference (B12 → 1). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Every sheet of an .xlsx with its cell values (shared and inline strings, numbers). */
export function readXlsx(bytes: Buffer): Sheet[] {
  const zip = readZip(bytes);
  const shared: string[] = [];
  const sst = zip.get('xl/sharedStrings.xml');
  if (sst) {
    for (const si of sst().toString('utf8').split('</si>').slice(0, -1)) {
      shared.push([...si.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join(''));
    }
  }
  const names = [...zip.keys()]
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  return names.map((name) => {
    const rows: Cell[][] = [];
    const xml = zip.get(name)!().toString('utf8');
    for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const r = Number(m[2]) - 1;
      const c = columnIndex(m[1]!);
      const type = /t="(\w+)"/.exec(m[3] ?? '')?.[1];
      const inner = m[4] ?? '';
      const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
      let value: Cell | undefined;
      if (type === 's' && v !== undefined) value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr')
        value = [...inner.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => unescapeXml(t[1]!)).join('');
      else if (type === 'str' && v !== undefined) value = unescapeXml(v);
      else if (v !== undefined && v !== '') value = Number(v);
      if (value !== undefined && r < 65_536 && c < 1024) (rows[r] ??= [])[c] = value;
    }
    return { name: name.replace(/^xl\/worksheets\//, ''), rows };
  });
}
