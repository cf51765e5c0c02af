import type { Store } from '../store/store.js';
import type { AlertCategory, Category, SourceKind } from '../types.js';

/** A chat channel's own subscription, set with `/regwatch subscribe`. */
export interface Subscription {
  platform: 'slack' | 'discord';
  channelId: string;
  /** Empty: every category. */
  categories: Category[];
  /** Empty: every source. */
  sources: SourceKind[];
  by: string;
  at: string;
}

const INDEX = 'subs:index';
const key = (platform: string, channelId: string) => `subs:${platform}:${channelId}`;

export async function getSubscription(
  store: Store,
  platform: Subscription['platform'],
  channelId: string,
): Promise<Subscription | undefined> {
  return store.get<Subscription>(key(platform, channelId));
}

/** Create or replace a channel's subscription; it applies to the next alert. */
export async function setSubscription(store: Store, sub: Subscription): Promise<void> {
  await store.set(key(sub.platform, sub.channelId), sub);
  await store.update<string[]>(INDEX, (old) => {
    const id = `${sub.platform}:${sub.channelId}`;
    return old?.includes(id) ? old : [...(old ?? []), id];
  });
}

/** Remove a channel's subscription entirely. Returns false when it had none. */
export async function removeSubscription(
  store: Store,
  platform: Subscription['platform'],
  channelId: string,
): Promise<boolean> {
  const existing = await getSubscription(store, platform, channelId);
  await store.delete(key(platform, channelId));
  await store.update<string[]>(INDEX, (old) => (old ?? []).filter((id) => id !== `${platform}:${channelId}`));
  return existing !== undefined;
}

export async function listSubscriptions(store: Store): Promise<Subscription[]> {
  const ids = (await store.get<string[]>(INDEX)) ?? [];
  const subs = await Promise.all(
    ids.map((id) => {
      const [platform, ...rest] = id.split(':');
      return getSubscription(store, platform as Subscription['platform'], rest.join(':'));
    }),
  );
  return subs.filter((s): s is Subscription => s !== undefined);
}

/** Whether an alert with these categories and source goes to a subscription (or channel filter). */
export function matchesFilter(
  filter: { categories: readonly AlertCategory[]; sources: readonly SourceKind[] },
  alert: { categories: readonly AlertCategory[]; source: SourceKind; type?: 'change' | 'ops' },
): boolean {
  if (alert.type === 'ops') return false;
  const categoryOk = filter.categories.length === 0 || alert.categories.some((c) => filter.categories.includes(c));
  const sourceOk = filter.sources.length === 0 || filter.sources.includes(alert.source);
  return categoryOk && sourceOk;
}
