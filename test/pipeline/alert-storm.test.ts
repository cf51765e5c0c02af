/**
 * A site that changes its URL scheme makes every list entry look new: above a per-check cap one summary alert goes
 * out instead of dozens, the items are stored as seen, and the next genuinely new item alerts on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runner } from '../../src/pipeline/runner.js';
import type { Store } from '../../src/store/store.js';
import { quietRunner } from '../helpers/quiet-runner.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { tempConfig } from '../helpers/run-cli.js';

describe('no alert storm', () => {
  let site: FixtureSite;
  let store: Store;
  let runner: Runner;
  const check = async (id: string) => (await runner.checkAll(id))[0]!;
  const article = (slug: string, title: string) => ({ slug, title, date: '2024-06-01', body: `${title}。正文。` });

  beforeAll(async () => {
    site = await new FixtureSite().start();
    site.publish(article('first', '第一份公告'));
    site.publishFeed(article('f-first', '第一条新闻'));
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/lists.yaml': [
        'defaults:',
        '  follow: false',
        'watches:',
        '  - id: news',
        '    name: MOFCOM 新闻发布',
        '    kind: list',
        `    url: ${site.base}/list.html`,
        '    items: "ul.zxxx_list li"',
        '  - id: news-roomy',
        '    name: 新闻发布（宽）',
        '    kind: list',
        `    url: ${site.base}/list.html`,
        '    items: "ul.zxxx_list li"',
        '    maxNewItems: 50',
      ].join('\n'),
      'watches/feeds.yaml': [
        'defaults:',
        '  maxNewItems: 2',
        'watches:',
        '  - id: feed',
        '    name: Rare earth news',
        '    kind: feed',
        `    url: ${site.base}/feed.xml`,
      ].join('\n'),
    });
    ({ runner, store } = await quietRunner(cfg.dir, cfg.store));
    for (const id of ['news', 'news-roomy', 'feed']) expect((await check(id)).status).toBe('baseline');
  });
  afterAll(async () => {
    await runner.close();
    await store.close();
    await site.stop();
  });

  it('37 new list items: one summary alert naming the count and the watch, the items stored as seen', async () => {
    for (let i = 1; i <= 37; i++) site.publish(article(`moved-${i}`, `新址公告${i}`));
    const stormed = await check('news');
    expect(stormed.alerts).toHaveLength(1);
    expect(stormed.alerts[0]!.title).toBe('37 new items on MOFCOM 新闻发布 — the list may have been re-arranged');
    expect(stormed.alerts[0]!.url).toBe(`${site.base}/list.html`);
    expect(stormed.alerts[0]!.summary).toMatch(/maxNewItems/);
    expect(stormed.alerts[0]!.figures).toEqual([]);
    expect((await store.getSeen('news'))?.filter((k) => k.includes('/art/moved-'))).toHaveLength(37);

    // Its own cap: the same 37 items alert one by one on the watch that allows 50.
    expect((await check('news-roomy')).alerts).toHaveLength(37);

    // The storm is over: the next new item alerts on its own.
    site.publish(article('after', '稀土新规'));
    const next = await check('news');
    expect(next.alerts.map((a) => a.title)).toEqual(['稀土新规']);
  });

  it('a feed with maxNewItems from its file’s defaults: two new entries alert, three give one summary', async () => {
    site.publishFeed(article('f-2', '新闻二'));
    site.publishFeed(article('f-3', '新闻三'));
    expect((await check('feed')).alerts.map((a) => a.title).sort()).toEqual(['新闻三', '新闻二']);
    for (const n of [4, 5, 6]) site.publishFeed(article(`f-${n}`, `新闻${n}`));
    const stormed = await check('feed');
    expect(stormed.alerts.map((a) => a.title)).toEqual([
      '3 new items on Rare earth news — the list may have been re-arranged',
    ]);
  });
});
