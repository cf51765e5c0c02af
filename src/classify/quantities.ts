/** Tonnages in text: 13.5万吨, １３５，０００吨, 270,000 metric tons, 3.2 kt, 2.51 million kg. */

export interface Quantity {
  start: number;
  end: number;
  /** Metric tonnes. */
  value: number;
  /** The number as written in an English sentence with a dot and exactly three decimals (62.585 metric tons). */
  dotThousands: boolean;
  /** Written as a bound, not a value: 逾2.4万吨, 超过…吨, 近…吨, "more than 24,000 tonnes", "nearly 11,000 tons". */
  bound: boolean;
}

const NUMBER = String.raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])`;
const ZH_UNIT = String.raw`\s*(万|千|亿)?\s*(?:余|多)?\s*(公吨|吨|公斤|千克)`;
// "mt"/"MT" is the metals trade press's metric ton ("120,000 mt"; "Mt", a megatonne, is not it); a kilotonne is 1,000 t.
const EN_UNIT = String.raw`\s*(?:(thousand|million|k)\s*)?(?:(?:metric|long|short)\s+)?(tonnes|tonne|tons|ton|kilotonnes?|kilotons?|kt|mt|MT|t|kilograms|kilogrammes|kg)(?![A-Za-z])`;
const QUANTITY = new RegExp(`${NUMBER}(?:${ZH_UNIT}|${EN_UNIT})`, 'g');
// A price or rate, not a tonnage: 元/吨, per tonne, $/t.
const RATE_BEFORE = /(?:元|美元|\$|usd|rmb|yuan|dollars?)\s*$/i;
// A lower or upper bound ("前5个月累计出口逾2.4万吨", "more than 11,000 tonnes") rounds a figure stated elsewhere or
// states none: it is not a value of its own.
const BOUND_BEFORE =
  /(?:逾|超过|超|多于|不足|不到|少于|近|将近|接近|\b(?:more|less|fewer)\s+than|\bover|\bunder|\bnearly|\balmost|\bat\s+least|\bat\s+most|\bup\s+to|\bin\s+excess\s+of)\s*$/i;

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
    const wider = text.slice(Math.max(0, m.index - 16), m.index);
    if (text[m.index + m[0].length] === '/' || RATE_BEFORE.test(before) || /\/\s*$/.test(before)) continue;
    let value = Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    if (zhMult === '万') value *= 1e4;
    else if (zhMult === '千') value *= 1e3;
    else if (zhMult === '亿') value *= 1e8;
    if (enMult === 'thousand' || enMult === 'k' || enUnit === 'kt' || enUnit?.startsWith('kilot')) value *= 1e3;
    else if (enMult === 'million') value *= 1e6;
    if (zhUnit === '公斤' || zhUnit === '千克' || enUnit === 'kg' || enUnit?.startsWith('kilogram')) value /= 1e3;
    out.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      value: Math.round(value * 1000) / 1000,
      dotThousands: Boolean(enUnit) && !enMult && /^\d{1,3}\.\d{3}$/.test(raw),
      bound: BOUND_BEFORE.test(wider),
    });
  }
  return out;
}
