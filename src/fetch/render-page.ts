import { forbiddenUrlReason } from '../security/url-guard.js';
/**
 * One browser check: a fresh context, the page loaded, an anti-bot challenge waited out, the watch's `waitFor`
 * honoured, the rendered HTML (and an optional screenshot) taken, and the context closed whatever happened.
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import { isChallenge } from './challenge.js';
import { FetchFailure, type BrowserOptions, type FetchOk } from './fetch-result.js';

/** Cookies and local storage of a context, as Playwright saves and restores them. */
export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Default total budget of one browser check: 瑞数 challenges have been measured at 30–45 s (shared sources.md §0). */
export const DEFAULT_BROWSER_TIMEOUT_MS = 45_000;
export const DEFAULT_BLOCKED: NonNullable<BrowserOptions['blockResources']> = ['image', 'font', 'media'];
export const DEFAULT_VIEWPORT = { width: 1280, height: 900 };
export const DEFAULT_LOCALE = 'zh-CN';
/** Without a `waitFor`, how long to wait for the load event after the document is parsed. */
const LOAD_GRACE_MS = 10_000;
/** Waiting for the watch's own selector leaves this much of the budget to read the page. */
const READ_RESERVE_MS = 2_000;
/** While a challenge is up, how often to look again when the page does not navigate. */
const CHALLENGE_POLL_MS = 500;
/** Extra time past the budget before an unresponsive browser is abandoned. */
const GUARD_MS = 5_000;

export interface RenderResult {
  ok: FetchOk;
  storageState?: StorageState;
}

export interface RenderInput extends BrowserOptions {
  userAgent?: string;
  /** A previous storage state of this watch (keepCookies). */
  storageState?: StorageState;
  /** Called when a screenshot was asked for but could not be taken (the check still succeeds). */
  onScreenshotError?: (message: string) => void;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10}s`;
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
const isTimeout = (e: unknown) => e instanceof Error && e.name === 'TimeoutError';

/** Turn whatever Playwright threw into a fetch failure of the right kind. */
function asFailure(e: unknown, url: string, timeoutMs: number): FetchFailure {
  if (e instanceof FetchFailure) return e;
  if (isTimeout(e))
    return new FetchFailure(
      'timeout',
      `the page did not finish loading within ${seconds(timeoutMs)} (browser time-out)`,
    );
  const message = firstLine(e);
  const net = /net::(ERR_[A-Z_]+)/.exec(message);
  if (net)
    return new FetchFailure(
      net[1] === 'ERR_TIMED_OUT' ? 'timeout' : 'network',
      `${net[1]} loading ${url} in the browser`,
    );
  if (/closed|crash|disconnected/i.test(message))
    return new FetchFailure('browser', `the browser went away during the check: ${message}`);
  return new FetchFailure('browser', message);
}

/** Follows the main frame: navigation count and the status/content type of the latest document. */
class MainFrameWatch {
  navigations = 0;
  status = 0;
  contentType = '';
  private waiters: Array<() => void> = [];

  constructor(page: Page) {
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      this.navigations++;
      for (const w of this.waiters.splice(0)) w();
    });
    page.on('response', (response) => {
      if (!response.request().isNavigationRequest() || response.frame() !== page.mainFrame()) return;
      this.status = response.status();
      this.contentType = response.headers()['content-type'] ?? '';
    });
  }

  /** Resolves when the main frame has navigated past `count`, or after `ms`. */
  navigatedPast(count: number, ms: number): Promise<void> {
    if (this.navigations > count) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** The page's HTML; while the page is between documents (a challenge reloading it) wait for the next one. */
async function contentOf(page: Page, remaining: () => number): Promise<string> {
  for (;;) {
    try {
      return await page.content();
    } catch (e) {
      if (!/navigating/i.test(firstLine(e))) throw e;
      await page.waitForLoadState('domcontentloaded', { timeout: remaining() });
    }
  }
}

/** Wait until the page is no longer a challenge (the script set its cookie and reloaded), or fail at the deadline. */
async function passChallenge(page: Page, frame: MainFrameWatch, deadline: number, timeoutMs: number): Promise<string> {
  const remaining = () => Math.max(1, deadline - Date.now());
  for (;;) {
    const seen = frame.navigations;
    const html = await contentOf(page, remaining);
    if (!isChallenge(frame.status, html)) return html;
    if (Date.now() >= deadline) {
      throw new FetchFailure(
        'challenge',
        `the anti-bot challenge (HTTP ${frame.status}) did not let the browser through within ${seconds(timeoutMs)}`,
        frame.status,
      );
    }
    await frame.navigatedPast(seen, Math.min(CHALLENGE_POLL_MS, remaining()));
    if (frame.navigations > seen)
      await page.waitForLoadState('domcontentloaded', { timeout: remaining() }).catch(() => undefined);
  }
}

async function waitForContent(
  page: Page,
  waitFor: string | undefined,
  expected: string | undefined,
  remaining: () => number,
): Promise<void> {
  if (!waitFor && expected) {
    // The watch's own items/select selector: a list its script fills after load is read once filled, not empty.
    // Never matching is not a failure here: the page is read and the extractor says what matched nothing.
    await page
      .waitForSelector(expected, { state: 'attached', timeout: Math.max(1, remaining() - READ_RESERVE_MS) })
      .catch((e: unknown) => {
        if (!isTimeout(e)) throw e;
      });
  } else if (waitFor === 'networkidle') {
    await page.waitForLoadState('networkidle', { timeout: remaining() });
  } else if (waitFor) {
    try {
      await page.waitForSelector(waitFor, { state: 'attached', timeout: remaining() });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      throw new FetchFailure(
        'selector',
        `waitFor: "${waitFor}" did not appear on the rendered page before the time-out`,
      );
    }
  } else {
    // Content is there once the document is parsed; the load event only adds sub-resources. Do not fail on it.
    await page.waitForLoadState('load', { timeout: Math.min(LOAD_GRACE_MS, remaining()) }).catch(() => undefined);
  }
}

async function screenshotOf(
  page: Page,
  what: string | boolean | undefined,
  remaining: () => number,
  onError?: (m: string) => void,
): Promise<Buffer | undefined> {
  if (!what) return undefined;
  try {
    if (what === true) return await page.screenshot({ fullPage: true, type: 'png', timeout: remaining() });
    return await page.locator(what).first().screenshot({ type: 'png', timeout: remaining() });
  } catch (e) {
    onError?.(`screenshot of ${what === true ? 'the page' : `"${what}"`} failed: ${firstLine(e)}`);
    return undefined;
  }
}

async function render(
  context: BrowserContext,
  url: string,
  opts: RenderInput,
  started: number,
  timeoutMs: number,
): Promise<RenderResult> {
  const deadline = started + timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  const blocked = new Set<string>(opts.blockResources ?? DEFAULT_BLOCKED);
  const guard = opts.guard;
  if (blocked.size || guard)
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (blocked.has(request.resourceType())) return route.abort('blockedbyclient');
      // A page's own scripts cannot make the browser reach loopback, private or metadata addresses.
      if (guard && (await forbiddenUrlReason(request.url(), guard))) return route.abort('blockedbyclient');
      return route.continue();
    });
  // WebSockets do not pass through context.route(): the same guard, on their own route.
  if (guard)
    await context.routeWebSocket(/./, async (ws) => {
      const reason = await forbiddenUrlReason(ws.url(), guard);
      if (reason) return ws.close({ code: 1008, reason: 'refused by the regwatch link guard' });
      ws.connectToServer();
    });
  const page = await context.newPage();
  const frame = new MainFrameWatch(page);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: remaining() });
  await passChallenge(page, frame, deadline, timeoutMs);
  await waitForContent(page, opts.waitFor, opts.expect, remaining);
  const html = await contentOf(page, remaining);
  if (isChallenge(frame.status, html))
    throw new FetchFailure('challenge', `the page is still an anti-bot challenge (HTTP ${frame.status})`, frame.status);
  if (frame.status >= 400) throw new FetchFailure('http', `HTTP ${frame.status} in the browser`, frame.status);
  const screenshot = await screenshotOf(page, opts.screenshot, remaining, opts.onScreenshotError);
  const storageState = opts.keepCookies ? await context.storageState() : undefined;
  const ok: FetchOk = {
    modified: true,
    url,
    finalUrl: page.url(),
    status: frame.status || 200,
    contentType: frame.contentType || 'text/html',
    text: html,
    durationMs: Date.now() - started,
    ...(screenshot ? { screenshot } : {}),
  };
  return { ok, ...(storageState ? { storageState } : {}) };
}

/**
 * Render `url` in a new context of `browser`. Every Playwright step is bounded by what is left of the budget; a
 * browser that stops answering altogether is abandoned shortly after it. The context (and with it the page) is
 * closed in every case.
 */
export async function renderPage(browser: Browser, url: string, opts: RenderInput): Promise<RenderResult> {
  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_BROWSER_TIMEOUT_MS;
  let context: BrowserContext | undefined;
  let finished = false;
  let guard: NodeJS.Timeout | undefined;
  try {
    const abandoned = new Promise<never>((_, reject) => {
      const message = `the browser did not answer within ${seconds(timeoutMs)} (browser time-out)`;
      guard = setTimeout(() => reject(new FetchFailure('timeout', message)), timeoutMs + GUARD_MS);
    });
    const rendering = (async () => {
      const created = await browser.newContext({
        viewport: opts.viewport ?? DEFAULT_VIEWPORT,
        locale: opts.locale ?? DEFAULT_LOCALE,
        ...(opts.userAgent ? { userAgent: opts.userAgent } : {}),
        ...(opts.headers && Object.keys(opts.headers).length ? { extraHTTPHeaders: opts.headers } : {}),
        ...(opts.storageState ? { storageState: opts.storageState } : {}),
        serviceWorkers: 'block',
      });
      if (finished) {
        // Abandoned while the browser was still creating the context: close it here, nobody else will.
        await closeWithin(created, GUARD_MS);
        throw new FetchFailure('timeout', 'abandoned');
      }
      context = created;
      return render(created, url, opts, started, timeoutMs);
    })();
    // When abandoned, the rendering still settles later (its context is closed below): never leave that unhandled.
    rendering.catch(() => undefined);
    return await Promise.race([rendering, abandoned]);
  } catch (e) {
    throw asFailure(e, url, timeoutMs);
  } finally {
    finished = true;
    clearTimeout(guard);
    if (context) await closeWithin(context, GUARD_MS);
  }
}

/** Close a context, giving up after `ms` (a hung browser is then dealt with by the pool). */
async function closeWithin(context: BrowserContext, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    context.close().catch(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}
