import type { Watch } from '../config/load-config.js';
import { FetchFailure } from '../fetch/fetch-result.js';

/**
 * Failures that mean "this way to the list does not work here" — an index page whose list JavaScript fills in
 * (no items), a 412/403 challenge, a markup change — rather than "the site is down", which a fallback to the same host
 * would not cure any better but is still worth one try for an API on another path.
 */
const FALLBACK_KINDS = new Set(['selector', 'empty', 'challenge', 'http', 'parse', 'binary']);

/** The watch as its `fallback:` describes it, when it has one and `error` is worth trying it for. */
export function fallbackWatch(watch: Watch, error: unknown): Watch | undefined {
  if (!watch.fallback) return undefined;
  if (!(error instanceof FetchFailure) || !FALLBACK_KINDS.has(error.kind)) return undefined;
  const f = watch.fallback;
  const alt: Watch = {
    ...watch,
    ...f,
    headers: f.headers ?? watch.headers,
    query: f.query ?? (f.url ? {} : watch.query),
  };
  // A fallback to another kind of answer (HTML page → JSON API) must not keep the other's json/items settings.
  if (f.json === undefined && f.url) delete alt.json;
  return alt;
}
