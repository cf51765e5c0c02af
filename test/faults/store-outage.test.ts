/**
 * regwatch's own store going away is not the sites' fault: it is said once (ops alert, straight to the ops channel),
 * nothing is checked while it lasts, and checking resumes by itself when the store answers again — finding what
 * changed meanwhile. The store is a real PostgreSQL behind a TCP proxy the test cuts and restores.
 */
import { PassThrough } from 'node:stream';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { plugins } from '../../src/plugins.js';
import { Runner } from '../../src/pipeline/runner.js';
import { Store } from '../../src/store/store.js';
import type { Alert } from '../../src/types.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { requirePostgres } from '../helpers/requirements.js';
import { tempConfig } from '../helpers/run-cli.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const postgres = requirePostgres();

describe.skipIf(!postgres)('the store goes down and comes back (PostgreSQL behind a proxy)', () => {
  let site: FixtureSite;
  let proxy: TcpProxy;
  let store: Store;
  let runner: Runner;
  let printed = '';
  const id = `outage-${randomUUID().slice(0, 8)}`;
  const opsAlerts = () =>
    printed
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Alert)
      .filter((a) => a.type === 'ops');

  beforeAll(async () => {
    site = await new FixtureSite().start();
    site.publish({ slug: 'a', title: '关于稀土的通知', date: '2024-05-01', body: '正文。' });
    const target = new URL(postgres!);
    proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
    target.port = String(proxy.port);
    store = await Store.open(target.toString());
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: ops-console\n    type: console\n    ops: true\n',
      'watches/a.yaml': `watches:\n  - id: ${id}\n    name: 部委文件\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    follow: false\n`,
    });
    runner = new Runner({ store, logger: pino({ level: 'silent' }), json: true, out });
    await runner.applyConfig(loadConfig(cfg.dir, {}, plugins));
    expect((await runner.checkAll())[0]!.status).toBe('baseline');
  });
  afterAll(async () => {
    await runner?.close(Date.now() + 2000);
    await store?.close();
    await proxy?.stop();
    await site?.stop();
  });

  it('says so once, checks nothing meanwhile, and resumes by itself', { timeout: 60_000 }, async () => {
    await proxy.cut();
    const [first] = await runner.checkAll();
    expect(first!.status).toBe('failed');
    expect(first!.error!.kind).toBe('store');
    expect(first!.error!.hint).toMatch(/store/);
    expect(first!.error!.hint).not.toMatch(/feed|selector|site is slow/);
    const down = opsAlerts();
    expect(down).toHaveLength(1);
    expect(down[0]!.title).toMatch(/store \(postgres\) is not answering/);

    // While it lasts: no check runs (the site sees no request), and no second alert.
    const requestsBefore = site.requests;
    const [second] = await runner.checkAll();
    expect(second!.error!.kind).toBe('store');
    expect(second!.error!.message).toMatch(/not checked/);
    expect(site.requests).toBe(requestsBefore);
    expect(opsAlerts()).toHaveLength(1);

    // It comes back: the next check runs, finds what was published meanwhile, and the recovery is reported.
    site.publish({ slug: 'b', title: '关于稀土出口管制的公告', date: '2024-05-02', body: '正文二。' });
    await proxy.start();
    const [third] = await runner.checkAll();
    expect(third!.status).toBe('changed');
    expect(third!.alerts.map((a) => a.title)).toEqual(['关于稀土出口管制的公告']);
    await runner.drain(Date.now() + 10_000);
    expect(opsAlerts().map((a) => a.title)).toEqual([
      expect.stringMatching(/not answering/),
      expect.stringMatching(/answers again/),
    ]);
  });
});
