import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOFCOM_NO70_2025 } from '../../src/demo/documents.js';
import { allFigures, latestFigures } from '../../src/figures/figures-store.js';
import { requireChromium } from '../helpers/requirements.js';
import { ROOT } from '../helpers/run-cli.js';
import { demoDashboard, type DemoDashboard } from './dashboard-setup.js';

const TOKEN = 'dashboard-test-token-7f3a';
/**
 * Screenshots of the three pages. `REGWATCH_UPDATE_SCREENSHOTS=1` writes them over the ones docs/dashboard.md and the
 * README link to; otherwise they go to a temporary folder, so a test run leaves the work tree as it was.
 */
const SHOTS = process.env.REGWATCH_UPDATE_SCREENSHOTS
  ? join(ROOT, 'docs', 'screenshots')
  : mkdtempSync(join(tmpdir(), 'regwatch-screenshots-'));

/** In the page: navigation start to the load event, in ms. */
const LOAD_TIME = `Math.round((() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventStart - n.startTime : 0; })())`;
/** In the page: the points each ECharts instance holds, by chart element id. */
const POINTS_DRAWN = `Object.fromEntries([...document.querySelectorAll('.chart')].map((el) => [el.id,
  echarts.getInstanceByDom(el).getOption().series.reduce((n, s) => n + s.data.filter((d) => d !== null && d !== undefined && d !== '-').length, 0)]))`;

describe.skipIf(!requireChromium())('dashboard in Chromium, on the demo data', () => {
  let demo: DemoDashboard;
  let browser: Browser;
  let context: BrowserContext;
  const loadTimes: Record<string, number> = {};

  beforeAll(async () => {
    demo = await demoDashboard({ REGWATCH_DASHBOARD_TOKEN: TOKEN });
    browser = await chromium.launch({
      executablePath: requireChromium(),
      headless: true,
      args: ['--disable-dev-shm-usage'],
    });
    context = await browser.newContext({
      extraHTTPHeaders: { authorization: `Bearer ${TOKEN}` },
      viewport: { width: 1280, height: 900 },
    });
  }, 120_000);

  afterAll(async () => {
    const lines = Object.entries(loadTimes).map(([p, ms]) => `  ${p}: ${ms} ms`);
    if (lines.length) process.stdout.write(`dashboard page load times (demo data):\n${lines.join('\n')}\n`);
    await browser?.close();
    await demo?.stop();
  });

  /** Open a page, collecting console and page errors; records the load time (navigation start to load event). */
  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    const response = await page.goto(`${demo.url}${path}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    loadTimes[path] = await page.evaluate<number>(LOAD_TIME);
    return { page, errors };
  }

  async function noSeriousViolations(page: Page): Promise<void> {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }

  it('watches page: every story watch with its health, no console errors, accessible', async () => {
    const { page, errors } = await open('/ui/watches');
    for (const w of demo.config.watches) expect(await page.locator(`#watch-${w.id}`).count()).toBe(1);
    expect(await page.locator('#watch-miit-wjfb-tz .state').textContent()).toBe('ok');
    await noSeriousViolations(page);
    await page.screenshot({ path: join(SHOTS, 'watches.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('alerts page: the story alerts; an alert opens to its document with the evidence highlighted', async () => {
    const { page, errors } = await open('/ui/alerts');
    const titles = await page.locator('#alerts .title').allTextContents();
    expect(titles).toContain('工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知');
    await noSeriousViolations(page);
    await page.screenshot({ path: join(SHOTS, 'alerts.png'), fullPage: true });
    await page.getByRole('link', { name: /2024年第一批稀土开采/ }).click();
    await page.waitForURL(/\/ui\/alerts\/[0-9a-f]+$/);
    expect(await page.locator('.document mark').first().textContent()).toMatch(/总量控制指标|吨/);
    await noSeriousViolations(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('figures page: each chart draws as many points as the store holds, with a table of the same numbers', async () => {
    const { page, errors } = await open('/ui/figures');
    await page.locator('.chart[data-rendered="true"]').nth(2).waitFor();
    const drawn = await page.evaluate<Record<string, number>>(POINTS_DRAWN);
    const best = latestFigures(await allFigures(demo.store));
    const distinct = (pred: (m: string, p: string) => boolean) =>
      new Set(
        best.filter((f) => f.period && pred(f.metric, f.period)).map((f) => `${f.metric}|${f.period}|${f.batch ?? ''}`),
      ).size;
    const quota = distinct((m, p) => (m === 'mining_quota' || m === 'smelting_quota') && /^\d{4}$/.test(p));
    expect(quota).toBeGreaterThan(20);
    expect(drawn['chart-quota']).toBe(quota);
    for (const metric of ['rare_earth_exports', 'magnet_exports']) {
      const expected = distinct((m, p) => (m === metric || m.startsWith(`${metric}_to_`)) && /^\d{4}-\d{2}$/.test(p));
      expect(expected).toBeGreaterThan(0);
      expect(drawn[`chart-${metric}`]).toBe(expected);
      expect(await page.locator(`#table-${metric} tbody tr`).count()).toBe(expected);
    }
    // The October figure the demo read from the GAC copy is a point of its own, linking to its document.
    const october = page.locator('#table-rare_earth_exports tbody tr', { hasText: '2026-10' }).first();
    expect(await october.locator('a').getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await noSeriousViolations(page);
    await page.screenshot({ path: join(SHOTS, 'figures.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('a new alert on a fixture site appears on the alerts page without a reload', async () => {
    const { page, errors } = await open('/ui/alerts');
    await page.locator('#live[data-state="on"]').waitFor();
    await page.evaluate('window.marker = 42');
    demo.sites.mofcom.publish({ ...MOFCOM_NO70_2025, columns: ['zcfb'] });
    await demo.check('mofcom-zcfb');
    await page.locator('#alerts li.fresh').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('#alerts li.fresh .title').first().textContent()).toContain(
      MOFCOM_NO70_2025.title.slice(0, 10),
    );
    // Same document: no reload happened.
    expect(await page.evaluate('window.marker')).toBe(42);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the token is required: 401 with a login form, then the form (session cookie) or a bearer token lets in', async () => {
    const bare = await browser.newContext();
    const page = await bare.newPage();
    const denied = await page.goto(`${demo.url}/ui/figures`);
    expect(denied?.status()).toBe(401);
    expect((await fetch(`${demo.url}/ui/charts/quota.png`)).status).toBe(401);
    await page.getByLabel('Token').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.locator('p.error').textContent()).toMatch(/not the right one/);
    await page.getByLabel('Token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/ui\/figures$/);
    expect(await page.locator('h1').textContent()).toBe('Figures');
    const png = await fetch(`${demo.url}/ui/charts/quota.png`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    // The browser's copy is revalidated, not downloaded again, while the figures have not changed.
    const etag = png.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${demo.url}/ui/charts/quota.png`, {
      headers: { authorization: `Bearer ${TOKEN}`, 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
    await bare.close();
  });
});
