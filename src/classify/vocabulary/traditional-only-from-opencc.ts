/**
 * Derives the table in traditional-only.ts from OpenCC's dictionaries (opencc-js): the characters that only
 * traditional (or HK/TW variant) text uses, i.e. those the character dictionaries change that are not written in
 * simplified text (not a simplified form, not in a simplified word of the simplified→traditional phrases: 著 stays,
 * for 显著). test/classify/traditional-only.test.ts checks the table against it, so an opencc-js update that changes
 * the dictionaries fails there until the table is written again:
 *
 *   npx tsx src/classify/vocabulary/traditional-only-from-opencc.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openccLocale, type Dict } from './simplified.js';

const pairs = (d: Dict): Array<readonly [string, string]> =>
  typeof d === 'string' ? d.split('|').map((p) => p.split(' ') as unknown as readonly [string, string]) : [...d];

/** The traditional-only characters, one string in code point order. */
export function traditionalOnlyFromOpenCC(): string {
  const { from, to } = openccLocale();
  const simplified = new Set<string>();
  for (const group of to.cn!) for (const d of group) for (const [, v] of pairs(d)) for (const c of v) simplified.add(c);
  for (const group of from.cn!) for (const d of group) for (const [k] of pairs(d)) for (const c of k) simplified.add(c);
  const only = new Set<number>();
  for (const group of [...from.hk!, ...from.tw!, ...to.cn!])
    for (const d of group)
      for (const [k, v] of pairs(d))
        if ([...k].length === 1 && k !== v && !simplified.has(k)) only.add(k.codePointAt(0)!);
  return String.fromCodePoint(...[...only].sort((a, b) => a - b));
}

/** The TypeScript module holding `chars`, 80 characters to a line. */
export function tableModule(chars: string): string {
  const units = [...chars];
  const lines: string[] = [];
  for (let i = 0; i < units.length; i += 80) lines.push(`  '${units.slice(i, i + 80).join('')}'`);
  return [
    '// Generated from opencc-js by traditional-only-from-opencc.ts (which says how); do not edit.',
    '',
    '/** Characters only traditional (HK/TW) text uses, in code point order: no run loads OpenCC to know them. */',
    'export const TRADITIONAL_ONLY =',
    `${lines.join(' +\n')};`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('traditional-only.ts', import.meta.url));
  writeFileSync(target, tableModule(traditionalOnlyFromOpenCC()));
  process.stdout.write(`wrote ${target}\n`);
}
