import type * as cheerio from 'cheerio';
import { FetchFailure, type FetchOk } from '../src/fetch/fetch-result.js';
import type { Watch } from '../src/config/load-config.js';
import { absoluteUrl, canonicalKey } from '../src/watcher-kit/canonical-url.js';
import { parseDate } from '../src/watcher-kit/dates.js';
import { followItem, passesFilter } from '../src/watcher-kit/follow-item.js';
import { sha256 } from '../src/hash.js';
import { loadHtml, normaliseWhitespace } from '../src/extract/html-text.js';
import { getPath } from '../src/watcher-kit/json-path.js';
import type { ListItem, Watcher } from '../src/watcher-kit/watcher.js';

/** Items of an HTML list (a page, or an HTML fragment from a JSON API). */
function htmlItems(html: string, base: string, watch: Watch): ListItem[] {
  const $ = loadHtml(html);
  const elements = $(watch.items ?? 'li');
  if (elements.length === 0) {
    throw new FetchFailure(
      'selector',
      `items "${watch.items ?? 'li'}" matched nothing: the list is empty, rendered by JavaScript (try fetch: browser or a json: API), or the site changed its markup`,
    );
  }
  const items: ListItem[] = [];
  elements.each((_, el) => {
    const item = $(el);
    if (watch.eachLink) {
      items.push(...linkItems($, item, base, watch));
      return;
    }
    const a = watch.link ? item.find(watch.link).first() : item.is('a[href]') ? item : item.find('a[href]').first();
    const href = a.attr('href');
    if (!href) return;
    const url = absoluteUrl(href, base);
    const key = url ? canonicalKey(url, base) : null;
    if (!url || !key) return;
    const titleEl = watch.title ? item.find(watch.title).first() : a;
    const title = normaliseWhitespace(titleEl.attr('title') ?? titleEl.text()).replace(/\n/g, ' ');
    const dateText = watch.date ? item.find(watch.date).first().text() : item.text();
    items.push({ key, url, title, publishedAt: parseDate(dateText) });
  });
  return items;
}

/**
 * `eachLink: true`: every link of one element is an item, titled with the element's title and the link's text —
 * GAC's year page is a table whose rows are reports and whose cells are month links reading only `1月`, `2月`….
 */
function linkItems(
  $: cheerio.CheerioAPI,
  item: ReturnType<cheerio.CheerioAPI>,
  base: string,
  watch: Watch,
): ListItem[] {
  const heading = normaliseWhitespace(
    watch.title ? item.find(watch.title).first().text() : item.children().first().text(),
  ).replace(/\n/g, ' ');
  const out: ListItem[] = [];
  item.find(watch.link ?? 'a[href]').each((_, el) => {
    const a = $(el);
    const url = absoluteUrl(a.attr('href') ?? '', base);
    const key = url ? canonicalKey(url, base) : null;
    if (!url || !key) return;
    const text = normaliseWhitespace(a.attr('title') ?? a.text()).replace(/\n/g, ' ');
    out.push({
      key,
      url,
      title: heading && !text.includes(heading) ? `${heading} ${text}` : text,
      publishedAt: parseDate(a.text()),
    });
  });
  return out;
}

/** Items of a JSON API: an array of objects, or an HTML fragment inside the JSON (`json.html: true`). */
function jsonItems(fetched: FetchOk, watch: Watch): ListItem[] {
  const spec = watch.json;
  if (!spec) return [];
  let data: unknown;
  try {
    data = JSON.parse(fetched.text);
  } catch (error) {
    throw new FetchFailure('parse', `the answer is not JSON (${(error as Error).message.slice(0, 80)})`);
  }
  const value = getPath(data, spec.path);
  if (spec.html) {
    if (typeof value !== 'string')
      throw new FetchFailure('parse', `json.path "${spec.path}" is not an HTML string in the answer`);
    return htmlItems(value, fetched.finalUrl, watch);
  }
  if (!Array.isArray(value)) throw new FetchFailure('parse', `json.path "${spec.path}" is not an array in the answer`);
  const items: ListItem[] = [];
  for (const entry of value) {
    const href = getPath(entry, spec.link);
    if (typeof href !== 'string') continue;
    const url = absoluteUrl(href, fetched.finalUrl);
    const key = url ? canonicalKey(url, fetched.finalUrl) : null;
    if (!url || !key) continue;
    const rawTitle = getPath(entry, spec.title);
    const title = (typeof rawTitle === 'string' || typeof rawTitle === 'number' ? String(rawTitle) : '')
      .replace(/<[^>]+>/g, '')
      .trim();
    const date = spec.date ? getPath(entry, spec.date) : undefined;
    items.push({
      key,
      url,
      title,
      publishedAt: parseDate(typeof date === 'number' || typeof date === 'string' ? date : null),
    });
  }
  return items;
}

/**
 * An index page of announcements: each item keyed by its link; new items are alerts, and each new item's linked page
 * becomes the document to classify. A list that suddenly has no items is a failure, not "everything was removed".
 */
export const listWatcher: Watcher = {
  kind: 'list',
  extract(fetched, { watch }) {
    const all = watch.json ? jsonItems(fetched, watch) : htmlItems(fetched.text, fetched.finalUrl, watch);
    if (all.length === 0)
      throw new FetchFailure('empty', 'the list has no linked items: an empty page or a changed layout');
    const unique = [...new Map(all.map((i) => [i.key, i])).values()];
    return { contentHash: sha256(unique.map((i) => i.key).join('\n')), items: unique };
  },
  async changes(current, { seen }, ctx) {
    const fresh = (current.items ?? []).filter((i) => !seen.has(i.key));
    const { include, exclude, filterOn } = ctx.watch;
    const wanted = filterOn === 'document' ? fresh : fresh.filter((i) => passesFilter(i.title, include, exclude));
    const events = [];
    for (const item of wanted) events.push(await followItem(item, ctx, ctx.watch.follow ?? true));
    // filterOn: document — a press-conference transcript's title never says 稀土; its text does.
    return filterOn === 'document'
      ? events.filter((e) => passesFilter(`${e.title}\n${e.text}`, include, exclude))
      : events;
  },
};
