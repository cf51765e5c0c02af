import { createHash } from 'node:crypto';

/** Shingles are runs of this many characters of the text with spaces and punctuation removed. */
const SHINGLE = 5;
/** One shingle in SAMPLE is kept — the same ones for every text (chosen by hash), so samples compare like sets. */
const SAMPLE = 4;
/** Only the head of a long text is fingerprinted: enough to tell two documents apart, small enough to store. */
const MAX_CHARS = 20_000;
/** Below this many sampled shingles a text is too short to tell anything (a headline, a list entry's snippet). */
const MIN_SAMPLED = 8;

/** A compact fingerprint of a text: sampled hashes of its character 5-grams, sorted and unique. */
export function textShingles(text: string): number[] {
  const chars = [
    ...text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ''),
  ].slice(0, MAX_CHARS);
  const kept = new Set<number>();
  for (let i = 0; i + SHINGLE <= chars.length; i++) {
    const hash = createHash('sha1')
      .update(chars.slice(i, i + SHINGLE).join(''))
      .digest()
      .readUInt32BE(0);
    if (hash % SAMPLE === 0) kept.add(hash);
  }
  return [...kept].sort((a, b) => a - b);
}

/**
 * How much of the shorter text the longer one contains (0–1): shared sampled shingles over the smaller sample. A
 * press report that quotes a notice in full, with its own lead, contains it; two answers to different questions under
 * one title share little beyond their boilerplate. null when either text is too short to tell.
 */
export function textOverlap(a: readonly number[] | undefined, b: readonly number[] | undefined): number | null {
  if (!a || !b || a.length < MIN_SAMPLED || b.length < MIN_SAMPLED) return null;
  const other = new Set(b);
  const shared = a.filter((h) => other.has(h)).length;
  return shared / Math.min(a.length, b.length);
}
