import { FetchFailure } from '../fetch/fetch-result.js';
import { withAttachments } from './attachments.js';
import { loadHtml, mainText, pageTitle } from '../extract/html-text.js';
import type { ChangeEvent, ListItem, WatcherContext } from './watcher.js';

/**
 * Build the event of a new list/feed item: fetch the linked page and take its `detail` region (or main text) as the
 * document. A page that cannot be fetched never blocks the alert: the item's own title and snippet stand in, with a note.
 */
export async function followItem(item: ListItem, ctx: WatcherContext, follow: boolean): Promise<ChangeEvent> {
  const base: ChangeEvent = {
    key: item.key,
    title: item.title,
    url: item.url,
    publishedAt: item.publishedAt,
    text: item.content ?? '',
  };
  if (!follow) return base;
  try {
    const page = await ctx.fetchDocument(item.url);
    const $ = loadHtml(page.text);
    const title = item.title || pageTitle($);
    const text = mainText($, ctx.watch.detail);
    const event = { ...base, title, text: text || base.text, url: page.finalUrl || item.url };
    return ctx.watch.attachments ? await withAttachments(event, $, event.url, ctx) : event;
  } catch (error) {
    const reason = error instanceof FetchFailure ? `${error.kind}: ${error.message}` : (error as Error).message;
    ctx.logger.warn(
      { url: item.url, err: reason },
      'linked document could not be fetched; alerting with the list entry',
    );
    return { ...base, notes: [`linked page not fetched (${reason})`] };
  }
}

/** Whether an item passes the watch's include/exclude keyword filters (plain words, or /regex/). */
export function passesFilter(text: string, include: string[], exclude: string[]): boolean {
  const test = (pattern: string) =>
    pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')
      ? new RegExp(pattern.slice(1, -1), 'i').test(text)
      : text.toLowerCase().includes(pattern.toLowerCase());
  if (include.length > 0 && !include.some(test)) return false;
  return !exclude.some(test);
}
