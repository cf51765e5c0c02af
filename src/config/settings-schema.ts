import * as z from 'zod';
import { parseDuration } from './duration.js';

const duration = (fallback: string) =>
  z
    .union([z.string(), z.number()])
    .default(fallback)
    .transform((value, ctx) => {
      const ms = parseDuration(value);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: `bad duration "${value}": use e.g. 500ms, 30s, 10m, 2h` });
        return z.NEVER;
      }
      return ms;
    });

/** settings.yaml: how regwatch runs (all optional; these are the defaults). */
export const settingsSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Checks running at once across all watches. */
  concurrency: z.number().int().min(1).max(1000).default(16),
  /** Requests at once to one host (politeness). */
  perHost: z.number().int().min(1).max(64).default(2),
  /** Minimum spacing between two requests to one host. */
  hostInterval: duration('0ms'),
  userAgent: z
    .string()
    .default(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 regwatch/0.1',
    ),
  /** Total time for one HTTP fetch. */
  timeout: duration('20s'),
  connectTimeout: duration('10s'),
  /** Largest body accepted, in bytes. */
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  /** Spread each interval's checks by up to this share of the interval (0–0.9). */
  jitter: z.number().min(0).max(0.9).default(0.5),
  /** Consecutive failed checks before a watch is reported as failing to ops channels. */
  failureThreshold: z.number().int().min(1).default(3),
  /** Bound on the work of one diff (jsdiff timeout) before falling back to added/removed lines. */
  diffTimeout: duration('200ms'),
  outbox: z
    .strictObject({
      /** A pending alert older than this is still delivered, marked late. */
      lateAfter: duration('1h'),
      /** A destination failing for this long is reported down. */
      downAfter: duration('5m'),
      initialBackoff: duration('1s'),
      maxBackoff: duration('5m'),
    })
    .prefault({}),
  chat: z
    .strictObject({
      /** Slack user ids allowed to subscribe/unsubscribe channels (workspace admins always may). */
      slackAdmins: z.array(z.string()).default([]),
      /** Discord role ids or names allowed to subscribe/unsubscribe (Manage Channels always may). */
      discordAdminRoles: z.array(z.string()).default([]),
    })
    .prefault({}),
  browser: z
    .strictObject({
      maxPages: z.number().int().min(1).max(32).default(2),
      memoryLimitMb: z.number().int().min(100).default(700),
      executablePath: z.string().optional(),
    })
    .prefault({}),
});

export type Settings = z.output<typeof settingsSchema>;
