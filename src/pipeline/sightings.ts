import type { Logger } from 'pino';
import { recordAlertFigures } from '../figures/figures-store.js';
import type { Notifier } from '../notify/notifier.js';
import type { Store } from '../store/store.js';
import type { Alert } from '../types.js';
import { recordSighting, type EventIdentity } from './event-key.js';

export interface SightingDeps {
  store: Store;
  logger: Logger;
  notifiers(): Map<string, Notifier>;
  /** Destinations an alert is routed to. */
  routeOf(alert: Alert): string[];
}

/**
 * Whether `alert` is a later sighting of an event already alerted. If so its figures are stored (an official source
 * then outranks the press report that came first) and the first alert's destinations hear of the new source through
 * their `update` hook (a Slack thread reply, a Discord edit); the caller sends no new alert.
 */
export async function absorbSighting(
  alert: Alert,
  identity: EventIdentity | null | undefined,
  deps: SightingDeps,
): Promise<boolean> {
  if (!identity || alert.type === 'ops') return false;
  const eventKey = identity.key;
  const { first, fresh, record } = await recordSighting(deps.store, identity, alert);
  if (first) return false;
  if (!fresh) return true;
  await recordAlertFigures(deps.store, alert);
  const original = await deps.store.getAlert(record.alertId);
  deps.logger.info(
    { event: eventKey, first: record.alertId, url: alert.url, watch: alert.watch.id },
    'another sighting of an alerted event: added as a source',
  );
  if (!original) return true;
  const notifiers = deps.notifiers();
  for (const dest of deps.routeOf(original)) {
    const notifier = notifiers.get(dest);
    if (!notifier?.update) continue;
    try {
      await notifier.update(original, { url: alert.url, source: alert.watch.name });
    } catch (error) {
      // A missed "also seen at" is not worth a retry queue: the first alert already went out.
      deps.logger.warn(
        { destination: dest, err: (error as Error).message },
        'could not add the new source to the first alert',
      );
    }
  }
  return true;
}
