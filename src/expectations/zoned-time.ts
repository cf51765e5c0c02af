/**
 * Wall-clock arithmetic in an IANA time zone with Intl only (no date library): what a zone's clock shows at an
 * instant, and which instant a zone's wall-clock time is. Used by expectation windows, digest times and quiet hours.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

let zoneNames: ReadonlySet<string> | undefined;

/** True when `tz` is an IANA zone name this Node knows (Europe/London, Asia/Shanghai, UTC). */
export function isTimeZone(tz: string): boolean {
  // The list of canonical names costs a few milliseconds; building a formatter, which also takes aliases and any
  // letter case, costs ten times that on its first use (ICU loads its data), so a config that only names zones never
  // pays it.
  zoneNames ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (zoneNames.has(tz)) return true;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** What the clock in `timeZone` shows at `ms`. */
export function wallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1,
  };
}

/** The zone's offset from UTC at `ms`, in minutes (Asia/Shanghai: 480). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the clock in `timeZone` shows this wall time. Out-of-range days roll over (day 0 is the last
 * day of the previous month). A time skipped by a DST change resolves to the instant after the gap.
 */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  // A second pass settles instants near an offset change.
  const again = asUtc - offsetMinutes(guess, timeZone) * 60_000;
  if (again !== guess) guess = Math.max(guess, again);
  return guess;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `+08:00`, `-05:00`, `+00:00`. */
export function offsetText(ms: number, timeZone: string): string {
  const off = offsetMinutes(ms, timeZone);
  const sign = off < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** ISO 8601 with the zone's offset: 2026-12-15T00:00:00+08:00. */
export function isoInZone(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offsetText(ms, timeZone)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "9 Dec 2025" as the zone's calendar shows the instant. */
export function dayText(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  return `${w.day} ${MONTHS[w.month - 1]} ${w.year}`;
}

/** "14 Dec 2026 24:00" style end-of-day phrasing is avoided: the last day of a window that ends at midnight. */
export function lastDayText(endMs: number, timeZone: string): string {
  const w = wallTime(endMs, timeZone);
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return `end of ${dayText(endMs - 1000, timeZone)}`;
  return `${dayText(endMs, timeZone)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** A span of time as people say it: "3d 4h", "5h 12m", "40m". */
export function spanText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  return `${m}m`;
}

/** `HH:MM` (00:00–23:59) as minutes after midnight, or undefined. */
export function parseClock(text: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}
