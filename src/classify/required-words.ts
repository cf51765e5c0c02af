/**
 * Words a regex cannot match without: a cheap test that lets the classifier skip most of its full-text scans.
 *
 * Most of the classifier's regexes find nothing in a given document (nine rule scans in ten come back empty on the
 * corpus), yet each is a full pass over the text. `requiredWords` reads a regex's source and returns a set of literal
 * strings such that any text the regex matches contains at least one of them (for a rule about quotas: "quota",
 * "配额", "指标" …), or `null` when it cannot say. `WordScanner` finds, in one pass over a document, which of those
 * literals occur, so a regex whose every required word is absent is known not to match without being run.
 *
 * The reading is conservative: whatever it does not understand (a class too wide to list, a back-reference, a
 * quantifier that allows zero) requires nothing, so it can only fail to save a scan, never skip one that would match.
 */

import { topLevelAlternatives } from './alternatives.js';

/** What a part of a pattern tells: the exact strings it can match (when few), and words any match must contain. */
interface Reading {
  /** Every string the part can match, when there are few and short ones; `null` otherwise. */
  exact: Set<string> | null;
  /** A set of words one of which every match contains; `null`: no such set is known. */
  required: Set<string> | null;
  /**
   * Strings one of which every match starts with (`''` among them: a match may start with anything), or `null`: not
   * known. Set wherever `exact` is (the strings themselves).
   */
  prefix: Set<string> | null;
  /**
   * Set on a part that may match nothing and otherwise starts with one of `prefix`'s non-empty strings (`(?:the\s+)?`):
   * a match of a sequence holding it starts there, or with what follows it.
   */
  optional?: boolean;
}

const MAX_EXACT = 48;
const MAX_EXACT_LENGTH = 40;
const NOTHING: Reading = { exact: new Set(['']), required: null, prefix: new Set(['']) };
const UNKNOWN: Reading = { exact: null, required: null, prefix: null };

/** A word that tells something: the empty string is in every text. */
const usable = (set: Set<string> | null): set is Set<string> => set !== null && set.size > 0 && !set.has('');

/**
 * How rare a word is likely to be, from its letters: a Chinese character says about as much as three Latin letters,
 * a space or a stop less than one ("at " is in most English texts, 指标 in few).
 */
function rarity(word: string): number {
  let r = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    r += c >= 0x2e80 ? 3 : (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) ? 1 : 0.5;
  }
  return r;
}

/** The better of two requirements: the rarer commonest word, then fewer words. */
function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!usable(a)) return usable(b) ? b : null;
  if (!usable(b)) return a;
  const weakest = (s: Set<string>) => Math.min(...[...s].map(rarity));
  const [ra, rb] = [weakest(a), weakest(b)];
  if (ra !== rb) return ra > rb ? a : b;
  return a.size <= b.size ? a : b;
}

/** Drop words that contain another word of the set: the shorter one is present whenever the longer is. */
function minimal(words: Set<string>): Set<string> {
  const list = [...words].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const w of list) if (!kept.some((k) => w.includes(k))) kept.push(w);
  return new Set(kept);
}

function cross(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a)
    for (const y of b) {
      if (x.length + y.length > MAX_EXACT_LENGTH) return null;
      out.add(x + y);
    }
  return out;
}

/**
 * The strings a match starts with when `lead` is followed by a part starting with one of `next`: as `cross`, but a
 * lead that is only the empty string leaves the part's own strings, however many (a list of forty verbs is kept;
 * `scanPlan` decides whether so many are worth looking for).
 */
function startWith(lead: Set<string>, next: Set<string>): Set<string> | null {
  return lead.size === 1 && lead.has('') ? next : cross(lead, next);
}

class Parser {
  private i = 0;
  /** Words are kept lower-cased and read against the lower-cased text (a case-sensitive pattern only loses some). */
  constructor(private readonly src: string) {}

  parse(): Reading {
    const r = this.alternation();
    if (this.i < this.src.length) throw new Error(`unexpected ${this.src[this.i]} at ${this.i}`);
    return r;
  }

  private alternation(): Reading {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    let exact: Set<string> | null = new Set();
    let required: Set<string> | null = new Set();
    let prefix: Set<string> | null = new Set();
    for (const b of branches) {
      exact = exact && b.exact && exact.size + b.exact.size <= MAX_EXACT ? new Set([...exact, ...b.exact]) : null;
      required = required && usable(b.required) ? new Set([...required, ...b.required]) : null;
      prefix = prefix && b.prefix ? new Set([...prefix, ...b.prefix]) : null;
    }
    return { exact, required, prefix };
  }

  private sequence(): Reading {
    let exact: Set<string> | null = new Set(['']);
    let run: Set<string> | null = new Set(['']);
    let required: Set<string> | null = null;
    // The strings the parts read so far start every match with, while each part was listed (`lead`), then final.
    let lead: Set<string> = new Set(['']);
    let prefix: Set<string> | null = null;
    // Where a match starts inside an optional part read so far (`(?:the\s+)?customs`: "the", then "customs").
    let skipped: Set<string> | null = new Set();
    const closeRun = () => {
      if (run) required = better(required, run);
    };
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const part = this.quantified();
      required = better(required, part.required);
      if (prefix === null) {
        const grown = part.exact ? cross(lead, part.exact) : null;
        const within = !grown && part.optional ? startWith(lead, new Set([...part.prefix!].filter((w) => w))) : null;
        if (grown) lead = grown;
        // An optional part: a match starts inside it, or it is absent and the lead goes on with the next part.
        else if (within && skipped) skipped = new Set([...skipped, ...within]);
        // A part not listed (or a list grown too long) ends the prefix: the lead, then what the part starts with.
        else prefix = (part.prefix && startWith(lead, part.prefix)) ?? lead;
      }
      if (part.exact) {
        run = run ? cross(run, part.exact) : part.exact;
        if (run === null) run = part.exact;
        exact = exact ? cross(exact, part.exact) : null;
      } else {
        closeRun();
        run = null;
        exact = null;
      }
      // A run that grows too long to list starts again from this part (its own strings still require).
      if (run) required = better(required, run);
    }
    closeRun();
    const starts: Set<string> = prefix ?? lead;
    return { exact, required, prefix: skipped?.size ? new Set([...starts, ...skipped]) : starts };
  }

  private quantified(): Reading {
    const atom = this.atom();
    const c = this.src[this.i];
    let min = 1;
    let max = 1;
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m) {
        this.i += m[0].length;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      }
    }
    if (min !== 1 || max !== 1) {
      if (this.src[this.i] === '?') this.i++; // lazy
      if (min === 0) {
        // Optional: may match nothing. `x?` keeps its strings and the empty one; `x*` and `.{0,20}` are not listed.
        if (max === 1 && atom.exact) {
          const exact = new Set([...atom.exact, '']);
          return { exact, required: null, prefix: exact };
        }
        // (Where the part occurs at all, a match of it starts with one of its own prefixes: `optional`.)
        const optional = atom.prefix !== null && !atom.prefix.has('');
        return { exact: null, required: null, prefix: atom.prefix && new Set([...atom.prefix, '']), optional };
      }
      return {
        exact: null,
        required: atom.required ?? (usable(atom.exact) ? minimal(atom.exact) : null),
        prefix: atom.prefix,
      };
    }
    return atom;
  }

  private atom(): Reading {
    const c = this.src[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '.') return UNKNOWN;
    if (c === '^' || c === '$') return NOTHING;
    return this.literal(c);
  }

  private literal(c: string): Reading {
    // A non-ASCII letter with case is matched in ways lower-casing may not mirror: require nothing of it.
    if (c.charCodeAt(0) > 0x7f && c.toUpperCase() !== c.toLowerCase()) return UNKNOWN;
    const w = c.toLowerCase();
    return { exact: new Set([w]), required: new Set([w]), prefix: new Set([w]) };
  }

  private group(): Reading {
    this.i++; // (
    let lookaround = false;
    if (this.src[this.i] === '?') {
      const rest = this.src.slice(this.i, this.i + 3);
      if (rest.startsWith('?:')) this.i += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        this.i += 2;
        lookaround = true;
      } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
        this.i += 3;
        lookaround = true;
      } else if (rest.startsWith('?<')) {
        const close = this.src.indexOf('>', this.i);
        if (close < 0) throw new Error('unterminated group name');
        this.i = close + 1;
      } else throw new Error(`unknown group at ${this.i}`);
    }
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Error(`missing ) at ${this.i}`);
    this.i++;
    // A look-around matches no characters of its own.
    return lookaround ? NOTHING : inner;
  }

  private escape(): Reading {
    const next = this.src[this.i + 1];
    if (next === undefined) throw new Error('trailing backslash');
    this.i += 2;
    if (next === 'b' || next === 'B') return NOTHING;
    if ('dDsSwW'.includes(next) || /[1-9k]/.test(next)) {
      if (next === 'k' && this.src[this.i] === '<') this.i = this.src.indexOf('>', this.i) + 1;
      else while (/\d/.test(next) && /\d/.test(this.src[this.i] ?? '')) this.i++;
      return UNKNOWN;
    }
    const ch = this.escapedChar(next);
    return ch === null ? UNKNOWN : this.literal(ch);
  }

  /** The character an escape stands for (after its backslash and first letter), or null. */
  private escapedChar(next: string): string | null {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };
    if (next in simple) return simple[next]!;
    if (next === 'u' || next === 'x') {
      const len = next === 'u' ? 4 : 2;
      const hex = this.src.slice(this.i, this.i + len);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) return null;
      this.i += len;
      return String.fromCharCode(parseInt(hex, 16));
    }
    if (next === 'c' || next === 'p' || next === 'P') return null;
    return next; // an escaped punctuation character stands for itself
  }

  private charClass(): Reading {
    this.i++; // [
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let listable = !negated;
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let ch: string | null;
      if (this.src[this.i] === '\\') {
        const next = this.src[this.i + 1]!;
        this.i += 2;
        if ('dDsSwWbB'.includes(next)) {
          listable = false;
          continue;
        }
        ch = this.escapedChar(next);
      } else ch = this.src[this.i++]!;
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && ch !== null) {
        this.i++;
        let to: string | null;
        if (this.src[this.i] === '\\') {
          const next = this.src[this.i + 1]!;
          this.i += 2;
          to = this.escapedChar(next);
        } else to = this.src[this.i++]!;
        if (to === null || to.charCodeAt(0) - ch.charCodeAt(0) > 24) listable = false;
        else for (let k = ch.charCodeAt(0); k <= to.charCodeAt(0); k++) chars.add(String.fromCharCode(k));
        continue;
      }
      if (ch === null) listable = false;
      else chars.add(ch);
    }
    if (this.src[this.i] !== ']') throw new Error('unterminated class');
    this.i++;
    if (!listable || chars.size === 0 || chars.size > 32) return UNKNOWN;
    const words = new Set<string>();
    for (const ch of chars) {
      const r = this.literal(ch);
      if (!r.exact) return UNKNOWN;
      for (const w of r.exact) words.add(w);
    }
    return { exact: words, required: words, prefix: words };
  }
}

/**
 * Words, lower-cased, one of which occurs in the lower-cased form of every text `re` matches, or `null` when the
 * source does not show such a set.
 */
export function requiredWords(re: RegExp): string[] | null {
  const key = `${re.flags}/${re.source}`;
  let words = readings.get(key);
  if (words === undefined) readings.set(key, (words = readRequiredWords(re)));
  return words && [...words];
}

/**
 * `requiredWords` of each pattern read so far (flags, a slash, the source → its words), seeded from the build's
 * reading of the shipped rules (`seedRequiredWords`): reading a thousand rule patterns costs a cold process about a
 * third of a second before its first classification.
 */
const readings = new Map<string, string[] | null>();

/** Every pattern read so far and its words, as the build stores them (src/config/shipped-rules.ts). */
export function requiredWordsRead(): Record<string, string[] | null> {
  return { ...Object.fromEntries(readings), ...Object.fromEntries([...prefixes].map(([k, v]) => [`^${k}`, v])) };
}

/** Take readings made elsewhere (the build's); a pattern missing from them is read when first asked for. */
export function seedRequiredWords(known: Record<string, string[] | null>): void {
  for (const [key, words] of Object.entries(known))
    if (key.startsWith('^')) prefixes.set(key.slice(1), words);
    else readings.set(key, words);
}

/** What the source of `re` tells (see Reading), or null when it is not read. */
function readingOf(re: RegExp): Reading | null {
  // With Unicode case folding (flags i and u or v) 's' also matches the long s (ſ), which lower-casing the text
  // leaves as it is: such a pattern is not read.
  if (re.flags.includes('i') && (re.flags.includes('u') || re.flags.includes('v'))) return null;
  try {
    return new Parser(re.source).parse();
  } catch {
    return null;
  }
}

function readRequiredWords(re: RegExp): string[] | null {
  const reading = readingOf(re);
  const set = reading && (reading.required ?? (usable(reading.exact) ? reading.exact : null));
  return usable(set) ? [...minimal(set)] : null;
}

/**
 * Strings, lower-cased, one of which every match of `re` starts with in the lower-cased text (`\bapprov`,
 * `(?:暂停|停止)实施` → approv; 暂停, 停止), or `null` when the source does not show such a set. Kept with the required
 * words (`requiredWordsRead`, keys starting with ^), so the build's seed holds them too.
 */
export function prefixWords(re: RegExp): string[] | null {
  const key = `${re.flags}/${re.source}`;
  let words = prefixes.get(key);
  if (words === undefined) {
    const prefix = readingOf(re)?.prefix ?? null;
    prefixes.set(key, (words = usable(prefix) ? [...minimalPrefixes(prefix)] : null));
  }
  return words;
}
const prefixes = new Map<string, string[] | null>();

/** Drop strings that start with another of the set: a match starting with the longer starts with the shorter. */
function minimalPrefixes(words: Set<string>): Set<string> {
  const list = [...words].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const w of list) if (!kept.some((k) => w.startsWith(k))) kept.push(w);
  return new Set(kept);
}

/** One alternative of an expression: its own global and sticky forms, and the words any match of it starts with. */
export interface ScanPart {
  /** A number of its own, which word indexes key what they know of the part by. */
  serial: number;
  re: RegExp;
  sticky: RegExp;
  /** Lower-cased words one of which every match starts with, few and rare enough to look for; else null. */
  starts: readonly string[] | null;
}

/** How Matches finds an expression's matches: by its alternatives (see alternatives.ts). */
export interface ScanPlan {
  parts: readonly ScanPart[];
  /**
   * Whether a match of the expression is a match of the alternative that made it, as `exec` gives it: the expression
   * has no capturing group (whose numbers would differ) and no `d` flag. Then Matches returns the alternative's own
   * match instead of running the whole expression again where it starts.
   */
  asPart: boolean;
}

const PLANS = new WeakMap<RegExp, ScanPlan | null>();
let serials = 0;

/**
 * The plan of a global expression, or null when scanning it whole is as good: it has one alternative and no start
 * words worth looking for, or flags that change what an offset is (`u`, `v`, `y`).
 */
export function scanPlan(re: RegExp): ScanPlan | null {
  let plan = PLANS.get(re);
  if (plan === undefined) PLANS.set(re, (plan = makePlan(re)));
  return plan;
}

/**
 * At most this many start words are looked for: one the document lacks costs nothing, each present one a step through
 * its listed occurrences (a list of forty verbs is still cheaper than running the alternative over the document).
 */
const MAX_STARTS = 96;

function makePlan(re: RegExp): ScanPlan | null {
  if (!re.global || /[uvy]/.test(re.flags)) return null;
  const sources = topLevelAlternatives(re.source) ?? [re.source];
  const parts = sources.map((source): ScanPart => {
    const part = new RegExp(source, re.flags);
    const starts = prefixWords(part);
    // A start word as common as "on" or "20" would be tried more often than a scan costs.
    const useful = starts !== null && starts.length <= MAX_STARTS && starts.every((w) => rarity(w) >= 3);
    return {
      serial: serials++,
      re: part,
      sticky: new RegExp(source, `${re.flags.replace('g', '')}y`),
      starts: useful ? starts : null,
    };
  });
  if (parts.length === 1 && parts[0]!.starts === null) return null;
  // (An empty alternative added: matching the empty string, `exec` tells how many groups the expression has.)
  const groups = new RegExp(`${re.source}|`, re.flags.replace(/[gy]/g, '')).exec('')!.length - 1;
  return { parts, asPart: groups === 0 && !re.hasIndices };
}

/**
 * A test for a short text (a slice around a match of another expression): false when `re` cannot match it, since none
 * of the words it needs (`requiredWords`) occurs in it; true otherwise, and always for a pattern whose words cannot be
 * read. For gates before a costly expression, derived from the expression itself rather than kept beside it by hand.
 */
export function wordGate(re: RegExp): (text: string) => boolean {
  const words = requiredWords(re);
  if (!words) return () => true;
  return (text) => {
    const lower = text.toLowerCase();
    return words.some((w) => lower.includes(w));
  };
}

/**
 * Which of a fixed list of words occur in a text, and roughly where, found in one pass: the words form a trie with
 * Aho–Corasick failure links, so each character of the text costs one step of the automaton (a character that starts
 * no word, at the root, only a table read). The trie's edges after the first letter live in one open-addressing hash
 * table of typed arrays; the first letters in a table indexed by the character.
 */
export class WordScanner {
  readonly words: readonly string[];
  private readonly ids = new Map<string, number>();
  /** Per character: the trie node of a word's first letter, or 0 (the root). */
  private readonly roots = new Int32Array(1 << 16);
  /** Per trie node: the word it ends (id + 1), or 0. */
  private readonly ends: Int32Array;
  /** Per trie node: the node of its longest proper suffix that is in the trie (0: the root). */
  private readonly fail: Int32Array;
  /** Per trie node: the node of its longest proper suffix that ends a word, or 0. */
  private readonly nextEnd: Int32Array;
  /** Per trie node: the first node of the words that end there (itself when it ends one, else `nextEnd`), or 0. */
  private readonly output: Int32Array;
  /** Per word id: its length. */
  private readonly lengths: Int32Array;
  /** The edge table: parent node, character and child node (0 marks an empty slot: the root is no child). */
  private readonly edgeParent: Int32Array;
  private readonly edgeChar: Int32Array;
  private readonly edgeChild: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  /**
   * The automaton's steps on ASCII characters laid out whole (node × 128, failure links followed in advance), so that
   * English text, most of whose letters continue some word, takes one table read a character; null for a word list
   * too large for 16-bit node numbers. Other characters take the edge table and the failure links.
   */
  private readonly ascii: Uint16Array | null;
  /**
   * Whether the scan folds ASCII capitals itself (`ascii` gives a capital its small letter's steps), so that a text is
   * scanned as written, not lower-cased first: lower-casing a Chinese text (ICU) cost more than the scan saved. Set
   * when the table exists and no word holds a capital (the words of a `WordIndex` are lower-cased).
   */
  readonly folds: boolean;
  /**
   * The automaton's steps on other characters from a node other than the root, failure links followed in advance
   * (node, character → node), where they do not lead to the root's own step (`roots`): one hash look-up a character
   * instead of a look-up at every node of the failure chain. (Kept with the ASCII table only.)
   */
  private readonly jumpNode: Int32Array;
  private readonly jumpChar: Int32Array;
  private readonly jumpTo: Int32Array;
  private readonly jumpMask: number;
  private readonly jumpShift: number;

  constructor(words: Iterable<string>) {
    const list = [...new Set(words)].filter((w) => w.length > 0);
    this.words = list;
    this.lengths = Int32Array.from(list, (w) => w.length);
    // Build with maps, then lay the edges out in the table.
    const children: Array<Array<[char: number, child: number]>> = [[]];
    const edges = new Map<string, number>();
    const endOf: number[] = [0];
    let nodes = 0;
    const add = (parent: number, char: number) => {
      const node = ++nodes;
      children[node] = [];
      children[parent]!.push([char, node]);
      return node;
    };
    list.forEach((w, id) => {
      this.ids.set(w, id);
      const first = w.charCodeAt(0);
      let node = this.roots[first]!;
      if (node === 0) this.roots[first] = node = add(0, first);
      for (let k = 1; k < w.length; k++) {
        const key = `${node}:${w.charCodeAt(k)}`;
        let child = edges.get(key);
        if (child === undefined) edges.set(key, (child = add(node, w.charCodeAt(k))));
        node = child;
      }
      endOf[node] = id + 1;
    });
    this.ends = new Int32Array(nodes + 1);
    endOf.forEach((e, node) => (this.ends[node] = e ?? 0));
    let size = 16;
    while (size < edges.size * 2) size *= 2;
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
    this.edgeParent = new Int32Array(size);
    this.edgeChar = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    for (const [key, child] of edges) {
      const [parent, char] = key.split(':').map(Number) as [number, number];
      let slot = this.slotOf(parent, char);
      while (this.edgeChild[slot] !== 0) slot = (slot + 1) & this.mask;
      this.edgeParent[slot] = parent;
      this.edgeChar[slot] = char;
      this.edgeChild[slot] = child;
    }
    // Failure links, breadth first: a node's suffix is shorter, so its own link is known by then.
    this.fail = new Int32Array(nodes + 1);
    this.nextEnd = new Int32Array(nodes + 1);
    const queue = children[0]!.map(([, child]) => child);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      for (const [char, child] of children[node]!) {
        this.fail[child] = this.step(this.fail[node]!, char);
        const suffix = this.fail[child];
        this.nextEnd[child] = this.ends[suffix] !== 0 ? suffix : this.nextEnd[suffix]!;
        queue.push(child);
      }
    }
    this.output = this.ends.map((e, node) => (e !== 0 ? node : this.nextEnd[node]!));
    this.ascii = nodes < 0xffff ? new Uint16Array((nodes + 1) * 128) : null;
    this.folds = this.ascii !== null && !list.some((w) => /[A-Z]/.test(w));
    const jumps: Array<Map<number, number> | undefined> = [];
    if (this.ascii) {
      const { ascii, fail } = this;
      for (let c = 0; c < 128; c++) ascii[c] = this.roots[c]!;
      // Breadth first, a node's failure node has its row by the time the node is reached.
      for (const node of queue) {
        for (let c = 0; c < 128; c++) {
          const child = this.child(node, c);
          ascii[node * 128 + c] = child >= 0 ? child : ascii[fail[node]! * 128 + c]!;
        }
        // Other characters: the node's own children, else where its failure node goes (unless that is the root).
        const inherited = jumps[fail[node]!];
        let own: Map<number, number> | undefined;
        for (const [char, child] of children[node]!) if (char >= 128) (own ??= new Map(inherited)).set(char, child);
        jumps[node] = own ?? inherited;
      }
      if (this.folds)
        for (let row = 0; row <= nodes; row++)
          for (let c = 65; c <= 90; c++) ascii[row * 128 + c] = ascii[row * 128 + c + 32]!;
    }
    let count = 0;
    for (const j of jumps) count += j?.size ?? 0;
    let jumpSize = 16;
    while (jumpSize < count * 2) jumpSize *= 2;
    this.jumpMask = jumpSize - 1;
    this.jumpShift = 32 - Math.log2(jumpSize);
    this.jumpNode = new Int32Array(jumpSize);
    this.jumpChar = new Int32Array(jumpSize);
    this.jumpTo = new Int32Array(jumpSize);
    jumps.forEach((map, node) => {
      for (const [char, to] of map ?? []) {
        let slot = WordScanner.hash(node, char, this.jumpShift);
        while (this.jumpTo[slot] !== 0) slot = (slot + 1) & this.jumpMask;
        this.jumpNode[slot] = node;
        this.jumpChar[slot] = char;
        this.jumpTo[slot] = to;
      }
    });
  }

  private static hash(node: number, char: number, shift: number): number {
    return Math.imul(Math.imul(node, 0x9e3779b1) ^ char, 0x85ebca6b) >>> shift;
  }

  private slotOf(parent: number, char: number): number {
    return Math.imul(Math.imul(parent, 0x9e3779b1) ^ char, 0x85ebca6b) >>> this.shift;
  }

  /** The child of `node` by `char`, or -1. */
  private child(node: number, char: number): number {
    for (let slot = this.slotOf(node, char); this.edgeChild[slot] !== 0; slot = (slot + 1) & this.mask)
      if (this.edgeParent[slot] === node && this.edgeChar[slot] === char) return this.edgeChild[slot]!;
    return -1;
  }

  /** The automaton's next state from `node` on `char`. */
  private step(node: number, char: number): number {
    for (;;) {
      if (node === 0) return this.roots[char]!;
      const child = this.child(node, char);
      if (child >= 0) return child;
      node = this.fail[node]!;
    }
  }

  /** The id of a word of the list, or -1. */
  idOf(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  /** The width (as a shift) of blocks that cut a text of `length` characters into at most 32. */
  static blockShift(length: number): number {
    let shift = 0;
    while ((length - 1) >> shift >= 32) shift++;
    return shift;
  }

  /**
   * Where the words occur in `text` (lower-cased, or as written when the scanner `folds` capitals): per word id, a mask
   * of the 32 blocks of the text (`blockShift` wide) in which an occurrence starts; 0 for a word that does not occur.
   * With `listed` (per word id, its slot among the words whose every start is wanted, else -1), those starts are also
   * written to `occurrences`.
   */
  scan(
    text: string,
    blockShift = WordScanner.blockShift(text.length),
    listed?: Int32Array,
    occurrences?: Occurrences,
  ): Int32Array {
    const found = new Int32Array(this.words.length);
    occurrences?.clear();
    // At most one place a character where words end: (place, first word's node) pairs.
    if (this.hits.length < 2 * text.length) this.hits = new Int32Array(2 * text.length);
    const { hits, ends, nextEnd, lengths } = this;
    const count = this.walk(text, hits);
    for (let h = 0; h < count; h += 2) {
      const i = hits[h]!;
      // Every word that ends here: the node's own, then those of its suffixes.
      for (let at = hits[h + 1]!; at !== 0; at = nextEnd[at]!) {
        const id = ends[at]! - 1;
        const start = i + 1 - lengths[id]!;
        found[id]! |= 1 << (start >> blockShift);
        if (listed !== undefined && listed[id]! >= 0) occurrences!.add(listed[id]!, start);
      }
    }
    return found;
  }

  /** Where the words of `scan` (a buffer kept between scans) end: the place and the first node of the words there. */
  private hits = new Int32Array(0);

  /**
   * The automaton's walk over `text`: writes to `hits`, for each place where some word ends, the place and the node
   * of the first such word (`output`), and returns how many numbers it wrote. (A loop of its own, calling nothing: the
   * compiled loop then keeps its tables' checks out of the walk, which runs for every character of every document.)
   */
  private walk(text: string, hits: Int32Array): number {
    const { roots, fail, output, edgeParent, edgeChar, edgeChild, mask, shift, ascii } = this;
    const { jumpNode, jumpChar, jumpTo, jumpMask, jumpShift } = this;
    const n = text.length;
    let count = 0;
    let node = 0;
    for (let i = 0; i < n; i++) {
      const char = text.charCodeAt(i);
      if (char < 128 && ascii !== null) node = ascii[node * 128 + char]!;
      else if (node === 0) node = roots[char]!;
      else if (ascii !== null) {
        // One look-up in the steps laid out in advance (the hash written out: this runs for most characters of a
        // Chinese text); a pair not there leads where the root's step does.
        let slot = Math.imul(Math.imul(node, 0x9e3779b1) ^ char, 0x85ebca6b) >>> jumpShift;
        let next = roots[char]!;
        for (let to = jumpTo[slot]!; to !== 0; to = jumpTo[slot]!) {
          if (jumpNode[slot] === node && jumpChar[slot] === char) {
            next = to;
            break;
          }
          slot = (slot + 1) & jumpMask;
        }
        node = next;
      }
      // One step of the automaton (the edge lookup written out), for a word list too large for the tables.
      else
        for (;;) {
          if (node === 0) {
            node = roots[char]!;
            break;
          }
          let slot = Math.imul(Math.imul(node, 0x9e3779b1) ^ char, 0x85ebca6b) >>> shift;
          let next = 0;
          for (let child = edgeChild[slot]!; child !== 0; child = edgeChild[slot]!) {
            if (edgeParent[slot] === node && edgeChar[slot] === char) {
              next = child;
              break;
            }
            slot = (slot + 1) & mask;
          }
          if (next !== 0) {
            node = next;
            break;
          }
          node = fail[node]!;
        }
      const first = output[node]!;
      if (first !== 0) {
        hits[count++] = i;
        hits[count++] = first;
      }
    }
    return count;
  }
}

/**
 * Every start of some words in one text, grouped by word in text order: gathered as (slot, start) pairs while the text
 * is scanned, then laid out word by word (`sort`), so that Matches steps through a start word's occurrences instead of
 * searching the text for it again and again.
 */
export class Occurrences {
  private pairs = new Int32Array(256);
  private count = 0;
  /** Per slot, where its starts begin in `starts`; the slot's starts end where the next slot's begin. */
  first: Int32Array;
  starts = new Int32Array(0);

  constructor(private readonly slots: number) {
    this.first = new Int32Array(slots + 1);
  }

  clear(): void {
    this.count = 0;
  }

  add(slot: number, start: number): void {
    if (this.count + 2 > this.pairs.length) {
      const grown = new Int32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.count++] = slot;
    this.pairs[this.count++] = start;
  }

  /** Group the pairs by slot (a counting sort: the order of each slot's starts is the text's). */
  sort(): this {
    const { pairs, count, slots } = this;
    // Counts, then where each slot's starts end; placed from the last pair back, each slot's end moves to its start.
    const first = new Int32Array(slots + 1);
    for (let k = 0; k < count; k += 2) first[pairs[k]!]!++;
    for (let slot = 1; slot < slots; slot++) first[slot]! += first[slot - 1]!;
    const starts = new Int32Array(count >> 1);
    for (let k = count - 2; k >= 0; k -= 2) starts[--first[pairs[k]!]!] = pairs[k + 1]!;
    first[slots] = count >> 1;
    this.first = first;
    this.starts = starts;
    return this;
  }
}

/** The words of a set of expressions, each expression's word ids, and one scanner for them all. */
export class WordIndex {
  private readonly scanner: WordScanner;
  private readonly needs = new Map<RegExp, Int32Array>();
  /** By a planned alternative's serial: the ids of its required words, and the slots of its start words. */
  private readonly partNeeds: Int32Array[] = [];
  private readonly partStarts: Int32Array[] = [];
  /** Per word id, its slot among the start words (whose occurrences are listed), or -1. */
  private readonly listed: Int32Array;
  private slots = 0;

  constructor(expressions: Iterable<RegExp | null | undefined>) {
    const byRe = new Map<RegExp, string[]>();
    const planned = new Map<number, ScanPart>();
    for (const re of expressions) {
      if (!re || byRe.has(re)) continue;
      const words = requiredWords(re);
      if (words) byRe.set(re, words);
      // Each alternative of a split expression is asked for on its own (Matches runs those the document may hold), and
      // where its start words occur.
      for (const part of scanPlan(re)?.parts ?? []) planned.set(part.serial, part);
    }
    const partWords = new Map<number, string[] | null>();
    for (const [serial, part] of planned) partWords.set(serial, requiredWords(part.re));
    const startWords = [...planned.values()].flatMap((p) => p.starts ?? []);
    this.scanner = new WordScanner([
      ...[...byRe.values()].flat(),
      ...[...partWords.values()].flatMap((w) => w ?? []),
      ...startWords,
    ]);
    const ids = (list: readonly string[]) => Int32Array.from(list, (w) => this.scanner.idOf(w));
    // Start words get a slot each: their every occurrence is listed when a text is read.
    this.listed = new Int32Array(this.scanner.words.length).fill(-1);
    for (const [serial, part] of planned) {
      const words = partWords.get(serial);
      if (words) this.partNeeds[serial] = ids(words);
      if (!part.starts) continue;
      this.partStarts[serial] = Int32Array.from(ids(part.starts), (id) =>
        id < 0 ? -1 : this.listed[id]! >= 0 ? this.listed[id]! : (this.listed[id] = this.slots++),
      );
    }
    for (const [re, list] of byRe)
      this.needs.set(
        re,
        Int32Array.from(list, (w) => this.scanner.idOf(w)),
      );
  }

  /**
   * Which of the expressions a text may match, and where: one pass over it, ASCII capitals folded by the scanner (or
   * over its lower-cased form, for a word list too large for the scanner's tables).
   */
  read(text: string): DocumentWords {
    const shift = WordScanner.blockShift(text.length);
    const scanned = this.scanner.folds ? text : text.toLowerCase();
    // (Lower-casing that changes a length, as İ does, would move offsets: such a text is not searched by its words.)
    const kept = scanned.length === text.length;
    const parts = { needs: this.partNeeds, starts: this.partStarts };
    const occurrences = new Occurrences(this.slots);
    const blocks = this.scanner.scan(scanned, shift, kept ? this.listed : undefined, occurrences);
    return new DocumentWords(blocks, shift, this.needs, kept ? scanned : null, parts, occurrences.sort());
  }
}

/** ASCII capitals to small letters, nothing else: offset for offset the text the scanner read when it folds them. */
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (run) => run.toLowerCase());

/** The words one document holds, and roughly where, for `mayMatch` and `mayMatchIn`. */
export class DocumentWords {
  private folded: string | null = null;

  constructor(
    /** Per word id, the blocks of the document its occurrences start in (WordScanner.scan). */
    private readonly blocks: Int32Array,
    private readonly shift: number,
    private readonly needs: ReadonlyMap<RegExp, Int32Array>,
    /**
     * The text the words were found in, offset for offset the document's (as written, or lower-cased), or null when
     * lower-casing moved offsets: Matches runs alternatives from the occurrences of their start words only when set.
     */
    readonly scanned: string | null = null,
    private readonly parts: { needs: readonly Int32Array[]; starts: readonly Int32Array[] } = { needs: [], starts: [] },
    /** Where each start word occurs in `scanned` (by slot): the alternatives' start words, listed by the scan. */
    readonly occurrences: Occurrences = new Occurrences(0),
  ) {}

  /**
   * `scanned` with its ASCII capitals in small letters (the words are lower-cased), where Matches looks for a start
   * word the scan did not list; made on first use ('' when `scanned` is null).
   */
  get lower(): string {
    return (this.folded ??= this.scanned === null ? '' : asciiLower(this.scanned));
  }

  /** The slots of a planned alternative's start words in `occurrences` (-1: not listed), when the index planned it. */
  startSlots(serial: number): Int32Array | undefined {
    return this.parts.starts[serial];
  }

  /** mayMatchIn for an alternative of a planned expression (ScanPart), by its serial. */
  partMayMatchIn(serial: number, start: number, end: number): boolean {
    const needs = this.parts.needs[serial];
    if (needs === undefined) return true;
    // The whole document (the rule and cue scans): whether a word occurs at all.
    if (start === 0 && end === this.scanned?.length) {
      for (let i = 0; i < needs.length; i++) if (this.blocks[needs[i]!] !== 0) return true;
      return false;
    }
    return this.anyIn(needs, start, end);
  }

  /**
   * False when `re` cannot match the document (none of its required words is in it); true when it may, and for an
   * expression the index was not built with. Also true for any part of the document, which holds fewer words.
   */
  mayMatch(re: RegExp): boolean {
    const needs = this.needs.get(re);
    if (needs === undefined) return true;
    for (let i = 0; i < needs.length; i++) if (this.blocks[needs[i]!] !== 0) return true;
    return false;
  }

  /**
   * False when `re` cannot match within the document's characters `start` to `end` (a sentence): none of its required
   * words starts in the blocks those characters span. (A match inside the span holds a required word that starts in it.)
   */
  mayMatchIn(re: RegExp, start: number, end: number): boolean {
    const needs = this.needs.get(re);
    return needs === undefined || this.anyIn(needs, start, end);
  }

  /** Whether one of the words `needs` starts in the blocks characters `start` to `end` span. */
  private anyIn(needs: Int32Array, start: number, end: number): boolean {
    if (end <= start) return false;
    const first = start >> this.shift;
    const last = (end - 1) >> this.shift;
    // Bits first..last (last ≤ 31).
    const span = (last === 31 ? -1 : (1 << (last + 1)) - 1) & ~((1 << first) - 1);
    for (let i = 0; i < needs.length; i++) if ((this.blocks[needs[i]!]! & span) !== 0) return true;
    return false;
  }
}

const INDEXES = new WeakMap<object, Map<string, WordIndex>>();

/**
 * The word index of `owner`'s expressions (a rule set's, say), built on first use and kept as long as the owner is.
 * `kind` tells apart indexes of the same owner over different expressions.
 */
export function wordIndexOf(owner: object, kind: string, expressions: () => Iterable<RegExp | null>): WordIndex {
  let byKind = INDEXES.get(owner);
  if (!byKind) INDEXES.set(owner, (byKind = new Map<string, WordIndex>()));
  let index = byKind.get(kind);
  if (!index) byKind.set(kind, (index = new WordIndex(expressions())));
  return index;
}
