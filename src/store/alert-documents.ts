import type { Store } from './store.js';

/**
 * What the dashboard shows about an alert beyond its payload: the document's own text (the classifier's input, so
 * its evidence can be highlighted) and the event key that links it to other sightings. Kept per alert id, capped,
 * and forgotten after a while like the posted-message records.
 */
export interface AlertDocument {
  text: string;
  eventKey: string | null;
  /** True when the text was longer than the cap and cut. */
  truncated: boolean;
}

const key = (alertId: string) => `alertdoc:${alertId}`;
/** Enough for any notice or table; a page far longer is cut (the alert still links to it). */
export const DOCUMENT_CAP = 200_000;
const TTL_MS = 180 * 24 * 3600_000;

/** Remember the documents of a check's alerts (alert i has text i and event key i). */
export async function saveAlertDocuments(
  store: Store,
  alerts: ReadonlyArray<{ id: string }>,
  texts: readonly string[],
  eventKeys: ReadonlyArray<string | null>,
): Promise<void> {
  for (const [i, alert] of alerts.entries()) {
    const text = texts[i] ?? '';
    const doc: AlertDocument = {
      text: text.slice(0, DOCUMENT_CAP),
      eventKey: eventKeys[i] ?? null,
      truncated: text.length > DOCUMENT_CAP,
    };
    await store.set(key(alert.id), doc, TTL_MS);
  }
}

export async function alertDocument(store: Store, alertId: string): Promise<AlertDocument | undefined> {
  return store.get<AlertDocument>(key(alertId));
}
