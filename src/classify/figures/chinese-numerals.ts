/** Numbers written in Chinese numerals: 十三万五千 = 135,000, 两千零五 = 2,005, 二十点五 = 20.5. */

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a Chinese numeral, or null when it is not one. */
export function chineseNumber(s: string): number | null {
  const [whole, fraction] = s.split('点');
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of whole ?? '') {
    if (ch in DIGIT) digit = DIGIT[ch]!;
    else if (ch in UNIT) {
      section += (digit ?? 1) * UNIT[ch]!;
      digit = null;
    } else if (ch === '万' || ch === '亿') {
      total = (total + section + (digit ?? 0)) * (ch === '万' ? 1e4 : 1e8);
      section = 0;
      digit = null;
    } else return null;
  }
  total += section + (digit ?? 0);
  if (fraction) {
    let f = '';
    for (const ch of fraction) {
      if (!(ch in DIGIT)) return null;
      f += String(DIGIT[ch]);
    }
    total += Number(`0.${f}`);
  }
  return total;
}
