/**
 * Ctrl-C on a terminal running `regwatch run` with browser watches: regwatch's own shutdown closes the browser, so the
 * log says it stopped as asked, not that the browser crashed (Playwright's own SIGINT handler used to close it first,
 * and the pool reported that as an unexpected exit).
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/fault-receiver.js';
import { JsSite } from '../helpers/js-site.js';
import { requireChromium } from '../helpers/requirements.js';
import { CLI, ROOT, tempConfig } from '../helpers/run-cli.js';

describe.skipIf(!requireChromium())('regwatch run with a browser watch, stopped by a signal', () => {
  let site: JsSite;

  beforeAll(async () => {
    site = await new JsSite().start();
    site.publish({ slug: 'n1', title: '稀土管理条例', date: '2024-06-29', body: '稀土管理条例正文。' });
  });
  afterAll(() => site.stop());

  for (const signal of ['SIGINT'] as const) {
    it(`${signal}: exits 0 and the browser closes without a crash report`, { timeout: 120_000 }, async () => {
      const cfg = tempConfig({
        'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
        'settings.yaml': 'timeout: 30s\n',
        'watches/site.yaml': `watches:\n  - id: js\n    kind: list\n    url: ${site.base}/js-list.html\n    fetch: browser\n    items: "ul.zxxx_list li"\n    follow: false\n    browser:\n      waitFor: "ul.zxxx_list li"\n`,
      });
      const child = spawn(process.execPath, [...CLI, 'run', '--config', cfg.dir], {
        cwd: ROOT,
        env: {
          ...process.env,
          REGWATCH_STORE: cfg.store,
          REGWATCH_LOG_LEVEL: 'info',
          REGWATCH_LOG_FORMAT: 'json',
          REGWATCH_PORT: '0',
          REGWATCH_HISTORY: 'off',
          PLAYWRIGHT_CHROMIUM_EXECUTABLE: requireChromium(),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let logs = '';
      child.stderr.on('data', (c: Buffer) => (logs += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // The browser is up and the first check is done: the baseline of the list is stored.
      await waitUntil(
        () => logs.includes('browser started') && /"status":"baseline"[^\n]*"msg":"checked"/.test(logs),
        90_000,
        'the first browser check',
      );
      child.kill(signal);
      expect(await exited, logs).toBe(0);
      expect(logs).not.toContain('exited unexpectedly');
    });
  }
});
