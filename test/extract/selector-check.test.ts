import { describe, expect, it } from 'vitest';
import { selectorError } from '../../src/extract/selector-check.js';

describe('selectorError: config-time check of a watch selector', () => {
  it('accepts the selectors the streaming extractor reads and the richer ones cheerio reads', () => {
    for (const ok of ['ul.list', '#content > .item li', 'body', 'a, b', 'li:first-child', 'a[href$=".pdf"]'])
      expect(selectorError(ok)).toBeUndefined();
  });

  it('names what is wrong with a broken selector, the same answer the second time', () => {
    for (const bad of ['li:no-such-pseudo', 'a[href', '>>']) {
      const first = selectorError(bad);
      expect(first, bad).toMatch(/\S/);
      expect(selectorError(bad)).toBe(first);
    }
  });
});
