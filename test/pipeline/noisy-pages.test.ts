/**
 * Ministry pages change outside the watched region on every request (a clock, a visitor counter). Once a check has seen
 * that, the process stops hashing the page's body, which will not hash like a stored one: the region is extracted and
 * compared as always, so every change of it still alerts, and nothing else does. The body is hashed again when the
 * snapshot is due for refresh, so a page that has gone quiet skips its extraction again.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { plugins } from '../../src/plugins.js';
import { bodyIsNoisy } from '../../src/pipeline/check-steps.js';
import { Runner } from '../../src/pipeline/runner.js';
import { SNAPSHOT_REFRESH_MS, Store } from '../../src/store/store.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { tempConfig } from '../helpers/run-cli.js';

describe('a page whose body changes outside its region on every request', () => {
  let site: FixtureSite;
  let store: Store;
  let runner: Runner;
  let at = Date.parse('2026-03-02T08:00:00Z');
  const check = async () => (await runner.checkAll('stats'))[0]!;
  const snapshot = async () => (await store.getSnapshot('stats'))!;
  const noisy = () => bodyIsNoisy('stats', new Date(at));

  beforeAll(async () => {
    site = await new FixtureSite().start();
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/page.yaml': `watches:\n  - id: stats\n    source: customs\n    kind: page\n    url: ${site.base}/page.html\n    select: "#main"\n`,
    });
    store = await Store.open(cfg.store);
    runner = new Runner({
      store,
      logger: pino({ level: 'silent' }),
      out: new Writable({ write: (_c, _e, cb) => cb() }),
      now: () => new Date(at),
    });
    await runner.applyConfig(loadConfig(cfg.dir, {}, plugins));
  });
  afterAll(async () => {
    await runner.close();
    await store.close();
    await site.stop();
  });

  it('alerts each change of its region and nothing else, without hashing its body once it is known to be noisy', async () => {
    expect((await check()).status).toBe('baseline');
    expect(noisy()).toBe(false);
    at += 60_000;
    expect((await check()).status).toBe('unchanged');
    expect(noisy()).toBe(true);

    site.region = '国家统计：本月共发布文件4件。';
    at += 60_000;
    const changed = await check();
    expect(changed.status).toBe('changed');
    expect(changed.alerts).toHaveLength(1);
    // The new body was not hashed: the snapshot has the new region and no body hash.
    const after = await snapshot();
    expect(after.text).toContain('4件');
    expect(after.bodyHash).toBe('');

    at += 60_000;
    const quiet = await check();
    expect(quiet.status).toBe('unchanged');
    expect(quiet.alerts).toHaveLength(0);
  });

  it('is hashed again when its snapshot is due for refresh, and once it has gone quiet it skips extraction', async () => {
    site.pageNoise = false;
    at += SNAPSHOT_REFRESH_MS;
    expect(noisy()).toBe(false);
    expect((await check()).status).toBe('unchanged');
    // Hashed again, and stored: the body differs from the one stored an hour ago ('' here), so still noisy for now.
    const refreshed = await snapshot();
    expect(refreshed.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(noisy()).toBe(true);
    // An hour on, the body hashes like the stored one: 'unchanged' before any extraction, the snapshot not rewritten.
    at += SNAPSHOT_REFRESH_MS;
    expect((await check()).status).toBe('unchanged');
    at += 60_000;
    expect(noisy()).toBe(false);
    expect((await check()).status).toBe('unchanged');
    expect(await snapshot()).toEqual(refreshed);
    site.region = '国家统计：本月共发布文件5件。';
    at += 60_000;
    expect((await check()).alerts).toHaveLength(1);
  });
});
