/**
 * Each attachment reader on truncated and corrupted copies of real office files (deterministic, seeded mutations):
 * content or a clear UnreadableAttachment naming what the file seemed to be — never another error, never a hang.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAttachment, UnreadableAttachment } from '../../src/attachments/read-attachment.js';
import { seededRandom } from '../helpers/seeded-random.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'attachments', name));

/** `count` damaged copies: cut at a random length, random bytes flipped, a random run overwritten. */
function mutations(original: Buffer, seed: number, count: number): Array<[string, Buffer]> {
  const rand = seededRandom(seed);
  const at = () => Math.floor(rand() * original.length);
  const out: Array<[string, Buffer]> = [];
  for (let i = 0; i < count; i++) {
    const copy = Buffer.from(original);
    const kind = i % 3;
    if (kind === 0) {
      const length = at();
      out.push([`truncated to ${length} bytes`, copy.subarray(0, length)]);
    } else if (kind === 1) {
      const flips = 1 + Math.floor(rand() * 40);
      for (let f = 0; f < flips; f++) copy[at()] = Math.floor(rand() * 256);
      out.push([`${flips} bytes changed`, copy]);
    } else {
      const from = at();
      const fill = [0x00, 0xff, 0x41][Math.floor(rand() * 3)]!;
      copy.fill(fill, from, Math.min(copy.length, from + 16 + Math.floor(rand() * 512)));
      out.push([`a run from ${from} overwritten with 0x${fill.toString(16)}`, copy]);
    }
  }
  return out;
}

/** Read one damaged copy: content, or the reader's clear refusal. Anything else fails the test. */
async function outcome(bytes: Buffer): Promise<'read' | 'refused'> {
  try {
    const content = await readAttachment(bytes);
    expect(typeof content.text).toBe('string');
    return 'read';
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableAttachment);
    expect((error as Error).message).toMatch(/^an? /);
    return 'refused';
  }
}

describe('damaged attachments', () => {
  it.each([
    ['gac-table.xls', 1, 45],
    ['gac-table.xlsx', 2, 45],
    ['miit-notice.docx', 3, 45],
  ])('%s: 45 seeded mutations, each read or clearly refused', async (name, seed, count) => {
    const seen = { read: 0, refused: 0 };
    for (const [what, bytes] of mutations(fixture(name), seed, count)) {
      const result = await outcome(bytes).catch((error: unknown) => {
        throw new Error(`${name}, ${what}: ${(error as Error).message}`);
      });
      seen[result]++;
    }
    // The mutations really damaged files: some are refused (and the small ones are still read).
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.read + seen.refused).toBe(count);
  });

  it.each([
    ['miit-notice.pdf', 4],
    ['gac-table.pdf', 5],
  ])('%s: seeded mutations read in their worker or clearly refused', { timeout: 60_000 }, async (name, seed) => {
    const results = await Promise.all(mutations(fixture(name), seed, 6).map(([, bytes]) => outcome(bytes)));
    expect(results).toContain('refused');
  });

  it('a truncated .xls names what it was', async () => {
    const xls = fixture('gac-table.xls');
    await expect(readAttachment(xls.subarray(0, 700))).rejects.toThrow(/Office compound file/);
  });
});
