import * as z from 'zod';
import { digestSchema, type DigestSettings } from '../digest/digest-schema.js';
import { quietSchema } from '../routing/quiet-hours.js';
import { ALERT_CATEGORIES, SOURCES } from '../types.js';

/**
 * Keys every `notify.yaml` channel entry has, whatever its type. A notifier's own schema is
 * `z.strictObject({ ...channelBase, type: z.literal('slack'), …its keys })`.
 */
export const channelBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'channel id must be lower-case letters, digits and dashes'),
  /** Only alerts with at least one of these categories (default: every alert). */
  categories: z.array(z.enum(ALERT_CATEGORIES)).default([]),
  /** Only alerts from these sources (default: every source). */
  sources: z.array(z.enum(SOURCES)).default([]),
  /** Also receives regwatch's own ops alerts (failing sources, destinations down/recovered). */
  ops: z.boolean().default(false),
  /** Set false to keep a channel configured but silent. */
  enabled: z.boolean().default(true),
  /** A daily or weekly digest of this channel's alerts (src/digest/, docs/config.md). */
  digest: digestSchema.optional(),
  /** Quiet hours, "22:00-07:00 Europe/London": alerts below high wait until they end (src/routing/quiet-hours.ts). */
  quiet: quietSchema.optional(),
};

export type ChannelBase = {
  id: string;
  type: string;
  categories: Array<(typeof ALERT_CATEGORIES)[number]>;
  sources: Array<(typeof SOURCES)[number]>;
  ops: boolean;
  enabled: boolean;
  digest?: DigestSettings;
  quiet?: string;
};
