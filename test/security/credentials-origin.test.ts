/**
 * A watch's `headers` (Authorization, Cookie, an API key) go to the watch's own origin (scheme, host, port) only: a
 * list item or redirect on another origin — another host, or the same host on another port — gets none of them,
 * and a POST watch redirected to another origin does not send its body there. Real servers on two loopback
 * addresses; the second one is in the watch's allowHosts, so the link guard lets the requests through.
 */
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { plugins } from '../../src/plugins.js';
import type { BrowserOptions } from '../../src/fetch/fetch-result.js';
import { KeyedLimiter } from '../../src/limiter.js';
import { fetchForWatch } from '../../src/pipeline/fetch-for-watch.js';
import { Recorder } from '../helpers/recorder.js';
import { runCli, tempConfig } from '../helpers/run-cli.js';

const CREDENTIALS = {
  Authorization: 'Bearer own-origin-only-5f2e',
  Cookie: 'sid=own-origin-cookie-81c3',
  'X-Api-Key': 'own-origin-key-c09d',
};

describe('credentials stay on the watch origin', () => {
  let own: Recorder; // 127.0.0.1: the watch's origin
  let otherHost: Recorder; // 127.0.0.2: another host (allowed by the watch)
  let otherPort: Recorder; // 127.0.0.1 on another port: another origin on the same host
  const list = (items: string[]) => (res: http.ServerResponse) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<html><body><ul class="l">${items.map((h, i) => `<li><a href="${h}">文件${i}</a></li>`).join('')}</ul></body></html>`,
      );
  const redirect = (status: number, location: () => string) => (res: http.ServerResponse) =>
    res.writeHead(status, { location: location() }).end();

  beforeAll(async () => {
    own = await new Recorder('127.0.0.1').start();
    otherHost = await new Recorder('127.0.0.2').start();
    otherPort = await new Recorder('127.0.0.1').start();
  });
  afterAll(async () => {
    await Promise.all([own.stop(), otherHost.stop(), otherPort.stop()]);
  });

  it(
    'list items and redirects on other origins get no Authorization, Cookie or custom header; a POST body stays home',
    { timeout: 60_000 },
    async () => {
      own.routes['/list.html'] = list(['/old.html']);
      const headerYaml = Object.entries(CREDENTIALS)
        .map(([k, v]) => `      ${k}: "${v}"`)
        .join('\n');
      const cfg = tempConfig({
        'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
        'watches/a.yaml': [
          'watches:',
          '  - id: with-creds',
          '    kind: list',
          `    url: ${own.base}/list.html`,
          '    items: "ul.l li"',
          '    allowHosts: [127.0.0.2]',
          '    headers:',
          headerYaml,
          '  - id: post-307',
          '    kind: page',
          `    url: ${own.base}/search-307`,
          '    method: POST',
          '    body: "q=post-body-stays-home-7a1"',
          '    allowHosts: [127.0.0.2]',
          '    headers:',
          headerYaml,
          '  - id: post-302',
          '    kind: page',
          `    url: ${own.base}/search-302`,
          '    method: POST',
          '    body: "q=post-body-stays-home-7a1"',
          '    allowHosts: [127.0.0.2]',
          '',
        ].join('\n'),
      });
      own.routes['/search-307'] = redirect(307, () => `${otherHost.base}/post-target-307`);
      own.routes['/search-302'] = redirect(302, () => `${otherHost.base}/post-target-302`);
      own.routes['/away'] = redirect(302, () => `${otherHost.base}/after-redirect`);
      own.routes['/away-port'] = redirect(301, () => `${otherPort.base}/after-port-redirect`);
      const env = { REGWATCH_STORE: cfg.store, REGWATCH_HISTORY: 'off' };
      // Baseline (one old item), then four new items: own origin, another host, another port, a redirect away.
      expect((await runCli(['once', '--config', cfg.dir, '--json'], env)).stderr).not.toMatch(/with-creds: /);
      own.routes['/list.html'] = list([
        '/old.html',
        `${own.base}/own-doc.html`,
        `${otherHost.base}/other-host-doc.html`,
        `${otherPort.base}/other-port-doc.html`,
        '/away',
        '/away-port',
      ]);
      await runCli(['once', '--config', cfg.dir, '--json'], env);

      const ownDoc = own.seen.find((s) => s.path === '/own-doc.html');
      expect(ownDoc?.headers.authorization).toBe(CREDENTIALS.Authorization);
      expect(ownDoc?.headers.cookie).toBe(CREDENTIALS.Cookie);
      expect(ownDoc?.headers['x-api-key']).toBe(CREDENTIALS['X-Api-Key']);
      expect(own.seen.find((s) => s.path === '/away')?.headers.authorization).toBe(CREDENTIALS.Authorization);

      const elsewhere = [...otherHost.seen, ...otherPort.seen];
      // Every other-origin request happened (so the check below looked at real requests) …
      expect(elsewhere.map((s) => s.path).sort()).toEqual(
        expect.arrayContaining([
          '/after-port-redirect',
          '/after-redirect',
          '/other-host-doc.html',
          '/other-port-doc.html',
          '/post-target-302',
        ]),
      );
      // … and none carried a credential or the POST body.
      for (const s of elsewhere) {
        expect(s.headers.authorization, s.path).toBeUndefined();
        expect(s.headers.cookie, s.path).toBeUndefined();
        expect(s.headers['x-api-key'], s.path).toBeUndefined();
        expect(s.body, s.path).toBe('');
      }
      // A 302/303 after a POST continues as a GET without the body; a 307/308 to another origin is not followed.
      expect(otherHost.seen.find((s) => s.path === '/post-target-302')?.method).toBe('GET');
      expect(otherHost.seen.some((s) => s.path === '/post-target-307')).toBe(false);
    },
  );

  it('a browser watch opens a page on another origin without its headers', async () => {
    const cfg = tempConfig({
      'watches/a.yaml': [
        'watches:',
        '  - id: rendered',
        '    kind: list',
        '    url: https://www.example.gov.cn/list.html',
        '    items: "li"',
        '    fetch: browser',
        '    headers:',
        `      Authorization: "${CREDENTIALS.Authorization}"`,
        '',
      ].join('\n'),
    });
    const config = loadConfig(cfg.dir, {}, plugins);
    const watch = config.watches[0]!;
    // The browser pool's side of the call: what it was asked to send with each page.
    const asked: Array<{ url: string; headers?: Record<string, string> }> = [];
    const browser = (url: string, opts: BrowserOptions) => {
      asked.push({ url, ...(opts.headers ? { headers: opts.headers } : {}) });
      return Promise.resolve({
        modified: true,
        url,
        finalUrl: url,
        status: 200,
        contentType: 'text/html',
        text: 'x',
        durationMs: 1,
      });
    };
    const deps = { settings: config.settings, hosts: new KeyedLimiter({ concurrency: 2 }), browser };
    await fetchForWatch(watch, 'https://www.example.gov.cn/doc.html', deps);
    await fetchForWatch(watch, 'https://files.example.com/doc.html', deps);
    await fetchForWatch(watch, 'https://www.example.gov.cn:8443/doc.html', deps);
    expect(asked.map((a) => [a.url, a.headers?.Authorization])).toEqual([
      ['https://www.example.gov.cn/doc.html', CREDENTIALS.Authorization],
      ['https://files.example.com/doc.html', undefined],
      ['https://www.example.gov.cn:8443/doc.html', undefined],
    ]);
  });
});
