import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';

/** The store URL used when REGWATCH_STORE is not set: an embedded SQLite file. */
export const DEFAULT_STORE_URL = 'sqlite://./data/regwatch.sqlite';

/** Which backend a store URL names. */
export type StoreBackend = 'sqlite' | 'redis' | 'postgres' | 'memory';

export function storeBackend(url: string): StoreBackend {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('redis:') || url.startsWith('rediss:')) return 'redis';
  if (url.startsWith('postgres:') || url.startsWith('postgresql:')) return 'postgres';
  if (url === 'memory:' || url === 'memory') return 'memory';
  throw new Error(
    `REGWATCH_STORE: unsupported store URL "${redactUrl(url)}"; use sqlite://PATH, redis://HOST:PORT or postgres://USER@HOST/DB`,
  );
}

/** Hide a password in a store URL before it reaches a log or an error. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):([^@/]+)@/, '//$1:***@');
}

type Importer = (name: string) => Promise<{ default: unknown }>;

/**
 * Load a store adapter. The Redis and PostgreSQL adapters are optional dependencies (an SQLite-only install has
 * neither): when the one REGWATCH_STORE asks for is missing, say which package to install.
 */
export async function importAdapter(
  name: '@keyv/sqlite' | '@keyv/redis' | '@keyv/postgres' | 'pg',
  load: Importer = (n) => import(n) as Promise<{ default: unknown }>,
): Promise<unknown> {
  try {
    return (await load(name)).default;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    // eslint-disable-next-line preserve-caught-error
    throw new Error(
      `REGWATCH_STORE asks for ${name === '@keyv/redis' ? 'Redis' : name === '@keyv/postgres' || name === 'pg' ? 'PostgreSQL' : 'SQLite'}, but its adapter ${name} is not installed: run \`npm install ${name}\` in regwatch's directory (it is an optional dependency)`,
    );
  }
}

/**
 * Open a keyv instance on the backend the URL names. Errors surface (throwOnErrors) instead of reading as "missing":
 * a store that cannot be written must never look like a first check.
 */
export async function openKeyv(url: string, namespace = 'regwatch'): Promise<Keyv> {
  const backend = storeBackend(url);
  let store: unknown;
  if (backend === 'sqlite') {
    const path = url.replace(/^sqlite:\/\//, '');
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const KeyvSqlite = (await importAdapter('@keyv/sqlite')) as typeof import('@keyv/sqlite').default;
    const sqlite = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 10_000 });
    // Write-ahead log: readers never wait for the writer, and a commit is one append instead of a journal rewrite.
    // synchronous=NORMAL keeps every commit across a process crash (kill -9); only a power cut can lose the last ones.
    if (path !== ':memory:') {
      await sqlite.query('PRAGMA journal_mode = WAL');
      await sqlite.query('PRAGMA synchronous = NORMAL');
    }
    store = withSetMany(sqlite);
  } else if (backend === 'redis') {
    const KeyvRedis = (await importAdapter('@keyv/redis')) as typeof import('@keyv/redis').default;
    store = new KeyvRedis(url, { throwOnConnectError: true, throwOnErrors: true });
  } else if (backend === 'postgres') {
    const KeyvPostgres = (await importAdapter('@keyv/postgres')) as typeof import('@keyv/postgres').default;
    const { Pool } = (await importAdapter('pg')) as { Pool: PgPoolClass };
    store = new (ownPoolAdapter(KeyvPostgres, Pool))({ uri: url, table: 'regwatch' });
  }
  const keyv = new Keyv({
    ...(store === undefined ? {} : { store: store as KeyvStoreAdapter }),
    namespace,
    throwOnErrors: true,
    useKeyPrefix: true,
  });
  return keyv;
}

type PostgresAdapterClass = typeof import('@keyv/postgres').default;

/** The part of node-postgres's Pool used here (pg comes with @keyv/postgres and ships no types of its own). */
interface PgPool {
  on(event: 'error', listener: (error: Error) => void): unknown;
  query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}
type PgPoolClass = new (options: { connectionString: string }) => PgPool;

/**
 * The PostgreSQL adapter on a pool of its own that survives a closed connection. @keyv/postgres keeps one module-wide
 * pool with no 'error' listener: when the server closes an idle connection (a restart, an administrator, a proxy's idle
 * time-out), the pool's 'error' event has no listener and the whole process crashes. Here the pool drops that
 * connection and the next query opens a new one; the error is passed on as the adapter's 'error' event (a query's own
 * failure still reaches its caller). One pool per store also means closing one store no longer ends another's pool.
 */
function ownPoolAdapter(KeyvPostgres: PostgresAdapterClass, Pool: PgPoolClass): PostgresAdapterClass {
  return class OwnPoolPostgres extends KeyvPostgres {
    // Set by connect(), which the parent's constructor calls: a declared field, so no initialiser runs after it.
    declare pool: PgPool | undefined;

    override connect(): Promise<(sql: string, values?: unknown) => Promise<unknown[]>> {
      const pool = new Pool({ connectionString: (this.opts as { uri: string }).uri });
      pool.on('error', (error) => this.emit('error', error));
      this.pool = pool;
      return Promise.resolve(async (sql, values) => (await pool.query(sql, values as unknown[] | undefined)).rows);
    }

    override async disconnect(): Promise<void> {
      await this.pool?.end();
    }
  };
}

type SqliteAdapter = InstanceType<typeof import('@keyv/sqlite').default>;

/**
 * The SQLite adapter with the `setMany` it lacks (keyv then sets each key on its own: a statement prepared and run per
 * key): all the entries in one upsert, read from a JSON array. keyv serialises and prefixes the entries as for `set`.
 * And a `getMany` that matches the rows to the keys through a Map: the adapter's own searches the rows for each key,
 * 250,000 string comparisons for a pass's read of 500 keys.
 */
function withSetMany(sqlite: SqliteAdapter): SqliteAdapter {
  const table = sqlite.opts.table ?? 'keyv';
  const upsert =
    `INSERT INTO ${table} (key, value) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') ` +
    `FROM json_each(?) WHERE true ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
  const select = `SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`;
  return Object.assign(sqlite, {
    async setMany(entries: Array<{ key: string; value: unknown }>): Promise<boolean[]> {
      await sqlite.query(upsert, JSON.stringify(entries.map(({ key, value }) => [key, value])));
      return entries.map(() => true);
    },
    async getMany(keys: string[]): Promise<Array<string | undefined>> {
      const rows = (await sqlite.query(select, JSON.stringify(keys))) as Array<{ key: string; value: string }>;
      const values = new Map(rows.map((row) => [row.key, row.value]));
      return keys.map((key) => values.get(key));
    },
  });
}
