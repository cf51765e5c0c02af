import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as D from '../../src/demo/documents.js';
import type { LoadedConfig, Watch } from '../../src/config/load-config.js';
import { allFigures, latestFigures } from '../../src/figures/figures-store.js';
import { eventRecord } from '../../src/pipeline/event-key.js';
import { requireChromium } from '../helpers/requirements.js';
import { shippedConfig, startSourceSites, WatchRun, type SourceSites } from '../helpers/source-sites.js';

/** The shipped config with some watches changed (e.g. a browser watch over plain HTTP). */
function withWatch(config: LoadedConfig, id: string, change: Partial<Watch>): LoadedConfig {
  return { ...config, watches: config.watches.map((w) => (w.id === id ? { ...w, ...change } : w)) };
}

describe('sources that need a browser, over plain HTTP', () => {
  let sites: SourceSites;
  let config: LoadedConfig;
  beforeAll(async () => {
    sites = await startSourceSites();
    config = shippedConfig();
    sites.miit.publish(D.MIIT_QUOTA_2023_3);
    sites.mofcom.publish(D.MOFCOM_NO46_2024);
    for (let m = 1; m <= 9; m++)
      sites.customs.release(D.gacRelease(m, { quantity: 4000 + m * 111.1, quantityYoy: m - 5 }));
  });
  afterAll(async () => sites.stop());

  it('GAC answers plain clients with the 412 challenge: a fetch failure, never an alert', async () => {
    const run = await WatchRun.open(withWatch(config, 'customs-stats-zh', { fetch: 'http' }));
    try {
      const outcome = await run.check('customs-stats-zh');
      expect(outcome.status).toBe('failed');
      expect(outcome.error?.kind).toBe('challenge');
      expect(run.delivered()).toEqual([]);
      // As shipped (fetch: browser) in a process without a browser: a failure that says so.
      const shipped = await WatchRun.open(config);
      const asShipped = await shipped.check('customs-stats-zh');
      expect(asShipped.error?.kind).toBe('browser');
      await shipped.close();
    } finally {
      await run.close();
    }
  });

  it('GAC year table → the month’s 出口主要商品量值表 XLS → one export_statistics alert with the 稀土 row as an official figure (challenge off)', async () => {
    sites.customs.challenge = false;
    const run = await WatchRun.open(withWatch(config, 'customs-stats-zh', { fetch: 'http' }));
    try {
      expect((await run.check('customs-stats-zh')).status).toBe('baseline');
      sites.customs.release(D.gacRelease(10, { quantity: 4821.6, quantityYoy: 8.6 }));
      await run.check('customs-stats-zh');
      const alerts = run.delivered();
      // Five reports got a 10月 link; only the RMB export table passes include/exclude.
      expect(alerts.map((a) => a.title)).toEqual(['（13）出口主要商品量值表（人民币值） 10月']);
      expect(alerts[0]!.categories).toEqual(['export_statistics']);
      expect(alerts[0]!.figures).toEqual([
        expect.objectContaining({
          metric: 'rare_earth_exports',
          value: 4821.6,
          unit: 't',
          period: '2026-10',
          change_pct: 8.6,
          change_basis: 'yoy',
        }),
      ]);
      const stored = latestFigures(await allFigures(run.store), 'rare_earth_exports').find(
        (f) => f.period === '2026-10',
      );
      expect(stored).toEqual(expect.objectContaining({ official: true, source: 'customs', value: 4821.6 }));
    } finally {
      sites.customs.challenge = true;
      await run.close();
    }
  });

  it('an attachment that cannot be read never blocks the alert: it goes out with a note', async () => {
    sites.customs.challenge = false;
    const run = await WatchRun.open(withWatch(config, 'customs-stats-zh', { fetch: 'http' }));
    try {
      await run.check('customs-stats-zh');
      sites.customs.release(D.gacRelease(11, { quantity: 5102.3, quantityYoy: -7.1 }));
      // The XLS download is challenged while the pages are not: the attachment fails, the alert does not.
      sites.customs.challengeDownloads = true;
      await run.check('customs-stats-zh');
      const [alert] = run.delivered();
      expect(alert!.title).toBe('（13）出口主要商品量值表（人民币值） 11月');
      expect(alert!.figures).toEqual([]);
      expect(alert!.summary).toMatch(/attachment 下载 not read \(challenge: HTTP 412/);
    } finally {
      sites.customs.challenge = true;
      sites.customs.challengeDownloads = false;
      await run.close();
    }
  });

  it('GAC 统计数据 index: a new year page is one alert (challenge off)', async () => {
    sites.customs.challenge = false;
    const run = await WatchRun.open(withWatch(config, 'customs-stats-index-zh', { fetch: 'http' }));
    try {
      expect((await run.check('customs-stats-index-zh')).status).toBe('baseline');
      sites.customs.years.push(2027);
      await run.check('customs-stats-index-zh');
      const alerts = run.delivered();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.diff).toContain('2027年统计数据');
    } finally {
      sites.customs.challenge = true;
      await run.close();
    }
  });

  it('MIIT 原材料工业司: the JS-filled index has no items over HTTP, the browser fallback is tried and the failure names both', async () => {
    const run = await WatchRun.open(config);
    try {
      const outcome = await run.check('miit-ycls-wjfb');
      expect(outcome.status).toBe('failed');
      expect(outcome.error?.kind).toBe('browser');
      expect(outcome.error?.message).toMatch(/matched nothing.*fallback: .*no browser/);
    } finally {
      await run.close();
    }
  });

  it('MOFCOM 政策发布 rendered by JavaScript: the jpaas API fallback finds the same items over HTTP', async () => {
    const run = await WatchRun.open(config);
    try {
      expect((await run.check('mofcom-zcfb')).status).toBe('baseline');
      sites.mofcom.zcfbRenderedByJs = true;
      // Same items either way: switching to the API alone alerts nothing.
      expect((await run.check('mofcom-zcfb')).status).toBe('unchanged');
      sites.mofcom.publish(D.MOFCOM_NO18_2025);
      await run.check('mofcom-zcfb');
      expect(run.delivered().map((a) => a.title)).toEqual([D.MOFCOM_NO18_2025.title]);
      expect(sites.mofcom.www.log.some((l) => l.includes('parseType=bulidstatic'))).toBe(true);
    } finally {
      sites.mofcom.zcfbRenderedByJs = false;
      await run.close();
    }
  });
});

describe('one event, one alert', () => {
  let sites: SourceSites;
  let config: LoadedConfig;
  beforeAll(async () => {
    sites = await startSourceSites();
    config = shippedConfig();
    sites.miit.publish(D.MIIT_QUOTA_2023_3);
    sites.mofcom.publish(D.MOFCOM_NO46_2024);
    for (const w of config.watches.filter((x) => x.url.startsWith('https://news.google.com')))
      sites.google.publish(
        String(w.query.q),
        { ...D.COPPER, title: 'Rare earth prices steady', slug: `old-${w.id}` },
        sites.outlets.reuters,
      );
  });
  afterAll(async () => sites.stop());

  it('the same announcement on www.mofcom.gov.cn and aqygzj, then reposted, is one alert whose record lists the other sightings', async () => {
    const run = await WatchRun.open(config);
    const ids = ['mofcom-zcfb', 'mofcom-aqygzj', 'news-google-zh-export'];
    try {
      for (const id of ids) expect((await run.check(id)).status).toBe('baseline');
      sites.mofcom.publish(D.MOFCOM_NO18_2025);
      // A Chinese repost carrying the announcement's number in its first lines.
      const repost = {
        ...D.NEWS.controlsZh,
        slug: 'repost-18',
        title: D.MOFCOM_NO18_2025.title,
        body: `${D.MOFCOM_NO18_2025.number}\n${D.NEWS.controlsZh.body}`,
      };
      sites.google.publish('稀土 出口管制', repost, sites.outlets.chinanews);
      for (const id of ids) await run.check(id);
      const alerts = run.delivered();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.watch.id).toBe('mofcom-zcfb');
      const record = await eventRecord(run.store, 'doc:商务部海关总署公告2025年第18号');
      expect(record?.alertId).toBe(alerts[0]!.id);
      expect(record?.sightings.map((s) => s.watch)).toEqual(['mofcom-aqygzj', 'news-google-zh-export']);
    } finally {
      await run.close();
    }
  });

  it('a press report first, the official notice second: one alert, and the official figure outranks the press one', async () => {
    const run = await WatchRun.open(config);
    try {
      for (const id of ['news-google-zh-quota', 'miit-wjfb-tz']) await run.check(id);
      const press = {
        ...D.NEWS.quotaZh,
        slug: 'press-first',
        title: D.MIIT_QUOTA_2024_1.title,
        body: `据报道，${D.MIIT_QUOTA_2024_1.body}`,
      };
      sites.google.publish('稀土 总量控制指标', press, sites.outlets.chinanews);
      await run.check('news-google-zh-quota');
      sites.miit.publish(D.MIIT_QUOTA_2024_1);
      await run.check('miit-wjfb-tz');
      expect(run.delivered().map((a) => a.watch.id)).toEqual(['news-google-zh-quota']);
      const best = latestFigures(await allFigures(run.store), 'mining_quota').find(
        (f) => f.period === '2024' && f.batch === 1,
      );
      expect(best).toEqual(expect.objectContaining({ official: true, source: 'miit', value: 135000 }));
      expect(best!.url).toMatch(/\/zwgk\/zcwj\/wjfb\/tz\/art\//);
    } finally {
      await run.close();
    }
  });
});

describe.skipIf(!requireChromium())('sources that need a browser, with Chromium', () => {
  let sites: SourceSites;
  beforeAll(async () => {
    sites = await startSourceSites();
    sites.miit.publish(D.MIIT_QUOTA_2023_3);
    for (let m = 1; m <= 9; m++)
      sites.customs.release(D.gacRelease(m, { quantity: 4000 + m * 111.1, quantityYoy: m - 5 }));
  });
  afterAll(async () => sites.stop());

  it('MIIT 原材料工业司 (JS list) and GAC (412 challenge) render in the browser and alert', async () => {
    const { browserFetchFor } = await import('../../src/cli/browser.js');
    const { createLogger } = await import('../../src/logger.js');
    const config = shippedConfig();
    const browser = browserFetchFor(config, createLogger('silent'))!;
    const { Runner } = await import('../../src/pipeline/runner.js');
    const run = await WatchRun.open(config);
    const runner = new Runner({ store: run.store, logger: createLogger('silent'), json: true, browser: browser.fetch });
    await runner.applyConfig(config);
    try {
      for (const id of ['miit-ycls-wjfb', 'customs-stats-zh'])
        expect((await runner.check(config.watches.find((w) => w.id === id)!)).status).toBe('baseline');
      sites.miit.publish(D.MIIT_QUOTA_2024_1);
      sites.customs.release(D.gacRelease(10, { quantity: 4821.6, quantityYoy: 8.6 }));
      const miit = await runner.check(config.watches.find((w) => w.id === 'miit-ycls-wjfb')!);
      expect(miit.alerts.map((a) => a.title)).toEqual([D.MIIT_QUOTA_2024_1.title]);
      const gac = await runner.check(config.watches.find((w) => w.id === 'customs-stats-zh')!);
      expect(gac.alerts.map((a) => a.title)).toEqual(['（13）出口主要商品量值表（人民币值） 10月']);
    } finally {
      await runner.close();
      await browser.close();
      await run.close();
    }
  }, 180_000);
});
