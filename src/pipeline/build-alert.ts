import type { Watch } from '../config/load-config.js';
import { redactSecrets } from '../security/secrets.js';
import type { Alert, Category, Classification, Severity } from '../types.js';
import { formatFigure } from '../render/format-figure.js';
import { categoryLabel } from '../render/labels.js';
import { sha256 } from '../hash.js';
import type { ChangeEvent } from '../watcher-kit/watcher.js';

const HIGH: readonly Category[] = ['quota_batch', 'control_list_addition', 'control_relaxation', 'licence_approval'];

/** The same change of the same watch always gives the same id, so a repeat is recognised and never sent twice. */
export function alertId(watchId: string, key: string): string {
  return sha256(`${watchId}\n${key}`).slice(0, 32);
}

export function severityOf(categories: readonly Category[]): Severity {
  if (categories.some((c) => HIGH.includes(c))) return 'high';
  return categories.length > 0 ? 'normal' : 'low';
}

/** One line a person reads first: the figures if any, else the categories and title. */
export function summarise(title: string, c: Classification): string {
  if (c.figures.length > 0) {
    const shown = c.figures.slice(0, 3).map(formatFigure).join('; ');
    return c.figures.length > 3 ? `${shown}; +${c.figures.length - 3} more` : shown;
  }
  const cats = c.categories.map((m) => categoryLabel(m.category)).join(', ');
  return cats ? `${cats}: ${title}` : title;
}

/** Build the alert (design §7) for one change event and its classification. */
export function buildAlert(watch: Watch, event: ChangeEvent, c: Classification, detectedAt: Date): Alert {
  const categories = [...new Set([...c.categories.map((m) => m.category), ...watch.categories])];
  const evidence = Object.fromEntries(c.categories.map((m) => [m.category, m.evidence]));
  const alert: Alert = {
    id: alertId(watch.id, event.key),
    watch: { id: watch.id, name: watch.name, source: watch.source },
    title: event.title || watch.name,
    // A watch URL may carry an API key from the environment: the alert links to it without the key.
    url: redactSecrets(event.url),
    publishedAt: event.publishedAt,
    detectedAt: detectedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    categories,
    figures: c.figures,
    summary: summarise(event.title, c),
    severity: severityOf(categories),
    type: 'change',
    evidence,
    entities: c.entities,
  };
  if (event.diff !== undefined) alert.diff = redactSecrets(event.diff);
  return alert;
}
