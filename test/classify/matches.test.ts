/**
 * Matches (src/classify/matches.ts) finds an expression's matches through its alternatives and their start words; it
 * must return exactly what `re.exec` in a loop returns, match for match, on every expression the classifier scans and
 * every document of the corpus, and on texts whose lower-cased form would move offsets (İ).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleExpressions } from '../../src/classify/categorize.js';
import { FIGURE_EXPRESSIONS } from '../../src/classify/figures.js';
import { loadRules } from '../../src/classify/load-rules.js';
import { Matches } from '../../src/classify/matches.js';
import { normalizeText } from '../../src/classify/normalize.js';
import { readDocument } from '../../src/classify/read-document.js';
import { topLevelAlternatives } from '../../src/classify/alternatives.js';
import { prefixWords, scanPlan, WordIndex } from '../../src/classify/required-words.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');

function plainMatches(re: RegExp, text: string, from = 0): string[] {
  const out: string[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(`${m.index}:${JSON.stringify([...m])}`);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function planned(re: RegExp, text: string, index: WordIndex, from = 0, part?: [number, number]): string[] {
  const words = index.read(text);
  const subject = part ? text.slice(part[0], part[1]) : text;
  const it = new Matches(re, subject, from, words, part?.[0] ?? 0);
  const out: string[] = [];
  for (let m = it.next(); m; m = it.next()) out.push(`${m.index}:${JSON.stringify([...m])}`);
  return out;
}

const loaded = loadRules([join(ROOT, 'config', 'rules')]);
const expressions = [...ruleExpressions(loaded.rules!), ...FIGURE_EXPRESSIONS].filter(
  (re): re is RegExp => re !== null && re.global,
);
const index = new WordIndex(expressions);
const documents = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .filter((_, i) => i % 4 === 0)
  .map((f) => {
    const doc = readDocument(readFileSync(join(CORPUS, f), 'utf8'));
    return `${normalizeText(doc.title)}\n${normalizeText(doc.text)}`;
  });

describe('the reading behind a plan', () => {
  it('splits a source at its top-level bars only, opening a part that is one non-capturing group', () => {
    expect(topLevelAlternatives('a|b(c|d)|(?:e|f)|[|]x')).toEqual(['a', 'b(c|d)', 'e', 'f', '[|]x']);
    expect(topLevelAlternatives('(?:e|f)+|g')).toEqual(['(?:e|f)+', 'g']);
    expect(topLevelAlternatives('abc')).toBeNull();
    // A part taken alone would number its groups differently.
    expect(topLevelAlternatives('(a)|b\\1')).toBeNull();
  });

  it('reads the words a match starts with, through assertions, optional parts and alternatives', () => {
    expect(prefixWords(/\b(?:Approv|grant)\w*\s+licences/gi)?.sort()).toEqual(['approv', 'grant']);
    expect(prefixWords(/(?<![a-z])(?:暂停|停止)实施/g)?.sort()).toEqual(['停止实施', '暂停实施']);
    // An optional part: a match starts inside it, or with what follows it.
    expect(prefixWords(/(?:the\s+)?quota/gi)?.sort()).toEqual(['quota', 'the']);
    expect(prefixWords(/\b(?:first\s+)?(?:two|both)\s+batches/gi)?.sort()).toEqual(['both', 'first', 'two']);
    expect(prefixWords(/(?:for\s+)?(?:the\s+)*year/gi)?.sort()).toEqual(['for', 'the', 'year']);
    // …but not one whose own start is unknown, nor a part that may match anything before the words.
    expect(prefixWords(/(?:\s*the\s+)?quota/gi)).toBeNull();
    expect(prefixWords(/\s*quota/gi)).toBeNull();
    expect(prefixWords(/(?:the\s+)?\w+\s+quota/gi)).toBeNull();
    // A long list of verbs is kept whole (scanPlan decides whether so many are worth looking for).
    const verbs = Array.from({ length: 60 }, (_, i) => `verb${i}x`);
    expect(prefixWords(new RegExp(`\\b(?:${verbs.join('|')})\\w*\\s+quotas`, 'gi'))?.length).toBe(60);
    expect(prefixWords(/x?quota/gi)?.sort()).toEqual(['quota', 'xquota']);
    expect(prefixWords(/\d+\s*tonnes/gi)).toBeNull();
  });
});

describe('Matches', () => {
  it('plans most of the expressions the classifier scans (split by alternative or searched by start words)', () => {
    const planned = expressions.filter((re) => scanPlan(re) !== null);
    expect(planned.length).toBeGreaterThan(expressions.length / 2);
    expect(planned.some((re) => scanPlan(re)!.parts.some((p) => p.starts !== null))).toBe(true);
  });

  it('returns the matches re.exec returns, for every scanned expression on a quarter of the corpus', () => {
    let compared = 0;
    for (const text of documents)
      for (const re of expressions) {
        const want = plainMatches(re, text);
        expect(planned(re, text, index)).toEqual(want);
        compared += want.length;
      }
    expect(compared).toBeGreaterThan(1000);
  });

  it('searches from a given offset and within a part of the document, as the rule and period scans do', () => {
    const text = documents.find((t) => t.length > 2000)!;
    for (const re of expressions) {
      expect(planned(re, text, index, 700)).toEqual(plainMatches(re, text, 700));
      const part: [number, number] = [400, 1400];
      expect(planned(re, text, index, 0, part)).toEqual(plainMatches(re, text.slice(...part)));
    }
  });

  it("returns an alternative's own match only for an expression without capturing groups", () => {
    expect(scanPlan(/\bapprov\w*|暂停实施|suspend/gi)?.asPart).toBe(true);
    expect(scanPlan(/\bapprov\w*\s+(licen[cs]es)|暂停(实施)/gi)?.asPart).toBe(false);
    expect(scanPlan(/\bapprov\w*|暂停实施/dgi)?.asPart).toBe(false);
    // Where two alternatives match at the same place, the earlier one's match is the expression's, as exec has it.
    const re = /\bexport|\bexports\b|出口|出口量/gi;
    const text = 'Exports rose; 出口量 fell; export quotas and exports.';
    expect(planned(re, text, new WordIndex([re]))).toEqual(plainMatches(re, text));
  });

  it('finds matches that start with a capital, and in a text whose lower-casing would move offsets', () => {
    const re = /\bapprov\w*\s+(licen[cs]es)|暂停(实施)/gi;
    const mine = new WordIndex([re]);
    const text = 'MOFCOM APPROVED LICENCES on Monday; it also 暂停实施 a rule. Approving licenses again.';
    const want = plainMatches(re, text);
    expect(want).toHaveLength(3);
    expect(planned(re, text, mine)).toEqual(want);
    // İ lower-cases to two code units; the scan folds ASCII capitals only, so the text's offsets are kept.
    const moved = `İİİ ${text}`;
    expect(planned(re, moved, mine)).toEqual(plainMatches(re, moved));
  });
});
