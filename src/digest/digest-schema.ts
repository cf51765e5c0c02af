import * as z from 'zod';
import { WEEKDAY_NAMES } from '../expectations/expectation-schema.js';
import { isTimeZone, parseClock } from '../expectations/zoned-time.js';

/**
 * A channel's digest (`digest:` in notify.yaml): the period's alerts grouped by category with their key figures, what
 * became overdue, and watch health in one line, sent at a set local time.
 */
export const digestSchema = z.strictObject({
  every: z.enum(['daily', 'weekly'], { error: 'use daily or weekly' }),
  /** Local time of sending, HH:MM. */
  at: z
    .string()
    .refine((t) => parseClock(t) !== undefined, { message: 'write a time as "HH:MM", e.g. "08:00"' })
    .default('08:00'),
  timezone: z
    .string()
    .refine(isTimeZone, { message: 'unknown time zone; use an IANA name such as Europe/London' })
    .default('UTC'),
  /** Weekly digests: the day they are sent. */
  day: z.enum(WEEKDAY_NAMES, { error: `use one of ${WEEKDAY_NAMES.join(', ')}` }).default('mon'),
  /** Send even when nothing happened in the period. */
  always: z.boolean().default(false),
  /** false: this channel reads its change alerts in the digest only (overdue and ops alerts still come live). */
  live: z.boolean().default(true),
});

export type DigestSettings = z.output<typeof digestSchema>;
