import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openKeyv } from '../../src/store/open-keyv.js';
import { Store } from '../../src/store/store.js';
import { requirePostgres } from '../helpers/requirements.js';

const url = requirePostgres() ?? '';

/** The store URL with an application name of its own, so that only this test's connections are closed. */
const tagged = (base: string, name: string): string =>
  `${base}${base.includes('?') ? '&' : '?'}application_name=${name}`;

/** Close every server connection of `name` as a restart or an administrator would; returns how many were closed. */
async function closeConnections(base: string, name: string): Promise<number> {
  const admin = await openKeyv(base, `admin-${name}`);
  try {
    const adapter = admin.store as { query(sql: string, values?: unknown[]): Promise<unknown[]> };
    const rows = await adapter.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [name],
    );
    return rows.length;
  } finally {
    await admin.disconnect();
  }
}

describe.skipIf(!url)('the PostgreSQL store when the server closes its connections', () => {
  it('the process lives on and the next read and write work on a new connection', async () => {
    const name = `rw-${randomUUID().slice(0, 8)}`;
    const keyv = await openKeyv(tagged(url, name));
    try {
      await keyv.set(`k-${name}`, 'before');
      const dropped = new Promise<Error>((resolve) => keyv.on('error', resolve));
      expect(await closeConnections(url, name)).toBeGreaterThan(0);
      // The idle connection's end arrives as an event: before, it had no listener and crashed the process.
      expect((await dropped).message).toMatch(/terminat/);
      await keyv.set(`k-${name}`, 'after');
      expect(await keyv.get(`k-${name}`)).toBe('after');
    } finally {
      await keyv.delete(`k-${name}`);
      await keyv.disconnect();
    }
  });

  it('closing one store leaves another on the same URL working', async () => {
    const a = await Store.open(url);
    const b = await Store.open(url);
    try {
      await a.close();
      const list = `l-${randomUUID().slice(0, 8)}`;
      await b.addSeen(list, ['https://example.org/1']);
      expect(await b.getSeen(list)).toEqual(['https://example.org/1']);
    } finally {
      await b.close();
    }
  });
});
