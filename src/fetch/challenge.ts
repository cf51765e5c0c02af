/** Markers of anti-bot challenge pages (瑞数 WAF, Cloudflare and the like); see shared sources.md §0. */
const MARKERS = [
  /\$_ts\s*=/,
  /__jsluid/,
  /请稍候/,
  /安全验证/,
  /访问异常/,
  /Just a moment/i,
  /cf-browser-verification/,
  /challenge-platform/,
];

/**
 * Whether an answer is an anti-bot challenge rather than the page: HTTP 412 always is; otherwise a short page carrying
 * a marker. A long page that merely mentions a marker word is content.
 */
export function isChallenge(status: number, text: string): boolean {
  if (status === 412) return true;
  if (text.length > 30_000) return false;
  return MARKERS.some((m) => m.test(text));
}
