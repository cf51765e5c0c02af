import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import type { Alert } from '../../src/types.js';
import { JsSite } from '../helpers/js-site.js';
import { requireChromium } from '../helpers/requirements.js';
import { jsonLines, runCli, tempConfig } from '../helpers/run-cli.js';

describe.skipIf(!requireChromium())('regwatch once with fetch: browser (real Chromium, local pages)', () => {
  let site: JsSite;
  let cfg: { dir: string; store: string };
  const once = () =>
    runCli(['once', '--config', cfg.dir, '--json'], {
      REGWATCH_STORE: cfg.store,
      PLAYWRIGHT_CHROMIUM_EXECUTABLE: requireChromium(),
    });
  const inStore = async <T>(read: (store: Store) => Promise<T>): Promise<T> => {
    const store = await Store.open(cfg.store);
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    site = await new JsSite().start();
    site.publish({
      slug: 'n1',
      title: '关于印发《原材料工业数字化转型工作方案》的通知',
      date: '2024-01-10',
      body: '数字化转型方案正文。',
    });
    site.publish({ slug: 'n2', title: '稀土管理条例', date: '2024-06-29', body: '稀土管理条例正文。' });
    const list = (id: string, path: string, fetch: 'http' | 'browser', extra = '') => `  - id: ${id}
    source: miit
    kind: list
    url: ${site.base}${path}
    fetch: ${fetch}
    items: "ul.zxxx_list li"
    detail: "div.article"
${extra}`;
    const waitForList = '    browser:\n      waitFor: "ul.zxxx_list li"\n';
    cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      // Generous: no check here needs its time-out except \`never\`, which has its own; on a loaded machine a local page
      // can take seconds while Chromium starts.
      'settings.yaml': 'timeout: 30s\nfailureThreshold: 100\n',
      'watches/site.yaml': `watches:
${list('js-http', '/js-list.html', 'http')}
${list('js-browser', '/js-list.html', 'browser', `${waitForList}      screenshot: "ul.zxxx_list"\n`)}
${list('guarded-http', '/guarded/list.html', 'http')}
${list('guarded-browser', '/guarded/list.html', 'browser', `${waitForList}      screenshot: "ul.zxxx_list"\n`)}
  - id: never
    kind: page
    url: ${site.base}/never.html
    fetch: browser
    browser:
      timeout: 2s
`,
    });
  });
  afterAll(async () => site.stop());

  it('first run: the browser watches record the rendered items; HTTP sees a selector failure and a challenge; the never-loading page times out', async () => {
    const r = await once();
    expect(r.code).toBe(1);
    expect(jsonLines(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('2 baseline');
    expect(r.stderr).toContain('js-http: selector:');
    expect(r.stderr).toContain('guarded-http: challenge:');
    expect(r.stderr).toContain('never: timeout:');
    const seen = await inStore(async (s) => ({
      js: await s.getSeen('js-browser'),
      guarded: await s.getSeen('guarded-browser'),
      http: await s.getSeen('js-http'),
    }));
    expect(seen.js).toHaveLength(2);
    expect(seen.guarded).toHaveLength(2);
    expect(seen.http).toBeUndefined();
    const health = await inStore(async (s) => ({
      js: await s.getHealth('js-http'),
      guarded: await s.getHealth('guarded-http'),
      never: await s.getHealth('never'),
    }));
    expect(health.js.lastErrorKind).toBe('selector');
    expect(health.guarded.lastErrorKind).toBe('challenge');
    expect(health.never.lastErrorKind).toBe('timeout');
  }, 180_000);

  it('a new item gives one alert (both browser watches see it; the failing HTTP watches see nothing), with a screenshot of the list', async () => {
    site.publish({
      slug: 'quota-2024-1',
      title: '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
      date: '2024-02-06',
      body: '一、2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。',
    });
    const r = await once();
    expect(r.code).toBe(1);
    const alerts = jsonLines<Alert>(r.stdout);
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(['guarded-browser', 'js-browser']).toContain(alert?.watch.id);
    expect(alert?.url).toBe(`${site.base}/art/quota-2024-1.html`);
    expect(alert?.title).toContain('2024年第一批稀土开采');
    const seen = await inStore(async (s) => [await s.getSeen('js-browser'), await s.getSeen('guarded-browser')]);
    expect(seen.map((list) => list?.length)).toEqual([3, 3]);
    expect(r.stderr).toContain('js-http: selector:');
    // The watch asked for a screenshot of its list: the alert carries it, and it is stored with the snapshot.
    const png = (b64: string | undefined) =>
      Buffer.from(b64 ?? '', 'base64')
        .subarray(1, 4)
        .toString();
    expect(png(alert?.screenshot)).toBe('PNG');
    const stored = await inStore((s) => s.get<{ png: string }>('screenshot:js-browser'));
    expect(png(stored?.png)).toBe('PNG');
  }, 180_000);
});
