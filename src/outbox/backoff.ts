/** Exponential back-off with jitter: attempt 1 waits about `initial`, doubling up to `max`, each time 50–100 % of it. */
export function backoffMs(attempt: number, initial: number, max: number, random: () => number = Math.random): number {
  const base = Math.min(max, initial * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random() * 0.5));
}
