import type { Classification, Figure } from '../types.js';
import type { ChangeEvent } from '../watcher-kit/watcher.js';

const figureKey = (f: Figure) => `${f.metric}|${f.period}|${f.batch}|${f.change_basis}|${f.value}`;

/** The classification with the figures an event read from structured data (tables) added, without duplicates. */
export function withEventFigures(c: Classification, event: ChangeEvent): Classification {
  if (!event.figures?.length) return c;
  const seen = new Set(c.figures.map(figureKey));
  const extra = event.figures.filter((f) => !seen.has(figureKey(f)));
  // A value stated with its change and the same value read from the table without one are one figure.
  const plain = c.figures.filter(
    (f) =>
      !extra.some(
        (e) => e.metric === f.metric && e.period === f.period && e.value === f.value && f.change_basis === null,
      ),
  );
  return { ...c, figures: [...extra, ...plain] };
}
