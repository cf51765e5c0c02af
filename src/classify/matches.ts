/**
 * The matches of a global expression in a text, found by its plan (required-words.ts `scanPlan`): only the
 * alternatives whose required words the text holds are run, each from the places its start words occur when it has
 * them (listed by the word index's scan); the whole expression is then run at the earliest place one of them matches, so every match (its alternative,
 * its groups, where the next search starts) is the one `re.exec` in a loop would have returned.
 */
import { scanPlan, type DocumentWords, type ScanPlan } from './required-words.js';

export class Matches {
  private readonly plan: ScanPlan | null;
  /** Indices into plan.parts of the alternatives that may match here. */
  private readonly active: number[] = [];
  /** Per active alternative, where its next match starts (from `pos`), or -1 when not known yet. */
  private readonly nextAt: number[] = [];
  /** Per active alternative, where its start words' entries begin in `wordAt`, `cursor` and `slot`. */
  private readonly base: number[] = [];
  /** Per start word of an active alternative: where it next occurs (-1: not looked for yet; Infinity: no more). */
  private readonly wordAt: number[] = [];
  /** …the index of its next occurrence in the document's list of its starts (`DocumentWords.occurrences`)… */
  private readonly cursor: number[] = [];
  /** …and its slot in that list (-1: not listed, looked for in `lower`). */
  private readonly slot: number[] = [];
  private pos: number;
  /** The document lower-cased (offsets as in the document), where start words are looked for. */
  private readonly lower: string;
  private readonly words: DocumentWords | undefined;

  constructor(
    private readonly re: RegExp,
    /** The text searched: the document, or the part of it at `offset`. */
    private readonly text: string,
    from = 0,
    /** What the word index read in the document (its lower-cased form and words); without it, a plain scan. */
    words?: DocumentWords,
    private readonly offset = 0,
  ) {
    this.pos = from;
    this.lower = words?.lower ?? '';
    this.words = words;
    const plan = words?.lower ? scanPlan(re) : null;
    this.plan = plan;
    if (!plan) return;
    const end = offset + text.length;
    const { first } = words!.occurrences;
    for (let k = 0; k < plan.parts.length; k++) {
      const part = plan.parts[k]!;
      if (!words!.partMayMatchIn(part.serial, offset, end)) continue;
      this.active.push(k);
      this.nextAt.push(-1);
      this.base.push(this.wordAt.length);
      for (let j = 0; j < (part.starts?.length ?? 0); j++) {
        const slot = words!.startSlot(part.serial, j);
        this.wordAt.push(-1);
        this.slot.push(slot);
        this.cursor.push(slot >= 0 ? first[slot]! : 0);
      }
    }
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
    for (let i = 0; i < this.active.length; i++) {
      let at = this.nextAt[i]!;
      if (at < this.pos) this.nextAt[i] = at = this.find(i, this.pos);
      if (at < first) first = at;
    }
    if (first === Infinity) {
      this.pos = Infinity;
      return null;
    }
    // No alternative matches before `first`, so the whole expression's search from `pos` would reach it.
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
      return m ? m.index : Infinity;
    }
    const { lower, offset, wordAt, cursor, slot } = this;
    const { first, starts } = this.words!.occurrences;
    const base = this.base[i]!;
    const count = part.starts.length;
    for (;;) {
      // The earliest occurrence of a start word at or after `from`, each word looked for again only once passed.
      let candidate = Infinity;
      for (let j = base; j < base + count; j++) {
        let w = wordAt[j]!;
        if (w < from) {
          const word = part.starts[j - base]!;
          const listed = slot[j]!;
          let found: number;
          if (listed >= 0) {
            // The scan listed the word's every start: step on to the first at or after `from` (`from` only grows).
            const end = first[listed + 1]!;
            let k = cursor[j]!;
            while (k < end && starts[k]! < offset + from) k++;
            cursor[j] = k;
            found = k < end ? starts[k]! : -1;
          } else found = lower.indexOf(word, offset + from);
          w = found < 0 || found - offset + word.length > text.length ? Infinity : found - offset;
          wordAt[j] = w;
        }
        if (w < candidate) candidate = w;
      }
      if (candidate === Infinity) return Infinity;
      part.sticky.lastIndex = candidate;
      if (part.sticky.test(text)) return candidate;
      from = candidate + 1;
    }
  }
}
