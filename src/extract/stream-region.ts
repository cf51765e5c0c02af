import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { decodeAs } from '../fetch/decode.js';
import { keptAttribute, tokenizeFast } from './fast-tokenizer.js';
import type { RawBody } from '../fetch/fetch-result.js';
import { BLOCK_TAGS, MAX_HTML_DEPTH, SKIP_TAGS, normaliseWhitespace } from './html-text.js';
import { matchesAny, parseSimpleSelectors, type Complex, type OpenElement } from './simple-selector.js';
import {
  ALWAYS_REMOVED,
  HEAD_TAGS,
  OPEN_IMPLIES_CLOSE,
  OpenCounts,
  RAW_FOR_PARSE5,
  VOID_ELEMENTS,
  startDiffers,
  textDiffers,
} from './tree-rules.js';

/**
 * The watched region's text, read in one pass of htmlparser2's tokenizer over the page, without building a DOM: only
 * the stack of open elements is kept (with htmlparser2's implied end tags), and text is only cut out of the page where
 * it is kept — inside the selected elements, the first `<h1>` and the `<title>`. The result is what `nodesText` and
 * `pageTitle` give on cheerio's (parse5's) tree of the same page.
 *
 * Where parse5 could build a different tree (see tree-rules.ts) the pass gives up and returns undefined, and the caller
 * builds the DOM. It also gives up when nothing matched, so a selector that matches nothing is judged on the DOM.
 */
export interface StreamedRegion {
  /** Normalised text of the selected elements, in document order. */
  text: string;
  /** The page title as `pageTitle` reads it: the first `<h1>`, else `<title>`. */
  title: string;
}

class GiveUp extends Error {}
/** Thrown when nothing after this point of the page can change the result (see `restCannotMatter`). */
class Done extends Error {}
// One of each, thrown again and again: a new Error would record a stack trace on every page.
const GIVE_UP = new GiveUp();
const DONE = new Done();

/**
 * The page as the pass reads it: `view` is what the tokenizer walks (the decoded page, or its bytes one character
 * each), `text(start, end)` the page's own text between two positions of the view.
 */
interface PageSource {
  view: string;
  text(start: number, end: number): string;
}

/** Elements the HTML parsers create without a start tag of theirs in the source (`<tr>` implies a tbody …). */
const IMPLICIT_TAGS = new Set(['html', 'head', 'body', 'tbody', 'tr', 'colgroup', 'p', 'br']);

interface Open extends OpenElement {
  /** A tbody parse5 inserts between a table and its row. */
  implied?: boolean;
}

interface Capture {
  parts: string[];
  depth: number;
}

/** Text gathered from one element (the first `<h1>`, the `<title>`): textContent, as cheerio's `.text()`. */
interface Gathered {
  depth: number;
  text: string;
  done: boolean;
}

/** HTML's own white space: parse5 keeps only these in table context and before `<body>`. */
function visible(html: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = html.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return true;
  }
  return false;
}
/** parse5 turns CR LF and lone CR into LF, and drops NUL in body text. */
const cleanText = (data: string): string =>
  data.includes('\r') || data.includes('\0') ? data.replace(/\r\n?/g, '\n').replace(/\0/g, '') : data;

/**
 * Stream `html` and return the text of the elements `select` names (after removing script, style, noscript and the
 * `ignore` selectors), or undefined when the selectors or the page need the DOM path.
 */
export function streamRegion(
  html: string,
  select: string,
  ignore: string[] = [],
  tokenizer: Tokenizing = 'fast',
): StreamedRegion | undefined {
  return streamWith({ view: html, text: (start, end) => html.slice(start, end) }, select, ignore, tokenizer);
}

/** 'fast': tokenizeFast, and htmlparser2's Tokenizer where it declines; 'htmlparser2': the Tokenizer only. */
export type Tokenizing = 'fast' | 'htmlparser2';

function streamWith(source: PageSource, select: string, ignore: string[], tokenizer: Tokenizing) {
  const result = streamSource(source, select, ignore, tokenizer === 'fast');
  return result === DECLINED ? (streamSource(source, select, ignore, false) as StreamedRegion | undefined) : result;
}

/** The fast tokenizer met markup it leaves to htmlparser2's. */
const DECLINED = Symbol('declined');

/**
 * `streamRegion` on a body not yet decoded: the tokenizer walks the bytes (as latin1, one character per byte) and only
 * the text kept is decoded. Exact for UTF-8 and GB18030, where every byte below 0x80 that can end a token (`<`, `>`,
 * `&`, `=`, quotes, white space, `/`, `-`) is that character and never part of another. Undefined for other charsets.
 */
export function streamRegionBytes(
  body: RawBody,
  select: string,
  ignore: string[] = [],
  tokenizer: Tokenizing = 'fast',
): StreamedRegion | undefined {
  const { bytes, charset } = body;
  if (charset !== 'utf-8' && charset !== 'gb18030') return undefined;
  const view = bytes.toString('latin1');
  // Bytes below 0x80 are the same characters in both charsets and in latin1: such a piece (white space between tags,
  // a class name, a number) is cut from the view instead of decoded.
  const text = (s: number, e: number) => (asciiOnly(view, s, e) ? view.slice(s, e) : decodeAs(bytes, charset, s, e));
  return streamWith({ view, text }, select, ignore, tokenizer);
}

/** Whether `view` holds only ASCII (below 0x80) between `start` and `end`. */
function asciiOnly(view: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (view.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** The tag names pages use most, by `tagKey`: one of them is not cut from the page again and again. */
const COMMON_TAGS = new Map<number, string>();
/** A number for a name (at most 15 characters) from its first, second and last characters and its length. */
const tagKey = (html: string, start: number, end: number) =>
  ((html.charCodeAt(start) * 256 + html.charCodeAt(start + 1 < end ? start + 1 : start)) * 256 +
    html.charCodeAt(end - 1)) *
    16 +
  (end - start);
for (const name of [
  ...['a', 'b', 'p', 'i', 'em', 'br', 'dd', 'dl', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'td'],
  ...['th', 'tr', 'ul', 'div', 'img', 'nav', 'body', 'font', 'form', 'head', 'html', 'link', 'main', 'meta', 'span'],
  ...['input', 'label', 'style', 'table', 'tbody', 'thead', 'title', 'button', 'footer', 'header', 'iframe'],
  ...['option', 'script', 'select', 'strong', 'section', 'article', 'noscript', 'textarea'],
]) {
  COMMON_TAGS.set(tagKey(name, 0, name.length), name);
}

/**
 * The lower-case name between `start` and `end` when it is one of COMMON_TAGS written in lower case (most tags are),
 * else undefined. Compared in place: nothing is allocated.
 */
function commonTagName(html: string, start: number, end: number): string | undefined {
  const length = end - start;
  if (length > 15) return undefined;
  const name = COMMON_TAGS.get(tagKey(html, start, end));
  return name !== undefined && html.startsWith(name, start) ? name : undefined;
}

/** Whether `name` holds a character outside `\t`–`~` (beyond ASCII, or a control character). */
function beyondAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x09 || c > 0x7e) return true;
  }
  return false;
}

function streamSource(
  source: PageSource,
  select: string,
  ignore: string[],
  fast: boolean,
): StreamedRegion | undefined | typeof DECLINED {
  const html = source.view;
  const selector = parseSimpleSelectors(select);
  if (!selector) return undefined;
  const ignored: Complex[] = [];
  for (const sel of ignore) {
    const parsed = parseSimpleSelectors(sel);
    if (!parsed || parsed.body) return undefined;
    ignored.push(...parsed.list);
  }
  // The page can stop being read once the selected elements are closed and no later start tag could match again,
  // nor give the title: that needs a tag name on every selector's subject (a class could be spelled with entities).
  const subjects = selector.body ? [] : selector.list.map((c) => c.parts[0]?.tag);
  const canStopEarly = subjects.length > 0 && subjects.every((t) => t !== undefined && !IMPLICIT_TAGS.has(t));
  let regionJustClosed = false;
  const stack: Open[] = [];
  const counts = new OpenCounts();
  const captures: Capture[] = [];
  const active: Capture[] = [];
  let removedAt = -1;
  let skipAt = -1;
  let svgDepth = 0;
  let bodyStarted = false;
  let afterBody = false;
  let h1: Gathered | undefined;
  let title: Gathered | undefined;
  // The start tag being read.
  let tag: Open | undefined;
  let attribute: 'id' | 'class' | undefined;
  let value = '';

  const startCapture = (depth: number) => {
    const capture: Capture = { parts: [], depth };
    captures.push(capture);
    active.push(capture);
  };
  const emit = (text: string) => {
    for (const capture of active) capture.parts.push(text);
  };
  /** Text (a slice or a decoded entity) where it is kept. */
  const text = (data: string) => {
    const top = stack[stack.length - 1]?.name;
    const clean = cleanText(data);
    if (title && !title.done && top === 'title') title.text += clean;
    if (h1 && !h1.done) h1.text += clean;
    if (skipAt < 0 && active.length) emit(clean);
  };
  const onText = (start: number, end: number, decoded?: string) => {
    const top = stack[stack.length - 1]?.name;
    if (textDiffers(top, afterBody) && (decoded ? /[^ \t\n\f\r]/.test(decoded) : visible(html, start, end)))
      throw GIVE_UP;
    if (removedAt >= 0) return;
    if (selector.body && !bodyStarted && (top === undefined || top === 'html' || top === 'head')) {
      if (!(decoded ? /[^ \t\n\f\r]/.test(decoded) : visible(html, start, end))) return;
      bodyStarted = true;
      startCapture(-1);
    }
    if (active.length || (h1 && !h1.done) || (title && !title.done)) text(decoded ?? source.text(start, end));
  };

  const open = (el: Open) => {
    const name = el.name;
    if (startDiffers(name, stack, afterBody, counts) || stack.length > MAX_HTML_DEPTH) throw GIVE_UP;
    if (name === 'tr' && stack[stack.length - 1]?.name === 'table')
      stack.push({ name: 'tbody', id: undefined, classes: undefined, implied: true });
    stack.push(el);
    counts.count(name, 1);
    const depth = stack.length - 1;
    if (name === 'svg') svgDepth++;
    if (removedAt >= 0) return;
    if (ALWAYS_REMOVED.has(name) || (ignored.length && matchesAny(ignored, stack))) {
      removedAt = depth;
      return;
    }
    if (name === 'title' && !title) title = { depth, text: '', done: false };
    if (name === 'h1' && !h1) h1 = { depth, text: '', done: false };
    if (selector.body) {
      if (!bodyStarted && (name === 'body' || !HEAD_TAGS.has(name))) {
        bodyStarted = true;
        startCapture(-1);
      }
    } else if (matchesAny(selector.list, stack)) {
      if (skipAt >= 0) throw GIVE_UP;
      startCapture(depth);
    }
    if (skipAt < 0 && SKIP_TAGS.has(name)) skipAt = depth;
    if (skipAt < 0 && active.length && BLOCK_TAGS.has(name)) emit('\n');
  };

  const close = (name: string, implied: boolean) => {
    // Implied elements are tbody, which is not counted.
    while (stack.length && stack[stack.length - 1]!.implied && name !== 'tbody') stack.pop();
    const popped = stack.pop();
    if (!popped) return;
    counts.count(popped.name, -1);
    const depth = stack.length;
    if (implied && RAW_FOR_PARSE5.has(name)) throw GIVE_UP;
    if (name === 'svg') svgDepth--;
    if (removedAt < 0 && skipAt < 0 && active.length && BLOCK_TAGS.has(name)) emit('\n');
    if (active.length && active[active.length - 1]!.depth === depth) {
      active.pop();
      if (active.length === 0) regionJustClosed = canStopEarly;
    }
    if (removedAt === depth) removedAt = -1;
    if (skipAt === depth) skipAt = -1;
    if (h1?.depth === depth) h1.done = true;
    if (title?.depth === depth) title.done = true;
    if (!implied && (name === 'body' || name === 'html')) afterBody = true;
  };

  /** htmlparser2's Parser: implied end tags, then the element (closed at once when void). */
  const startTag = (name: string) => {
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes)
      while (stack.length && closes.has(stack[stack.length - 1]!.name)) close(stack[stack.length - 1]!.name, true);
    tag = { name, id: undefined, classes: undefined };
  };
  const endStartTag = () => {
    if (!tag) return;
    const el = tag;
    tag = undefined;
    if (VOID_ELEMENTS.has(el.name)) {
      open(el);
      close(el.name, true);
    } else open(el);
  };

  /**
   * Whether the page from `from` on can no longer change the result: the selected elements are all closed (the parsers
   * agreed up to here, else the pass had given up, and later markup cannot move content into a closed element), no
   * later start tag could be another match, and the title is settled (the first `<h1>`, else `<title>`). A later
   * divergence of the two parsers would not change this result either, so the DOM is not needed for it.
   */
  const restCannotMatter = (from: number): boolean => {
    if (stack.some((el) => RAW_FOR_PARSE5.has(el.name))) return false;
    const later = new Set(subjects as string[]);
    const heading = h1?.done ? h1.text.trim() : '';
    if (!h1) later.add('h1');
    else if (!h1.done) return false;
    if (!heading && !title) later.add('title');
    else if (!heading && !title?.done) return false;
    const next = new RegExp(`<(?:${[...later].join('|')})(?![a-z0-9-])`, 'gi');
    next.lastIndex = from;
    return !next.test(html);
  };

  const slice = (start: number, end: number) => html.slice(start, end);
  /** Lower-cased as the decoded page would be: a name beyond ASCII (never one the rules know) is decoded first. */
  const tagName = (start: number, end: number) => {
    const common = commonTagName(html, start, end);
    if (common) return common;
    const name = slice(start, end);
    return (beyondAscii(name) ? source.text(start, end) : name).toLowerCase();
  };
  const callbacks: TokenizerCallbacks = {
    onattribname(start, end) {
      attribute = keptAttribute(html, start, end);
      value = '';
    },
    onattribdata(start, end) {
      if (attribute) value += source.text(start, end);
    },
    onattribentity(cp) {
      if (attribute) value += String.fromCodePoint(cp);
    },
    onattribend() {
      // The first of repeated attributes counts, as in both parsers.
      if (tag && attribute === 'id' && tag.id === undefined) tag.id = value;
      else if (tag && attribute === 'class' && tag.classes === undefined) tag.classes = value;
      attribute = undefined;
    },
    onopentagname(start, end) {
      startTag(tagName(start, end));
    },
    onopentagend() {
      endStartTag();
    },
    onselfclosingtag() {
      // In HTML `<div/>` is a start tag; inside <svg> a self-closing element ends at once.
      const el = tag;
      endStartTag();
      if (el && (svgDepth > 0 || el.name === 'svg') && !VOID_ELEMENTS.has(el.name)) {
        if (stack[stack.length - 1] === el) close(el.name, false);
      }
    },
    onclosetag(start, end) {
      const name = tagName(start, end);
      if (VOID_ELEMENTS.has(name)) {
        if (name === 'br') {
          startTag('br');
          endStartTag();
        }
        return;
      }
      let pos = -1;
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i]!.name === name && !stack[i]!.implied) {
          pos = i;
          break;
        }
      }
      if (pos >= 0) {
        while (stack.length > pos + 1) close(stack[stack.length - 1]!.name, true);
        close(name, false);
      } else if (name === 'p') {
        startTag('p');
        endStartTag();
        close('p', true);
      }
      if (regionJustClosed) {
        regionJustClosed = false;
        if (restCannotMatter(end)) throw DONE;
      }
    },
    ontext(start, end) {
      onText(start, end);
    },
    ontextentity(cp) {
      onText(0, 0, String.fromCodePoint(cp));
    },
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {
      while (stack.length) close(stack[stack.length - 1]!.name, true);
    },
  };
  try {
    if (fast) {
      if (!tokenizeFast(html, callbacks)) return DECLINED;
    } else {
      const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
      tokenizer.write(html);
      tokenizer.end();
    }
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    if (!(error instanceof Done)) throw error;
  }
  if (captures.length === 0) return undefined;
  let all = '';
  for (const capture of captures) all += capture.parts.join('');
  const heading = h1?.text.trim();
  return {
    text: normaliseWhitespace(all),
    title: normaliseWhitespace(heading || title?.text || '').split('\n')[0] ?? '',
  };
}
