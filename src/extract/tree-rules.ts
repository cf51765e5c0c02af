/**
 * The rules the streaming extractor needs to keep its stack of open elements the way htmlparser2's Parser keeps it
 * (implied end tags, void elements), and to notice where parse5 — which builds cheerio's DOM, after the HTML standard's
 * tree construction — would build a different tree, so that the page goes to the DOM path instead.
 */

const P_ONLY = new Set(['p']);
const FORM_CONTROLS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);

/** htmlparser2: a start tag closes the current element while the current element is one of these. */
export const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, Set<string>] => [
    t,
    FORM_CONTROLS,
  ]),
  ...[
    ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div'],
    ...['dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre'],
    ...['section', 'table', 'ul'],
  ].map((t): [string, Set<string>] => [t, P_ONLY]),
]);

/** Elements without content or end tag. */
export const VOID_ELEMENTS = new Set([
  ...['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex'],
  ...['keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'],
]);

/** Elements removed before selecting, whatever the watch's `ignore` says. */
export const ALWAYS_REMOVED = new Set(['script', 'style', 'noscript']);
/** Elements that may stand before `<body>` without opening it. */
export const HEAD_TAGS = new Set([
  ...['html', 'head', 'title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template'],
]);
/** The only elements parse5 keeps in place directly inside these table parts (anything else is foster-parented). */
// A Map: a tag name cut from the page is looked up by its hash, which a Set lookup before has already computed.
export const TABLE_CHILDREN = new Map<string, Set<string>>([
  [
    'table',
    new Set(['caption', 'colgroup', 'col', 'tbody', 'thead', 'tfoot', 'tr', 'script', 'style', 'input', 'form']),
  ],
  ['tbody', new Set(['tr', 'script', 'style', 'input', 'form'])],
  ['thead', new Set(['tr', 'script', 'style', 'input', 'form'])],
  ['tfoot', new Set(['tr', 'script', 'style', 'input', 'form'])],
  ['tr', new Set(['td', 'th', 'script', 'style', 'input', 'form'])],
]);
const SELECT_PARTS = new Set(['select', 'option', 'optgroup']);
const SELECT_CHILDREN = new Set(['option', 'optgroup', 'script', 'template']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose content parse5 reads as raw text or in its own insertion mode. */
const GIVE_UP = new Set(['xmp', 'plaintext', 'noembed', 'noframes', 'frameset', 'math', 'template', 'listing']);
/** Raw text for parse5: an end tag inside must not close anything outside (htmlparser2 would). */
export const RAW_FOR_PARSE5 = new Set(['noscript', 'iframe']);
/** Elements parse5 tolerates after `</body>` without changing the tree's text. */
const AFTER_BODY_OK = new Set(['script', 'style', 'link', 'meta', 'noscript']);

/** Start tags that close an open `<p>` (parse5: in button scope; htmlparser2: only when it is the current element). */
const CLOSES_P = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figcaption'],
  ...['figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section'],
  ...['summary', 'table', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dd', 'dt', 'listing', 'xmp', 'plaintext'],
]);
/** Where parse5's search for an open `<p>` stops (button scope). */
const BUTTON_SCOPE = new Set(['table', 'td', 'th', 'caption', 'button', 'object', 'applet', 'marquee', 'html']);
/** Where parse5's search for an open `<li>`, `<dd>` or `<dt>` stops: special elements other than address, div, p. */
const LIST_STOP = new Set([
  ...['article', 'aside', 'blockquote', 'body', 'button', 'caption', 'center', 'dd', 'details', 'dir', 'dl', 'dt'],
  ...['fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup'],
  ...['html', 'iframe', 'li', 'main', 'marquee', 'menu', 'nav', 'object', 'ol', 'pre', 'section', 'select', 'summary'],
  ...['table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'applet'],
]);
/** Where parse5's search for an open `<a>` (among the active formatting elements) stops. */
const FORMATTING_MARKERS = new Set(['td', 'th', 'caption', 'button', 'object', 'applet', 'marquee']);
const LI = new Set(['li']);
const A = new Set(['a']);
const FORM = new Set(['form']);
const NOWHERE = new Set<string>();

/** Whether `open` (names, outermost first) holds an element of `targets` nearer the top than any of `stops`. */
function openWithin(open: readonly { name: string }[], targets: Set<string>, stops: Set<string>): boolean {
  for (let i = open.length - 1; i >= 0; i--) {
    const name = open[i]!.name;
    if (targets.has(name)) return true;
    if (stops.has(name)) return false;
  }
  return false;
}

/**
 * How many elements of each name `startDiffers` looks for down the stack are open: where none is, the stack need not
 * be walked (a page opens hundreds of elements that close a `<p>`, and rarely has one open).
 */
export class OpenCounts {
  p = 0;
  li = 0;
  dd = 0;
  dt = 0;
  a = 0;
  form = 0;

  /** An element named `name` was pushed (`by` 1) or popped (`by` -1). By character codes: called for every tag. */
  count(name: string, by: 1 | -1): void {
    const n = name.length;
    if (n > 4) return;
    const second = n > 1 ? name.charCodeAt(1) : 0;
    switch (name.charCodeAt(0)) {
      case 0x70 /* p */:
        if (n === 1) this.p += by;
        return;
      case 0x61 /* a */:
        if (n === 1) this.a += by;
        return;
      case 0x6c /* l */:
        if (n === 2 && second === 0x69 /* i */) this.li += by;
        return;
      case 0x64 /* d */:
        if (n === 2 && second === 0x64 /* d */) this.dd += by;
        else if (n === 2 && second === 0x74 /* t */) this.dt += by;
        return;
      case 0x66 /* f */:
        if (name === 'form') this.form += by;
    }
  }
}

/**
 * Whether the tree parse5 builds could differ from the stream's when `name` starts on top of `open` (after
 * htmlparser2's implied end tags): parse5 closing an element further down than the current one, foster parenting in
 * tables, `<select>` content, nested headings, content after `</body>`, or elements parse5 reads its own way.
 * `counts`, when given, are those of `open`.
 */
export function startDiffers(
  name: string,
  open: readonly { name: string }[],
  afterBody: boolean,
  counts?: OpenCounts,
): boolean {
  const top = open[open.length - 1]?.name;
  if (GIVE_UP.has(name) || (afterBody && !AFTER_BODY_OK.has(name))) return true;
  if (top !== undefined) {
    const allowed = TABLE_CHILDREN.get(top);
    if (allowed && !allowed.has(name)) return true;
    if (SELECT_PARTS.has(top) && !SELECT_CHILDREN.has(name)) return true;
    if (HEADINGS.has(name) && HEADINGS.has(top)) return true;
  }
  if (name === 'li' && (!counts || counts.li > 0) && openWithin(open, LI, LIST_STOP)) return true;
  if ((name === 'dd' || name === 'dt') && (!counts || counts.dd + counts.dt > 0) && openWithin(open, DD_DT, LIST_STOP))
    return true;
  if (name === 'a' && (!counts || counts.a > 0) && openWithin(open, A, FORMATTING_MARKERS)) return true;
  if (name === 'form' && (!counts || counts.form > 0) && openWithin(open, FORM, NOWHERE)) return true;
  return CLOSES_P.has(name) && (!counts || counts.p > 0) && openWithin(open, P_ONLY, BUTTON_SCOPE);
}

/** Whether visible text directly inside `top` would be moved (tables) or read differently (select) by parse5. */
export function textDiffers(top: string | undefined, afterBody: boolean): boolean {
  return afterBody || (top !== undefined && (TABLE_CHILDREN.has(top) || top === 'select'));
}
