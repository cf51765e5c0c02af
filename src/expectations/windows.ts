import { parseDateTime, WEEKDAY_NAMES, type Expectation } from './expectation-schema.js';
import { isoInZone, wallTime, zonedInstant } from './zoned-time.js';

/** One occurrence of an expectation's window. */
export interface Window {
  /** Epoch ms the window opens (inclusive). */
  start: number;
  /** Epoch ms the window closes (exclusive): the end of its last day. */
  end: number;
  /** The period the window expects, resolved (`2026-11`); null without `period` (or without `metric`). */
  period: string | null;
  /** Stable name of this occurrence, for ids and records: `<expectation>@<windowEnd ISO>`. */
  key: string;
  /** ISO 8601 end with the expectation's offset. */
  endIso: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;

/** The calendar date (in UTC arithmetic) n days after y-m-d. */
function shiftDate(y: number, m: number, d: number, days: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `period` of an expectation resolved against the calendar month (y, m) its window belongs to. */
export function resolvePeriod(exp: Expectation, y: number, m: number): string | null {
  if (exp.period === undefined || exp.metric === undefined) return null;
  switch (exp.period) {
    case 'previous-month':
      return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
    case 'this-month':
      return `${y}-${pad(m)}`;
    case 'this-year':
      return String(y);
    case 'next-year':
      return String(y + 1);
    default:
      return String(exp.period);
  }
}

function make(exp: Expectation, start: number, end: number, y: number, m: number): Window {
  const endIso = isoInZone(end, exp.timezone);
  return { start, end, period: resolvePeriod(exp, y, m), key: `${exp.id}@${endIso}`, endIso };
}

/**
 * The windows of an expectation whose end falls within [from, to] (epoch ms), oldest first. A `by:` window is the
 * single date-time; recurring windows repeat per month, year or week in the expectation's time zone.
 */
export function windowsBetween(exp: Expectation, from: number, to: number): Window[] {
  const tz = exp.timezone;
  const w = exp.window;
  const out: Window[] = [];
  const first = wallTime(from, tz);
  const last = wallTime(to, tz);
  if (w.by !== undefined) {
    const p = parseDateTime(w.by)!;
    const end = p.offset ? Date.parse(w.by) : zonedInstant(tz, p.year, p.month, p.day, p.hour, p.minute, p.second);
    if (end >= from && end <= to) out.push(make(exp, -Infinity, end, p.year, p.month));
    return out;
  }
  if (w.monthly) {
    for (let y = first.year, m = first.month - 1; y * 12 + m <= last.year * 12 + last.month; m++) {
      if (m > 12) [y, m] = [y + 1, 1];
      if (m < 1) [y, m] = [y - 1, 12];
      if (w.monthly.skip.includes(m)) continue;
      const fromDay = Math.min(w.monthly.from, daysInMonth(y, m));
      const toDay = Math.min(w.monthly.to, daysInMonth(y, m));
      const start = zonedInstant(tz, y, m, fromDay);
      const end = zonedInstant(tz, ...shiftDate(y, m, toDay, 1));
      if (end >= from && end <= to) out.push(make(exp, start, end, y, m));
    }
    return out;
  }
  if (w.yearly) {
    const [fm, fd] = w.yearly.from.split('-').map(Number) as [number, number];
    const [bm, bd] = w.yearly.by.split('-').map(Number) as [number, number];
    for (let y = first.year - 1; y <= last.year; y++) {
      const start = zonedInstant(tz, y, fm, Math.min(fd, daysInMonth(y, fm)));
      const end = zonedInstant(tz, ...shiftDate(y, bm, Math.min(bd, daysInMonth(y, bm)), 1));
      if (end >= from && end <= to) out.push(make(exp, start, end, y, bm));
    }
    return out;
  }
  if (w.weekly) {
    const fromDay = WEEKDAY_NAMES.indexOf(w.weekly.from) + 1;
    const toDay = WEEKDAY_NAMES.indexOf(w.weekly.to) + 1;
    const span = (toDay - fromDay + 7) % 7;
    // Walk the days from a week before `from` to `to`; each `to` weekday ends a window.
    let [y, m, d] = shiftDate(first.year, first.month, first.day, -8);
    const stop = Date.UTC(last.year, last.month - 1, last.day);
    for (; Date.UTC(y, m - 1, d) <= stop; [y, m, d] = shiftDate(y, m, d, 1)) {
      if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() !== toDay % 7) continue;
      const start = zonedInstant(tz, ...shiftDate(y, m, d, -span));
      const end = zonedInstant(tz, ...shiftDate(y, m, d, 1));
      if (end >= from && end <= to) out.push(make(exp, start, end, y, m));
    }
  }
  return out;
}

/** How far back a recurring window repeats (used to look one window back, and one year back). */
export function windowLength(exp: Expectation): number {
  const w = exp.window;
  return w.monthly ? 31 * DAY : w.yearly ? 366 * DAY : w.weekly ? 7 * DAY : Infinity;
}

/** The last window that closed at or before `now`, within `lookback` ms. */
export function lastClosedWindow(exp: Expectation, now: number, lookback: number): Window | undefined {
  return windowsBetween(exp, now - lookback, now).at(-1);
}

/** The window open at `now`, or the next one to open. */
export function nextWindow(exp: Expectation, now: number): Window | undefined {
  const span = windowLength(exp);
  const horizon = span === Infinity ? 100 * 366 * DAY : 2 * span;
  return windowsBetween(exp, now + 1, now + horizon)[0];
}

/** The window before `w` (for the lower bound of matches without a period). */
export function previousWindow(exp: Expectation, w: Window): Window | undefined {
  const span = windowLength(exp);
  if (span === Infinity) return undefined;
  return windowsBetween(exp, w.end - 2 * span, w.end - 1).at(-1);
}

/** "7th–14th", "01-01 to 03-31", "Thu–Fri", "by 2026-12-31T18:00": the usual window in words. */
export function describeWindow(exp: Expectation): string {
  const w = exp.window;
  const nth = (n: number) =>
    `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  if (w.monthly) return `${nth(w.monthly.from)}–${nth(w.monthly.to)} of the month`;
  if (w.yearly) return `${w.yearly.from} to ${w.yearly.by}`;
  if (w.weekly) return w.weekly.from === w.weekly.to ? cap(w.weekly.from) : `${cap(w.weekly.from)}–${cap(w.weekly.to)}`;
  return `by ${w.by}`;
}
