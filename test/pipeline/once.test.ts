import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureSite } from '../helpers/fixture-site.js';
import { jsonLines, runCli, tempConfig } from '../helpers/run-cli.js';
import type { Alert } from '../../src/types.js';

const QUOTA_BODY = `各省、自治区、直辖市工业和信息化主管部门：
一、2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。
二、各稀土集团要严格执行指标。`;

describe('regwatch once against a local ministry site', () => {
  let site: FixtureSite;
  let cfg: { dir: string; store: string };
  const once = (...extra: string[]) =>
    runCli(['once', '--config', cfg.dir, '--json', ...extra], { REGWATCH_STORE: cfg.store });

  beforeAll(async () => {
    site = await new FixtureSite().start();
    site.publish({
      slug: 'old1',
      title: '关于印发《原材料工业数字化转型工作方案》的通知',
      date: '2024-01-10',
      body: '数字化转型方案正文。',
    });
    site.publishFeed({
      slug: 'feed-old',
      title: 'Copper prices steady',
      date: '2024-01-09',
      body: 'Copper prices were steady on Tuesday.',
    });
    cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/site.yaml': `watches:
  - id: list-utf8
    source: miit
    kind: list
    url: ${site.base}/list.html
    items: "ul.zxxx_list li"
    detail: "div.article"
  - id: list-gbk
    source: miit
    kind: list
    url: ${site.base}/list-gbk.html
    items: "ul.zxxx_list li"
    detail: "div.article"
  - id: noisy
    source: customs
    kind: page
    url: ${site.base}/page.html
    select: "#main"
    ignore: [".counter", ".time"]
  - id: news
    source: news
    kind: feed
    url: ${site.base}/feed.xml
`,
    });
  });
  afterAll(async () => site.stop());

  it('records a baseline on the first run and alerts nothing', async () => {
    const r = await once();
    expect(r.stderr).toContain('4 baseline');
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([]);
  });

  it('the visitor counter and timestamp alone never alert', async () => {
    const r = await once();
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([]);
  });

  it('a new list item gives exactly one alert per list, whose document is the article and url the article’s', async () => {
    site.publish({
      slug: 'quota-2024-1',
      title: '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
      date: '2024-02-06',
      body: QUOTA_BODY,
    });
    const r = await once();
    expect(r.code).toBe(0);
    const alerts = jsonLines<Alert>(r.stdout);
    // One event, one alert: both lists link the same notice, so whichever list sees it second only adds a source.
    expect(alerts).toHaveLength(1);
    expect(['list-gbk', 'list-utf8']).toContain(alerts[0]!.watch.id);
    for (const a of alerts) {
      expect(a.url).toBe(`${site.base}/art/quota-2024-1.html`);
      expect(a.title).toContain('2024年第一批稀土开采');
      expect(a.publishedAt).toBe('2024-02-06');
      expect(a.categories).toContain('quota_batch');
      expect(a.figures).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ metric: 'mining_quota', value: 135000, period: '2024', batch: 1 }),
          expect.objectContaining({ metric: 'smelting_quota', value: 127000, period: '2024', batch: 1 }),
        ]),
      );
      expect(a.id).toMatch(/^[0-9a-f]{32}$/);
    }
    // The GBK page decodes to the same title as the UTF-8 one: had it not, the two titles would be two events (2 alerts).
    expect(alerts[0]?.title).toBe('工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知');
  });

  it('a second process on the same store repeats nothing', async () => {
    const r = await once();
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([]);
  });

  it('`figures` answers from the store with the alert’s figures and their source', async () => {
    const r = await runCli(['figures', 'mining_quota', '--json'], { REGWATCH_STORE: cfg.store });
    expect(r.code).toBe(0);
    // The shipped figures history (config/history) answers too; the notice this run saw is the 2024 batch-1 figure.
    const figures = jsonLines<{
      metric: string;
      value: number;
      period: string;
      batch: number;
      url: string;
      official: boolean;
    }>(r.stdout).filter((f) => f.period === '2024' && f.batch === 1);
    expect(figures).toEqual([
      expect.objectContaining({
        metric: 'mining_quota',
        value: 135000,
        period: '2024',
        batch: 1,
        url: `${site.base}/art/quota-2024-1.html`,
        official: true,
      }),
    ]);
    const human = await runCli(['figures'], { REGWATCH_STORE: cfg.store });
    expect(human.stdout).toMatch(/2024\s+batch 1\s+135,000 t/);
    expect(human.stdout).toContain('smelting');
  });

  it('a new feed entry gives one alert', async () => {
    site.publishFeed({
      slug: 'reuters-magnets',
      title: "China's rare earth magnet exports jump in June",
      date: '2025-07-20',
      body: "China's exports of rare earth magnets rose to 3,188 tons in June, customs data showed.",
    });
    const r = await once();
    const alerts = jsonLines<Alert>(r.stdout);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      watch: { id: 'news', source: 'news' },
      title: "China's rare earth magnet exports jump in June",
      url: `${site.base}/art/reuters-magnets.html`,
    });
  });

  it('a changed page region gives one alert with a readable diff', async () => {
    site.region = '国家统计：本月共发布文件4件。稀土出口5864.6吨。';
    const r = await once('--watch', 'noisy');
    const alerts = jsonLines<Alert>(r.stdout);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.diff).toContain('-国家统计：本月共发布文件3件。');
    expect(alerts[0]?.diff).toContain('+国家统计：本月共发布文件4件。稀土出口5864.6吨。');
    expect(Buffer.byteLength(alerts[0]?.diff ?? '')).toBeLessThanOrEqual(4096);
  });
});
