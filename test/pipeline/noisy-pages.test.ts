/**
 * Ministry pages change outside the watched region on every request (a clock, a visitor counter). Once a check has seen
 * that, the pass stops hashing the page's body, which will not hash like a stored one: the region is extracted and
 * compared as always, so every change of it still alerts, and nothing else does. The body is hashed again when the
 * snapshot is due for refresh, so a page that has gone quiet skips its extraction again.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { plugins } from '../../src/plugins.js';
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
    expect((await snapshot()).bodyVaries).toBeFalsy();
    at += 60_000;
    expect((await check()).status).toBe('unchanged');
    const noisy = await snapshot();
    expect(noisy.bodyVaries).toBe(true);

    site.region = '国家统计：本月共发布文件4件。';
    at += 60_000;
    const changed = await check();
    expect(changed.status).toBe('changed');
    expect(changed.alerts).toHaveLength(1);
    // The new body was not hashed: the snapshot keeps the hash it had, and stays marked noisy.
    const after = await snapshot();
    expect(after.text).toContain('4件');
    expect(after.bodyHash).toBe(noisy.bodyHash);
    expect(after.bodyVaries).toBe(true);

    at += 60_000;
    const quiet = await check();
    expect(quiet.status).toBe('unchanged');
    expect(quiet.alerts).toHaveLength(0);
  });

  it('is hashed again when its snapshot is due for refresh, and once it has gone quiet it skips extraction', async () => {
    const before = await snapshot();
    site.pageNoise = false;
    at += SNAPSHOT_REFRESH_MS;
    expect((await check()).status).toBe('unchanged');
    // Hashed again: a new hash, still unlike the one an hour ago (the page changed since), so still noisy.
    const refreshed = await snapshot();
    expect(refreshed.bodyHash).not.toBe(before.bodyHash);
    expect(refreshed.bodyVaries).toBe(true);
    // Past the refresh the body is hashed on every check; the same bytes again are 'unchanged' on their hash, before
    // any extraction: the snapshot is not even rewritten.
    at += SNAPSHOT_REFRESH_MS;
    expect((await check()).status).toBe('unchanged');
    at += 60_000;
    expect((await check()).status).toBe('unchanged');
    expect(await snapshot()).toEqual(refreshed);
    site.region = '国家统计：本月共发布文件5件。';
    at += 60_000;
    expect((await check()).alerts).toHaveLength(1);
  });
});
