/**
 * Tonnages in text: 13.5万吨, 6万2585吨, 十三万五千吨, 135,000吨, 270 000 metric tons, 3.2 kt, 2.51 million kg,
 * "120 thousand tonnes". Each with what it is written as: a value, a bound (逾/"more than"), one end of a range, a
 * difference (增加1.5万吨, "an increase of 42,000t") or a rate ("4,168 tonnes per month") — only a value is a figure.
 */
import { chineseNumber } from './figures/chinese-numerals.js';

export interface Quantity {
  start: number;
  end: number;
  /** Metric tonnes. */
  value: number;
  /** The number as written in an English sentence with a dot and exactly three decimals (62.585 metric tons). */
  dotThousands: boolean;
  /** Written as a bound or a range, not a value: 逾2.4万吨, 超过…吨, 近…吨, "more than 24,000 tonnes", 1万至1.2万吨. */
  bound: boolean;
  /** A difference, not a level: 比去年增加1.5万吨, 调增1.12万吨, "an increase of 42,000t", "cut by 5,000 tonnes". */
  delta?: boolean;
  /** A rate: "averaging 4,168 tonnes per month", 月均…吨. */
  rate?: boolean;
}

// Thousands separated by commas, spaces, thin or narrow no-break spaces (270 000, 270 000).
// Or in the European way, where the writing leaves no doubt: dots between thousands and a comma before decimals
// ("5.493,9 metric tons"), or two dots between thousands ("1.204.500 t"). (One dot and three digits, "58.193 tons",
// stays for plausibleValue to read; a comma before one or two digits alone, "5,4 t", is left unread.)
const EURO_NUMBER = String.raw`\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d,])|\d{1,3}(?:\.\d{3}){2,}(?![\d.,])`;
// ("c.29.1k tonnes": circa abbreviated, its dot no decimal point.)
const NUMBER = String.raw`(?<![\d,])(?<!(?<!\bca?)\.)(${EURO_NUMBER}|\d{1,3}(?:[,\u2009\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])`;
/** The value of a number as NUMBER reads it: group separators out, a European decimal comma made a point. */
const numberValue = (raw: string): number =>
  Number(
    /^\d{1,3}\.\d{3}(?:\.\d{3})*(?:,\d{1,2})?$/.test(raw) && /,|\..*\./.test(raw)
      ? raw.replace(/\./g, '').replace(',', '.')
      : raw.replace(/[,\u2009\u202f ]/g, ''),
  );
const ZH_UNIT = String.raw`\s*(万|千|亿)?\s*(?:余|多)?\s*(公吨|吨|公斤|千克|(?<=[万亿]\s*)t(?![A-Za-z]))`;
// "mt"/"MT" is the metals trade press's metric ton ("120,000 mt"; "Mt", a megatonne, is not it); a kilotonne is 1,000 t.
// ("a 60,000-tonne quota", "a 15,500-metric-ton quota": the unit joined by hyphens; "5,577 T" in a wire's capitals.)
const EN_UNIT = String.raw`(?:\s*|-)(?:(thousand|million|mln|k)\s*)?(?:(?:metric|long|short)[\s-]+)?(tonnes|tonne|tons|ton|kilotonnes?|kilotons?|kt|mt|MT|t|T(?!-)|kilograms|kilogrammes|kg)(?![A-Za-z])`;
const QUANTITY = new RegExp(`${NUMBER}(?:${ZH_UNIT}|${EN_UNIT})`, 'g');
// 十三万五千吨, 两万吨: a number written in Chinese numerals (it must begin with a numeral, not with 万).
const CN_QUANTITY =
  /([一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*(?:点[零〇一二三四五六七八九]+)?)\s*(万|亿)?\s*(?:余|多)?\s*(公吨|吨)/g;
// A price or rate, not a tonnage: 元/吨, per tonne, $/t.
const RATE_BEFORE = /(?:元|美元|\$|usd|rmb|yuan|dollars?)\s*$/i;
// A lower or upper bound ("前5个月累计出口逾2.4万吨", "more than 11,000 tonnes", "near 48,000 tonnes", 不低于3000吨, 突破25万吨,
// 不低于每年2万吨) rounds a figure
// stated elsewhere or states none: it is not a value of its own.
const BOUND_BEFORE =
  /(?:逾|超过|超|突破|冲破|多于|不足|不到|少于|近|将近|接近|不低于|不少于|不高于|不超过|不大于|不小于|至少|最多|最少|\b(?:more|less|fewer)\s+than|\bnear|\bclose\s+to|\bover|\bunder|\bnearly|\balmost|\bat\s+least|\bat\s+most|(?<!\b(?:add|adds|added|adding)\s+)\bup\s+to|\bin\s+excess\s+of|\b(?:tops?|topped|topping|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?))\s*$/i;
// … unless the bound is a hair's breadth: "just over 24.8k tonnes", "just under 24.3k tonnes", 略超2.4万吨 state the value
// to the precision it is written in (the figure is the number as written).
const NEAR_BOUND =
  /(?:\b(?:just|slightly|marginally|a\s+(?:little|touch|shade))\s+(?:over|under|above|below|(?:more|less)\s+than)|(?:略|稍)(?:超过|超|高于|低于|多于|少于|逾))\s*$/i;
// … or per year or month (不低于每年2万吨): tested only after a 年 or 月, so the common case costs one regex.
const PER_PERIOD_BOUND = /(?:不低于|不少于|不高于|不超过|不大于|不小于|至少|最多|最少)\s*(?:每年|每月|年|月)\s*$/;
const ENDS_YEAR_OR_MONTH = /[年月]\s*$/;
// … or written after the tonnage: 5000吨以上, 3000吨（REO）以下, 1万吨以内.
const BOUND_AFTER = /^\s*(?:[(（][^()（）]{0,8}[)）])?\s*(?:以上|以下|以内|及以上|及以下)/;
// The upper end of a range: "10,000-12,000 tonnes", 1万至1.2万吨 (not "from 4,000 to 5,000 tonnes", a change).
const RANGE_BEFORE =
  /(?<![\d.,]|\bfrom\s+)(?!(?:19|20)\d{2}\b)\d[\d,.]*(?:\s*(?:万|千))?\s*(?:-|–|—|~|～|至|到|to)\s*$/i;
// The lower end of one: "10,000 to 12,000 tonnes" has no unit on its first number, "1万吨至1.2万吨" has.
const RANGE_AFTER = /^\s*(?:-|–|—|~|～|至|到)\s*\d/;
// The upper end of "between 270,000 and 290,000 tons", 介于25万和28万吨之间.
const BETWEEN_BEFORE =
  /(?:\bbetween|介于|在)\s*[\d,.]+\s*(?:万|千|thousand|million)?\s*(?:吨|tons?|tonnes?)?\s*(?:and|和|与|至)\s*$/i;
// A difference: 增加1.5万吨, 减少500吨, 增加的1.12万吨, 调增, "an increase of 42,000t", "cut by 5,000 tonnes", "up 3,000 tons"; but the
// particle of a phrasal verb is no change ("miners may dig up 135,000 tonnes", "buyers snapped up", "took up").
const DELTA_BEFORE =
  /(?:增加|减少|减少了|增加了|调增|调减|增长|下降|多出|少了|多了)\s*(?:了\s*)?(?:的\s*)?$|\b(?:increase|decrease|rise|fall|drop|decline|cut|reduction|jump|gain|growth)\s+of\s+(?:about\s+|around\s+|some\s+)?$|\b(?:by|up(?<!\b(?:dig|digs|digging|dug|pick|picks|picked|take|takes|took|taken|use|uses|used|snap|snaps|snapped|buy|buys|bought|soak|soaked|mop|mopped|eat|ate|eaten|free|freed|tie|tied|lock|locked|make|makes|made)\sup)|down)\s+(?:about\s+|around\s+|some\s+)?$/i;
const RATE_AFTER =
  /^\s*(?:(?:per|each|every)\s+(?:month|year|day|week)\b|a\s+(?:month|year|day|week)\b(?!\s+(?:earlier|ago|before|later|on))|\/\s*(?:month|year|月|年)|每)/i;
// (每月平均出口约4400吨, 月均进口…: the flow's word may stand between the average and its number.)
const AVERAGE_BEFORE =
  /(?:月均|平均每月|年均|平均|\baverag\w*|\ban\s+average\s+of)\s*(?:(?:出口|进口)量?\s*)?(?:约|为|达|about\s+)?$/i;

function quantity(
  text: string,
  offset: number,
  start: number,
  end: number,
  value: number,
  dotThousands: boolean,
): Quantity {
  const wider = text.slice(Math.max(0, start - 16), start);
  const between = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 24);
  return {
    start: offset + start,
    end: offset + end,
    value: Math.round(value * 1000) / 1000,
    dotThousands,
    bound:
      (BOUND_BEFORE.test(wider) && !NEAR_BOUND.test(between)) ||
      (ENDS_YEAR_OR_MONTH.test(wider) && PER_PERIOD_BOUND.test(wider)) ||
      RANGE_BEFORE.test(wider) ||
      RANGE_AFTER.test(after) ||
      BETWEEN_BEFORE.test(between) ||
      BOUND_AFTER.test(after),
    delta: DELTA_BEFORE.test(wider),
    rate: RATE_AFTER.test(after) || AVERAGE_BEFORE.test(wider),
  };
}

const PER_BEFORE = /\/\s*$/;
// ("15kt / 13.85kt": a slash after a tonnage's own unit lists two tonnages, it is no rate.)
const TONNAGE_SLASH_BEFORE = /\d\s*(?:kt|t|mt|tonnes?|tons?|吨)\s+\/\s*$/i;
const WAN_BEFORE = /(?<![\d.])(\d+)\s*万\s*$/;
// (With decimals too: 5萬8193.1公噸 is 58,193.1.)
const FOUR_DIGITS = /^\d{1,4}(?:\.\d+)?$/;
const DOT_THOUSANDS = /^\d{1,3}\.\d{3}$/;
const CHINESE_TONNAGE = /[一二两三四五六七八九十][^吨]{0,12}吨/;

// A number listed before a tonnage, sharing its unit: "270,000 and 254,000 tons", 13.5万、12.7万吨 (not a year).
const LISTED_BEFORE = new RegExp(
  String.raw`${NUMBER}\s*(万|千|亿|thousand|million)?\s*(?:,\s*(?:and\s+)?|\s+(?:and|or)\s+|、|和|及|与|以及)\s*$`,
  'i',
);
const LISTED_SCALE: Record<string, number> = { 万: 1e4, 千: 1e3, 亿: 1e8, thousand: 1e3, million: 1e6 };

/**
 * The numbers listed right before the tonnage at `start` that has no unit of its own, each read with the tonnage's
 * unit (`scale` per unit of the number) unless it carries its own multiplier ("13.5万、12.7万吨"); a list of three
 * ("A, B and C tonnes") is read back to its first number.
 */
function listedBefore(text: string, offset: number, start: number, scale: number, out: Quantity[]): void {
  // ("between 270,000 and 290,000 tons" is a range: its first number is no value either.)
  if (out.at(-1)?.bound) return;
  const found: Quantity[] = [];
  let at = start;
  for (;;) {
    const before = text.slice(Math.max(0, at - 40), at);
    const m = LISTED_BEFORE.exec(before);
    if (!m) break;
    const raw = m[1]!;
    if (/^(?:19|20)\d{2}$/.test(raw)) break;
    const from = at - before.length + m.index;
    const own = m[2] ? LISTED_SCALE[m[2].toLowerCase()]! : null;
    const value = numberValue(raw) * (own ?? scale);
    if (!Number.isFinite(value)) break;
    const numberEnd = m[2] ? m[0].indexOf(m[2], raw.length) + m[2].length : raw.length;
    found.unshift(quantity(text, offset, from, from + numberEnd, value, false));
    at = from;
  }
  if (found.length === 0) return;
  const next = out.pop()!;
  out.push(...found, next);
}

// Two tonnages joined as a list (分别增加0.8万吨、0.8万吨; "up 8,000 and 5,000 tonnes"; 分别超过2万吨和1万吨).
const LIST_SEPARATOR = /^\s*(?:、|和|及|与|以及|,?\s+and\s+|\s+or\s+)\s*$/i;

/**
 * The second of two tonnages listed one after the other is written as what the first is: a difference after a
 * difference, a bound after a bound (the word before the first governs both).
 */
function sharesListKind(text: string, offset: number, prev: Quantity | undefined, q: Quantity): void {
  if (!prev || (!prev.delta && !prev.bound) || q.delta || q.bound) return;
  if (prev.end - offset > q.start - offset || !LIST_SEPARATOR.test(text.slice(prev.end - offset, q.start - offset)))
    return;
  if (prev.delta) q.delta = true;
  if (prev.bound) q.bound = true;
}

/** Every tonnage of `text`, in order; offsets are shifted by `offset`. */
export function findQuantities(text: string, offset = 0): Quantity[] {
  const out: Quantity[] = [];
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
    const raw = m[1]!;
    const zhMult = m[2];
    const zhUnit = m[3];
    const enMult = m[4]?.toLowerCase();
    const enUnit = m[5]?.toLowerCase();
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    if (text[m.index + m[0].length] === '/' || RATE_BEFORE.test(before) || PER_BEFORE.test(before)) {
      if (!TONNAGE_SLASH_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    }
    let value = numberValue(raw);
    if (!Number.isFinite(value)) continue;
    if (zhMult === '万') value *= 1e4;
    else if (zhMult === '千') value *= 1e3;
    else if (zhMult === '亿') value *= 1e8;
    if (enMult === 'thousand' || enMult === 'k' || enUnit === 'kt' || enUnit?.startsWith('kilot')) value *= 1e3;
    else if (enMult === 'million' || enMult === 'mln') value *= 1e6;
    if (zhUnit === '公斤' || zhUnit === '千克' || enUnit === 'kg' || enUnit?.startsWith('kilogram')) value /= 1e3;
    let start = m.index;
    // 6万2585吨: the digits after 万 are the units of the same number (62,585).
    const wan = zhUnit && !zhMult ? WAN_BEFORE.exec(text.slice(Math.max(0, start - 12), start)) : null;
    if (wan && FOUR_DIGITS.test(raw)) {
      value += Number(wan[1]) * 1e4;
      start -= wan[0].length;
    }
    const dotThousands = Boolean(enUnit) && !enMult && DOT_THOUSANDS.test(raw);
    const q = quantity(text, offset, start, m.index + m[0].length, value, dotThousands);
    sharesListKind(text, offset, out.at(-1), q);
    out.push(q);
    listedBefore(text, offset, start, value / numberValue(raw), out);
  }
  if (CHINESE_TONNAGE.test(text)) {
    CN_QUANTITY.lastIndex = 0;
    for (let m = CN_QUANTITY.exec(text); m; m = CN_QUANTITY.exec(text)) {
      const n = chineseNumber(m[1]!);
      if (n === null) continue;
      const value = n * (m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1);
      out.push(quantity(text, offset, m.index, m.index + m[0].length, value, false));
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/**
 * Every unit a tonnage can be written in, by itself: 吨 (公吨, 万吨), 噸, 公斤, 千克, kg, kilo…, ton…, and a free-standing t,
 * kt or mt ("5,000 t", "(t)" in a table's header, "12kt"). Each quantity `findQuantities` reads and each table column
 * the table reader takes has one of them, so a text without any states no tonnage, and the figure reader need not
 * read it. (It says "may": most texts with one of them state no tonnage either.)
 */
const UNIT_WORD = /[吨噸]|公斤|千克|kg|kilo|ton|(?<![A-Za-z'’])[km]?t(?![A-Za-z])/i;

/** Whether `text` names a unit of weight at all: without one it states no tonnage (see UNIT_WORD). */
export const mayStateTonnage = (text: string): boolean => UNIT_WORD.test(text);
