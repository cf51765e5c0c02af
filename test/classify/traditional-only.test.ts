import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { simplify } from '../../src/classify/vocabulary/simplified.js';
import { TRADITIONAL_ONLY } from '../../src/classify/vocabulary/traditional-only.js';
import { traditionalOnlyFromOpenCC } from '../../src/classify/vocabulary/traditional-only-from-opencc.js';

const openccLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('opencc-js'));

describe('the built-in table of traditional-only characters', () => {
  it('reads simplified Chinese without loading OpenCC', () => {
    const text = '工业和信息化部下达2026年第一批稀土开采总量控制指标,显著增长';
    expect(simplify(text)).toBe(text);
    expect(openccLoaded()).toBe(false);
  });

  it('still converts traditional text (OpenCC loaded for it)', () => {
    expect(simplify('稀土開採總量控制指標')).toBe('稀土开采总量控制指标');
    expect(openccLoaded()).toBe(true);
  });

  it("is what OpenCC's dictionaries give (else: npx tsx src/classify/vocabulary/traditional-only-from-opencc.ts)", () => {
    expect(TRADITIONAL_ONLY).toBe(traditionalOnlyFromOpenCC());
    expect([...TRADITIONAL_ONLY]).toContain('鐵');
    expect([...TRADITIONAL_ONLY]).not.toContain('著');
  });
});
