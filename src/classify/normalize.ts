/**
 * Text normalisation before matching: HTML remnants out, full-width ASCII to half-width, traditional (HK, Taiwan)
 * characters to simplified with OpenCC's dictionaries, thin and no-break spaces handled, whitespace collapsed. Offsets are not preserved: evidence is quoted from
 * the normalised text.
 */
import { simplify } from './vocabulary/simplified.js';

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: ' ',
  emsp: ' ',
  mdash: '—',
  ndash: '–',
  middot: '·',
  hellip: '…',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Full-width ASCII (Ａ-Ｚ, ０-９, ％, ，…) to half-width and the ideographic space to a space, in one regex pass (most
 * text has none of these and is returned as it was). (A loop over the characters instead read more instructions per
 * document under valgrind, though Chinese text calls back here once per clause.)
 */
export function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
  });
}

/** Thin, no-break, figure and hair spaces: between digit groups a thousands separator (dropped), else a space. */
const NARROW_SPACES =
  /(\d)[\u2009\u202f\u2007\u200a\u00a0]+(?=\d{3}(?!\d))|[\u2009\u202f\u2007\u200a\u2002-\u2006\u2008]/g;

/**
 * What any of the spacing passes needs to find: a narrow, no-break, zero-width or other special space, a carriage
 * return, a tab, form feed or vertical tab, two spaces, or a space or break next to a break. One scan instead of five
 * for text without any.
 */
const SPACING = /[\u2002-\u200d\u202f\u00a0\ufeff\r\t\f\v]| [ \n]|\n[ \n]/;

/**
 * Pinyin in brackets after a character, as some portals print it (下达(dá), 指标(biāo)): dropped, so the words read
 * as written. Only lower-case letters with at least one tone mark, directly after a Chinese character.
 */
const PINYIN = /(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;

/** Normalise one piece of text for classification. */
export function normalizeText(input: string): string {
  // Each pass only where its first character occurs: most text has no markup and no entities.
  let s = input;
  if (s.includes('<')) {
    s = s.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
    s = s.replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])\s*>/gi, '\n').replace(/<[^>]{0,500}>/g, ' ');
  }
  if (s.includes('&')) s = decodeEntities(s);
  s = simplify(halfWidth(s));
  if (s.includes('(') || s.includes('（')) s = s.replace(PINYIN, '');
  // The spacing passes below, only on text that holds something one of them changes (most text does not).
  if (!SPACING.test(s)) return s.trim();
  s = s.replace(NARROW_SPACES, (_, digit: string | undefined) => digit ?? ' ');
  // Digits split by a full-width comma became "135,000"; a Chinese list comma between numbers stays a separator.
  s = s.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/\r\n?/g, '\n');
  // Runs of blanks become one space and blank runs around line breaks one break; a lone space or break is left as it
  // is (matching those too would rebuild the string for nothing), a lone tab or no-break space becomes a space.
  s = s.replace(/[ \t\f\v\u00a0]{2,}|[\t\f\v\u00a0]/g, ' ').replace(/ +\n[ \n]*|\n[ \n]+/g, '\n');
  return s.trim();
}
