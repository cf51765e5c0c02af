/**
 * Atomic claims in the shared store: "this key is mine until then". Used for per-watch leases (one replica checks a
 * due watch), per-destination delivery leases (one replica delivers a channel's queue, in order) and first-writer-
 * wins records (an alert id is created once). keyv has no compare-and-set, so each backend gets its own statement:
 * a Redis script (take the key if free, renew it if ours, with its time to live), and an upsert guarded by expiry in SQL
 * for PostgreSQL and SQLite.
 */
import type Keyv from 'keyv';
import type { StoreBackend } from './open-keyv.js';

export interface Claims {
  /** Take `key` for `owner` for `ttlMs` (or forever with 0). True when it is now ours (also when it already was). */
  claim(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Give `key` up, if `owner` still holds it. */
  release(key: string, owner: string): Promise<void>;
  /** Forget expired claims (Redis expires them itself; SQL and memory keep them until this runs). */
  sweep(): Promise<void>;
}

type SqlQuery = (sql: string, ...params: unknown[]) => Promise<unknown>;
interface RedisLike {
  eval(script: string, opts: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

const FOREVER = 253402300799000; // 9999-12-31, for claims without expiry

function redisClaims(keyv: Keyv, prefix: string): Claims {
  const store = keyv.store as { getClient(): Promise<RedisLike> };
  const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
  // Take a free key, or renew our own with the new time to live (SET NX alone would leave a renewed lease to lapse at
  // its first expiry, and another replica would take it while we still deliver); someone else's: refuse.
  const CLAIM = `local cur = redis.call('get', KEYS[1])
    if cur and cur ~= ARGV[1] then return 0 end
    if tonumber(ARGV[2]) > 0 then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
    else redis.call('set', KEYS[1], ARGV[1]) end
    return 1`;
  return {
    async claim(key, owner, ttlMs) {
      const client = await store.getClient();
      const won = await client.eval(CLAIM, { keys: [`${prefix}${key}`], arguments: [owner, String(ttlMs)] });
      return won === 1;
    },
    async release(key, owner) {
      const client = await store.getClient();
      await client.eval(RELEASE, { keys: [`${prefix}${key}`], arguments: [owner] });
    },
    sweep: () => Promise.resolve(),
  };
}

function sqlClaims(query: SqlQuery, dialect: 'postgres' | 'sqlite', table: string): Claims {
  const p = (i: number) => (dialect === 'postgres' ? `$${i}` : '?');
  let ready: Promise<unknown> | undefined;
  const init = () =>
    (ready ??= query(
      `CREATE TABLE IF NOT EXISTS ${table} (key VARCHAR(512) PRIMARY KEY, owner VARCHAR(255) NOT NULL, expires_at BIGINT NOT NULL)`,
    ));
  const run = (sql: string, params: unknown[]) => (dialect === 'postgres' ? query(sql, params) : query(sql, ...params));
  return {
    async claim(key, owner, ttlMs) {
      await init();
      const now = Date.now();
      const expires = ttlMs > 0 ? now + ttlMs : FOREVER;
      // Insert, or take over an expired claim, or extend our own — in one statement, so two replicas cannot both win.
      await run(
        `INSERT INTO ${table} (key, owner, expires_at) VALUES (${p(1)}, ${p(2)}, ${p(3)})
         ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE ${table}.expires_at < ${p(4)} OR ${table}.owner = excluded.owner`,
        [key, owner, expires, now],
      );
      const rows = (await run(`SELECT owner FROM ${table} WHERE key = ${p(1)}`, [key])) as
        Array<{ owner: string }> | undefined;
      return rows?.[0]?.owner === owner;
    },
    async release(key, owner) {
      await init();
      await run(`DELETE FROM ${table} WHERE key = ${p(1)} AND owner = ${p(2)}`, [key, owner]);
    },
    async sweep() {
      await init();
      await run(`DELETE FROM ${table} WHERE expires_at < ${p(1)}`, [Date.now()]);
    },
  };
}

/** In-process claims for the memory store (tests, `check`): one process, so a map is atomic enough. */
function memoryClaims(): Claims {
  const held = new Map<string, { owner: string; expires: number }>();
  return {
    claim(key, owner, ttlMs) {
      const now = Date.now();
      const cur = held.get(key);
      if (cur && cur.expires >= now && cur.owner !== owner) return Promise.resolve(false);
      held.set(key, { owner, expires: ttlMs > 0 ? now + ttlMs : FOREVER });
      return Promise.resolve(true);
    },
    release(key, owner) {
      if (held.get(key)?.owner === owner) held.delete(key);
      return Promise.resolve();
    },
    sweep() {
      const now = Date.now();
      for (const [key, claim] of held) if (claim.expires < now) held.delete(key);
      return Promise.resolve();
    },
  };
}

export function createClaims(keyv: Keyv, backend: StoreBackend, namespace: string): Claims {
  if (backend === 'memory') return memoryClaims();
  if (backend === 'redis') return redisClaims(keyv, `${namespace}:claim:`);
  const query = (keyv.store as { query: SqlQuery }).query.bind(keyv.store);
  return sqlClaims(query, backend === 'postgres' ? 'postgres' : 'sqlite', `${namespace}_claims`);
}
