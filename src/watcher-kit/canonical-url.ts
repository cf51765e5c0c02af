/**
 * The key of a linked document: absolute, without fragment, scheme or default port, host lower-case, so
 * http://, https:// and #anchors of the same page are one item.
 */
export function canonicalKey(href: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return `${url.host.toLowerCase()}${url.pathname}${url.search}`;
}

/** Resolve a possibly relative link against the page it was found on; null for javascript:, mailto: and junk. */
export function absoluteUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
