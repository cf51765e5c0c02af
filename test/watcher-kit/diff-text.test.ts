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

  it('shows an item added at the top and one dropped at the bottom, and nothing else', () => {
    const before = ['通知公告', '关于甲的通知2025-06-08', '关于乙的通知2025-06-01', '关于丙的公示2025-06-01'];
    const after = ['通知公告', '关于丁的通知2025-06-09', ...before.slice(1, 3)];
    const diff = diffText(before.join('\n'), after.join('\n'));
    const changed = diff.split('\n').filter((l) => /^[-+\\]/.test(l));
    expect(changed).toEqual(['+关于丁的通知2025-06-09', '-关于丙的公示2025-06-01']);
  });

  it('stays within 4 KB and says so when a page changed everywhere', () => {
    const replaced = lines.map((l) => `${l} 新`).join('\n');
    const diff = diffText(lines.join('\n'), replaced);
    expect(Buffer.byteLength(diff)).toBeLessThanOrEqual(MAX_DIFF_BYTES);
    expect(diff).toMatch(/diff cut|changed too much|first changes/);
  });
});
