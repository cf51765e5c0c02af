/**
 * `fetch: browser` without `browser.waitFor` reads a list its script fills 300 ms after load once the watch's own
 * `items` selector matches (not at the load event, when it is still empty); `waitFor` overrides that selector.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { JsSite } from '../helpers/js-site.js';
import { requireChromium } from '../helpers/requirements.js';
import { runCli, tempConfig, type CliResult } from '../helpers/run-cli.js';

describe.skipIf(!requireChromium())('fetch: browser waits for the watch’s own selector', () => {
  let site: JsSite;
  let cfg: { dir: string; store: string };
  // One `once` checks both watches (one process, one Chromium launch); each case reads its own watch's outcome.
  let run: CliResult;

  beforeAll(async () => {
    site = await new JsSite().start();
    site.renderDelayMs = 300;
    site.publish({ slug: 'n1', title: '稀土管理条例', date: '2024-06-29', body: '稀土管理条例正文。' });
    site.publish({ slug: 'n2', title: '关于下达稀土开采总量控制指标的通知', date: '2024-02-06', body: '正文。' });
    const list = (id: string, extra = '') =>
      `  - id: ${id}\n    kind: list\n    url: ${site.base}/js-list.html\n    fetch: browser\n    items: "ul.zxxx_list li"\n    follow: false\n    timeout: 20s\n${extra}`;
    cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/site.yaml': `watches:\n${list('no-wait-for')}${list('own-wait-for', '    browser:\n      waitFor: "#never-there"\n      timeout: 3s\n')}`,
    });
    run = await runCli(['once', '--config', cfg.dir], {
      REGWATCH_STORE: cfg.store,
      PLAYWRIGHT_CHROMIUM_EXECUTABLE: requireChromium(),
    });
  });
  afterAll(async () => site.stop());

  it('without waitFor, the list filled after load is read with its items', async () => {
    const ownLines = run.stderr.split('\n').filter((l) => l.includes('no-wait-for'));
    expect(ownLines.join('\n')).not.toMatch(/matched nothing|no-wait-for: /); // the watch did not fail
    // The baseline holds both items the script put in the list.
    const store = await Store.open(cfg.store);
    try {
      expect(await store.getSeen('no-wait-for')).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('a waitFor of its own overrides the items selector', () => {
    // The items are on the page, but the watch asked to wait for something else, which never comes: the check fails
    // at the time-out (by the waitFor's own limit or the browser budget, whichever fires first).
    expect(run.stderr).toMatch(/own-wait-for: (selector: waitFor: "#never-there" did not appear|timeout:)/);
    expect(run.code).toBe(1);
  });
});
