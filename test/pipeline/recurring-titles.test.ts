/**
 * A recurring title is not one event: ministries reuse titles (商务部新闻发言人就…答记者问) for different answers. Two
 * documents with one title are one event only when they appeared within a few days and their texts overlap; the same
 * notice reposted on another site and in the press is still one alert, with the others threaded under it.
 */
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { plugins } from '../../src/plugins.js';
import { eventRecord, eventKeyOf } from '../../src/pipeline/event-key.js';
import { Runner } from '../../src/pipeline/runner.js';
import { textOverlap, textShingles } from '../../src/pipeline/text-overlap.js';
import { Store } from '../../src/store/store.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { tempConfig } from '../helpers/run-cli.js';

const QA_TITLE = '商务部新闻发言人就稀土相关物项出口管制有关问题答记者问';
const FIRST_ANSWERS =
  '问：近期商务部对部分稀土物项实施出口管制，请介绍有关情况。答：为维护国家安全和利益，商务部会同有关部门对钐、钆、铽、镝、镥、钪、钇等七类中重稀土相关物项实施出口管制。' +
  '管制措施不针对任何特定国家和地区，符合规定的出口申请将予以许可。问：企业如何申请？答：出口经营者应当向商务部申请许可，并提交最终用户和最终用途说明。';
const SECOND_ANSWERS =
  '问：有外媒称中方将暂停审批稀土磁体出口，是否属实？答：这一说法不实。商务部依法依规审批合规申请，已批准一批民用领域的许可。' +
  '问：下一步有何考虑？答：我们愿与各国加强出口管制对话交流，维护全球产业链供应链稳定，便利合规贸易。';
const NOTICE_TITLE = '关于公布2026年第一批稀土开采冶炼分离总量控制指标的通知';
const NOTICE_TEXT =
  '各有关省、自治区工业和信息化主管部门，各稀土集团：现将2026年第一批稀土开采、冶炼分离总量控制指标下达给你们。' +
  '第一批稀土开采总量控制指标为135000吨，冶炼分离总量控制指标为127000吨。各稀土集团要严格按照指标组织生产，不得超指标生产。';

describe('recurring titles', () => {
  let ministry: FixtureSite;
  let mirror: FixtureSite;
  let press: FixtureSite;
  let store: Store;
  let runner: Runner;
  let printed = '';
  const check = async (id: string) => (await runner.checkAll(id))[0]!;

  beforeAll(async () => {
    ministry = await new FixtureSite().start();
    mirror = await new FixtureSite().start();
    press = await new FixtureSite().start();
    const list = (id: string, name: string, site: FixtureSite) =>
      `  - id: ${id}\n    name: ${name}\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    detail: "div.article"\n`;
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/all.yaml':
        'watches:\n' +
        list('mofcom', '商务部', ministry) +
        list('mirror', '政策库', mirror) +
        `  - id: press\n    name: 新闻\n    kind: feed\n    url: ${press.base}/feed.xml\n    follow: false\n`,
    });
    store = await Store.open(cfg.store);
    const out = new PassThrough();
    out.on('data', (c: Buffer) => (printed += c.toString()));
    runner = new Runner({ store, logger: pino({ level: 'silent' }), out });
    await runner.applyConfig(loadConfig(cfg.dir, {}, plugins));
    for (const site of [ministry, mirror])
      site.publish({ slug: 'old', title: '旧文件', date: '2024-01-01', body: '旧。' });
    press.publishFeed({ slug: 'p-old', title: '旧新闻', date: '2024-01-01', body: '旧。' });
    for (const id of ['mofcom', 'mirror', 'press']) expect((await check(id)).status).toBe('baseline');
  });
  afterAll(async () => {
    await runner.close();
    await store.close();
    await Promise.all([ministry, mirror, press].map((s) => s.stop()));
  });

  it('two different Q&As with one title a week apart give two alerts', async () => {
    ministry.publish({ slug: 'qa-1', title: QA_TITLE, date: '2026-03-02', body: FIRST_ANSWERS });
    expect((await check('mofcom')).alerts.map((a) => a.title)).toEqual([QA_TITLE]);
    ministry.publish({ slug: 'qa-2', title: QA_TITLE, date: '2026-03-09', body: SECOND_ANSWERS });
    const second = await check('mofcom');
    expect(second.alerts.map((a) => a.publishedAt)).toEqual(['2026-03-09']);
    await runner.drain(Date.now() + 10_000);
    // One printed alert per Q&A: each alert's own title line (a summary may repeat the title).
    expect(printed.match(new RegExp(`^   ${QA_TITLE}$`, 'gm'))?.length).toBe(2);
    expect(printed).not.toMatch(/also seen/);
  });

  it('the same notice on another official site and in the press gives one alert, the others threaded under it', async () => {
    printed = '';
    ministry.publish({ slug: 'quota', title: NOTICE_TITLE, date: '2026-03-20', body: NOTICE_TEXT });
    mirror.publish({ slug: 'quota-copy', title: NOTICE_TITLE, date: '2026-03-21', body: NOTICE_TEXT });
    press.publishFeed({
      slug: 'quota-news',
      title: `${NOTICE_TITLE} - 新闻网`,
      date: '2026-03-21',
      body: `新闻网3月21日电 工业和信息化部近日发布通知。${NOTICE_TEXT}`,
    });
    for (const id of ['mofcom', 'mirror', 'press']) await check(id);
    await runner.drain(Date.now() + 10_000);
    const record = await eventRecord(store, eventKeyOf(NOTICE_TITLE, NOTICE_TEXT)!);
    expect(record!.sightings.map((s) => s.watch).sort()).toEqual(['mirror', 'press']);
    expect(printed.split('\n').filter((l) => l.includes(NOTICE_TITLE) && !l.includes('also seen'))).toHaveLength(1);
    expect(printed.match(/↳ also seen/g)).toHaveLength(2);
  });

  it('text overlap: a repost with its own lead contains the notice; another week’s answers do not', () => {
    const notice = textShingles(NOTICE_TEXT);
    expect(
      textOverlap(notice, textShingles(`新闻网3月21日电 工业和信息化部近日发布通知。${NOTICE_TEXT}`)),
    ).toBeGreaterThan(0.9);
    expect(textOverlap(textShingles(FIRST_ANSWERS), textShingles(SECOND_ANSWERS))).toBeLessThan(0.2);
    expect(textOverlap(notice, textShingles('稀土'))).toBeNull();
  });
});
