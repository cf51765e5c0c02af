import type { Watch } from '../config/load-config.js';
import type { Classification } from '../types.js';
import { passesFilter } from '../watcher-kit/follow-item.js';
import { sha256 } from '../hash.js';
import type { ChangeEvent, ListItem } from '../watcher-kit/watcher.js';

/**
 * The new items of one check that would each become an alert: not seen before and, when the watch filters on the
 * list entry (the default), passing its include/exclude. Items filtered on their document are all counted (their
 * text is only known once fetched).
 */
export function alertableItems(watch: Watch, items: readonly ListItem[], seen: ReadonlySet<string>): ListItem[] {
  const fresh = items.filter((i) => !seen.has(i.key));
  if (watch.filterOn === 'document') return fresh;
  const text = (i: ListItem) => (watch.kind === 'feed' ? `${i.title}\n${i.content ?? ''}` : i.title);
  return fresh.filter((i) => passesFilter(text(i), watch.include, watch.exclude));
}

/**
 * More new items than `maxNewItems` in one check usually means the site re-arranged its list (a new URL scheme makes
 * every entry look new), not that the ministry published dozens of documents at once: one summary event instead of
 * an alert per item. Its key is the set of item keys, so a repeat of the same check gives the same alert id.
 */
export function stormEvent(watch: Watch, fresh: readonly ListItem[]): ChangeEvent | undefined {
  if (fresh.length <= watch.maxNewItems) return undefined;
  const shown = fresh.slice(0, 5).map((i) => `• ${i.title}`);
  const more = fresh.length > shown.length ? [`… and ${fresh.length - shown.length} more`] : [];
  return {
    key: `storm:${sha256(
      fresh
        .map((i) => i.key)
        .sort()
        .join('\n'),
    )}`,
    title: `${fresh.length} new items on ${watch.name} — the list may have been re-arranged`,
    url: watch.url,
    publishedAt: null,
    text: [...shown, ...more].join('\n'),
    notes: [
      `over the cap of ${watch.maxNewItems} new items per check (maxNewItems): all are recorded as seen, none alerted one by one — open the list to check`,
    ],
  };
}

/** A storm summary is not a document: its categories come from the titles, it carries no figures. */
export function stormClassification(c: Classification): Classification {
  return { ...c, figures: [] };
}
