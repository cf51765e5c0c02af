import { describe, expect, it } from 'vitest';
import { MAX_DIFF_BYTES, diffText } from '../../src/watcher-kit/diff-text.js';

const lines = Array.from({ length: 20_000 }, (_, i) => `第${i + 1}行 稀土出口统计 ${i * 7}`);

describe('the diff excerpt of an alert', () => {
  it('shows a change deep in a long page with its real line number', () => {
    const after = [...lines];
    after[12_344] = '第12345行 已修改';
    const diff = diffText(lines.join('\n'), after.join('\n'));
    expect(diff).toContain('@@ -12343,5 +12343,5 @@');
    expect(diff).toContain('-第12345行 稀土出口统计 86408');
    expect(diff).toContain('+第12345行 已修改');
  });

  it('stays within 4 KB and says so when a page changed everywhere', () => {
    const replaced = lines.map((l) => `${l} 新`).join('\n');
    const diff = diffText(lines.join('\n'), replaced);
    expect(Buffer.byteLength(diff)).toBeLessThanOrEqual(MAX_DIFF_BYTES);
    expect(diff).toMatch(/diff cut|changed too much|first changes/);
  });
});
