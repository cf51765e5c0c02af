/**
 * The region text every page check compares and alerts on: runs of spaces collapsed, lines trimmed, empty lines gone,
 * whatever the page's line ends and spaces (CR LF, a lone CR, no-break and ideographic spaces).
 */
import { describe, expect, it } from 'vitest';
import { normaliseWhitespace } from '../../src/extract/html-text.js';

describe('normaliseWhitespace', () => {
  it('collapses spaces and tabs inside a line and trims it', () => {
    expect(normaliseWhitespace('  2025年\t 第一批 \f指标\v ')).toBe('2025年 第一批 指标');
  });

  it('treats no-break and ideographic spaces as spaces', () => {
    expect(normaliseWhitespace('\u3000\u3000一、指标\u00a0\u00a0下达')).toBe('一、指标 下达');
  });

  it('splits lines at LF and CR LF, drops empty and blank ones, and keeps no trailing line end', () => {
    expect(normaliseWhitespace('\n标题\r\n\r\n   \n正文第一行\n\t\n正文第二行\n')).toBe('标题\n正文第一行\n正文第二行');
  });

  it('keeps a lone CR inside a line only where trimming does not remove it', () => {
    expect(normaliseWhitespace('a\rb\nc\r\r\n')).toBe('a\rb\nc');
  });

  it('gives the empty string for a text of white space only', () => {
    expect(normaliseWhitespace(' \n\r\n\u3000\n')).toBe('');
  });
});
