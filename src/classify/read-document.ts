import type { DocumentInput } from '../types.js';

const DATE_LINE =
  /^\s*(?:(?:date|published|发布(?:日期|时间)?|日期)\s*[:：]\s*)?(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?\s*$/i;

/**
 * A document from a file: the first line is the title (none when it is empty), the rest the body. Its date is `date` when given,
 * else a line that is only a date (a notice's signature line, or a `date:` header).
 */
export function readDocument(raw: string, date?: string): DocumentInput {
  const text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  // An empty first line says the document has no title (a stored copy without its headline, as the real corpus keeps
  // them): its body starts after it. Read as a title, a dateline, a byline or a photo caption would be the headline.
  const titleIndex = lines[0]!.trim() === '' ? -1 : 0;
  const title = titleIndex >= 0 ? lines[titleIndex]!.trim() : '';
  const rest = lines.slice(titleIndex + 1);
  let found: string | null = date ?? null;
  if (!found) {
    for (const line of rest) {
      const m = DATE_LINE.exec(line);
      if (m) found = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    }
  }
  return { title, text: rest.join('\n').trim(), date: found };
}
