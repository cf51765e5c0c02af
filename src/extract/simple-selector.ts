/**
 * The CSS selectors the streaming extractor can match while the page streams past: lists (`a, b`) of compound
 * selectors — a tag, `#id`, `.class` (several), in any mix — joined by descendant (` `) or child (`>`)
 * combinators. Anything else (attributes, pseudo-classes, sibling combinators, `html`/`head`/`body` inside a longer
 * selector) is left to the full DOM: `parseSimpleSelectors` returns undefined for it.
 */

export interface Compound {
  /** Lower-case tag name, or undefined for any element. */
  tag?: string;
  id?: string;
  classes: string[];
}

/** One complex selector, right to left: `parts[0]` is the subject; `combinators[i]` joins parts[i] and parts[i+1]. */
export interface Complex {
  parts: Compound[];
  combinators: Array<' ' | '>'>;
}

/** `body` alone: the whole document body, however the page spells (or leaves out) its `<body>` tag. */
export type SelectorList = { body: true } | { body: false; list: Complex[] };

const NAME = /^-?[_a-zA-Z\u00a0-\uffff][_a-zA-Z0-9\u00a0-\uffff-]*/;
const TAG = /^[a-zA-Z][a-zA-Z0-9-]*/;
/** Elements the HTML parser places itself: matching them (or under them) by ancestry is left to the DOM. */
const DOCUMENT_TAGS = new Set(['html', 'head', 'body']);

function parseCompound(text: string): Compound | undefined {
  const compound: Compound = { classes: [] };
  let rest = text;
  const tag = TAG.exec(rest);
  if (tag) {
    compound.tag = tag[0].toLowerCase();
    rest = rest.slice(tag[0].length);
  } else if (!rest) return undefined;
  while (rest.length) {
    const kind = rest[0];
    const name = NAME.exec(rest.slice(1));
    if ((kind !== '#' && kind !== '.') || !name) return undefined;
    if (kind === '#') {
      if (compound.id !== undefined) return undefined;
      compound.id = name[0];
    } else compound.classes.push(name[0]);
    rest = rest.slice(1 + name[0].length);
  }
  return compound;
}

function parseComplex(text: string): Complex | undefined {
  const tokens = text
    .replace(/\s*>\s*/g, ' > ')
    .trim()
    .split(/\s+/);
  const parts: Compound[] = [];
  const combinators: Array<' ' | '>'> = [];
  let pending: ' ' | '>' | undefined;
  for (const token of tokens) {
    if (token === '>') {
      if (pending === '>' || parts.length === 0) return undefined;
      pending = '>';
      continue;
    }
    const compound = parseCompound(token);
    if (!compound || (compound.tag && DOCUMENT_TAGS.has(compound.tag))) return undefined;
    if (parts.length) combinators.push(pending ?? ' ');
    parts.push(compound);
    pending = undefined;
  }
  if (pending || parts.length === 0) return undefined;
  return { parts: parts.reverse(), combinators: combinators.reverse() };
}

/** The selector list as the streaming extractor understands it, or undefined when it needs the full DOM. */
export function parseSimpleSelectors(selector: string): SelectorList | undefined {
  const trimmed = selector.trim();
  if (trimmed.toLowerCase() === 'body') return { body: true };
  // Attributes, pseudo-classes, sibling combinators, escapes, namespaces and `*` (which would match the elements the
  // parser adds itself) need the DOM.
  if (/[[\]():+~\\|"'*]/.test(trimmed)) return undefined;
  const list: Complex[] = [];
  for (const part of trimmed.split(',')) {
    const complex = parseComplex(part);
    if (!complex) return undefined;
    list.push(complex);
  }
  return { body: false, list };
}

/** What the extractor knows of an open element. */
export interface OpenElement {
  name: string;
  id: string | undefined;
  /** The class attribute as written; split when a selector first asks. */
  classes: string | undefined;
  classList?: string[];
}

function matchesCompound(c: Compound, el: OpenElement): boolean {
  if (c.tag !== undefined && c.tag !== el.name) return false;
  if (c.id !== undefined && c.id !== el.id) return false;
  if (c.classes.length === 0) return true;
  if (el.classes === undefined) return false;
  const list = (el.classList ??= el.classes.split(/[ \t\n\f\r]+/));
  for (const cls of c.classes) if (!list.includes(cls)) return false;
  return true;
}

/** Whether the element on top of `stack` (its last entry) matches `complex`, judged by its open ancestors. */
export function matchesComplex(complex: Complex, stack: OpenElement[]): boolean {
  const subject = stack[stack.length - 1];
  if (!subject || !matchesCompound(complex.parts[0]!, subject)) return false;
  return matchAncestors(complex, 1, stack, stack.length - 2);
}

function matchAncestors(complex: Complex, part: number, stack: OpenElement[], from: number): boolean {
  if (part >= complex.parts.length) return true;
  const compound = complex.parts[part]!;
  if (complex.combinators[part - 1] === '>') {
    const parent = stack[from];
    return (
      parent !== undefined && matchesCompound(compound, parent) && matchAncestors(complex, part + 1, stack, from - 1)
    );
  }
  for (let i = from; i >= 0; i--) {
    if (matchesCompound(compound, stack[i]!) && matchAncestors(complex, part + 1, stack, i - 1)) return true;
  }
  return false;
}

/** Whether the element on top of `stack` matches any selector of the list. */
export function matchesAny(list: Complex[], stack: OpenElement[]): boolean {
  for (const complex of list) if (matchesComplex(complex, stack)) return true;
  return false;
}
