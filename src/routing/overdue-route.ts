import type { ChannelConfig } from '../config/load-config.js';
import type { Alert } from '../types.js';

/** An alert regwatch raised because an expected publication did not come (or came late). */
export const isOverdue = (alert: Pick<Alert, 'categories'>): boolean => alert.categories.includes('overdue');

/**
 * Who hears that something is overdue (design §11): a channel whose `categories` include `overdue`, a channel with
 * no `categories` filter, or an `ops: true` channel. A `sources` filter does not hold it back: what is missing has
 * no document yet.
 */
export function takesOverdue(channel: Pick<ChannelConfig, 'categories' | 'ops'>): boolean {
  return channel.ops || channel.categories.length === 0 || channel.categories.includes('overdue');
}

/** A channel with `digest: {live: false}` reads its change alerts in the digest only. */
export function wantsLive(channel: ChannelConfig): boolean {
  return channel.digest?.live !== false;
}
