import { FetchFailure } from '../fetch/fetch-result.js';
import { loadHtml, nodesText, pageTitle } from './html-text.js';
import type { RawBody } from '../fetch/fetch-result.js';
import { streamRegion, streamRegionBytes, type StreamedRegion } from './stream-region.js';

/** The region's text and the page title from the full DOM (cheerio on parse5): every selector cheerio knows. */
export function domRegion(html: string, select: string, ignore: string[] = []): StreamedRegion {
  const $ = loadHtml(html);
  for (const sel of ['script', 'style', 'noscript', ...ignore]) $(sel).remove();
  const region = $(select);
  if (region.length === 0) {
    throw new FetchFailure('selector', `select "${select}" matched nothing: the site may have changed its markup`);
  }
  return { text: nodesText(region.toArray()), title: pageTitle($) };
}

/**
 * The selected region's text and the page title: streamed without a DOM when the selectors and the page allow it
 * (see stream-region.ts), else from the DOM. Both give the same text.
 */
export function pageRegion(html: string, select: string, ignore: string[] = []): StreamedRegion {
  const { text, title } = streamRegion(html, select, ignore) ?? domRegion(html, select, ignore);
  return { text: detached(text), title: detached(title) };
}

/**
 * `pageRegion` of a fetched page: when its body is still bytes, the pass reads them and decodes only the text it keeps
 * (see `streamRegionBytes`); the whole page is decoded only for the DOM path.
 */
export function fetchedRegion(
  fetched: { text: string; body?: RawBody },
  select: string,
  ignore: string[] = [],
): StreamedRegion {
  // Its strings are cut from the decoded pieces it kept, never from a decoded page: nothing to detach.
  return (fetched.body && streamRegionBytes(fetched.body, select, ignore)) ?? pageRegion(fetched.text, select, ignore);
}

/**
 * A copy of `s` that does not keep the page alive: V8 cuts substrings as views of their parent, so a one-line title
 * sliced from a 60 KB page would hold the whole page for as long as the snapshot that stores it.
 */
const detached = (s: string): string => (s.length > 0 ? Buffer.from(s, 'utf16le').toString('utf16le') : s);
