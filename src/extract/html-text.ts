import { createRequire } from 'node:module';
import type * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { FetchFailure } from '../fetch/fetch-result.js';

const requireHere = createRequire(import.meta.url);
let cheerioModule: typeof cheerio | undefined;
/**
 * cheerio (with parse5) is loaded on the first page that needs a DOM: a pass whose pages the streaming extractor
 * reads, or a command that checks nothing, never loads it (~0.3 s of CPU). Its CommonJS build, the same code, so the
 * synchronous callers stay synchronous.
 */
export function cheerioLib(): typeof cheerio {
  return (cheerioModule ??= requireHere('cheerio') as typeof cheerio);
}

/** Elements whose text stands on its own lines. */
export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'tr',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'table',
  'ul',
  'ol',
  'dd',
  'dt',
  'blockquote',
  'pre',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'hr',
  'form',
  'title',
]);
/** Elements whose content is not visible text. */
export const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object']);

/**
 * Collapse runs of white space inside lines, trim lines, drop empty ones. One line at a time, without the arrays of a
 * split, map, filter and join: every page check normalises its region's text.
 */
export function normaliseWhitespace(text: string): string {
  const src = text.replace(/\u00a0|\u3000/g, ' ');
  let out = '';
  for (let start = 0; start <= src.length;) {
    let nl = src.indexOf('\n', start);
    if (nl < 0) nl = src.length;
    // A line ends before "\n" or "\r\n".
    const end = nl > start && src.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    const line = src
      .slice(start, end)
      .replace(/[ \t\f\v]+/g, ' ')
      .trim();
    if (line.length > 0) out = out.length > 0 ? `${out}\n${line}` : line;
    start = nl + 1;
  }
  return out;
}

/** The visible text of nodes, with block elements on their own lines; iterative so deep nesting cannot overflow. */
export function nodesText(nodes: AnyNode[]): string {
  const out: string[] = [];
  const stack: Array<AnyNode | '\n'> = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === '\n') {
      out.push('\n');
      continue;
    }
    const type = node.type as string;
    if (type === 'text') out.push((node as unknown as { data: string }).data);
    else if (type === 'tag' || type === 'root') {
      const el = node as Element;
      const name = el.name?.toLowerCase();
      if (name && SKIP_TAGS.has(name)) continue;
      const block = name !== undefined && BLOCK_TAGS.has(name);
      if (block) out.push('\n');
      if (block) stack.push('\n');
      const children = el.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push(child);
      }
    }
  }
  return normaliseWhitespace(out.join(''));
}

/** Selectors tried, in order, for an article's main text when a watch gives no `detail`. */
const MAIN_CANDIDATES = [
  '#UCAP-CONTENT',
  '.TRS_Editor',
  '.pages_content',
  '.art-con',
  '.article-content',
  '.article',
  'article',
  '#zoom',
  '#content',
  '.content',
  'main',
  '.main',
];

/** The main text of an article page: the `detail` selector, else the best-known content container, else the body. */
export function mainText($: cheerio.CheerioAPI, detail?: string): string {
  $('script, style, noscript, nav, header, footer').remove();
  if (detail) {
    const sel = $(detail);
    if (sel.length) return nodesText(sel.toArray());
  }
  for (const candidate of MAIN_CANDIDATES) {
    const sel = $(candidate);
    if (sel.length) {
      const text = nodesText(sel.toArray());
      if (text.length >= 80) return text;
    }
  }
  return nodesText($('body').toArray().length ? $('body').toArray() : $.root().toArray());
}

/** The document title: <h1>, else <title>. */
export function pageTitle($: cheerio.CheerioAPI): string {
  const h1 = $('h1').first().text().trim();
  return normaliseWhitespace(h1 || $('title').first().text()).split('\n')[0] ?? '';
}

/** Deeper nesting than any real page has; HTML parsers slow down badly on hostile pages nested deeper (parse5: 40 s
 * for 100,000 levels). */
export const MAX_HTML_DEPTH = 2000;
// Void elements, and elements whose end tag may be left out (real pages leave thousands of <li> and <p> open).
const NOT_COUNTED = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'td',
  'th',
  'tr',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tbody',
  'thead',
  'tfoot',
  'colgroup',
  'html',
  'head',
  'body',
  'rb',
  'rt',
  'rp',
]);

/**
 * Parse HTML with cheerio after a linear check of its nesting depth: a page nested absurdly deep is a parse failure
 * of its watch, not minutes of one blocked process.
 */
export function loadHtml(html: string): cheerio.CheerioAPI {
  let depth = 0;
  let max = 0;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (NOT_COUNTED.has(m[2]!.toLowerCase()) || m[3]) continue;
    depth += m[1] ? -1 : 1;
    if (depth > max && (max = depth) > MAX_HTML_DEPTH) {
      throw new FetchFailure(
        'parse',
        `the page nests elements more than ${MAX_HTML_DEPTH} deep: refused as hostile or broken`,
      );
    }
    if (depth < 0) depth = 0;
  }
  return cheerioLib().load(html);
}
