/**
 * How the SQLite store keeps deliveries ahead of a pass (issue 15): the outbox's transactions go before waiting batched
 * writes, an alert and its delivery records are written as one unit, and a snapshot whose content did not change is
 * batched yet read back at once and kept across a restart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { SqliteTransactions } from '../../src/store/sqlite-transactions.js';
import { Store, type Snapshot } from '../../src/store/store.js';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function openSqlite(url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'regwatch-turns-')), 'state.sqlite')}`) {
  const store = await Store.open(url);
  stores.push(store);
  return { store, url };
}

it('an urgent transaction (a delivery) starts before batched writes that were waiting longer', async () => {
  const { store } = await openSqlite();
  const query = (store.keyv.store as { query: (sql: string) => Promise<unknown> }).query.bind(store.keyv.store);
  const transactions = new SqliteTransactions(query);
  const order: string[] = [];
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  // A transaction in progress holds the connection's turn until the gate opens.
  const running = transactions.run(async () => {
    await gate;
    order.push('running');
  });
  const batched = [1, 2].map((i) => transactions.run(() => Promise.resolve(order.push(`batched ${i}`))));
  const urgent = transactions.run(() => Promise.resolve(order.push('urgent')), true);
  open();
  await Promise.all([running, ...batched, urgent]);
  expect(order).toEqual(['running', 'urgent', 'batched 1', 'batched 2']);
});

it('transact reads every key and writes the decision as one unit; a failing decision writes nothing', async () => {
  const { store } = await openSqlite();
  await store.set('a', 1);
  const seen = await store.transact(['a', 'b'], (values) => ({
    writes: new Map<string, unknown>([
      ['a', (values.get('a') as number) + 1],
      ['b', 'new'],
    ]),
    result: [...values.values()],
  }));
  expect(seen).toEqual([1, undefined]);
  expect([await store.get('a'), await store.get('b')]).toEqual([2, 'new']);
  await expect(
    store.transact(['a'], () => {
      throw new Error('refused');
    }),
  ).rejects.toThrow('refused');
  expect(await store.get('a')).toBe(2);
});

it('a pass reads many keys ahead in one go, each value under its own key, missing ones as missing', async () => {
  const { store } = await openSqlite();
  const values: Record<string, unknown> = {
    'snap:a': { text: '一\n二' },
    'health:a': { n: 0 },
    'snap:b': [1, 'x'],
    c: 'plain',
  };
  for (const [key, value] of Object.entries(values)) await store.set(key, value);
  // Asked in another order than written, with keys never written and one asked twice; more than one read's worth.
  const asked = [
    'c',
    'snap:none',
    'snap:b',
    'health:a',
    'c',
    'snap:a',
    ...Array.from({ length: 600 }, (_, i) => `k${i}`),
  ];
  await store.prefetch(asked);
  for (const key of asked) expect({ key, value: await store.get(key) }).toEqual({ key, value: values[key] });
  expect(await store.keyv.getMany(['snap:a', 'nothing', 'c'])).toEqual([values['snap:a'], undefined, 'plain']);
});

it('a snapshot whose content did not change is read back at once and survives a restart', async () => {
  const { store, url } = await openSqlite();
  const snap = (fetchedAt: string): Snapshot => ({ bodyHash: fetchedAt, contentHash: 'same', text: 't', fetchedAt });
  await store.putSnapshot('w', snap('2026-01-01T00:00:00Z'), true);
  await store.putSnapshot('w', snap('2026-01-02T00:00:00Z'), true);
  expect((await store.getSnapshot('w'))?.fetchedAt).toBe('2026-01-02T00:00:00Z');
  // The content did not change: no history entry.
  expect(await store.snapshotHistory('w')).toEqual([]);
  await store.close();
  stores.splice(stores.indexOf(store), 1);
  const { store: again } = await openSqlite(url);
  expect((await again.getSnapshot('w'))?.fetchedAt).toBe('2026-01-02T00:00:00Z');
  expect((await again.getSnapshot('w'))?.bodyHash).toBe('2026-01-02T00:00:00Z');
});

it('a snapshot whose content did not change is not rewritten within the hour, unless its validators moved', async () => {
  const { store } = await openSqlite();
  const snap = (fetchedAt: string, etag?: string): Snapshot => ({
    bodyHash: fetchedAt,
    contentHash: 'same',
    text: 't',
    fetchedAt,
    ...(etag ? { etag } : {}),
  });
  await store.putSnapshot('w', snap('2026-01-01T00:00:00Z'), true);
  // A page whose clock changes on every request: a new body, the same content.
  await store.putSnapshot('w', snap('2026-01-01T00:10:00Z'), true);
  expect((await store.getSnapshot('w'))?.bodyHash).toBe('2026-01-01T00:00:00Z');
  await store.putSnapshot('w', snap('2026-01-01T00:20:00Z', '"v2"'), true);
  expect((await store.getSnapshot('w'))?.etag).toBe('"v2"');
  await store.putSnapshot('w', snap('2026-01-01T01:30:00Z', '"v2"'), true);
  expect((await store.getSnapshot('w'))?.fetchedAt).toBe('2026-01-01T01:30:00Z');
  expect(await store.snapshotHistory('w')).toEqual([]);
});
