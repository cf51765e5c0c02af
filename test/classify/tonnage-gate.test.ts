import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/classify/figures.js';
import { normalizeText } from '../../src/classify/normalize.js';
import { findQuantities, mayStateTonnage } from '../../src/classify/quantities.js';
import { readDocument } from '../../src/classify/read-document.js';
import { seededRandom } from '../helpers/seeded-random.js';

const OWN = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const REAL = fileURLToPath(new URL('../../../shared/corpus-real/', import.meta.url));

/** Every document of a folder, normalised as the classifier reads it. */
function documents(dir: string): Array<{ file: string; title: string; body: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((file) => {
      const doc = readDocument(readFileSync(join(dir, file), 'utf8'));
      return { file, title: normalizeText(doc.title ?? ''), body: normalizeText(doc.text ?? '') };
    });
}

describe('the figure reader is skipped only for texts that name no unit of weight', () => {
  it('sees a unit in every way a tonnage is written', () => {
    for (const text of [
      '出口稀土5,158吨',
      '指标为13.5万吨',
      '六万二千五百八十五噸',
      '十三万五千吨',
      '进口1,200公斤',
      '2.51千克',
      '270 000 metric tons',
      '3.2 kt',
      '3.2kt of oxide',
      '120,000 mt',
      '2.51 million kg',
      '120 thousand tonnes',
      'a 60,000-tonne quota',
      'exports of 5,000 t in May',
      '5,000t.',
      '12万t',
      '| 稀土 | t | 5864.6 |',
      'Series Volume (t) m/m y/y',
      '2.5 kilotonnes',
      'SHIPMENTS OF 4,000 TONNES',
    ])
      expect(mayStateTonnage(text), text).toBe(true);
  });

  it('finds none in texts about licences, lists and prices', () => {
    for (const text of [
      '商务部公布对部分中重稀土相关物项实施出口管制的决定',
      "The ministry approved export licences for magnet makers, but didn't say how many.",
      'Prices of NdPr oxide rose 3% to 560,000 yuan a unit on Monday.',
    ])
      expect(mayStateTonnage(text), text).toBe(false);
  });

  it('holds wherever findQuantities reads a tonnage, on random texts around random quantities', () => {
    const random = seededRandom(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const units = ['吨', '公吨', '万吨', '公斤', '千克', 't', 'kt', 'mt', 'MT', 'tonnes', 'tons', 'kg', 'kilotons'];
    const joins = ['', ' ', '-', ' metric ', ' thousand ', ' million '];
    const words = ['exports', 'rose', '出口', '同比', 'to', 'the', 'quota', ',', '。', 'Japan', '累计'];
    let read = 0;
    for (let i = 0; i < 3000; i++) {
      const number = String(Math.floor(random() * 1e6) / (random() < 0.5 ? 1 : 10));
      const text = `${pick(words)} ${pick(words)} ${number}${pick(joins)}${pick(units)} ${pick(words)}`;
      if (findQuantities(text).length === 0) continue;
      read++;
      expect(mayStateTonnage(text), text).toBe(true);
    }
    expect(read).toBeGreaterThan(1000);
  });

  it('gives no figure for any own or real corpus document it would skip', () => {
    const skipped: string[] = [];
    const wrong: string[] = [];
    for (const dir of [OWN, REAL])
      for (const { file, title, body } of documents(dir)) {
        if (mayStateTonnage(`${title}\n${body}`)) continue;
        skipped.push(file);
        if (extractFigures(title, body, { year: 2026, month: 6 }).length > 0) wrong.push(file);
      }
    expect(wrong).toEqual([]);
    // The gate does skip documents: a third of the own corpus names no unit of weight.
    expect(skipped.length).toBeGreaterThan(200);
  });
});
