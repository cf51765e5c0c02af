import { cheerioLib } from '../pipeline/html-text.js';
import type { Figure } from '../types.js';
import { isCfb, readCfb } from './cfb.js';
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
 * Read an attachment by its bytes (not its name, which sites get wrong): legacy .xls (BIFF8), .xlsx, .docx, or an
 * HTML table. PDF, legacy .doc, WPS and OFD are recognised but not read: there is no reader for them built in.
 */
export function readAttachment(bytes: Buffer): AttachmentContent {
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
  if (head.startsWith('%PDF')) throw new UnreadableAttachment('a PDF (not read: no PDF text reader built in)');
  if (/<table/i.test(bytes.subarray(0, 200_000).toString('utf8')))
    return fromSheets('html-table', htmlSheets(bytes.toString('utf8')));
  throw new UnreadableAttachment('a file of an unknown format');
}
