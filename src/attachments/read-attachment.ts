import { cheerioLib } from '../extract/html-text.js';
import type { Figure } from '../types.js';
import { isCfb, readCfb } from './cfb.js';
import { PDF_LIMITS, PdfError, readPdf, type PdfLimits } from './pdf.js';
import { readDocx, readXlsx } from './ooxml.js';
import { commodityTableFigures, sheetText } from './stats-table.js';
import { readXls, type Cell, type Sheet } from './xls.js';
import { isZip, readZip } from './zip.js';

/** What an attachment yielded: its text, figures read from its tables, or why it could not be read. */
export interface AttachmentContent {
  format: string;
  text: string;
  figures: Figure[];
}

export class UnreadableAttachment extends Error {}

/** HTML tables served as .xls (some sites export that way) read as sheets. */
function htmlSheets(html: string): Sheet[] {
  const $ = cheerioLib().load(html);
  return $('table')
    .toArray()
    .map((t, i) => ({
      name: `table${i + 1}`,
      rows: $(t)
        .find('tr')
        .toArray()
        .map((tr) =>
          $(tr)
            .find('td, th')
            .toArray()
            .map((td): Cell => $(td).text().trim()),
        ),
    }));
}

function fromSheets(format: string, sheets: Sheet[]): AttachmentContent {
  return { format, text: sheets.map((s) => sheetText(s)).join('\n\n'), figures: sheets.flatMap(commodityTableFigures) };
}

/**
 * pdf.js gives a page's text runs line by line as laid out: a sentence wrapped at the margin comes back split, and
 * Latin digits set apart from the CJK around them ("2026 年"). Rejoin both, so "2026年…指标为135000吨" reads as written.
 */
export function tidyPdfText(text: string): string {
  const cjk = '\\p{Script=Han}，、（）《》“”';
  return text
    .replace(new RegExp(`([${cjk}])\\n(?=[${cjk}\\d])`, 'gu'), '$1')
    .replace(new RegExp(`([${cjk}]) +(?=[\\d.%]+ *[${cjk}])`, 'gu'), '$1')
    .replace(new RegExp(`(\\d) +(?=[${cjk}])`, 'gu'), '$1');
}

/** The readers of the bytes' format; a reader's own failure on damaged bytes becomes an UnreadableAttachment. */
async function readByFormat(bytes: Buffer, pdf: PdfLimits): Promise<AttachmentContent> {
  if (isCfb(bytes)) {
    const streams = readCfb(bytes);
    if (streams.has('workbook') || streams.has('book')) return fromSheets('xls', readXls(bytes));
    if (streams.has('worddocument'))
      throw new UnreadableAttachment('a legacy Word .doc (not read: no .doc reader built in)');
    throw new UnreadableAttachment('an Office compound file of an unknown kind');
  }
  if (isZip(bytes)) {
    const names = [...readZip(bytes).keys()];
    if (names.includes('word/document.xml')) return { format: 'docx', text: readDocx(bytes), figures: [] };
    if (names.some((n) => n.startsWith('xl/worksheets/'))) return fromSheets('xlsx', readXlsx(bytes));
    if (names.some((n) => /^Doc_\d+\/|OFD\.xml$/i.test(n)))
      throw new UnreadableAttachment('an OFD document (not read: no OFD reader built in)');
    throw new UnreadableAttachment('a ZIP archive that is neither .docx nor .xlsx');
  }
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (head.startsWith('%PDF')) {
    const read = await readPdf(bytes, pdf);
    const cut = read.read < read.pages ? `\n[first ${read.read} of ${read.pages} pages read]` : '';
    return { format: 'pdf', text: `${tidyPdfText(read.text)}${cut}`, figures: [] };
  }
  if (/<table/i.test(bytes.subarray(0, 200_000).toString('utf8')))
    return fromSheets('html-table', htmlSheets(bytes.toString('utf8')));
  throw new UnreadableAttachment('a file of an unknown format');
}

/** What damaged bytes seemed to be, by their first bytes. */
const FORMAT_NAMES: Array<[string, string]> = [
  ['d0cf11e0', 'Office compound file (.xls/.doc)'],
  ['504b0304', 'ZIP-based file (.xlsx/.docx)'],
  ['25504446', 'PDF'],
];

/**
 * Read an attachment by its bytes (not its name, which sites get wrong): legacy .xls (BIFF8), .xlsx, .docx, PDF (text,
 * with pdf.js in a worker thread under page, size and time limits) or an HTML table. Legacy .doc, WPS and OFD are
 * recognised but not read. Whatever the bytes — truncated, corrupted, hostile — the result is content or an
 * UnreadableAttachment saying what the file seemed to be and what went wrong; never another error, never a hang.
 */
export async function readAttachment(bytes: Buffer, pdf: PdfLimits = PDF_LIMITS): Promise<AttachmentContent> {
  try {
    return await readByFormat(bytes, pdf);
  } catch (error) {
    if (error instanceof UnreadableAttachment) throw error;
    if (error instanceof PdfError) throw new UnreadableAttachment(error.message);
    const head = bytes.subarray(0, 4).toString('hex');
    const kind = FORMAT_NAMES.find(([magic]) => head === magic)?.[1] ?? 'file';
    throw new UnreadableAttachment(`a damaged ${kind} (${(error as Error).message})`);
  }
}
