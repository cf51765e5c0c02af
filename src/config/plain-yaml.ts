/**
 * A fast reader for the plain YAML most config files are written in: block mappings and sequences (`- id: x` items
 * included), plain words, simple quoted strings, whole numbers, booleans, nulls and comments. It returns exactly what
 * the `yaml` package's `parse` returns for such a text, and `undefined` for anything else — flow collections, block
 * scalars, anchors, tags, escapes, floats, multi-line scalars, duplicate keys, tabs, CR, several documents, or text it
 * cannot place — so the caller parses that text with the full parser (which also reports positions and errors).
 * A config of a thousand watches reads in a few milliseconds this way instead of a few hundred.
 */

interface Line {
  indent: number;
  /** The line without its indentation and comment, trimmed at the end. */
  text: string;
}

/** Thrown inside the reader when the text leaves the subset; never escapes `readPlainYaml`. */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain();

const KEY = /^[A-Za-z_$][\w$./-]*$/;
/** Keys the core schema would read as something other than their own spelling, and the prototype's key. */
const SPECIAL_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '__proto__']);
/** A plain scalar may not start with an indicator or a sign (-1), nor be a special float (.inf, .5). */
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`+\s]/;
const DOT_NUMBER = /^\.(?:[0-9]|inf|Inf|INF|nan|NaN|NAN)/;
const INTEGER = /^[0-9]+$/;
/** Whatever could be a number other than a whole one (1.5, 1e3, 0x1F, 0o17) is left to the full parser; 10m is text. */
const NUMBER_LIKE = /^[0-9][0-9a-fA-FoOxX._+-]*$/;

function splitLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 0x20) indent++;
    let body = raw.slice(indent);
    if (body === '' || body.startsWith('#')) continue;
    const comment = body.indexOf(' #');
    if (comment >= 0) {
      // A quote before the comment could hold the ` #`: leave such lines to the full parser.
      if (/['"]/.test(body.slice(0, comment))) return undefined;
      body = body.slice(0, comment);
    }
    body = body.trimEnd();
    if (body.startsWith('---') || body.startsWith('...') || body.startsWith('%')) return undefined;
    lines.push({ indent, text: body });
  }
  return lines;
}

function scalar(text: string): unknown {
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  const first = text.charCodeAt(0);
  if (first === 0x27) {
    // 'single quoted': '' is a quote; nothing else is special.
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith("'") || inner.replaceAll("''", '').includes("'")) throw NOT_PLAIN;
    return inner.replaceAll("''", "'");
  }
  if (first === 0x22) {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith('"') || inner.includes('"') || inner.includes('\\')) throw NOT_PLAIN;
    return inner;
  }
  if (INTEGER.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw NOT_PLAIN;
    return n;
  }
  if (
    !PLAIN_START.test(text) ||
    NUMBER_LIKE.test(text) ||
    DOT_NUMBER.test(text) ||
    text.includes(': ') ||
    text.endsWith(':') ||
    text.includes('\t')
  )
    throw NOT_PLAIN;
  return text;
}

/** `key: rest` or `key:` → [key, rest]; anything else leaves the subset. */
function keyOf(text: string): [string, string] {
  const colon = text.indexOf(':');
  if (colon <= 0) throw NOT_PLAIN;
  const key = text.slice(0, colon);
  if (!KEY.test(key) || SPECIAL_KEYS.has(key)) throw NOT_PLAIN;
  if (colon === text.length - 1) return [key, ''];
  if (text.charCodeAt(colon + 1) !== 0x20) throw NOT_PLAIN;
  return [key, text.slice(colon + 2).trimStart()];
}

const isItem = (text: string) => text === '-' || text.startsWith('- ');

class Reader {
  i = 0;
  constructor(private readonly lines: Line[]) {}

  /** The node whose first line is the next one, indented exactly `indent`. */
  node(indent: number): unknown {
    const line = this.lines[this.i]!;
    if (line.indent !== indent) throw NOT_PLAIN;
    if (isItem(line.text)) return this.sequence(indent);
    this.i++;
    return this.mapping(indent, line.text);
  }

  /** The value of `key:` or `-` with nothing after it: the deeper lines, a sequence at a key's indent, or null. */
  nested(indent: number, sequenceAtSameIndent: boolean): unknown {
    const next = this.lines[this.i];
    if (!next || next.indent < indent) return null;
    if (next.indent > indent) return this.node(next.indent);
    return sequenceAtSameIndent && isItem(next.text) ? this.sequence(indent) : null;
  }

  sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (
      let line = this.lines[this.i];
      line && line.indent === indent && isItem(line.text);
      line = this.lines[this.i]
    ) {
      this.i++;
      const rest = line.text.slice(1).trimStart();
      if (rest === '') items.push(this.nested(indent, false));
      else if (isItem(rest)) throw NOT_PLAIN;
      else if (/^[A-Za-z_$][\w$./-]*:(?: |$)/.test(rest)) {
        // `- key: value`: a mapping whose later keys line up with this first one.
        items.push(this.mapping(indent + (line.text.length - rest.length), rest));
      } else {
        items.push(scalar(rest));
        this.noDeeperLine(indent);
      }
    }
    this.noDeeperLine(indent);
    return items;
  }

  /** A mapping at `indent` whose first line, `first`, has been read. */
  mapping(indent: number, first: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let text: string | undefined = first; text !== undefined;) {
      const [key, rest] = keyOf(text);
      if (Object.hasOwn(out, key)) throw NOT_PLAIN;
      if (rest === '') out[key] = this.nested(indent, true);
      else {
        out[key] = scalar(rest);
        this.noDeeperLine(indent);
      }
      const next = this.lines[this.i];
      text = next && next.indent === indent && !isItem(next.text) ? next.text : undefined;
      if (text !== undefined) this.i++;
    }
    this.noDeeperLine(indent);
    return out;
  }

  /**
   * After a scalar or at the end of a block, a deeper line would continue a scalar over several lines or sit between
   * two levels: leave that to the full parser.
   */
  private noDeeperLine(indent: number): void {
    const next = this.lines[this.i];
    if (next && next.indent > indent) throw NOT_PLAIN;
  }
}

/** `yaml`'s `parse(text)` for texts in the plain subset; undefined for any other text. */
export function readPlainYaml(text: string): unknown {
  if (text.includes('\t') || text.includes('\r') || text.includes('\0')) return undefined;
  const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!lines || lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  try {
    const reader = new Reader(lines);
    const value = reader.node(0);
    return reader.i === lines.length ? value : undefined;
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}
