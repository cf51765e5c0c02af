import type { Entities } from '../types.js';
import { ELEMENTS, elementOf, TERMS } from './vocabulary/terms.js';

/** Every element as a word (terbium is not erbium): the vocabulary's forms, in one scan. */
const ANY_ELEMENT = new RegExp(TERMS.element, 'gi');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** What a document number ends with (〔2024〕18号): a cheap test before DOC_NUMBER tries every run of characters. */
const DOC_NUMBER_END = /[〔[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号/;
const DOC_NUMBER = /[\u4e00-\u9fa5]{2,12}[〔[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*\d{1,4}\s*号/g;
const ANNOUNCEMENT =
  /((?:(?:商务部|海关总署|国家国防科技工业局|国家原子能机构|工业和信息化部|自然资源部)[\s、和与]*)+)公告\s*(\d{4})\s*年\s*第\s*(\d{1,4})\s*号/g;
const EN_ANNOUNCEMENT =
  /\b(?:MOFCOM|Ministry of Commerce|GAC|General Administration of Customs)?[\s,]*(?:and\s+\w+\s+)?(?:Joint\s+)?Announcement\s+No\.?\s*(\d{1,4})\s*(?:\[|\(|of\s+)?\s*(\d{4})?\]?\)?/gi;
const HS =
  /(?:HS|海关商品编号|商品编号|税则号列?|tariff (?:line|code)s?|codes?)[^。.;；\n]{0,20}?((?:\d{4}\.?\d{2}(?:\.?\d{2,4})?)(?:\s*[、,，和及/]\s*\d{4}\.?\d{2}(?:\.?\d{2,4})?)*)/gi;
const ZH_EFFECTIVE =
  /自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日起\s*(?:正式)?(?:施行|实施|执行|生效|暂停|停止)/g;
const EN_EFFECTIVE =
  /(?:effective|take[sn]? effect|comes? into (?:force|effect)|from)\s+(?:on\s+|from\s+)?(?:(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})|([A-Z][a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4}))/g;

/**
 * The matches of a global expression, as `text.matchAll(re)` gives them (none of these can match the empty string),
 * without the copy of the expression matchAll makes for every call (its source hashed again each time).
 */
function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

const pad = (n: number | string) => String(n).padStart(2, '0');
const iso = (y: string | number, m: string | number, d: string | number) => `${y}-${pad(m)}-${pad(d)}`;
const monthNo = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** Elements, document numbers, HS codes and effective dates named in a (normalised) text. */
export function extractEntities(text: string): Entities {
  // One scan names them all (a match is one element's character, name, symbol or formula); listed in table order.
  const named = new Set<string | undefined>();
  for (const m of matchesOf(ANY_ELEMENT, text)) named.add(elementOf(m[0]));
  const elements = ELEMENTS.filter((e) => named.has(e.symbol)).map((e) => e.symbol);
  const numbers = new Set<string>();
  // The pattern backtracks over every run of Chinese characters: only run it where a number can end a match.
  if (DOC_NUMBER_END.test(text))
    for (const m of matchesOf(DOC_NUMBER, text))
      numbers.add(
        m[0]
          .replace(/[[［【(（]/, '〔')
          .replace(/[\]］】)）]/, '〕')
          .replace(/\s+/g, ''),
      );
  for (const m of matchesOf(ANNOUNCEMENT, text))
    numbers.add(`${m[1]!.replace(/[\s、和与]+/g, ' ').trim()}公告${m[2]}年第${m[3]}号`);
  // The pattern opens with optional words, so it starts at every position: only run it where the word is.
  if (/announcement/i.test(text))
    for (const m of matchesOf(EN_ANNOUNCEMENT, text)) if (m[2]) numbers.add(`Announcement No. ${m[1]} of ${m[2]}`);
  const hsCodes = new Set<string>();
  for (const m of matchesOf(HS, text))
    for (const code of m[1]!.split(/\s*[、,，和及/]\s*/))
      if (/^\d{4}\.?\d{2}/.test(code)) hsCodes.add(code.replace(/\./g, ''));
  const dates = new Set<string>();
  for (const m of matchesOf(ZH_EFFECTIVE, text)) dates.add(iso(m[1]!, m[2]!, m[3]!));
  for (const m of matchesOf(EN_EFFECTIVE, text)) {
    const month = monthNo(m[2] ?? m[4] ?? '');
    if (month > 0) dates.add(iso(m[3] ?? m[6]!, month, m[1] ?? m[5]!));
  }
  return { elements, documentNumbers: [...numbers], hsCodes: [...hsCodes], effectiveDates: [...dates].sort() };
}
