/**
 * One value stated for two years: "the mining quota, which stood at 105,000 tons in 2015 and 2016", 2015年和2016年均为
 * 10.5万吨. The figure read for one of the years is the other's too.
 */
import type { Quantity } from '../quantities.js';

// (English names the years after the tonnage, Chinese before it, with 均/都/各 saying the value is each year's.)
const YEARS_AFTER =
  /^\s*(?:in|for|during|both\s+in)\s+((?:19|20)\d{2})\s*(?:and|&)\s*((?:19|20)\d{2})\b(?!\s*(?:combined|together|respectively))/i;
const YEARS_BEFORE =
  /((?:19|20)\d{2})\s*年?\s*(?:和|及|与|、)\s*((?:19|20)\d{2})\s*年\s*(?:的[^，。；\d]{0,12})?(?:均|都|各)(?:为|是|达)?\s*$/;

/** The other year of the pair a tonnage is stated for, when the figure's period is one of them. */
export function secondYear(text: string, q: Quantity, period: string | null): string | null {
  if (!period || !/^\d{4}$/.test(period)) return null;
  const m =
    YEARS_AFTER.exec(text.slice(q.end, q.end + 40)) ??
    YEARS_BEFORE.exec(text.slice(Math.max(0, q.start - 40), q.start));
  if (!m) return null;
  if (m[1] === period) return m[2]!;
  if (m[2] === period) return m[1]!;
  return null;
}
