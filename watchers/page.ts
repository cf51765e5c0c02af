import { FetchFailure } from '../src/fetch/fetch-result.js';
import { diffText } from '../src/watcher-kit/diff-text.js';
import { sha256 } from '../src/hash.js';
import { fetchedRegion } from '../src/extract/page-region.js';
import type { Watcher } from '../src/watcher-kit/watcher.js';

/** One page, or a selected region of it: alert when its normalised text changes, with a readable diff. */
export const pageWatcher: Watcher = {
  kind: 'page',
  extract(fetched, { watch }) {
    const { text, title } = fetchedRegion(fetched, watch.select ?? 'body', watch.ignore);
    if (text.length < Math.max(1, watch.minText)) {
      throw new FetchFailure(
        'empty',
        `the selected region has ${text.length} characters of text (minText ${watch.minText}): an error shell, not content`,
      );
    }
    return { contentHash: sha256(text), text: title ? `${title}\n${text}` : text };
  },
  changes(current, { snapshot }, ctx) {
    if (!snapshot || snapshot.contentHash === current.contentHash || current.text === undefined)
      return Promise.resolve([]);
    const title = current.text.split('\n')[0] ?? ctx.watch.name;
    return Promise.resolve([
      {
        key: current.contentHash,
        title: `${ctx.watch.name}: page changed`,
        url: ctx.watch.url,
        publishedAt: null,
        text: `${title}\n${addedLines(snapshot.text ?? '', current.text)}`,
        diff: diffText(snapshot.text ?? '', current.text, ctx.diffTimeoutMs),
      },
    ]);
  },
};

/** The lines that are new on the page: what the change says, to classify. */
function addedLines(before: string, after: string): string {
  const old = new Set(before.split('\n'));
  return after
    .split('\n')
    .filter((l) => !old.has(l))
    .join('\n');
}
