import type { Logger } from 'pino';
import type { Watch } from '../config/load-config.js';
import type { FetchOk } from '../fetch/fetch-result.js';
import type { Snapshot } from '../store/store.js';
import type { Figure } from '../types.js';

/** A change a watcher found: one new list/feed item, or one changed page region. */
export interface ChangeEvent {
  /** Stable within the watch: the item's canonical URL, or the page's new content hash. */
  key: string;
  title: string;
  url: string;
  publishedAt: string | null;
  /** The document to classify: the new announcement's own text. */
  text: string;
  diff?: string;
  screenshot?: Buffer;
  /** Problems that did not stop the alert (a detail page or attachment that could not be fetched). */
  notes?: string[];
  /** Figures read from structured data (an attachment's statistics table) rather than from the text. */
  figures?: Figure[];
}

/** What a watcher made of one fetched body. */
export interface Extracted {
  contentHash: string;
  /** page watches: the normalised text, kept for the next diff. */
  text?: string;
  /** list/feed watches: item keys in page order, with what is needed to build their events. */
  items?: ListItem[];
}

export interface ListItem {
  key: string;
  url: string;
  title: string;
  publishedAt: string | null;
  /** Feed content or list snippet; used when the linked page is not followed or cannot be fetched. */
  content?: string;
}

/** What a watcher may use besides its own config. */
export interface WatcherContext {
  watch: Watch;
  logger: Logger;
  /** Fetch a linked document the way this watch fetches (http or browser, politeness limits). */
  fetchDocument(url: string, opts?: { keepBytes?: boolean; headers?: Record<string, string> }): Promise<FetchOk>;
  diffTimeoutMs: number;
}

/**
 * One kind of watch (watchers/<kind>.ts): `extract` turns a fetched body into comparable content (throwing
 * FetchFailure for a selector that matches nothing or an empty list), `changes` turns new content into events.
 */
export interface Watcher {
  readonly kind: string;
  extract(fetched: FetchOk, ctx: WatcherContext): Extracted | Promise<Extracted>;
  changes(
    current: Extracted,
    previous: { snapshot: Snapshot | undefined; seen: Set<string> },
    ctx: WatcherContext,
  ): Promise<ChangeEvent[]>;
}
