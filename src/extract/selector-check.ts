import { loadHtml } from './html-text.js';
import { parseSimpleSelectors } from './simple-selector.js';

const checked = new Map<string, string | undefined>();

/**
 * Why a CSS selector is unusable (cheerio's first error line), or undefined when it is fine. A selector the streaming
 * extractor reads (tags, ids, classes, descendant and child combinators) is valid CSS and needs no DOM, so checking a
 * thousand watches loads no HTML parser; any other selector is tried once on a tiny cheerio document, then cached.
 */
export function selectorError(selector: string): string | undefined {
  if (parseSimpleSelectors(selector)) return undefined;
  if (checked.has(selector)) return checked.get(selector);
  let error: string | undefined;
  try {
    loadHtml('<p></p>')(selector);
  } catch (e) {
    error = (e as Error).message.split('\n')[0];
  }
  checked.set(selector, error);
  return error;
}
