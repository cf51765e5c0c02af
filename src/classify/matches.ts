/**
 * The matches of a global expression in a text, found by its plan (required-words.ts `scanPlan`): only the
 * alternatives whose required words the text holds are run, each from the places its start words occur when it has
 * them (listed by the word index's scan); the earliest match, of the first alternative that matches there, is the
 * expression's (when it has no capturing group; else the whole expression is run there), so every match (its
 * alternative, its groups, where the next search starts) is the one `re.exec` in a loop would have returned.
 */
import { scanPlan, type DocumentWords, type ScanPlan } from './required-words.js';

export class Matches {
  private readonly plan: ScanPlan | null;
  /** Indices into plan.parts of the alternatives that may match here. */
  private readonly active: number[] = [];
  /** Per active alternative, where its next match starts (from `pos`), or -1 when not known yet. */
  private readonly nextAt: number[] = [];
  /** …and that match (kept when the plan returns an alternative's own match, `asPart`). */
  private readonly matchAt: Array<RegExpExecArray | null> = [];
  /** Per active alternative, where its start words' entries begin in `wordAt` and `cursor`. */
  private readonly base: number[] = [];
  /** Per active alternative, its start words' slots in the document's lists (-1: not listed; none: not planned). */
  private readonly slots: Array<Int32Array | undefined> = [];
  /** Per start word of an active alternative: where it next occurs (-1: not looked for yet; Infinity: no more). */
  private readonly wordAt: number[];
  /** …and the index of its next occurrence in the document's list of its starts (-1: the list's first). */
  private readonly cursor: number[];
  private pos: number;
  private readonly words: DocumentWords | undefined;

  constructor(
    private readonly re: RegExp,
    /** The text searched: the document, or the part of it at `offset`. */
    private readonly text: string,
    from = 0,
    /** What the word index read in the document (its words and their places); without it, a plain scan. */
    words?: DocumentWords,
    private readonly offset = 0,
  ) {
    this.pos = from;
    this.words = words;
    const plan = words?.scanned ? scanPlan(re) : null;
    this.plan = plan;
    let count = 0;
    if (plan) {
      const end = offset + text.length;
      for (let k = 0; k < plan.parts.length; k++) {
        const part = plan.parts[k]!;
        if (!words!.partMayMatchIn(part.serial, offset, end)) continue;
        this.active.push(k);
        this.nextAt.push(-1);
        this.matchAt.push(null);
        this.base.push(count);
        this.slots.push(part.starts ? words!.startSlots(part.serial) : undefined);
        count += part.starts?.length ?? 0;
      }
    }
    // (Filled by a loop: Array.prototype.fill on a new array of a given length runs in the runtime, not inline.)
    const wordAt: number[] = [];
    const cursor: number[] = [];
    for (let j = 0; j < count; j++) {
      wordAt.push(-1);
      cursor.push(-1);
    }
    this.wordAt = wordAt;
    this.cursor = cursor;
  }

  /** The next match, as `re.exec` would find it, or null. Empty matches are returned; the search then moves on by one. */
  next(): RegExpExecArray | null {
    const { re, text } = this;
    if (this.pos > text.length) return null;
    if (!this.plan) {
      re.lastIndex = this.pos;
      return this.took(re.exec(text));
    }
    let first = Infinity;
    let earliest = -1;
    for (let i = 0; i < this.active.length; i++) {
      let at = this.nextAt[i]!;
      if (at < this.pos) this.nextAt[i] = at = this.find(i, this.pos);
      if (at < first) {
        first = at;
        earliest = i;
      }
    }
    if (first === Infinity) {
      this.pos = Infinity;
      return null;
    }
    // No alternative matches before `first`, and none before the earliest (in the expression's order) that matches
    // there: the whole expression's search from `pos` would match that alternative there, as it alone does.
    if (this.plan.asPart) return this.took(this.matchAt[earliest]!);
    re.lastIndex = first;
    return this.took(re.exec(text));
  }

  private took(m: RegExpExecArray | null): RegExpExecArray | null {
    this.pos = m ? m.index + (m[0].length || 1) : Infinity;
    return m;
  }

  /** Where the i-th active alternative's first match at or after `from` starts (Infinity: none). */
  private find(i: number, from: number): number {
    const part = this.plan!.parts[this.active[i]!]!;
    const { text } = this;
    if (!part.starts) {
      part.re.lastIndex = from;
      const m = part.re.exec(text);
      this.matchAt[i] = m;
      return m ? m.index : Infinity;
    }
    const { offset, wordAt, cursor } = this;
    const { first, starts } = this.words!.occurrences;
    const base = this.base[i]!;
    const slots = this.slots[i];
    const count = part.starts.length;
    for (;;) {
      // The earliest occurrence of a start word at or after `from`, each word looked for again only once passed.
      let candidate = Infinity;
      for (let j = base; j < base + count; j++) {
        let w = wordAt[j]!;
        if (w < from) {
          const word = part.starts[j - base]!;
          const listed = slots === undefined ? -1 : slots[j - base]!;
          let found: number;
          if (listed >= 0) {
            // The scan listed the word's every start: step on to the first at or after `from` (`from` only grows).
            const end = first[listed + 1]!;
            let k = cursor[j]!;
            if (k < 0) k = first[listed]!;
            while (k < end && starts[k]! < offset + from) k++;
            cursor[j] = k;
            found = k < end ? starts[k]! : -1;
          } else found = this.words!.lower.indexOf(word, offset + from);
          w = found < 0 || found - offset + word.length > text.length ? Infinity : found - offset;
          wordAt[j] = w;
        }
        if (w < candidate) candidate = w;
      }
      if (candidate === Infinity) return Infinity;
      part.sticky.lastIndex = candidate;
      if (!this.plan!.asPart) {
        if (part.sticky.test(text)) return candidate;
      } else {
        const m = part.sticky.exec(text);
        if (m) {
          this.matchAt[i] = m;
          return candidate;
        }
      }
      from = candidate + 1;
    }
  }
}
