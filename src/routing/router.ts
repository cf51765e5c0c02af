import type { ChannelConfig } from '../config/load-config.js';
import type { Store } from '../store/store.js';
import type { Alert } from '../types.js';
import { isOverdue, takesOverdue, wantsLive } from './overdue-route.js';
import { listSubscriptions, matchesFilter, type Subscription } from './subscriptions.js';

/** A destination an alert may go to: a notify.yaml channel, or a chat channel that subscribed itself. */
export interface Destination {
  id: string;
  config: ChannelConfig;
}

/** The destination id of a chat subscription that no notify.yaml channel covers. */
export const subscriptionDestinationId = (s: Pick<Subscription, 'platform' | 'channelId'>) =>
  `${s.platform}:${s.channelId}`;

/**
 * Every destination: the configured channels (a chat channel that also has a subscription takes the subscription's
 * filter), plus one per subscribed chat channel not in notify.yaml.
 */
export async function resolveDestinations(channels: ChannelConfig[], store: Store): Promise<Destination[]> {
  const subs = await listSubscriptions(store);
  const out: Destination[] = [];
  const covered = new Set<string>();
  for (const c of channels) {
    if (!c.enabled) continue;
    const sub = subs.find((s) => s.platform === c.type && s.channelId === c.channel);
    if (sub) covered.add(subscriptionDestinationId(sub));
    out.push({ id: c.id, config: sub ? { ...c, categories: sub.categories, sources: sub.sources } : c });
  }
  for (const s of subs) {
    const id = subscriptionDestinationId(s);
    if (covered.has(id)) continue;
    out.push({
      id,
      config: {
        id,
        type: s.platform,
        channel: s.channelId,
        categories: s.categories,
        sources: s.sources,
        ops: false,
        enabled: true,
      },
    });
  }
  return out;
}

/**
 * The destinations an alert goes to: change alerts by category and source, ops alerts to `ops: true` channels,
 * overdue alerts as design §11 says (see overdue-route.ts); channels with `digest.live: false` get no live change
 * alerts (overdue and ops alerts still come live). Digests are queued to their own channel, never routed.
 */
export function route(alert: Alert, destinations: Destination[], exclude?: string): string[] {
  if (alert.type === 'digest') return [];
  return destinations
    .filter((d) => d.id !== exclude)
    .filter((d) =>
      alert.type === 'ops'
        ? d.config.ops
        : isOverdue(alert)
          ? takesOverdue(d.config)
          : wantsLive(d.config) &&
            matchesFilter(d.config, { categories: alert.categories, source: alert.watch.source, type: 'change' }),
    )
    .map((d) => d.id);
}
