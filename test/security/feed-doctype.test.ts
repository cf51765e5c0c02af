/**
 * Feeds that declare entities are refused, decided on the XML tokenizer's own reading of the prolog (the same sax
 * that parses the feed): padding the prolog past any look-ahead, or a `>` inside a quoted DOCTYPE literal, changes
 * nothing; a feed with a plain DOCTYPE, or with "<!ENTITY" inside an entry's CDATA, is read as usual.
 */
import { describe, expect, it } from 'vitest';
import { feedWatcher } from '../../watchers/feed.js';
import type { FetchOk } from '../../src/fetch/fetch-result.js';
import type { WatcherContext } from '../../src/watcher-kit/watcher.js';

const ITEMS = `<channel><title>t</title><item><title>稀土出口管制</title><link>https://example.org/a</link><description><![CDATA[正文 <!ENTITY is only text here>]]></description></item></channel></rss>`;

function extract(xml: string) {
  const fetched: FetchOk = {
    modified: true,
    url: 'https://example.org/feed',
    finalUrl: 'https://example.org/feed',
    status: 200,
    contentType: 'application/rss+xml',
    text: xml,
    durationMs: 1,
  };
  return feedWatcher.extract(fetched, {} as WatcherContext);
}

const padding = `<!--${'p'.repeat(30_000)}-->`;
const refused = /declares XML entities/;

describe('feed DOCTYPE pre-check', () => {
  it('refuses an internal subset behind a ">" inside a quoted SYSTEM literal', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "urn:a>b" [ <!ENTITY x "boom"> ]><rss version="2.0">${ITEMS}`;
    await expect(extract(xml)).rejects.toThrow(refused);
  });

  it('refuses entity declarations padded past the first 20,000 characters, quoted ">" and all', async () => {
    const xml = `<?xml version="1.0"?>${padding}<!DOCTYPE rss SYSTEM "urn:a>b" [ ${padding} <!ENTITY x "boom"> ]><rss version="2.0">${ITEMS}`;
    await expect(extract(xml)).rejects.toThrow(refused);
  });

  it('reads a feed with a plain DOCTYPE and "<!ENTITY" inside an entry CDATA', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="2.0">${ITEMS}`;
    const out = await extract(xml);
    expect(out.items?.map((i) => i.title)).toEqual(['稀土出口管制']);
  });
});
