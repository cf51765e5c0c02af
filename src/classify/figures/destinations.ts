/**
 * Countries a flow can go to, as the snake_case suffix of a destination metric (`magnet_exports_to_japan`). A country
 * is a destination only where the text sends the flow there: "to Japan", 对日本/向日本/销往日本/出口至日本 (the United
 * States also in the looser wordings the press uses for it: 对美, "U.S.-bound", "American buyers").
 */

/** slug, Chinese names (simplified and traditional forms), English names. */
const COUNTRIES: Array<[string, string, string]> = [
  ['japan', '日本', 'Japan'],
  ['germany', '德国|德國', 'Germany'],
  ['south_korea', '韩国|韓國|南韩|南韓|韩國', 'South Korea|Korea'],
  ['vietnam', '越南', 'Vietnam|Viet Nam'],
  ['netherlands', '荷兰|荷蘭', 'the Netherlands|Netherlands'],
  ['india', '印度', 'India'],
  ['france', '法国|法國', 'France'],
  ['italy', '意大利|義大利', 'Italy'],
  ['united_kingdom', '英国|英國', 'Britain|the United Kingdom|the UK'],
  ['thailand', '泰国|泰國', 'Thailand'],
  ['malaysia', '马来西亚|馬來西亞', 'Malaysia'],
  ['mexico', '墨西哥', 'Mexico'],
  ['poland', '波兰|波蘭', 'Poland'],
  ['philippines', '菲律宾|菲律賓', 'the Philippines|Philippines'],
  ['australia', '澳大利亚|澳洲', 'Australia'],
  ['canada', '加拿大', 'Canada'],
  ['brazil', '巴西', 'Brazil'],
  ['russia', '俄罗斯|俄羅斯', 'Russia'],
  ['indonesia', '印度尼西亚|印尼', 'Indonesia'],
  ['turkey', '土耳其', 'Turkey|Türkiye'],
  ['spain', '西班牙', 'Spain'],
  ['austria', '奥地利|奧地利', 'Austria'],
  ['slovenia', '斯洛文尼亚', 'Slovenia'],
];

const ZH_TO = String.raw`(?:对|對|向|销往|銷往|运往|運往|输往|輸往|发往|發往|出口至|出口到|出口往|至|到)\s*`;
const EN_TO = String.raw`\b(?:to|into|for|bound\s+for|destined\s+for)\s+`;

export interface DestinationPattern {
  country: string;
  re: RegExp;
  /** The pattern names the country as where the flow goes ("to Japan", 对日本); a bare name (美国, "U.S.") does not. */
  strict: boolean;
}

/** One pattern per country: the country with the words that make it the flow's destination. */
export const DESTINATIONS: DestinationPattern[] = [
  {
    country: 'us',
    re: new RegExp(
      `${ZH_TO}(?:美国|美國)|对美|對美|${EN_TO}(?:the\\s+)?(?:United States|U\\.S\\.(?!\\w)|US\\b|America\\b)|\\b(?:US|U\\.S\\.)-bound\\b|American buyers`,
      'g',
    ),
    strict: true,
  },
  { country: 'us', re: /美国|美國|United States|U\.S\.(?!\w)|\bUS\b(?!\$)|\bAmerica\b/g, strict: false },
  ...COUNTRIES.map(([country, zh, en]) => ({
    country,
    re: new RegExp(`${ZH_TO}(?:${zh})|${EN_TO}(?:${en})\\b|\\b(?:${en})-bound\\b`, 'g'),
    strict: true,
  })),
];
