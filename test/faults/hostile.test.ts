/**
 * Hostile and broken answers: each is a clear failure of its own watch (or, when the text is still readable, read
 * correctly), in bounded time and memory, and the other watches go on.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { plugins } from '../../src/plugins.js';
import type { CheckOutcome } from '../../src/pipeline/check-watch.js';
import { Runner } from '../../src/pipeline/runner.js';
import { Store } from '../../src/store/store.js';
import { FaultSite, type SiteFault } from '../helpers/fault-site.js';
import { tempConfig } from '../helpers/run-cli.js';

/** Each fault served to a watch of its own, and the failure kind it must give. */
const FAILS: Array<[SiteFault, 'page' | 'feed', string]> = [
  ['big', 'page', 'too-large'],
  ['endless', 'page', 'too-large'],
  ['drip', 'page', 'timeout'],
  ['timeout', 'page', 'timeout'],
  ['loop', 'page', 'redirects'],
  ['binary', 'page', 'binary'],
  ['404', 'page', 'http'],
  ['challenge', 'page', 'challenge'],
  ['truncated', 'page', 'truncated'],
  ['empty', 'page', 'empty'],
  ['nested', 'page', 'parse'],
  ['laughs', 'feed', 'parse'],
  ['laughs-padded', 'feed', 'parse'],
  ['broken-feed', 'feed', 'parse'],
];

describe('hostile and broken input', () => {
  let site: FaultSite;
  let runner: Runner;
  let store: Store;
  const byId = (outcomes: CheckOutcome[]) => Object.fromEntries(outcomes.map((o) => [o.watch.replace(/^w-/, ''), o]));

  beforeAll(async () => {
    site = await new FaultSite().start();
    site.publish({ slug: '1', title: '稀土通知一', date: '2024-01-01' });
    const watch = (fault: SiteFault, kind: 'page' | 'feed') =>
      `  - id: w-${fault}\n    kind: ${kind}\n    url: ${site.base}/fault/${fault}\n` +
      (kind === 'page' ? '    select: "#m"\n' : '    follow: false\n');
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'settings.yaml': 'timeout: 2s\nconnectTimeout: 2s\nmaxBytes: 5000000\nconcurrency: 32\nperHost: 32\n',
      'watches/all.yaml':
        `watches:\n  - id: good\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    follow: false\n` +
        FAILS.map(([fault, kind]) => watch(fault, kind)).join('') +
        ['bad-utf8', 'mislabelled-gbk', 'mislabelled-utf8'].map((f) => watch(f as SiteFault, 'page')).join('') +
        watch('huge-feed', 'feed'),
    });
    store = await Store.open(cfg.store);
    runner = new Runner({
      store,
      logger: pino({ level: 'silent' }),
      out: new Writable({ write: (_c, _e, cb) => cb() }),
    });
    await runner.applyConfig(loadConfig(cfg.dir, {}, plugins));
  });
  afterAll(async () => {
    await runner.close();
    await store.close();
    await site.stop();
  });

  it(
    'each hostile answer is its own watch’s clear failure with a hint, within the time-out and without holding the body',
    { timeout: 60_000 },
    async () => {
      const rssBefore = process.memoryUsage().rss;
      const started = Date.now();
      const o = byId(await runner.checkAll());
      // Every watch ran at once: the slowest failures end at the 2 s time-out, not one after another.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
      for (const [fault, , kind] of FAILS) {
        expect(o[fault]!.status, fault).toBe('failed');
        expect(o[fault]!.error?.kind, fault).toBe(kind);
        expect(o[fault]!.error?.hint, fault).toBeTruthy();
        expect((await store.getHealth(`w-${fault}`)).lastErrorKind, fault).toBe(kind);
      }
      expect(o.nested!.error?.message).toContain('nests elements more than 2000 deep');
      expect(o['404']!.error?.hint).toMatch(/moved/);
      expect(o.challenge!.error?.hint).toMatch(/fetch: browser/);
      expect(o.good!.status).toBe('baseline');
    },
  );

  it('survivable oddities are read, not failed: bad bytes replaced, mislabelled charsets decoded, a huge feed capped', async () => {
    const text = async (id: string) => (await store.getSnapshot(`w-${id}`))?.text ?? '';
    expect(await text('bad-utf8')).toMatch(/稀土\uFFFD+\(通知$/);
    expect(await text('mislabelled-gbk')).toMatch(/^[^\uFFFD]*稀土管理条例$/);
    expect(await text('mislabelled-utf8')).toMatch(/^[^\uFFFD]*稀土管理条例$/);
    expect((await store.getSeen('w-huge-feed'))?.length).toBe(2000);
  });

  it(
    'the other watches go on: a new item on the good list alerts while the hostile ones keep failing',
    { timeout: 60_000 },
    async () => {
      site.publish({ slug: '2', title: '稀土通知二', date: '2024-01-02' });
      const o = byId(await runner.checkAll());
      expect(o.good!.status).toBe('changed');
      expect(o.good!.alerts.map((a) => a.title)).toEqual(['稀土通知二']);
      expect(o.drip!.status).toBe('failed');
      expect((await store.getHealth('w-drip')).consecutiveFailures).toBe(2);
      // A failure is never content: the failing watches recorded no snapshot and raised no alert.
      for (const [fault] of FAILS) expect(await store.getSnapshot(`w-${fault}`), fault).toBeUndefined();
    },
  );
});
