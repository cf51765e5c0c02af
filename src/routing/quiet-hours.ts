import * as z from 'zod';
import { isTimeZone, parseClock, wallTime, zonedInstant } from '../expectations/zoned-time.js';
import type { Alert } from '../types.js';

/**
 * A channel's quiet hours, `quiet: "22:00-07:00 Europe/London"`: from the first time to the second in that zone
 * (spanning midnight when the first is later). Alerts below `high` severity wait and go out together when the quiet
 * hours end; `high` ones go out at once. Without a zone the times are UTC.
 */
export interface QuietHours {
  /** Minutes after midnight. */
  from: number;
  to: number;
  timezone: string;
}

const FORMAT = /^\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})(?:\s+(\S+))?\s*$/;

/** Parse `22:00-07:00 Europe/London`; a string is the error, saying what to write. */
export function parseQuietHours(text: string): QuietHours | string {
  const m = FORMAT.exec(text);
  if (!m) return 'write "HH:MM-HH:MM Zone", e.g. "22:00-07:00 Europe/London"';
  const from = parseClock(m[1]!);
  const to = parseClock(m[2]!);
  if (from === undefined || to === undefined) return 'times are 00:00–23:59, e.g. "22:00-07:00 Europe/London"';
  if (from === to) return 'the start and end are the same; give a span such as "22:00-07:00 Europe/London"';
  const timezone = m[3] ?? 'UTC';
  if (!isTimeZone(timezone)) return `unknown time zone "${timezone}"; use an IANA name such as Europe/London`;
  return { from, to, timezone };
}

/** The channel key: a string checked when the config loads. */
export const quietSchema = z.string().superRefine((text, ctx) => {
  const parsed = parseQuietHours(text);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
});

/** Whether `ms` falls within the quiet hours. */
export function inQuietHours(q: QuietHours, ms: number): boolean {
  const w = wallTime(ms, q.timezone);
  const minute = w.hour * 60 + w.minute;
  return q.from < q.to ? minute >= q.from && minute < q.to : minute >= q.from || minute < q.to;
}

/** When the quiet hours around `ms` end (epoch ms); `ms` itself when not quiet. */
export function quietHoursEnd(q: QuietHours, ms: number): number {
  if (!inQuietHours(q, ms)) return ms;
  const w = wallTime(ms, q.timezone);
  const minute = w.hour * 60 + w.minute;
  const tomorrow = q.from > q.to && minute >= q.from;
  return zonedInstant(q.timezone, w.year, w.month, w.day + (tomorrow ? 1 : 0), Math.floor(q.to / 60), q.to % 60);
}

/** The quiet hours of a channel config, if it has valid ones. */
export function quietOf(channel: { quiet?: unknown }): QuietHours | undefined {
  if (typeof channel.quiet !== 'string') return undefined;
  const parsed = parseQuietHours(channel.quiet);
  return typeof parsed === 'string' ? undefined : parsed;
}

/** Whether this alert waits for the end of the channel's quiet hours (everything below `high`, while quiet). */
export function waitsForQuiet(
  alert: Pick<Alert, 'severity' | 'type'>,
  channel: { quiet?: unknown },
  ms: number,
): boolean {
  const q = quietOf(channel);
  return q !== undefined && alert.severity !== 'high' && alert.type !== 'ops' && inQuietHours(q, ms);
}
