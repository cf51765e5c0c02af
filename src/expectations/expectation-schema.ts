import * as z from 'zod';
import { builtOnce } from '../config/built-once.js';
import { CATEGORIES } from '../types.js';
import { isTimeZone } from './zoned-time.js';

/**
 * `expectations.yaml` (design §11): what should appear, from which watches, by when. A window is monthly (days of
 * the month), yearly (days of the year), weekly (days of the week) or one date-time; day windows are inclusive and
 * end at the end of their last day, in the expectation's time zone.
 */

export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** ISO 8601 date-time to minutes or seconds, with an optional offset (Z, +08:00). */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/** Relative periods, resolved against the window (previous-month of a December window is November). */
export const RELATIVE_PERIODS = ['previous-month', 'this-month', 'this-year', 'next-year'] as const;
const LITERAL_PERIOD = /^\d{4}(-(0[1-9]|1[0-2]|H[12]|Q[1-4]))?$/;

/**
 * The schemas of one expectation, of an expectations.yaml file (its expectations unparsed) and of the file as editors
 * see it, built when first asked for: a config that validates no expectation builds none of them.
 */
function buildExpectationSchemas() {
  const dayOfMonth = z.number().int().min(1).max(31);
  const monthDay = z
    .string({ error: 'write a day of the year as a quoted "MM-DD", e.g. "03-31"' })
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'write a day of the year as "MM-DD", e.g. "03-31"');
  const weekday = z.enum(WEEKDAY_NAMES, { error: `use a weekday: ${WEEKDAY_NAMES.join(', ')}` });
  const month = z.number().int().min(1).max(12);

  const windowSchema = z
    .strictObject({
      monthly: z
        .strictObject({
          from: dayOfMonth.default(1),
          to: dayOfMonth,
          /** Months (1–12) whose window is skipped (GAC publishes January and February together in March). */
          skip: z.array(month).default([]),
        })
        .refine((w) => w.from <= w.to, { message: 'monthly.from must not be after monthly.to' })
        .optional(),
      yearly: z
        .strictObject({ from: monthDay.default('01-01'), by: monthDay })
        .refine((w) => w.from <= w.by, { message: 'yearly.from must not be after yearly.by' })
        .optional(),
      weekly: z.strictObject({ from: weekday, to: weekday }).optional(),
      by: z
        .string({ error: 'by: write an ISO 8601 date-time, e.g. 2026-12-31T18:00' })
        .regex(DATE_TIME, 'by: write an ISO 8601 date-time to minutes or seconds, e.g. 2026-12-31T18:00')
        .optional(),
    })
    .refine((w) => [w.monthly, w.yearly, w.weekly, w.by].filter((x) => x !== undefined).length === 1, {
      message: 'window: give exactly one of monthly, yearly, weekly or by',
    });

  const expectation = z
    .strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expectation id must be lower-case letters, digits and dashes'),
      name: z.string().min(1).optional(),
      /** An alert with this category must appear (any category when absent; then `watches` is required). */
      category: z.enum(CATEGORIES).optional(),
      /** … with a figure of this metric … */
      metric: z
        .string()
        .regex(/^[a-z][a-z0-9_]*$/)
        .optional(),
      /** … for this period (with `metric`). */
      period: z
        .string({
          error: (issue) =>
            typeof issue.input === 'number'
              ? `write literal periods quoted, e.g. '${issue.input}'`
              : `use ${RELATIVE_PERIODS.join(', ')} or a quoted literal period such as '2026-11'`,
        })
        .refine((p) => (RELATIVE_PERIODS as readonly string[]).includes(p) || LITERAL_PERIOD.test(p), {
          message: `use ${RELATIVE_PERIODS.join(', ')} or a literal period such as '2026-11'`,
        })
        .optional(),
      batch: z.number().int().min(1).max(9).optional(),
      watches: z.array(z.string().min(1)).min(1).optional(),
      window: windowSchema,
      timezone: z
        .string()
        .refine(isTimeZone, { message: 'unknown time zone: use an IANA name such as Asia/Shanghai or Europe/London' })
        .default('Asia/Shanghai'),
      enabled: z.boolean().default(true),
    })
    .refine((e) => e.category !== undefined || e.watches !== undefined, {
      message: 'give a category, or the watches whose alerts meet the expectation (or both)',
    });

  const file = z.strictObject({
    $schema: z.string().optional(),
    expectations: z.array(z.unknown()).default([]),
  });

  /** The file as editors see it (JSON Schema). */
  const jsonSchemaSource = z.strictObject({
    $schema: z.string().optional(),
    expectations: z.array(expectation),
  });
  return { expectation, file, jsonSchemaSource };
}

/** `expectation`: one expectation; `file`: an expectations.yaml file; `jsonSchemaSource`: its JSON Schema's source. */
export const expectationSchemas = builtOnce(buildExpectationSchemas);

export type Expectation = z.output<ReturnType<typeof expectationSchemas>['expectation']>;

/** The `by:` date-time's parts, when the window is a single date. */
export function parseDateTime(text: string) {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    offset: m[7],
  };
}
