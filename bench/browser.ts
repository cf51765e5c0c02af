/**
 * Browser watches: N list watches with `fetch: browser` on a loopback site whose list is rendered by JavaScript
 * (100 ms after load), checked all at once through the real pipeline and the shared browser pool (default 2 pages).
 * The first pass starts Chromium and records baselines; the second is the steady state. Memory is sampled every
 * 100 ms: this process plus every process of the browser.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { browserFetchFor } from '../src/cli/browser.js';
import { loadConfig } from '../src/config/load-config.js';
import { plugins } from '../src/plugins.js';
import { findChromium } from '../src/fetch/find-chromium.js';
import { browserChildren, treeMemory } from '../src/fetch/process-tree.js';
import type { BrowserFetch } from '../src/pipeline/fetch-for-watch.js';
import { Runner } from '../src/pipeline/runner.js';
import { Store } from '../src/store/store.js';
import { JsSite } from '../test/helpers/js-site.js';
import { fmt, line, percentile, rssMb } from './util.js';

export interface BrowserBenchResult {
  checksPerMinute: number;
  p50Ms: number;
  p95Ms: number;
  /** Peak of this process's RSS plus the browser processes' summed RSS / summed PSS, in MB. */
  peakRssMb: number;
  peakPssMb: number;
}

/** Peak memory of this process plus its browser, sampled until `stop()`. */
function sampleMemory(): { stop(): { rss: number; pss: number; node: number; browserPss: number } } {
  let rss = 0;
  let pss = 0;
  let nodePeak = 0;
  let browserPss = 0;
  const sample = () => {
    const node = rssMb();
    const browser = browserChildren(process.pid).map((p) => treeMemory(p.pid));
    const bPss = browser.reduce((n, m) => n + m.pssMb, 0);
    rss = Math.max(rss, node + browser.reduce((n, m) => n + m.rssMb, 0));
    pss = Math.max(pss, node + bPss);
    nodePeak = Math.max(nodePeak, node);
    browserPss = Math.max(browserPss, bPss);
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { rss, pss, node: nodePeak, browserPss };
    },
  };
}

export async function runBrowserBench(count = 50): Promise<BrowserBenchResult> {
  await findChromium(process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE); // no browser: say so before starting anything
  const site = await new JsSite().start();
  site.renderDelayMs = 100;
  for (let i = 0; i < 20; i++)
    site.publish({
      slug: `n${i}`,
      title: `关于稀土行业第${i + 1}项工作的通知`,
      date: `2025-0${(i % 9) + 1}-1${i % 10}`,
      body: '正文。',
    });
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-bench-browser-'));
  mkdirSync(join(dir, 'watches'));
  writeFileSync(join(dir, 'notify.yaml'), 'channels:\n  - id: out\n    type: console\n');
  writeFileSync(join(dir, 'settings.yaml'), 'concurrency: 64\nperHost: 64\nhostInterval: 0s\n');
  writeFileSync(
    join(dir, 'watches', 'bench.yaml'),
    `watches:\n${Array.from({ length: count }, (_, i) => `  - id: js-${i}\n    kind: list\n    url: ${site.base}/js-list.html?n=${i}\n    fetch: browser\n    browser:\n      waitFor: "ul.zxxx_list li"\n    items: "ul.zxxx_list li"\n    follow: false\n    every: 10m\n`).join('')}`,
  );
  const logger = pino({ level: 'silent' });
  const config = loadConfig(dir, {}, plugins);
  const browser = browserFetchFor(config, logger)!;
  // The time each check spent rendering (its slot in the pool), apart from waiting for a slot.
  const renderMs: number[] = [];
  const timed: BrowserFetch = async (url, opts) => {
    const ok = await browser.fetch(url, opts);
    renderMs.push(ok.durationMs);
    return ok;
  };
  const store = await Store.open(`sqlite://${join(dir, 'state.sqlite')}`);
  const runner = new Runner({ store, logger, out: new Writable({ write: (_c, _e, cb) => cb() }), browser: timed });
  const memory = sampleMemory();
  try {
    await runner.applyConfig(config);
    const firstStart = performance.now();
    const first = await runner.checkAll();
    const firstS = (performance.now() - firstStart) / 1000;
    if (first.some((o) => o.status !== 'baseline'))
      throw new Error(
        `first pass: ${first
          .filter((o) => o.status !== 'baseline')
          .map((o) => `${o.watch} ${o.status} ${o.error?.message ?? ''}`)
          .join('; ')}`,
      );
    renderMs.length = 0;
    const start = performance.now();
    const second = await runner.checkAll();
    const wallS = (performance.now() - start) / 1000;
    if (second.some((o) => o.status !== 'unchanged'))
      throw new Error(
        `second pass: ${second
          .filter((o) => o.status !== 'unchanged')
          .map((o) => `${o.watch} ${o.status}`)
          .join('; ')}`,
      );
    const peak = memory.stop();
    const sorted = [...renderMs].sort((a, b) => a - b);
    const latency = second.map((o) => o.durationMs).sort((a, b) => a - b);
    const result: BrowserBenchResult = {
      checksPerMinute: (count / wallS) * 60,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      peakRssMb: peak.rss,
      peakPssMb: peak.pss,
    };
    process.stdout.write(
      `browser: ${count} list watches with fetch: browser (JS-rendered list) on loopback, ${config.settings.browser.maxPages} pages at once\n`,
    );
    line('first pass (start Chromium, baselines)', `${fmt(firstS, 1)} s`);
    line('checks per minute (steady state)', fmt(result.checksPerMinute, 0));
    line('check time p50 / p95 (rendering)', `${fmt(result.p50Ms, 0)} / ${fmt(result.p95Ms, 0)} ms`, 'p50 ≤ 1000 ms');
    line(
      'latency incl. waiting for a page p50 / p95',
      `${fmt(percentile(latency, 50), 0)} / ${fmt(percentile(latency, 95), 0)} ms`,
    );
    line('peak memory node + browser, summed RSS', `${fmt(result.peakRssMb, 0)} MB`, '≤ 600 MB');
    line('peak memory node + browser, summed PSS', `${fmt(result.peakPssMb, 0)} MB`);
    line('  of which: node RSS / browser PSS (peaks)', `${fmt(peak.node, 0)} / ${fmt(peak.browserPss, 0)} MB`);
    return result;
  } finally {
    memory.stop();
    await runner.close();
    await browser.close();
    await store.close();
    await site.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runBrowserBench(Number(process.argv[2] ?? 50));
