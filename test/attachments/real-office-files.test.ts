/**
 * The attachment readers on files written by real office software (LibreOffice; regenerate with
 * test/fixtures/attachments/make-fixtures.sh), not only on the project's own writer — and PDFs read with pdf.js in a
 * worker, within page, size and time limits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDF_LIMITS } from '../../src/attachments/pdf.js';
import { readAttachment, tidyPdfText, UnreadableAttachment } from '../../src/attachments/read-attachment.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'attachments', name));

const MARCH_EXPORTS: unknown = expect.objectContaining({
  metric: 'rare_earth_exports',
  value: 5123.4,
  period: '2026-03',
});
const Q1_EXPORTS: unknown = expect.objectContaining({
  metric: 'rare_earth_exports',
  value: 14567.8,
  period: '2026-01/2026-03',
  change_pct: -12.3,
  change_basis: 'yoy',
});

describe('attachments written by LibreOffice', () => {
  it.each([
    ['gac-table.xls', 'xls'],
    ['gac-table.xlsx', 'xlsx'],
  ])('%s: the GAC commodity table and its 稀土 row, month and year to date', async (name, format) => {
    const read = await readAttachment(fixture(name));
    expect(read.format).toBe(format);
    expect(read.text).toContain('稀土\t吨\t5123.4\t456789\t14567.8');
    expect(read.figures).toEqual([MARCH_EXPORTS, Q1_EXPORTS]);
  });

  it('miit-notice.docx: the notice’s paragraphs and table text, in order', async () => {
    const read = await readAttachment(fixture('miit-notice.docx'));
    expect(read.format).toBe('docx');
    expect(read.text).toMatch(/^关于下达2026年第一批稀土开采、冶炼分离总量控制指标的通知\n工信部联原〔2026〕12号/);
    expect(read.text).toContain('一、2026年第一批稀土开采总量控制指标为135000吨，冶炼分离总量控制指标为127000吨。');
    expect(read.text).toContain('甲稀土集团');
  });

  it('miit-notice.pdf: the text as written — wrapped lines rejoined, digits not set apart', async () => {
    const read = await readAttachment(fixture('miit-notice.pdf'));
    expect(read.format).toBe('pdf');
    expect(read.text).toContain('关于下达2026年第一批稀土开采、冶炼分离总量控制指标的通知');
    expect(read.text).toContain('一、2026年第一批稀土开采总量控制指标为135000吨，冶炼分离总量控制指标为127000吨。');
    expect(read.text).toContain('不得收购、加工非法开采的稀土矿产品。');
  });

  it('gac-table.pdf: both pages; with a page cap of one, the first page and a note of what was left', async () => {
    const all = await readAttachment(fixture('gac-table.pdf'));
    expect(all.text).toContain('稀土 吨 5123.4 456789');
    expect(all.text).toContain('比去年同期±%');
    const capped = await readAttachment(fixture('gac-table.pdf'), { ...PDF_LIMITS, maxPages: 1 });
    expect(capped.text).toContain('稀土 吨 5123.4 456789');
    expect(capped.text).not.toContain('比去年同期±%');
    expect(capped.text).toMatch(/\[first 1 of 2 pages read\]$/);
  });

  it('a PDF over the size cap is refused unread; one that outlasts the time-out ends its worker with a clear error', async () => {
    const pdf = fixture('miit-notice.pdf');
    await expect(readAttachment(pdf, { ...PDF_LIMITS, maxBytes: 1024 })).rejects.toThrow(
      /a PDF of \d+ KB, over the 1 KB limit/,
    );
    // No worker starts, loads pdf.js and parses within a millisecond: the time-out path is the one taken.
    const late = readAttachment(pdf, { ...PDF_LIMITS, timeoutMs: 1 });
    await expect(late).rejects.toThrow(UnreadableAttachment);
    await expect(late).rejects.toThrow(/took longer than 0.001s/);
  });

  it('tidyPdfText joins CJK lines and unspaces digits, and leaves Latin text alone', () => {
    expect(tidyPdfText('为 2026 年第一批，并就有\n关事项')).toBe('为2026年第一批，并就有关事项');
    expect(tidyPdfText('Rare earth 2026\nquota 135000 t')).toBe('Rare earth 2026\nquota 135000 t');
  });
});
