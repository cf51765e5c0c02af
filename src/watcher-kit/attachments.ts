import type * as cheerio from 'cheerio';
import { FetchFailure } from '../fetch/fetch-result.js';
import type { Figure } from '../types.js';
import { absoluteUrl } from './canonical-url.js';
import type { ChangeEvent, WatcherContext } from './watcher.js';

/** File names that are attachments (the extension before any query string). */
const FILE = /\.(xls|xlsx|doc|docx|pdf|wps|ofd|et)(?:$|[?#])/i;
/** Link texts that announce an attachment or a download (GAC's tables: 下载). */
const LABEL = /附件|下载|download/i;
/** At most this many attachments per document: a page linking to hundreds of files cannot make one check endless. */
const MAX_ATTACHMENTS = 5;
/** How much of each attachment's text joins the document. */
const MAX_TEXT = 20_000;

export interface AttachmentLink {
  url: string;
  label: string;
}

/** Attachment links of a document page: file links (PDF, DOC/DOCX, XLS/XLSX, WPS, OFD) and 附件/下载 links. */
export function attachmentLinks($: cheerio.CheerioAPI, base: string): AttachmentLink[] {
  const found = new Map<string, AttachmentLink>();
  $('a[href]').each((_, el) => {
    const href = $(el).attr('href') ?? '';
    const label = $(el).text().replace(/\s+/g, ' ').trim();
    if (!FILE.test(href) && !(LABEL.test(label) && !/\.s?html?(?:$|[?#])/i.test(href))) return;
    const url = absoluteUrl(href, base);
    if (url && !found.has(url)) found.set(url, { url, label: label || url.split('/').pop() || url });
  });
  return [...found.values()].slice(0, MAX_ATTACHMENTS);
}

/**
 * Add the text (and any statistics-table figures) of a document's attachments to its event. An attachment that cannot
 * be fetched or read never blocks the alert: it becomes a note, and the document's own text still stands.
 */
export async function withAttachments(
  event: ChangeEvent,
  $: cheerio.CheerioAPI,
  base: string,
  ctx: WatcherContext,
): Promise<ChangeEvent> {
  const links = attachmentLinks($, base);
  if (links.length === 0) return event;
  const texts: string[] = [];
  const figures: Figure[] = [...(event.figures ?? [])];
  const notes: string[] = [...(event.notes ?? [])];
  for (const link of links) {
    try {
      // With the page as Referer, as a browser would send it (GAC serves its XLS to a download carrying one).
      const file = await ctx.fetchDocument(link.url, { keepBytes: true, headers: { Referer: base } });
      // The readers (PDF worker, ZIP, XLS) are loaded by the first page that links an attachment.
      const { readAttachment } = await import('../attachments/read-attachment.js');
      const content = await readAttachment(file.bytes ?? Buffer.from(file.text));
      if (content.text) texts.push(`附件 ${link.label}:\n${content.text.slice(0, MAX_TEXT)}`);
      figures.push(...content.figures);
    } catch (error) {
      const reason = error instanceof FetchFailure ? `${error.kind}: ${error.message}` : (error as Error).message;
      ctx.logger.warn({ url: link.url, err: reason }, 'attachment not read; alerting without it');
      notes.push(`attachment ${link.label} not read (${reason})`);
    }
  }
  return {
    ...event,
    text: texts.length ? `${event.text}\n\n${texts.join('\n\n')}` : event.text,
    ...(figures.length ? { figures } : {}),
    ...(notes.length ? { notes } : {}),
  };
}
