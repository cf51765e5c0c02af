import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SNAPSHOT_HISTORY, Store, type Snapshot } from '../../src/store/store.js';
import type { Alert } from '../../src/types.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { requirePostgres, requireRedis } from '../helpers/requirements.js';
import { jsonLines, runCli, tempConfig } from '../helpers/run-cli.js';

const sqliteUrl = `sqlite://${join(mkdtempSync(join(tmpdir(), 'regwatch-store-')), 'state.sqlite')}`;
const backends: Array<[string, string | undefined]> = [
  ['SQLite', sqliteUrl],
  ['Redis', requireRedis()],
  ['PostgreSQL', requirePostgres()],
];

const snapshot = (hash: string): Snapshot => ({
  contentHash: hash,
  bodyHash: hash,
  text: `text ${hash}`,
  fetchedAt: new Date().toISOString(),
});
const alert = (id: string): Alert =>
  ({
    id,
    watch: { id: 'w', name: 'w', source: 'miit' },
    title: 't',
    url: 'http://x/',
    publishedAt: null,
    detectedAt: new Date().toISOString(),
    categories: [],
    figures: [],
    summary: 's',
    diff: null,
    severity: 'normal',
    type: 'change',
  }) as unknown as Alert;

for (const [name, url] of backends) {
  describe.skipIf(!url)(`the store on ${name}`, () => {
    let a: Store;
    let b: Store;
    // Shared servers keep state between runs: every run uses its own watch ids.
    const run = randomUUID().slice(0, 8);
    beforeAll(async () => {
      a = await Store.open(url);
      b = await Store.open(url);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    it('what one process writes another reads: snapshot, seen items, health, alerts', async () => {
      await a.putSnapshot(`w-${run}`, snapshot('h1'), true);
      await a.addSeen(`l-${run}`, ['https://x/1', 'https://x/2']);
      await a.updateHealth(`w-${run}`, (h) => ({ ...h, consecutiveFailures: 2, lastError: 'HTTP 500' }));
      // Health is written in batches (once a second, at the end of a pass, at close); flush writes it now.
      await a.flush();
      expect((await b.getSnapshot(`w-${run}`))?.contentHash).toBe('h1');
      expect(await b.getSeen(`l-${run}`)).toEqual(['https://x/1', 'https://x/2']);
      expect(await b.getHealth(`w-${run}`)).toMatchObject({ consecutiveFailures: 2, lastError: 'HTTP 500' });
      expect(await a.saveAlert(alert(`alert-${run}`))).toBe(true);
      expect(await b.saveAlert(alert(`alert-${run}`))).toBe(false);
      expect((await b.recentAlerts(50)).map((x) => x.id)).toContain(`alert-${run}`);
    });

    it(`keeps at most ${SNAPSHOT_HISTORY} earlier snapshots per watch, newest first`, async () => {
      for (let i = 0; i < SNAPSHOT_HISTORY + 3; i++) await a.putSnapshot(`h-${run}`, snapshot(`v${i}`), true);
      const history = await b.snapshotHistory(`h-${run}`);
      expect(history.map((s) => s.contentHash)).toEqual(
        Array.from({ length: SNAPSHOT_HISTORY }, (_, i) => `v${SNAPSHOT_HISTORY + 1 - i}`),
      );
    });

    it('answers ping', async () => {
      expect(await a.ping()).toBe(true);
    });
  });
}

describe.skipIf(!requireRedis() || !requirePostgres())('regwatch once on a shared store', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await new FixtureSite().start();
    site.publish({ slug: 'a1', title: '旧通知', date: '2024-03-01', body: '正文。' });
  });
  afterAll(async () => site.stop());

  for (const [name, url] of backends.slice(1)) {
    it(`${name}: a baseline, then one alert for a new item, then nothing from another process`, async () => {
      const id = `shared-${randomUUID().slice(0, 8)}`;
      const cfg = tempConfig({
        'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
        'watches/a.yaml': `watches:\n  - id: ${id}\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    follow: false\n`,
      });
      const once = () => runCli(['once', '--config', cfg.dir, '--json'], { REGWATCH_STORE: url });
      expect(jsonLines((await once()).stdout)).toEqual([]);
      site.publish({ slug: `n-${id}`, title: `新通知 ${id}`, date: '2024-03-02', body: '正文。' });
      expect(jsonLines<Alert>((await once()).stdout).map((x) => x.title)).toEqual([`新通知 ${id}`]);
      expect(jsonLines((await once()).stdout)).toEqual([]);
    });
  }
});

describe('a store that cannot be used', () => {
  it('an unsupported URL is refused with the forms that work, and the password never shows', async () => {
    await expect(Store.open('mysql://root:hunter2@127.0.0.1/x')).rejects.toThrow(
      /unsupported store URL "mysql:\/\/root:\*+@127\.0\.0\.1\/x"; use sqlite:\/\/PATH, redis:\/\/HOST:PORT or postgres:\/\/USER@HOST\/DB/,
    );
  });

  it('an unreachable Redis fails `once` with a message naming the store, and checks nothing', async () => {
    const cfg = tempConfig({ 'watches/a.yaml': 'watches:\n  - id: x\n    kind: page\n    url: http://127.0.0.1:9/\n' });
    const r = await runCli(['once', '--config', cfg.dir], { REGWATCH_STORE: 'redis://:s3cret@127.0.0.1:1' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('store redis://');
    expect(r.stderr).toContain('is not reachable');
    expect(r.stderr).not.toContain('s3cret');
  });
});

for (const [name, url] of backends) {
  describe.skipIf(!url)(`claims on ${name}`, () => {
    it('one of several processes wins a claim; it expires; only the holder releases it', async () => {
      const stores = await Promise.all([Store.open(url), Store.open(url), Store.open(url)]);
      const key = `lease:test-${randomUUID()}`;
      try {
        const won = await Promise.all(stores.map((s) => s.claim(key, 60_000)));
        expect(won.filter(Boolean)).toHaveLength(1);
        const winner = stores[won.indexOf(true)]!;
        const loser = stores[won.indexOf(false)]!;
        expect(await winner.claim(key, 60_000)).toBe(true); // renewing your own claim
        await loser.release(key); // not the holder: no effect
        expect(await loser.claim(key, 60_000)).toBe(false);
        await winner.release(key);
        expect(await loser.claim(key, 1)).toBe(true);
        // An expired claim goes to whoever asks next.
        await new Promise<void>((resolve) => setTimeout(resolve, 5)); // let the 1 ms claim lapse
        expect(await winner.claim(key, 60_000)).toBe(true);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('a holder renewing its claim keeps it past the first expiry (a long delivery run keeps its lease)', async () => {
      const [a, b] = await Promise.all([Store.open(url), Store.open(url)]);
      const key = `lease:renew-${randomUUID()}`;
      try {
        expect(await a.claims.claim(key, 'holder', 2_000)).toBe(true);
        expect(await a.claims.claim(key, 'holder', 10 * 60_000)).toBe(true);
        if (name === 'Redis') {
          // Redis expires keys on its own clock: the time left is what tells whether the renewal took.
          const client = await (
            a.keyv.store as { getClient(): Promise<{ pTTL(k: string): Promise<number> }> }
          ).getClient();
          expect(await client.pTTL(`regwatch:claim:${key}`)).toBeGreaterThan(60_000);
        } else {
          vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 }); // long after the first 2 s
          expect(await b.claims.claim(key, 'other', 60_000)).toBe(false);
        }
      } finally {
        vi.useRealTimers();
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('sweeping drops expired claims only: a live one still refuses everyone else', async () => {
      const [a, b] = await Promise.all([Store.open(url), Store.open(url)]);
      const live = `replay:live-${randomUUID()}`;
      const lapsed = `replay:lapsed-${randomUUID()}`;
      try {
        expect(await a.claims.claim(live, 'first', 60 * 60_000)).toBe(true);
        expect(await a.claims.claim(lapsed, 'first', 1)).toBe(true);
        vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 });
        await b.claims.sweep();
        expect(await b.claims.claim(live, 'second', 60_000)).toBe(false);
        // Redis lets a key lapse on its own clock (PX), not the faked one: poll until it has (generous deadline).
        await vi.waitFor(async () => expect(await b.claims.claim(lapsed, 'second', 60_000)).toBe(true), {
          timeout: 10_000,
          interval: 50,
        });
      } finally {
        vi.useRealTimers();
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
}
