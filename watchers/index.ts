import type { Watcher } from '../src/watcher-kit/watcher.js';
import { feedWatcher } from './feed.js';
import { listWatcher } from './list.js';
import { pageWatcher } from './page.js';

/** Every watch kind: adding one is one file in watchers/ and one line here. */
export const watchers: Record<string, Watcher> = {
  page: pageWatcher,
  list: listWatcher,
  feed: feedWatcher,
};
