import type Parser from 'rss-parser';
import { FetchFailure } from '../src/fetch/fetch-result.js';
import { absoluteUrl, canonicalKey } from '../src/watcher-kit/canonical-url.js';
import { parseDate } from '../src/watcher-kit/dates.js';
import { followItem, passesFilter } from '../src/watcher-kit/follow-item.js';
import { sha256 } from '../src/hash.js';
import { loadHtml, nodesText } from '../src/extract/html-text.js';
import { doctypeProblem } from '../src/security/xml-doctype.js';
import type { ListItem, Watcher } from '../src/watcher-kit/watcher.js';

/** Entries beyond this many are ignored: a hostile feed cannot make one check unbounded. */
const MAX_ENTRIES = 2000;
// Loaded with the first feed: a bot without feed watches never loads the XML parser.
let parser: Promise<Parser> | undefined;
const getParser = () => (parser ??= import('rss-parser').then(({ default: RssParser }) => new RssParser()));

function entryText(html: string | undefined): string {
  if (!html) return '';
  return nodesText(loadHtml(html).root().toArray());
}

/** Parse feed XML: rss-parser's parseString, after refusing a DOCTYPE that declares entities. */
async function parseFeed(xml: string): Promise<Parser.Output<Record<string, unknown>>> {
  // Feeds never need an internal DTD subset, which is where entities are declared. Decided on the tokenizer's own
  // reading of the whole prolog (src/security/xml-doctype.ts), not on a pattern over its first bytes.
  const problem = doctypeProblem(xml);
  if (problem) throw new FetchFailure('parse', `the feed was refused: ${problem} (entity expansion attacks)`);
  try {
    return await (await getParser()).parseString(xml);
  } catch (error) {
    throw new FetchFailure(
      'parse',
      `not a valid RSS/Atom feed: ${(error as Error).message.split('\n')[0]?.slice(0, 120)}`,
    );
  }
}

/** RSS/Atom: new entries (by guid, else link) are alerts; the entry's content, or its linked article, is classified. */
export const feedWatcher: Watcher = {
  kind: 'feed',
  extract: (fetched) => extractFeed(fetched.text, fetched.finalUrl),
  async changes(current, { seen }, ctx) {
    const fresh = (current.items ?? []).filter((i) => !seen.has(i.key));
    const { include, exclude, filterOn } = ctx.watch;
    const wanted =
      filterOn === 'document'
        ? fresh
        : fresh.filter((i) => passesFilter(`${i.title}\n${i.content ?? ''}`, include, exclude));
    const events = [];
    for (const item of wanted) {
      const follow = ctx.watch.follow ?? (item.content ?? '').length < 200;
      events.push(await followItem(item, ctx, follow));
    }
    return filterOn === 'document'
      ? events.filter((e) => passesFilter(`${e.title}\n${e.text}`, include, exclude))
      : events;
  },
};

/** Parse a feed into items keyed by guid, else link. */
async function extractFeed(xml: string, base: string): Promise<{ contentHash: string; items: ListItem[] }> {
  const feed = await parseFeed(xml);
  const entries = (feed.items ?? []).slice(0, MAX_ENTRIES);
  if (entries.length === 0) throw new FetchFailure('empty', 'the feed has no entries');
  const items: ListItem[] = [];
  for (const e of entries) {
    const link = e.link ? absoluteUrl(e.link, base) : null;
    const id = e.guid ?? (e as { id?: string }).id ?? link;
    if (!id) continue;
    const key = link && id === link ? (canonicalKey(link, base) ?? id) : `guid:${id}`;
    const content = entryText(
      (e as { 'content:encoded'?: string })['content:encoded'] ?? e.content ?? e.contentSnippet,
    );
    items.push({
      key,
      url: link ?? base,
      title: (e.title ?? '').trim(),
      publishedAt: parseDate(e.isoDate ?? e.pubDate ?? null),
      content,
    });
  }
  return { contentHash: sha256(items.map((i) => i.key).join('\n')), items };
}
