/**
 * The one shared Chromium of a regwatch process. Launched on the first browser check (never when no watch needs it),
 * one fresh context per check, at most `maxPages` checks at once (the rest wait in order), restarted when it crashes
 * or when its process tree grows past `memoryLimitMb`. Loaded lazily by src/cli/browser.ts.
 */
import { chromium, type Browser } from 'playwright';
import type { Logger } from 'pino';
import { findChromium, NO_CHROMIUM_MESSAGE, type FoundChromium } from './find-chromium.js';
import { FetchFailure, type BrowserOptions, type FetchOk } from './fetch-result.js';
import { browserChildren, treeMemory } from './process-tree.js';
import { renderPage, type StorageState } from './render-page.js';
import { Limiter } from '../limiter.js';

export interface BrowserPoolOptions {
  logger: Logger;
  /** Checks rendering at once (default 2, for a 2-core machine). */
  maxPages?: number;
  /**
   * Restart the browser once its processes hold more than this: their proportional memory (PSS) summed over the
   * process tree, which counts memory shared between Chromium's processes once (summed RSS counts it in each).
   */
  memoryLimitMb?: number;
  /** settings.browser.executablePath; otherwise PLAYWRIGHT_CHROMIUM_EXECUTABLE, a system Chromium, Playwright's own. */
  executablePath?: string;
  /** Least time between two memory readings (reading /proc costs a few ms). */
  memoryCheckIntervalMs?: number;
}

/** What the pool has done, for tests, the bench and `status`. */
export interface BrowserPoolStats {
  launches: number;
  crashes: number;
  memoryRestarts: number;
  /** Pid of the running browser process, when known. */
  pid: number | undefined;
  /** Checks rendering now / most at once / waiting for a slot. */
  active: number;
  peakActive: number;
  queued: number;
  /** Highest memory of the browser's process tree seen, in MB: summed PSS (what the limit uses) and summed RSS. */
  peakMemoryMb: number;
  peakRssMb: number;
}

const CLOSE_WAIT_MS = 5_000;

export class BrowserPool {
  private readonly slots: Limiter;
  private readonly logger: Logger;
  private browser: Browser | undefined;
  private launching: Promise<Browser> | undefined;
  private restarting: Promise<void> | undefined;
  private retire: 'memory' | undefined;
  private users = 0;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private pid: number | undefined;
  private userAgent: string | undefined;
  private lastMemoryCheck = 0;
  private readonly cookies = new Map<string, StorageState>();
  private counts = { launches: 0, crashes: 0, memoryRestarts: 0, peakMemoryMb: 0, peakRssMb: 0 };

  constructor(private readonly opts: BrowserPoolOptions) {
    this.slots = new Limiter({ concurrency: opts.maxPages ?? 2 });
    this.logger = opts.logger.child({ component: 'browser' });
  }

  /** Render `url` for one check of watch `opts.watchId`; a failure is always a FetchFailure. */
  async fetch(url: string, opts: BrowserOptions & { watchId: string }): Promise<FetchOk> {
    if (this.closed) throw new FetchFailure('browser', 'the browser pool is shut down');
    return this.slots.run(async () => {
      const browser = await this.acquire();
      try {
        const { watchId, ...options } = opts;
        const previous = opts.keepCookies ? this.cookies.get(watchId) : undefined;
        const result = await renderPage(browser, url, {
          ...options,
          ...((options.userAgent ?? this.userAgent) ? { userAgent: options.userAgent ?? this.userAgent } : {}),
          ...(previous ? { storageState: previous } : {}),
          onScreenshotError: (message) => this.logger.warn({ watch: watchId }, message),
        });
        if (opts.keepCookies && result.storageState) this.cookies.set(watchId, result.storageState);
        return result.ok;
      } finally {
        this.checkMemory();
        this.release();
      }
    });
  }

  /** Pages open in the running browser right now (0 when none runs). */
  openPages(): number {
    return (this.browser?.contexts() ?? []).reduce((n, c) => n + c.pages().length, 0);
  }

  stats(): BrowserPoolStats {
    return {
      ...this.counts,
      pid: this.pid,
      active: this.slots.inUse,
      peakActive: this.slots.peak,
      queued: this.slots.waiting,
    };
  }

  /** Close the browser; later fetches fail. */
  async close(): Promise<void> {
    this.closed = true;
    await this.launching?.catch(() => undefined);
    await this.shutdown();
  }

  /** The running browser (launching or restarting it when needed), counted as in use until `release`. */
  private async acquire(): Promise<Browser> {
    for (;;) {
      if (this.closed) throw new FetchFailure('browser', 'the browser pool is shut down');
      if (this.restarting) {
        await this.restarting;
        continue;
      }
      if (this.retire) {
        if (this.users > 0) {
          await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
          continue;
        }
        this.retire = undefined;
        this.counts.memoryRestarts++;
        this.restarting = this.shutdown().finally(() => (this.restarting = undefined));
        continue;
      }
      this.launching ??= this.launch();
      let browser: Browser;
      try {
        browser = await this.launching;
      } catch (e) {
        this.launching = undefined; // try again on the next check: the operator may have installed a browser
        throw e;
      }
      if (this.restarting || this.retire) continue;
      if (!browser.isConnected()) {
        this.launching = undefined;
        continue;
      }
      this.users++;
      return browser;
    }
  }

  private release(): void {
    this.users--;
    if (this.users === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  private async launch(): Promise<Browser> {
    let found: FoundChromium;
    try {
      found = await findChromium(this.opts.executablePath);
    } catch (e) {
      throw new FetchFailure('browser', (e as Error).message);
    }
    const before = new Set(browserChildren().map((p) => p.pid));
    let browser: Browser;
    try {
      browser = await chromium.launch({
        executablePath: found.path,
        headless: true,
        timeout: 60_000,
        // Where the process handles a signal itself (the daemon closes the pool on SIGINT and SIGTERM), Playwright's
        // handler would close the browser behind the pool's back, reported as a crash. Elsewhere (`once`, `check`)
        // Playwright's handler closes the browser, which a signal's default action would leave running.
        handleSIGINT: process.listenerCount('SIGINT') === 0,
        handleSIGTERM: process.listenerCount('SIGTERM') === 0,
        handleSIGHUP: process.listenerCount('SIGHUP') === 0,
        args: [
          '--disable-dev-shm-usage',
          '--disable-blink-features=AutomationControlled',
          '--no-first-run',
          '--no-default-browser-check',
          // WebRTC would let a page's script open UDP to any address, around the link guard: proxied only.
          '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
          '--webrtc-ip-handling-policy=disable_non_proxied_udp',
        ],
      });
    } catch (e) {
      const reason = (e as Error).message.split('\n')[0];
      throw new FetchFailure(
        'browser',
        `could not start Chromium at ${found.path} (found via ${found.source}): ${reason}. ${NO_CHROMIUM_MESSAGE}`,
      );
    }
    this.browser = browser;
    this.pid = browserChildren().find((p) => !before.has(p.pid))?.pid;
    // Headless Chromium says "HeadlessChrome" in its user agent, which anti-bot scripts look for.
    this.userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`;
    browser.on('disconnected', () => this.onDisconnected(browser));
    this.counts.launches++;
    this.logger.info(
      { executable: found.path, source: found.source, version: browser.version(), browserPid: this.pid },
      'browser started',
    );
    return browser;
  }

  private onDisconnected(browser: Browser): void {
    if (browser !== this.browser) return;
    this.browser = undefined;
    this.launching = undefined;
    this.pid = undefined;
    if (this.closed || this.restarting) return;
    this.counts.crashes++;
    this.logger.warn(
      'the browser exited unexpectedly (crashed or was killed); the next browser check starts a new one',
    );
  }

  /** Read the browser's memory now and then; past the limit, retire it once the checks in flight are done. */
  private checkMemory(): void {
    const limit = this.opts.memoryLimitMb;
    if (!this.pid || !limit || this.retire) return;
    const now = Date.now();
    if (now - this.lastMemoryCheck < (this.opts.memoryCheckIntervalMs ?? 1_000)) return;
    this.lastMemoryCheck = now;
    const memory = treeMemory(this.pid);
    this.counts.peakMemoryMb = Math.max(this.counts.peakMemoryMb, Math.round(memory.pssMb));
    this.counts.peakRssMb = Math.max(this.counts.peakRssMb, Math.round(memory.rssMb));
    if (memory.pssMb > limit) {
      this.retire = 'memory';
      this.logger.info(
        { memoryMb: Math.round(memory.pssMb), limitMb: limit },
        'browser memory over the limit: restarting it after the checks in flight',
      );
    }
  }

  /** Close the running browser; kill it when it does not close in time. */
  private async shutdown(): Promise<void> {
    const browser = this.browser;
    const pid = this.pid;
    this.browser = undefined;
    this.launching = undefined;
    this.pid = undefined;
    if (!browser) return;
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      browser.close().then(
        () => true,
        () => true,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CLOSE_WAIT_MS))),
    ]);
    clearTimeout(timer);
    if (!closed && pid) {
      this.logger.warn({ pid }, 'the browser did not close in time: killing it');
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
