import type { Logger } from 'pino';
import type { LoadedConfig } from '../config/load-config.js';
import type { BrowserFetch } from '../pipeline/fetch-for-watch.js';

/**
 * The browser fetch for a config, when any watch uses `fetch: browser`; nothing is loaded or launched otherwise.
 * The pool module is imported lazily so a config without browser watches never loads Playwright.
 */
export function browserFetchFor(
  config: LoadedConfig,
  logger: Logger,
): { fetch: BrowserFetch; close(): Promise<void> } | undefined {
  if (!config.watches.some((w) => w.fetch === 'browser')) return undefined;
  let pool: Promise<{ fetch: BrowserFetch; close(): Promise<void> }> | undefined;
  const get = () =>
    (pool ??= import('../fetch/browser-pool.js').then(({ BrowserPool }) => {
      const p = new BrowserPool({
        maxPages: config.settings.browser.maxPages,
        memoryLimitMb: config.settings.browser.memoryLimitMb,
        logger,
        ...(config.settings.browser.executablePath ? { executablePath: config.settings.browser.executablePath } : {}),
      });
      return { fetch: (url, opts) => p.fetch(url, opts), close: () => p.close() };
    }));
  return {
    fetch: async (url, opts) => (await get()).fetch(url, opts),
    close: async () => {
      if (pool) await (await pool).close();
    },
  };
}
