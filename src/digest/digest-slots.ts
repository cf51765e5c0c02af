import { WEEKDAY_NAMES } from '../expectations/expectation-schema.js';
import { parseClock, wallTime, zonedInstant } from '../expectations/zoned-time.js';
import type { DigestSettings } from './digest-schema.js';

/** When a digest is due: the last sending time at or before `now`, and the period it covers (the one before it). */
export interface DigestSlot {
  /** Epoch ms of this sending time (also the end of the period, exclusive). */
  at: number;
  /** Epoch ms the period starts: the previous sending time. */
  from: number;
}

/** The most recent sending time at or before `now` in the digest's zone, with the period it closes. */
export function lastDigestSlot(d: DigestSettings, now: number): DigestSlot {
  const minutes = parseClock(d.at) ?? 480;
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  const w = wallTime(now, d.timezone);
  const step = d.every === 'daily' ? 1 : 7;
  // Days back from today to the last sending day (0 for daily digests and for weekly ones sent today).
  let back = d.every === 'daily' ? 0 : (w.weekday - (WEEKDAY_NAMES.indexOf(d.day) + 1) + 7) % 7;
  let at = zonedInstant(d.timezone, w.year, w.month, w.day - back, h, m);
  if (at > now) {
    back += step;
    at = zonedInstant(d.timezone, w.year, w.month, w.day - back, h, m);
  }
  const from = zonedInstant(d.timezone, w.year, w.month, w.day - back - step, h, m);
  return { at, from };
}
