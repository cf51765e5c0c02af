import type { Store } from '../store/store.js';
import type { Outbox } from './outbox.js';

/**
 * Alerts held for a channel's quiet hours. The alert itself is already stored (the outbox saved it); the hold is a
 * list of ids per destination. When the quiet hours end the ids move, in order, into the destination's outbox queue
 * and go out together. One replica releases a destination at a time (a short lease); moving an id twice is harmless
 * (the outbox keeps one delivery per alert and destination).
 */

const heldKey = (dest: string) => `quiet:held:${dest}`;
const INDEX = 'quiet:dests';

export async function holdForQuiet(store: Store, dest: string, alertId: string): Promise<void> {
  await store.update<string[]>(heldKey(dest), (ids) => (ids?.includes(alertId) ? ids : [...(ids ?? []), alertId]));
  await store.update<string[]>(INDEX, (d) => (d?.includes(dest) ? d : [...(d ?? []), dest]));
}

export async function heldFor(store: Store, dest: string): Promise<string[]> {
  return (await store.get<string[]>(heldKey(dest))) ?? [];
}

/**
 * Move what each destination holds into its outbox queue when `stillQuiet(dest)` says its quiet hours are over.
 * Returns how many alerts were released.
 */
export async function releaseHeld(
  store: Store,
  outbox: Outbox,
  stillQuiet: (dest: string) => boolean,
): Promise<number> {
  let released = 0;
  for (const dest of (await store.get<string[]>(INDEX)) ?? []) {
    if (stillQuiet(dest)) continue;
    const lease = `lease:quiet:${dest}`;
    if (!(await store.claim(lease, 30_000))) continue;
    try {
      const ids = await heldFor(store, dest);
      for (const id of ids) {
        const alert = await store.getAlert(id);
        if (alert) await outbox.enqueue(alert, [dest]);
      }
      const left = await store.update<string[]>(heldKey(dest), (now) => (now ?? []).filter((id) => !ids.includes(id)));
      if (left.length === 0) await store.update<string[]>(INDEX, (d) => (d ?? []).filter((x) => x !== dest));
      released += ids.length;
    } finally {
      await store.release(lease).catch(() => undefined);
    }
  }
  return released;
}
