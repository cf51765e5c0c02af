/**
 * Links found on a watched page cannot turn regwatch against its own network: loopback, private and metadata
 * addresses, host names that resolve to them, off-site hosts served from the bot's own machine, non-http schemes and
 * redirects that leave the watch's host for such addresses are refused before any byte is sent, while links on the
 * watch's own host (and on hosts it allows) still work. Real processes, real sockets; only DNS answers are faked.
 */
import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchFailure } from '../../src/fetch/fetch-result.js';
import { httpFetch } from '../../src/fetch/http-fetch.js';
import { isForbiddenUrl } from '../../src/security/url-guard.js';
import type { Alert } from '../../src/types.js';
import { jsonLines, runCli, tempConfig } from '../helpers/run-cli.js';

/** Records every request: a refused address must never see one. */
class Canary {
  readonly hits: string[] = [];
  private server = http.createServer((req, res) => {
    this.hits.push(req.url ?? '');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<html><body><div class="article">内部稀土数据 internal secret</div></body></html>');
  });
  port = 0;
  constructor(readonly host: string) {}
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, this.host, resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A resolver that answers from a table (for in-process checks). */
function tableLookup(table: Record<string, string>): typeof dns.lookup {
  return ((hostname: string, _options: unknown, callback: (e: Error | null, a?: dns.LookupAddress[]) => void) => {
    const address = table[hostname];
    if (!address) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
  }) as unknown as typeof dns.lookup;
}

const FAKE_DNS = join(import.meta.dirname, 'fake-dns.js');

describe('discovered links', () => {
  let canary: Canary; // the bot's own machine (127.0.0.1): nothing may reach it
  let partner: Canary; // 127.0.0.2, in the watch's allowHosts: its links are followed
  let site: http.Server;
  let sitePort = 0;
  let links: Array<[string, string]> = [];
  const ownHits: string[] = [];
  const env = () => ({
    REGWATCH_HISTORY: 'off',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${FAKE_DNS}`.trim(),
    REGWATCH_TEST_DNS: JSON.stringify({ 'rebind.test': '127.0.0.1', 'offsite.test': '127.0.0.1' }),
  });

  beforeAll(async () => {
    canary = await new Canary('127.0.0.1').start();
    partner = await new Canary('127.0.0.2').start();
    site = http.createServer((req, res) => {
      if (req.url === '/list.html') {
        const items = links.map(([title, href]) => `<li><a href="${href}">${title}</a></li>`).join('');
        return void res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(`<html><body><ul class="l">${items}</ul></body></html>`);
      }
      ownHits.push(req.url ?? '');
      const redirects: Record<string, string> = {
        '/away': `http://127.0.0.1:${canary.port}/via-redirect`,
        '/hop1': '/hop2',
        '/hop2': `http://rebind.test:${canary.port}/via-chain`,
        '/moved-list': `http://127.0.0.1:${canary.port}/list-moved`,
      };
      const to = redirects[req.url ?? ''];
      if (to) return void res.writeHead(302, { location: to }).end();
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<html><body><div class="article">稀土出口管制公告正文</div></body></html>');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    sitePort = (site.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await canary.stop();
    await partner.stop();
    site.closeAllConnections();
    await new Promise<void>((resolve) => site.close(() => resolve()));
  });

  it('are refused with their reason when they point at loopback, private, metadata, off-site or non-http targets; own-host and allowed links work', async () => {
    // The watch is configured on the host name "localhost": that host is trusted, whatever its address.
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/a.yaml': [
        'watches:',
        '  - id: links',
        '    kind: list',
        `    url: http://localhost:${sitePort}/list.html`,
        '    items: "ul.l li"',
        '    detail: "div.article"',
        '    allowHosts: ["127.0.0.2"]',
        // Every link below is its own case: each must alert on its own, not as one summary of a re-arranged list.
        '    maxNewItems: 100',
        '',
      ].join('\n'),
    });
    const once = () => runCli(['once', '--config', cfg.dir, '--json'], { ...env(), REGWATCH_STORE: cfg.store });
    links = [['旧通知', '/old.html']];
    expect((await once()).code).toBe(0);
    links = [
      ['loopback', `http://127.0.0.1:${canary.port}/loopback`],
      ['ipv6 loopback', `http://[::1]:${canary.port}/v6`],
      ['mapped', `http://[::ffff:127.0.0.1]:${canary.port}/mapped`],
      ['private', 'http://10.0.0.1/internal'],
      ['metadata', 'http://169.254.169.254/latest/meta-data/'],
      ['file', 'file:///etc/passwd'],
      ['rebinding name', `http://rebind.test:${canary.port}/rebind`],
      ['off-site', `http://offsite.test:${canary.port}/offsite`],
      ['redirect away', `http://localhost:${sitePort}/away`],
      ['redirect chain', `http://localhost:${sitePort}/hop1`],
      ['allowed host', `http://127.0.0.2:${partner.port}/partner.html`],
      ['own host', `http://localhost:${sitePort}/ok.html`],
      ...links,
    ];
    const r = await once();
    expect(r.code).toBe(0);
    const alerts = jsonLines<Alert>(r.stdout);
    const byTitle = Object.fromEntries(alerts.map((a) => [a.title, a]));
    // Nothing reached the bot's own machine: not directly, not by a name, not through a redirect.
    expect(canary.hits).toEqual([]);
    // Every new item is still alerted (the list entry stands in), with the refusal and its reason.
    const refused: Record<string, RegExp> = {
      loopback: /blocked: refused 127\.0\.0\.1:\d+: a loopback address/,
      'ipv6 loopback': /blocked: refused \[::1\]:\d+: a loopback address/,
      mapped: /blocked: refused \[::ffff:7f00:1\]:\d+: a loopback address, as IPv4-mapped 127\.0\.0\.1/,
      private: /blocked: refused 10\.0\.0\.1: a private address/,
      metadata: /blocked: refused 169\.254\.169\.254: a link-local address/,
      'rebinding name': /blocked: refused rebind\.test: it resolves to a loopback address \(127\.0\.0\.1\)/,
      'off-site': /blocked: refused offsite\.test: it resolves to a loopback address/,
      'redirect away': /blocked: refused 127\.0\.0\.1:\d+: a loopback address/,
      'redirect chain': /blocked: refused rebind\.test: it resolves to a loopback address/,
    };
    for (const [title, reason] of Object.entries(refused)) expect(byTitle[title]?.summary, title).toMatch(reason);
    // The redirects started on the watch's own host: those hops were fetched, the hop off it was not.
    expect(ownHits).toEqual(expect.arrayContaining(['/away', '/hop1', '/hop2']));
    // A file: link is never followed (it is not even a candidate document).
    expect(alerts.find((a) => a.url.startsWith('file:') || a.title === 'file')).toBeUndefined();
    // The watch's own host is trusted, and so is the host it allows: their documents were fetched.
    expect(byTitle['own host']?.summary).not.toMatch(/blocked/);
    expect(ownHits).toContain('/ok.html');
    expect(byTitle['allowed host']?.summary).not.toMatch(/blocked/);
    expect(partner.hits).toEqual(['/partner.html']);
  });

  it("a configured URL's redirect off its host to a loopback address fails the check as blocked", async () => {
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/a.yaml': `watches:\n  - id: moved\n    kind: page\n    url: http://localhost:${sitePort}/moved-list\n`,
    });
    const r = await runCli(['check', 'moved', '--config', cfg.dir, '--json'], { ...env(), REGWATCH_STORE: cfg.store });
    const outcome = jsonLines<{ status: string; error?: { kind: string; message: string } }>(r.stdout)[0];
    expect(outcome?.status).toBe('failed');
    expect(outcome?.error?.kind).toBe('blocked');
    expect(outcome?.error?.message).toMatch(/refused 127\.0\.0\.1:\d+: a loopback address/);
    expect(canary.hits).toEqual([]);
  });

  it('a host name that resolves to a loopback address is refused at connect time', async () => {
    const rebinding = tableLookup({ 'innocent.example': '127.0.0.1' });
    const attempt = httpFetch(`http://innocent.example:${canary.port}/rebound`, {
      guard: { trustedHosts: ['news.example'], lookup: rebinding },
      timeoutMs: 5000,
    });
    const error = (await attempt.catch((e: unknown) => e)) as FetchFailure;
    expect(error).toBeInstanceOf(FetchFailure);
    expect(error.kind).toBe('blocked');
    expect(error.message).toContain('resolves to a loopback address');
    expect(canary.hits).toEqual([]);
  });

  it('isForbiddenUrl (the browser pool’s request check) gives the reason, or null for what may load', async () => {
    const guard = {
      trustedHosts: ['www.miit.gov.cn', 'intranet.example'],
      lookup: tableLookup({
        'news.example': '93.184.215.14',
        'intranet.example': '10.1.2.3',
        'evil.example': '10.1.2.3',
        'v6.example': 'fd00::5',
      }),
    };
    const cases: Array<[string, RegExp | null]> = [
      ['https://news.example/a', null],
      ['https://www.miit.gov.cn/a', null],
      ['http://intranet.example/a', null],
      ['data:text/plain,hi', null],
      ['https://evil.example/a', /refused evil\.example: it resolves to a private address/],
      ['https://v6.example/a', /refused v6\.example: it resolves to a private address \(fc00::\/7\)/],
      ['https://nowhere.example/a', /does not resolve/],
      ['http://169.254.169.254/latest', /link-local/],
      ['http://[::ffff:a9fe:a9fe]/latest', /link-local address.*IPv4-mapped 169\.254\.169\.254/],
      ['http://2130706433/', /loopback/],
      ['http://0x7f.1/', /loopback/],
      ['ftp://news.example/a', /only http and https/],
      ['javascript:alert(1)', /only http and https/],
      ['not a url', /not a URL/],
    ];
    for (const [url, expected] of cases) {
      const reason = await isForbiddenUrl(url, guard);
      if (expected) expect(reason, url).toMatch(expected);
      else expect(reason, url).toBeNull();
    }
  });
});
