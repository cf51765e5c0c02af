import type { Watch } from '../config/load-config.js';
import type { DestinationHealth } from '../outbox/outbox.js';
import type { WatchHealth } from '../store/store.js';
import type { Alert } from '../types.js';
import { sha256 } from '../hash.js';

function opsAlert(key: string, title: string, summary: string, url: string, watch: Alert['watch'], now: Date): Alert {
  return {
    id: sha256(`ops\n${key}`).slice(0, 32),
    watch,
    title,
    url,
    publishedAt: null,
    detectedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    categories: [],
    figures: [],
    summary,
    severity: 'high',
    type: 'ops',
  };
}

const ref = (w: Watch): Alert['watch'] => ({ id: w.id, name: w.name, source: w.source });
/** The watch as people know it: its name, with the id to find it in the config. */
const label = (w: Watch) => (w.name && w.name !== w.id ? `${w.name} (${w.id})` : w.id);

/** One alert when a watch starts failing (after failureThreshold checks), saying since when, why and what to do. */
export function watchDownAlert(watch: Watch, health: WatchHealth, hint: string, now: Date): Alert {
  return opsAlert(
    `down\n${watch.id}\n${health.failingSince ?? ''}`,
    `Watch ${label(watch)} is failing: ${health.consecutiveFailures} checks in a row since ${health.failingSince ?? '?'}`,
    `Last error: ${health.lastError ?? 'unknown'}. What it usually means: ${hint}.`,
    watch.url,
    ref(watch),
    now,
  );
}

/** One alert when a failing watch works again. */
export function watchRecoveredAlert(watch: Watch, failingSince: string | null, now: Date): Alert {
  return opsAlert(
    `up\n${watch.id}\n${failingSince ?? ''}`,
    `Watch ${label(watch)} recovered`,
    `Checks succeed again (failing since ${failingSince ?? '?'}); changes made meanwhile are compared with the last good snapshot.`,
    watch.url,
    ref(watch),
    now,
  );
}

/** A destination has failed for longer than outbox.downAfter, or came back. */
export function destinationAlert(health: DestinationHealth, recovered: boolean, pending: number, now: Date): Alert {
  const system = { id: 'regwatch', name: 'regwatch', source: 'other' as const };
  return recovered
    ? opsAlert(
        `dest-up\n${health.id}\n${health.since ?? ''}`,
        `Destination ${health.id} recovered`,
        `Deliveries succeed again (down since ${health.since ?? '?'}); queued alerts are being delivered.`,
        '',
        system,
        now,
      )
    : opsAlert(
        `dest-down\n${health.id}\n${health.since ?? ''}`,
        `Destination ${health.id} is down since ${health.since ?? '?'}`,
        `Last error: ${health.lastError ?? 'unknown'}. ${pending} alert(s) wait in the outbox and will be delivered when it recovers.${health.hint ? ` What to do: ${health.hint}` : ''}`,
        '',
        system,
        now,
      );
}

const SYSTEM: Alert['watch'] = { id: 'regwatch', name: 'regwatch', source: 'other' };

/** regwatch's own store stopped answering: no watch can be checked until it does. */
export function storeDownAlert(backend: string, since: string, error: string, hint: string, now: Date): Alert {
  return opsAlert(
    `store-down\n${since}`,
    `The store (${backend}) is not answering since ${since}: checks are paused`,
    `Last error: ${error}. What to do: ${hint}. Nothing is lost: watches are checked again, against their last good state, as soon as the store answers.`,
    '',
    SYSTEM,
    now,
  );
}

/** The store answers again; checks resumed. */
export function storeRecoveredAlert(backend: string, since: string, now: Date): Alert {
  return opsAlert(
    `store-up\n${since}`,
    `The store (${backend}) answers again: checks resumed`,
    `The store was down since ${since}; each watch's next check compares with its last good state, so changes made meanwhile are still found.`,
    '',
    SYSTEM,
    now,
  );
}
