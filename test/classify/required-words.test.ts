import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';
import { FIGURE_EXPRESSIONS } from '../../src/classify/figures.js';
import { loadRules } from '../../src/classify/load-rules.js';
import { readDocument } from '../../src/classify/read-document.js';
import { normalizeText } from '../../src/classify/normalize.js';
import {
  Occurrences,
  requiredWords,
  wordGate,
  WordIndex,
  WordScanner,
  wordIndexOf,
} from '../../src/classify/required-words.js';
import { seededRandom } from '../helpers/seeded-random.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const words = (re: RegExp) => requiredWords(re)?.sort() ?? null;

const rules = loadRules([join(ROOT, 'config', 'rules')]).rules!;
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
const corpusFiles = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
const texts = corpusFiles.map((f) => normalizeText(readFileSync(join(CORPUS, f), 'utf8')));

describe('the words a pattern cannot match without', () => {
  it('reads literals, alternations and optional endings', () => {
    expect(words(/quotas?\b/i)).toEqual(['quota']);
    expect(words(/配额|指标|quota/)).toEqual(['quota', '指标', '配额']);
    // Of a sequence, the part with the longest shortest word (rarer than "set"; "mining" over "quota").
    expect(words(/\b(?:set|issu\w*)\b[^.]{0,60}?(?:mining|smelting)\s+quotas?/i)).toEqual(['mining', 'smelting']);
    expect(words(/\b(?:set|issu\w*)\b[^.]{0,60}?(?:mine|smelt)\s+quotas?/i)).toEqual(['quota']);
    // Upper case in the pattern is looked for in the lower-cased text.
    expect(words(/\bGAC data\b/)).toEqual(['gac data']);
  });

  it('joins consecutive literal parts into whole words, and lists small classes', () => {
    expect(words(/第[一二三]批/)).toEqual(['第一批', '第三批', '第二批']);
    expect(words(/rare[\s-]earths?/i)).toEqual(['earth']);
    expect(words(/export(?:ed|s)? (?:ban|curb)/i)).toEqual([
      'export ban',
      'export curb',
      'exported ban',
      'exported curb',
      'exports ban',
      'exports curb',
    ]);
  });

  it('takes nothing from look-arounds, optional parts or anything it cannot list', () => {
    // The look-behind's word is not in the match: only "quota" is required.
    expect(words(/(?<!export\s)quota/i)).toEqual(['quota']);
    expect(words(/(?=.*licence)approv/i)).toEqual(['approv']);
    expect(words(/\d+\s*t/)).toEqual(['t']);
    expect(words(/(?:foo)?bar/)).toEqual(['bar']);
    expect(words(/(?:foo)?\d*/)).toBeNull();
    expect(words(/[^a]+/)).toBeNull();
    expect(words(/(ab)\1/)).toEqual(['ab']);
    // One branch that needs nothing makes the whole alternation need nothing.
    expect(words(/quota|\d{4}/)).toBeNull();
    expect(words(/.{0,20}/)).toBeNull();
  });

  it('never takes the words of a run across a part of unknown length', () => {
    // "下达.{0,20}开采" must not become the word 下达开采.
    const found = words(/下达.{0,20}开采/)!;
    expect(found).toHaveLength(1);
    expect(['下达', '开采']).toContain(found[0]);
  });

  it('gives up on a cased letter outside ASCII, whose case folding lower-casing may not mirror', () => {
    expect(words(/Σ/i)).toBeNull();
    expect(words(/Σx/i)).toEqual(['x']);
    // Unicode case folding matches 's' to the long s (ſ), which lower-casing leaves as it is.
    expect(/start/iu.test('ſtart')).toBe(true);
    expect('ſtart'.toLowerCase().includes('start')).toBe(false);
    expect(words(/start/iu)).toBeNull();
    expect(words(/start/u)).toEqual(['start']);
  });

  it('holds for every expression of the shipped rules and the figure reader on every corpus document', () => {
    const expressions = [
      ...new Set([...rules.rules.flatMap((r) => [r.re, r.withRe, r.withoutRe]), ...FIGURE_EXPRESSIONS]),
    ].filter((re): re is RegExp => re !== null);
    let skipped = 0;
    const broken: string[] = [];
    for (const re of expressions) {
      const needed = requiredWords(re);
      if (!needed) continue;
      for (const text of texts) {
        const lower = text.toLowerCase();
        if (needed.some((w) => lower.includes(w))) continue;
        skipped++;
        re.lastIndex = 0;
        if (re.test(text)) broken.push(`${re.source.slice(0, 60)} matches a text without ${needed.join(', ')}`);
      }
    }
    expect(broken).toEqual([]);
    // And it is worth having: most scans of most documents are known to find nothing.
    expect(skipped).toBeGreaterThan(expressions.length * texts.length * 0.5);
  });
});

describe('a gate derived from an expression, for short texts', () => {
  it('rules out a text without the words the expression needs, and never one it matches', () => {
    const re = /(?:\bfrom\s+an?\s+(?:initial|preliminary)\s+|初值为?|(?:此前|原)公布的?)\s*$/i;
    const gate = wordGate(re);
    expect(gate('exports reached ')).toBe(false);
    expect(gate('出口量为')).toBe(false);
    for (const text of ['revised to 5,190 tons from an initial ', 'FROM A PRELIMINARY ', '初值为', '此前公布的']) {
      expect(re.test(text), text).toBe(true);
      expect(gate(text), text).toBe(true);
    }
  });

  it('lets every text through when the expression’s words cannot be read', () => {
    const gate = wordGate(/\w+\s*$/);
    expect(gate('anything at all')).toBe(true);
    expect(gate('')).toBe(true);
  });
});

describe('finding which words occur in a text in one pass', () => {
  it('agrees with a search for each word, on random texts over a small alphabet', () => {
    const random = seededRandom(20261207);
    const alphabet = ['a', 'b', 'c', 'ab', '出', '口', '稀土', ' '];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
    const list = ['a', 'b', '出', 'ab', 'ba', 'abc', 'cab', 'bca', '出口', '稀土出口', 'aaaa', 'c c', 'b出口'];
    const scanner = new WordScanner(list);
    for (let round = 0; round < 400; round++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, pick).join('');
      const found = scanner.scan(text);
      for (const w of list) expect([text, w, found[scanner.idOf(w)] !== 0]).toEqual([text, w, text.includes(w)]);
    }
  });

  it('tells the blocks each occurrence starts in, for words inside other words and overlapping ones', () => {
    const random = seededRandom(20261208);
    const alphabet = ['a', 'b', 'c', 'ab', '出', '口', '稀土', ' ', 'é'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
    // Words that are suffixes and prefixes of each other (the automaton's failure links), ASCII and not.
    const list = ['a', 'aa', 'aab', 'ab', 'b', 'bab', 'abab', 'c ', '出口', '口稀', '稀土出口', 'é出', 'aé'];
    const scanner = new WordScanner(list);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: Math.floor(random() * 300) }, pick).join('');
      const shift = WordScanner.blockShift(text.length);
      const found = scanner.scan(text, shift);
      for (const w of list) {
        let expected = 0;
        for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) expected |= 1 << (at >> shift);
        expect([text, w, found[scanner.idOf(w)]]).toEqual([text, w, expected]);
      }
    }
  });

  it('lists every start of the words asked for, grouped by word in text order, overlapping ones included', () => {
    const random = seededRandom(20261209);
    const alphabet = ['a', 'b', 'ab', '出', '口', '稀土', ' ', 'é'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
    const list = ['a', 'aa', 'ab', 'bab', '出口', '口稀', 'é出', 'b'];
    // Only some words get a slot (the alternatives' start words); the others are not listed.
    const wanted = ['aa', 'bab', '出口', 'b'];
    const scanner = new WordScanner(list);
    const listed = new Int32Array(list.length).fill(-1);
    wanted.forEach((w, slot) => (listed[scanner.idOf(w)] = slot));
    const occurrences = new Occurrences(wanted.length);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: Math.floor(random() * 200) }, pick).join('');
      scanner.scan(text, WordScanner.blockShift(text.length), listed, occurrences);
      occurrences.sort();
      wanted.forEach((w, slot) => {
        const expected: number[] = [];
        for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) expected.push(at);
        const got = [...occurrences.starts.subarray(occurrences.first[slot], occurrences.first[slot + 1])];
        expect([text, w, got]).toEqual([text, w, expected]);
      });
    }
  });

  it('folds ASCII capitals as it scans, and only those: the same blocks as the ASCII-lower-cased text', () => {
    const random = seededRandom(20261213);
    const alphabet = ['a', 'A', 'b', 'B', 'ab', 'AB', '出', '口', '稀土', ' ', 'é', 'É', 'İ', 'K'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
    const list = ['a', 'ab', 'bab', 'abab', 'b出口', '口稀', '稀土出口', 'é出', 'aé', 'k', 'i'];
    const scanner = new WordScanner(list);
    expect(scanner.folds).toBe(true);
    const asciiLower = (t: string) => t.replace(/[A-Z]/g, (c) => c.toLowerCase());
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: Math.floor(random() * 200) }, pick).join('');
      const shift = WordScanner.blockShift(text.length);
      expect([text, [...scanner.scan(text, shift)]]).toEqual([text, [...scanner.scan(asciiLower(text), shift)]]);
      // (É, İ and the Kelvin sign K are left as they are: no word holds them.)
      for (const w of list) {
        let expected = 0;
        const lower = asciiLower(text);
        for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) expected |= 1 << (at >> shift);
        expect([text, w, scanner.scan(text, shift)[scanner.idOf(w)]]).toEqual([text, w, expected]);
      }
    }
    // A word list with a capital is scanned as written (the text lower-cased by the caller).
    expect(new WordScanner(['Ab']).folds).toBe(false);
  });

  it('finds words at the very start and end of the text, and in a one-character text', () => {
    const scanner = new WordScanner(['ab', 'xyz', 'q']);
    // Per word, a mask of the blocks its occurrences start in (one character a block in so short a text).
    expect([...scanner.scan('abxyz')]).toEqual([1, 4, 0]);
    expect([...scanner.scan('q')]).toEqual([0, 0, 1]);
    expect([...scanner.scan('')]).toEqual([0, 0, 0]);
    expect(scanner.idOf('zz')).toBe(-1);
  });

  it('tells which expressions may match within a sentence of a long document, and never rules out one that does', () => {
    const quota = /\bquotas?\b/gi;
    const exports = /出口\d+吨/g;
    const index = new WordIndex([quota, exports]);
    const random = seededRandom(7);
    const parts = ['The quota was set. ', '出口5000吨。', 'Prices rose. ', '需求平稳。', 'Nothing new here at all. '];
    for (let round = 0; round < 50; round++) {
      const text = Array.from({ length: 40 + Math.floor(random() * 200) }, () => parts[Math.floor(random() * 5)]).join(
        '',
      );
      const words = index.read(text);
      for (let start = 0; start < text.length; start += 1 + Math.floor(random() * 60)) {
        const end = Math.min(text.length, start + 1 + Math.floor(random() * 120));
        for (const re of [quota, exports]) {
          re.lastIndex = 0;
          const inside = re.test(text.slice(start, end));
          if (inside) expect(words.mayMatchIn(re, start, end)).toBe(true);
        }
      }
    }
    // A sentence far from any occurrence is ruled out: the check is not always true.
    const text = `The quota was set. ${'Prices rose. '.repeat(300)}`;
    const words = index.read(text);
    expect(words.mayMatchIn(quota, 0, 19)).toBe(true);
    expect(words.mayMatchIn(quota, 2000, 2013)).toBe(false);
    expect(words.mayMatch(exports)).toBe(false);
  });
});

describe('classifying with the word index', () => {
  it('gives every corpus document the same categories, figures and entities as running every expression', () => {
    // A copy of the rule set has no index of its own yet: give it one of no expressions, so every one is run.
    const everything = { ...rules };
    wordIndexOf(everything, 'classify', () => []);
    const differ: string[] = [];
    for (const file of corpusFiles) {
      const doc = readDocument(readFileSync(join(CORPUS, file), 'utf8'));
      const input = { ...doc, date: '2026-06-15' };
      if (JSON.stringify(classify(input, rules)) !== JSON.stringify(classify(input, everything))) differ.push(file);
    }
    expect(differ).toEqual([]);
  });
});
