import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/**
 * htmlparser2's Tokenizer, for the streaming extractor, at native speed: text, attribute values, comments and the
 * content of script and style are skipped with `indexOf` instead of being walked one character at a time (with
 * entity decoding on, htmlparser2 looks at every character). It calls the callbacks the Tokenizer would call, with the
 * same positions, with one difference the extractor does not see: attribute values other than `id` and `class` are
 * reported in one piece, their entities not decoded. Text and `<title>` content holding an entity go through a
 * Tokenizer of their own.
 *
 * Returns false, having called some callbacks, at markup it does not read exactly as htmlparser2 does (CDATA, `</>`,
 * unterminated comments or tags, an entity in an id or class …): the caller then starts over with the Tokenizer.
 */
export function tokenizeFast(html: string, cbs: TokenizerCallbacks): boolean {
  const length = html.length;
  let text = 0;
  let pos = 0;
  // The next `&` at or after `text` (-1: none left): looked up again only once the text has passed it.
  let amp = html.indexOf('&');
  const emitText = (end: number) => {
    if (end <= text) return;
    if (amp >= 0 && amp < text) amp = html.indexOf('&', text);
    if (amp < 0 || amp >= end) cbs.ontext(text, end);
    else decodeText(html, text, end, cbs);
  };
  for (;;) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) {
      emitText(length);
      cbs.onend();
      return true;
    }
    const c = html.charCodeAt(lt + 1);
    if (isAlpha(c)) {
      emitText(lt);
      const end = startTag(html, lt, cbs);
      if (end < 0) return false;
      text = pos = end;
    } else if (c === 0x2f /* / */) {
      emitText(lt);
      if (!isAlpha(html.charCodeAt(lt + 2))) return false;
      let nameEnd = lt + 2;
      while (nameEnd < length && !isWhitespace(html.charCodeAt(nameEnd)) && html.charCodeAt(nameEnd) !== 0x3e)
        nameEnd++;
      const gt = html.indexOf('>', nameEnd);
      if (gt < 0) return false;
      cbs.onclosetag(lt + 2, nameEnd);
      text = pos = gt + 1;
    } else if (c === 0x21 /* ! */) {
      emitText(lt);
      let end: number;
      if (html.startsWith('<!--', lt)) {
        // htmlparser2 lets the opening dashes count towards the closing ones: `<!-->` and `<!--->` are comments.
        const close =
          html.charCodeAt(lt + 4) === 0x3e
            ? lt + 2
            : html.startsWith('->', lt + 4)
              ? lt + 3
              : html.indexOf('-->', lt + 4);
        if (close < 0) return false;
        end = close + 3;
      } else {
        // `<![CDATA[`, and `<!-` or `<!>`, which htmlparser2 reads on past their first `>`.
        const next = html.charCodeAt(lt + 2);
        if (next === 0x5b || next === 0x2d || next === 0x3e) return false;
        const gt = html.indexOf('>', lt + 2);
        if (gt < 0) return false;
        end = gt + 1;
      }
      text = pos = end;
    } else if (c === 0x3f /* ? */) {
      emitText(lt);
      const gt = html.indexOf('>', lt + 2);
      if (gt < 0) return false;
      text = pos = gt + 1;
    } else {
      // Not markup: the `<` is text, though htmlparser2 starts a new piece of text at it.
      emitText(lt);
      text = lt;
      pos = lt + 1;
    }
  }
}

/** Elements whose content htmlparser2 reads as text up to their end tag (only `<title>` decodes entities in it). */
const SPECIAL = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/**
 * The special element (SPECIAL) the tag name between `start` and `end` names, in any case, else ''. Compared in place,
 * by character codes: a page has thousands of tags, and cutting and lower-casing each name starting with s, t or x
 * (span, td, tr, table …) was most of what the tokenizer allocated.
 */
function specialName(html: string, start: number, end: number): string {
  const length = end - start;
  if (length !== 3 && length !== 5 && length !== 6 && length !== 8) return '';
  const first = html.charCodeAt(start) | 0x20;
  const candidate =
    first === 0x73 /* s */
      ? length === 6
        ? 'script'
        : length === 5
          ? 'style'
          : ''
      : first === 0x74 /* t */
        ? length === 5
          ? 'title'
          : length === 8
            ? 'textarea'
            : ''
        : first === 0x78 /* x */ && length === 3
          ? 'xmp'
          : '';
  if (!candidate) return '';
  // `| 0x20` lower-cases exactly the ASCII letters the candidate is made of (and maps nothing else onto them but
  // characters that are not letters at all in a tag name, which htmlparser2 would not match either way).
  for (let k = 1; k < length; k++) if ((html.charCodeAt(start + k) | 0x20) !== candidate.charCodeAt(k)) return '';
  return candidate;
}

/** Whether `html` holds an `&` between `start` and `end` (an attribute value: short). */
function holdsAmpersand(html: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (html.charCodeAt(k) === 0x26) return true;
  return false;
}

/** A start tag at `lt`, with its attributes and, for script, style …, its content and end tag; returns where it ends. */
function startTag(html: string, lt: number, cbs: TokenizerCallbacks): number {
  const length = html.length;
  let i = lt + 1;
  while (i < length && !endsTagSection(html.charCodeAt(i))) i++;
  if (i >= length) return -1;
  cbs.onopentagname(lt + 1, i);
  const name = specialName(html, lt + 1, i);
  for (;;) {
    if (i >= length) return -1;
    const c = html.charCodeAt(i);
    if (c === 0x3e /* > */) {
      cbs.onopentagend(i);
      return SPECIAL.has(name) ? specialContent(html, name, i + 1, cbs) : i + 1;
    }
    if (c === 0x2f /* / */) {
      let j = i + 1;
      while (j < length && isWhitespace(html.charCodeAt(j))) j++;
      if (html.charCodeAt(j) === 0x3e) {
        cbs.onselfclosingtag(j);
        return j + 1;
      }
      i = j;
      continue;
    }
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    // An attribute name: its first character whatever it is, then up to `=`, white space, `/` or `>`.
    const nameStart = i++;
    while (i < length && html.charCodeAt(i) !== 0x3d && !endsTagSection(html.charCodeAt(i))) i++;
    cbs.onattribname(nameStart, i);
    const kept = keptAttribute(html, nameStart, i) !== undefined;
    while (i < length && isWhitespace(html.charCodeAt(i))) i++;
    if (html.charCodeAt(i) !== 0x3d /* = */) {
      cbs.onattribend(0, i);
      continue;
    }
    i++;
    while (i < length && isWhitespace(html.charCodeAt(i))) i++;
    const quote = html.charCodeAt(i);
    let valueStart: number;
    let valueEnd: number;
    if (quote === 0x22 || quote === 0x27) {
      valueStart = i + 1;
      valueEnd = html.indexOf(quote === 0x22 ? '"' : "'", valueStart);
      if (valueEnd < 0) return -1;
      i = valueEnd + 1;
    } else {
      valueStart = i;
      while (i < length && !isWhitespace(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x3e) i++;
      valueEnd = i;
    }
    if (kept && holdsAmpersand(html, valueStart, valueEnd)) return -1;
    if (valueEnd > valueStart) cbs.onattribdata(valueStart, valueEnd);
    cbs.onattribend(quote === 0x22 ? 3 : quote === 0x27 ? 2 : 1, i);
  }
}

/** The content of a special element from `from`, and its end tag: `</name` followed by white space or `>`. */
function specialContent(html: string, name: string, from: number, cbs: TokenizerCallbacks): number {
  const end = new RegExp(`</${name}[\\t\\n\\f\\r >]`, 'gi');
  end.lastIndex = from;
  const found = end.exec(html);
  if (!found) return -1;
  const lt = found.index;
  if (lt > from) {
    if (name !== 'title' || !html.slice(from, lt).includes('&')) cbs.ontext(from, lt);
    else if (html.slice(from, lt).includes('<')) return -1;
    else decodeText(html, from, lt, cbs);
  }
  cbs.onclosetag(lt + 2, lt + 2 + name.length);
  const gt = html.indexOf('>', lt + 2 + name.length);
  return gt < 0 ? -1 : gt + 1;
}

/** Text holding an entity, read by a Tokenizer of its own; positions moved to the page's. */
function decodeText(html: string, start: number, end: number, cbs: TokenizerCallbacks): void {
  const shifted: TokenizerCallbacks = {
    ...cbs,
    ontext: (s, e) => cbs.ontext(s + start, e + start),
    ontextentity: (cp, e) => cbs.ontextentity(cp, e + start),
    onend: () => undefined,
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, shifted);
  tokenizer.write(html.slice(start, end));
  tokenizer.end();
}

/**
 * 'id' or 'class' when the attribute name between `start` and `end` is one of them (in any case), else undefined: the
 * only attributes the extractor reads. By character codes (`| 0x20` lower-cases exactly the ASCII letters compared).
 */
export function keptAttribute(html: string, start: number, end: number): 'id' | 'class' | undefined {
  if (end - start === 2)
    return (html.charCodeAt(start) | 0x20) === 0x69 && (html.charCodeAt(start + 1) | 0x20) === 0x64 ? 'id' : undefined;
  if (end - start !== 5) return undefined;
  return (html.charCodeAt(start) | 0x20) === 0x63 &&
    (html.charCodeAt(start + 1) | 0x20) === 0x6c &&
    (html.charCodeAt(start + 2) | 0x20) === 0x61 &&
    (html.charCodeAt(start + 3) | 0x20) === 0x73 &&
    (html.charCodeAt(start + 4) | 0x20) === 0x73
    ? 'class'
    : undefined;
}

const isAlpha = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
const endsTagSection = (c: number) => c === 0x2f || c === 0x3e || isWhitespace(c);
