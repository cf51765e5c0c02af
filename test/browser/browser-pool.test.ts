import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool, type BrowserPoolOptions } from '../../src/fetch/browser-pool.js';
import { FetchFailure, type FetchOk } from '../../src/fetch/fetch-result.js';
import { browserChildren } from '../../src/fetch/process-tree.js';
import { JsSite } from '../helpers/js-site.js';
import { requireChromium } from '../helpers/requirements.js';

const logger = pino({ level: 'silent' });
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/** Browser processes this test process has started right now. */
const browsersRunning = () => browserChildren(process.pid).length;

/** The failure a rejected fetch carries. */
async function failureOf(p: Promise<FetchOk>): Promise<FetchFailure> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof FetchFailure)) throw new Error(`expected a FetchFailure, got ${String(e)}`);
  return e;
}

describe.skipIf(!requireChromium())('browser pool (real Chromium, local pages)', () => {
  let site: JsSite;
  let pool: BrowserPool | undefined;
  let shared: BrowserPool | undefined;
  const open = (opts: Partial<BrowserPoolOptions> = {}) => (pool = new BrowserPool({ logger, maxPages: 2, ...opts }));
  const sharedPool = () => (shared ??= new BrowserPool({ logger, maxPages: 2 }));

  beforeAll(async () => {
    site = await new JsSite().start();
    site.publish({
      slug: 'n1',
      title: '关于下达2024年第一批稀土开采总量控制指标的通知',
      date: '2024-02-06',
      body: '正文一。',
    });
    site.publish({ slug: 'n2', title: '稀土管理条例', date: '2024-06-29', body: '正文二。' });
  });
  afterEach(async () => {
    site.onRequest = undefined;
    await pool?.close();
    pool = undefined;
    expect(browsersRunning()).toBe(shared ? 1 : 0);
  });
  afterAll(async () => site.stop());

  it('launches nothing until the first browser check', async () => {
    const p = open();
    expect(p.stats().launches).toBe(0);
    expect(browsersRunning()).toBe(0);
    await p.fetch(`${site.base}/with-image.html`, { watchId: 'w' });
    expect(p.stats().launches).toBe(1);
    expect(browsersRunning()).toBe(1);
  });

  it('ten checks at once: never more pages than the limit, one browser process, every page closed afterwards', async () => {
    const p = open({ maxPages: 3 });
    let mostBrowsers = 0;
    site.onRequest = () => (mostBrowsers = Math.max(mostBrowsers, browsersRunning()));
    site.peakHeld = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => p.fetch(`${site.base}/held.html?n=${n}`, { watchId: `w${n}` })),
    );
    expect(results.map((r) => r.text.includes(`第${results.indexOf(r)}页`))).toEqual(Array(10).fill(true));
    expect(site.peakHeld).toBeLessThanOrEqual(3);
    expect(site.peakHeld).toBeGreaterThan(1);
    expect(mostBrowsers).toBe(1);
    expect(p.stats().launches).toBe(1);
    expect(p.openPages()).toBe(0);
    expect(browsersRunning()).toBe(1);
  }, 90_000);

  it('restarts a browser that crashed', async () => {
    const p = open();
    await p.fetch(`${site.base}/with-image.html`, { watchId: 'w' });
    const pid = p.stats().pid;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    await expect.poll(() => p.stats().crashes, { timeout: 30_000 }).toBe(1);
    const r = await p.fetch(`${site.base}/js-list.html`, { watchId: 'w', waitFor: 'ul.zxxx_list li' });
    expect(r.text).toContain('稀土管理条例');
    expect(p.stats().launches).toBe(2);
    expect(p.stats().pid).not.toBe(pid);
    expect(browsersRunning()).toBe(1);
  });

  it('restarts a browser past its memory limit, never running two at once', async () => {
    const p = open({ memoryLimitMb: 1, memoryCheckIntervalMs: 0 });
    let mostBrowsers = 0;
    site.onRequest = () => (mostBrowsers = Math.max(mostBrowsers, browsersRunning()));
    await Promise.all(
      Array.from({ length: 4 }, (_, n) => p.fetch(`${site.base}/held.html?n=${n}`, { watchId: `w${n}` })),
    );
    const after = p.stats();
    expect(after.memoryRestarts).toBeGreaterThanOrEqual(1);
    expect(after.launches).toBe(after.memoryRestarts + 1);
    expect(after.peakMemoryMb).toBeGreaterThan(1);
    expect(mostBrowsers).toBe(1);
  });

  it('a browser that cannot start is a browser failure that says how to get one', async () => {
    const p = open({ executablePath: '/bin/false' });
    const failure = await failureOf(p.fetch(`${site.base}/with-image.html`, { watchId: 'w' }));
    expect(failure.kind).toBe('browser');
    expect(failure.message).toContain('npx playwright install chromium');
    expect(failure.message).toContain('PLAYWRIGHT_CHROMIUM_EXECUTABLE');
  });
  // These checks do not depend on the browser's start or end: they share one browser (a launch costs seconds on a
  // loaded machine), closed once at the end like the others.
  describe('one browser for several checks', () => {
    afterAll(async () => {
      await shared?.close();
      shared = undefined;
      expect(browsersRunning()).toBe(0);
    });

    it('renders a JavaScript-filled list when told what to wait for', async () => {
      const r = await sharedPool().fetch(`${site.base}/js-list.html`, { watchId: 'w', waitFor: 'ul.zxxx_list li' });
      expect(r.status).toBe(200);
      expect(r.text).toContain('稀土管理条例');
      expect(r.text).toContain('data-rendered="yes"');
    });

    it('gets through a 412 cookie-and-reload challenge; a challenge that never resolves is a challenge failure', async () => {
      const p = sharedPool();
      const r = await p.fetch(`${site.base}/guarded/list.html`, { watchId: 'w', waitFor: 'ul.zxxx_list li' });
      expect(r.status).toBe(200);
      expect(r.text).toContain('稀土管理条例');
      // The budget only has to cover loading the (tiny, local) challenge page; the challenge then never lets it through.
      const stuck = await failureOf(p.fetch(`${site.base}/guarded/stuck.html`, { watchId: 'w', timeoutMs: 5_000 }));
      expect(stuck.kind).toBe('challenge');
      expect(p.openPages()).toBe(0);
    });

    it('a page that never finishes loading does not hold up the next watch', async () => {
      const p = sharedPool();
      const settled: string[] = [];
      // Its budget is far longer than serving the two lists can take, even on a loaded machine: it holds its slot all
      // along. Once the lists are read, the site finishes the page, so the test does not wait for a time-out.
      const never = p
        .fetch(`${site.base}/never.html`, { watchId: 'never', timeoutMs: 120_000 })
        .finally(() => settled.push('never'));
      await expect.poll(() => site.hanging, { timeout: 60_000 }).toBe(1);
      const listed = await Promise.all(
        Array.from({ length: 2 }, (_, n) =>
          p.fetch(`${site.base}/js-list.html`, { watchId: `list${n}`, waitFor: 'ul.zxxx_list li' }),
        ),
      );
      expect(listed.every((r) => r.text.includes('稀土管理条例'))).toBe(true);
      expect(settled).toEqual([]); // the other watches were served while the never-loading page held its slot
      site.finishHanging();
      expect((await never).text).toContain('加载中');
      expect(p.openPages()).toBe(0);
    });

    it('a page that never finishes loading times out cleanly at the check’s time-out', async () => {
      const p = sharedPool();
      const failure = await failureOf(p.fetch(`${site.base}/never.html`, { watchId: 'never', timeoutMs: 2_000 }));
      expect(failure.kind).toBe('timeout');
      expect(failure.message).toContain('2s');
      expect(p.openPages()).toBe(0);
      expect(p.stats().active).toBe(0);
    });

    it('a fresh context per check: cookies stay only with the watch that keeps them', async () => {
      const p = sharedPool();
      const url = `${site.base}/guarded/list.html`;
      const before = site.challenges;
      await p.fetch(url, { watchId: 'keeper', keepCookies: true, waitFor: 'ul.zxxx_list li' });
      await p.fetch(url, { watchId: 'keeper', keepCookies: true, waitFor: 'ul.zxxx_list li' });
      expect(site.challenges - before).toBe(1);
      await p.fetch(url, { watchId: 'other', waitFor: 'ul.zxxx_list li' });
      expect(site.challenges - before).toBe(2);
    });

    it('blocks images by default, loads them when asked; sends zh-CN and a non-headless user agent', async () => {
      const p = sharedPool();
      site.hits.delete('/img.png');
      await p.fetch(`${site.base}/with-image.html`, { watchId: 'w' });
      expect(site.hits.get('/img.png') ?? 0).toBe(0);
      await p.fetch(`${site.base}/with-image.html`, { watchId: 'w', blockResources: [] });
      expect(site.hits.get('/img.png')).toBe(1);
      expect(site.lastHeaders['accept-language']).toMatch(/^zh-CN/);
      expect(site.lastHeaders['user-agent']).not.toMatch(/headless/i);
      await p.fetch(`${site.base}/with-image.html`, {
        watchId: 'w',
        locale: 'en-GB',
        userAgent: 'regwatch-test/1',
        headers: { 'x-extra': 'yes' },
      });
      expect(site.lastHeaders['accept-language']).toMatch(/^en-GB/);
      expect(site.lastHeaders['user-agent']).toBe('regwatch-test/1');
      expect(site.lastHeaders['x-extra']).toBe('yes');
    });

    it('takes a PNG of the page or of one region', async () => {
      const p = sharedPool();
      const full = await p.fetch(`${site.base}/js-list.html`, {
        watchId: 'w',
        waitFor: 'ul.zxxx_list li',
        screenshot: true,
      });
      const region = await p.fetch(`${site.base}/js-list.html`, {
        watchId: 'w',
        waitFor: 'ul.zxxx_list li',
        screenshot: 'ul.zxxx_list',
      });
      expect(full.screenshot?.subarray(0, 4)).toEqual(PNG_MAGIC);
      expect(region.screenshot?.subarray(0, 4)).toEqual(PNG_MAGIC);
      expect(region.screenshot!.length).toBeLessThan(full.screenshot!.length);
      const missing = await p.fetch(`${site.base}/with-image.html`, {
        watchId: 'w',
        screenshot: '#nowhere',
        timeoutMs: 3000,
      });
      expect(missing.screenshot).toBeUndefined();
    });
  });
});
