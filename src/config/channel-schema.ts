import { z } from 'zod';
import { CATEGORIES, SOURCES } from '../types.js';

/**
 * Keys every `notify.yaml` channel entry has, whatever its type. A notifier's own schema is
 * `z.strictObject({ ...channelBase, type: z.literal('slack'), …its keys })`.
 */
export const channelBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'channel id must be lower-case letters, digits and dashes'),
  /** Only alerts with at least one of these categories (default: every alert). */
  categories: z.array(z.enum(CATEGORIES)).default([]),
  /** Only alerts from these sources (default: every source). */
  sources: z.array(z.enum(SOURCES)).default([]),
  /** Also receives regwatch's own ops alerts (failing sources, destinations down/recovered). */
  ops: z.boolean().default(false),
  /** Set false to keep a channel configured but silent. */
  enabled: z.boolean().default(true),
};

export type ChannelBase = {
  id: string;
  type: string;
  categories: Array<(typeof CATEGORIES)[number]>;
  sources: Array<(typeof SOURCES)[number]>;
  ops: boolean;
  enabled: boolean;
};
