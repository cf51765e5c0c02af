import type Keyv from 'keyv';
import type { Alert } from '../types.js';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createClaims, type Claims } from './claims.js';
import { DeferredWrites, type Change } from './deferred-writes.js';
import { KeyLock } from './key-lock.js';
import { SqliteTransactions } from './sqlite-transactions.js';
import { storeCall, StoreUnavailable } from './store-error.js';
import { DEFAULT_STORE_URL, openKeyv, redactUrl, storeBackend, type StoreBackend } from './open-keyv.js';

/**
 * How long a snapshot whose content did not change is left as it is. A page whose clock or counter changes on every
 * request gets a new body hash on every check, which is never met again: writing it each time would cost a store write
 * per watch and check for nothing. Refreshed this often, the body hash still lets a page that has stopped changing
 * outside its region skip its extraction.
 */
export const SNAPSHOT_REFRESH_MS = 60 * 60_000;

/** Whether `next` only moves `previous`'s body hash and time on, by less than SNAPSHOT_REFRESH_MS. */
function sameButBodyHash(previous: Snapshot, next: Snapshot): boolean {
  return (
    previous.contentHash === next.contentHash &&
    previous.etag === next.etag &&
    previous.lastModified === next.lastModified &&
    Date.parse(next.fetchedAt) - Date.parse(previous.fetchedAt) < SNAPSHOT_REFRESH_MS
  );
}

/** What a watch looked like at its last good check. Page bodies are not kept in memory between checks. */
export interface Snapshot {
  /** sha256 of the raw body: an identical body skips parsing. */
  bodyHash: string;
  /** sha256 of the extracted, normalised content. */
  contentHash: string;
  /** Extracted text (page watches), kept for the next diff. */
  text?: string;
  etag?: string;
  lastModified?: string;
  fetchedAt: string;
}

/** A watch's health (issue: pipeline §3). */
export interface WatchHealth {
  lastCheck: string | null;
  lastSuccess: string | null;
  lastChange: string | null;
  consecutiveFailures: number;
  failingSince: string | null;
  lastError: string | null;
  /** Failure class: http, timeout, challenge, empty, selector, parse, network, too-large. */
  lastErrorKind: string | null;
  /** True once an ops alert said the watch is failing (so recovery is announced once). */
  reportedDown: boolean;
}

export const EMPTY_HEALTH: WatchHealth = {
  lastCheck: null,
  lastSuccess: null,
  lastChange: null,
  consecutiveFailures: 0,
  failingSince: null,
  lastError: null,
  lastErrorKind: null,
  reportedDown: false,
};

/** What a `Store.transact` decision writes (key → value), and what the call returns. */
export interface Written<T> {
  writes: Map<string, unknown>;
  result: T;
}

/** How many past snapshots each watch keeps. */
export const SNAPSHOT_HISTORY = 5;
/** How many seen item keys a list/feed watch remembers (most recent first). */
export const SEEN_LIMIT = 5000;
/** How many recent alert ids are indexed for `latest`. */
export const RECENT_ALERTS = 500;

/** Owners of the stores open in this process (two replicas in one process share its PID, as tests run them). */
const openOwners = new Set<string>();

/**
 * regwatch's persistent state on keyv: snapshots, seen items, health, alerts, and whatever other modules keep under
 * their own key prefixes (figures, outbox, subscriptions) through `get`/`set`/`update`.
 */
export class Store {
  readonly backend: StoreBackend;
  private readonly lock = new KeyLock();

  /** SQLite: read-modify-writes in `BEGIN IMMEDIATE` transactions, safe beside another process on the same file. */
  private readonly transactions: SqliteTransactions | undefined;
  /** Health writes, batched: one transaction per second instead of one per check (embedded stores). */
  private readonly deferred: DeferredWrites | undefined;
  /** Values read ahead for a pass (`prefetch`), dropped when this process writes the key. */
  private readonly prefetched = new Map<string, unknown>();

  private constructor(
    readonly keyv: Keyv,
    readonly url: string,
  ) {
    this.backend = storeBackend(url);
    this.claims = createClaims(keyv, this.backend, 'regwatch');
    if (this.backend === 'sqlite') {
      const query = (keyv.store as { query: (sql: string) => Promise<unknown> }).query.bind(keyv.store);
      this.transactions = new SqliteTransactions(query);
    }
    if (this.backend === 'sqlite' || this.backend === 'memory')
      this.deferred = new DeferredWrites((batch) => this.writeBatch(batch));
  }

  /** Atomic claims shared by every process on this store (leases, first-writer-wins records). */
  readonly claims: Claims;
  /** Who this process is, as an owner of claims. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  /** Whether `owner` is a store still open in this process (same PID, so a liveness probe cannot tell). */
  static isOpenHere(owner: string): boolean {
    return openOwners.has(owner);
  }

  /** Take a lease on `key` for `ttlMs` (true when this process holds it now). */
  async claim(key: string, ttlMs: number): Promise<boolean> {
    this.open();
    return storeCall('claim', () => this.claims.claim(key, this.owner, ttlMs));
  }

  async release(key: string): Promise<void> {
    this.open();
    return storeCall('release', () => this.claims.release(key, this.owner));
  }

  static async open(url: string = process.env.REGWATCH_STORE ?? DEFAULT_STORE_URL): Promise<Store> {
    const keyv = await openKeyv(url);
    const store = new Store(keyv, url);
    keyv.on('error', () => {
      /* surfaced through throwOnErrors on the call that failed */
    });
    try {
      // Our own time limit (the driver's connectionTimeout leaves a timer that holds a finished process for 5 s).
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5_000);
        timer.unref();
      });
      await Promise.race([keyv.get('meta:ping'), limit]).finally(() => clearTimeout(timer));
    } catch (error) {
      // The driver's message may repeat the URL: keep the password out of it.
      const password = /\/\/[^:/@]*:([^@/]+)@/.exec(url)?.[1];
      const detail = password ? (error as Error).message.split(password).join('***') : (error as Error).message;
      await keyv.disconnect().catch(() => undefined);
      // No `cause`: the driver's error may carry the URL with its password, and causes are printed with the stack.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`store ${redactUrl(url)} is not reachable: ${detail}`);
    }
    openOwners.add(store.owner);
    return store;
  }

  /**
   * The connection the outbox uses. One connection serves both on every backend: a second SQLite connection in the
   * same process deadlocks its writers against the first (node-sqlite3 runs both on libuv's four threads, where a
   * writer waiting for the file lock holds a thread the lock holder needs: SQLITE_BUSY). Deliveries instead stay ahead
   * of a pass because a pass now issues few queries (read ahead, health batched).
   */
  deliveryConnection(): Promise<Store> {
    return Promise.resolve(this);
  }

  private closed = false;

  /** After close, nothing may reopen the connection (a late outbox timer would keep a finished process alive). */
  private open(): void {
    if (this.closed) throw new Error('the store is closed');
  }

  async get<T>(key: string): Promise<T | undefined> {
    this.open();
    let value: unknown;
    if (this.prefetched.has(key)) value = this.prefetched.get(key);
    else {
      await this.deferred?.settled(key);
      value = (await storeCall('read', () => this.keyv.get<T>(key))) ?? undefined;
    }
    return (this.deferred ? this.deferred.apply(key, value) : value) as T | undefined;
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    this.open();
    await this.beforeWrite(key);
    await storeCall('write', () => this.keyv.set(key, value, ttlMs));
  }

  async delete(key: string): Promise<void> {
    this.open();
    await this.beforeWrite(key);
    await storeCall('delete', () => this.keyv.delete(key));
  }

  /** A direct write of `key` comes after its batched changes, and makes its read-ahead value stale. */
  private async beforeWrite(key: string): Promise<void> {
    this.prefetched.delete(key);
    if (this.deferred?.touches(key)) await this.deferred.flush();
  }

  /** Read `keys` ahead in one query (a pass's snapshots and health); `get` serves them until this process writes. */
  async prefetch(keys: string[]): Promise<void> {
    this.open();
    try {
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        const values = await storeCall('read', () => this.keyv.getMany(chunk));
        chunk.forEach((key, j) => this.prefetched.set(key, values[j] ?? undefined));
      }
    } catch (error) {
      // Reading ahead is an optimisation: with the store down, each check meets the outage itself and says so.
      if (!(error instanceof StoreUnavailable)) throw error;
      this.prefetched.clear();
    }
  }

  /** Forget the read-ahead values (the end of a pass): later reads go to the store again. */
  dropPrefetched(): void {
    this.prefetched.clear();
  }

  /** Write the batched changes now (the end of a pass, shutdown). */
  async flush(): Promise<void> {
    await this.deferred?.flush();
  }

  /** One transaction for a batch of changes, each applied to the value read inside it. */
  private async writeBatch(batch: Map<string, Change[]>): Promise<void> {
    const write = async () => {
      const keys = [...batch.keys()];
      // One read for the batch (inside the transaction, so nothing changes before the writes).
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        const values = await storeCall('read', () => this.keyv.getMany(chunk));
        // All the chunk's writes in one call (one statement on SQLite, see open-keyv.ts): the transaction (which every
        // other read-modify-write of this connection waits for) lasts a few round trips, not one per key.
        const entries = chunk.map((key, j) => {
          let value: unknown = values[j] ?? undefined;
          for (const change of batch.get(key)!) value = change(value);
          return { key, value };
        });
        await storeCall('write', () => this.keyv.setMany(entries));
      }
    };
    await (this.transactions ? this.transactions.run(write) : write());
  }

  /**
   * Read-modify-write of one key, serialised per key within this process, and across processes on a shared store
   * (Redis, PostgreSQL) by a short claim on the key: replicas enqueueing to one outbox queue never lose each other's
   * records. `urgent` (deliveries) goes before waiting transactions that are not (SQLite).
   */
  async update<T>(key: string, fn: (old: T | undefined) => T, urgent = false): Promise<T> {
    return this.lock.run(key, async () => {
      await this.beforeWrite(key);
      if (this.transactions) {
        const transactions = this.transactions;
        this.open();
        return transactions.run(async () => {
          const next = fn((await this.keyv.get<T>(key)) ?? undefined);
          await this.keyv.set(key, next);
          return next;
        }, urgent);
      }
      const shared = this.backend === 'redis' || this.backend === 'postgres';
      if (shared) await this.acquire(`mutex:${key}`);
      try {
        const next = fn(await this.get<T>(key));
        await this.set(key, next);
        return next;
      } finally {
        if (shared) await this.release(`mutex:${key}`).catch(() => undefined);
      }
    });
  }

  /** Whether `transact` is available: several keys read and written in one transaction (SQLite). */
  get transactional(): boolean {
    return this.transactions !== undefined;
  }

  /**
   * SQLite: read `keys` and write what `decide` returns in one `BEGIN IMMEDIATE` transaction — one read, one write
   * statement, one commit — so a unit of several keys (an alert and its delivery records) costs a
   * few round trips and holds the write lock briefly, atomically beside other processes on the same file. `urgent`
   * (the default: deliveries) goes before waiting transactions that are not (a pass's batched writes, snapshots).
   */
  async transact<T>(keys: string[], decide: (values: Map<string, unknown>) => Written<T>, urgent = true): Promise<T> {
    const transactions = this.transactions;
    if (!transactions) throw new Error(`transact needs the SQLite store, not ${this.backend}`);
    this.open();
    for (const key of keys) await this.beforeWrite(key);
    return transactions.run(async () => {
      const values = await storeCall('read', () => this.keyv.getMany(keys));
      const { writes, result } = decide(new Map(keys.map((key, i) => [key, values[i] ?? undefined])));
      // One statement for all the writes (see open-keyv.ts), instead of one per key.
      const entries = [...writes].map(([key, value]) => ({ key, value }));
      if (entries.length) await storeCall('write', () => this.keyv.setMany(entries));
      return result;
    }, urgent);
  }

  /** Wait for a short cross-process claim (10 s, so a killed holder cannot block anyone for long). */
  private async acquire(key: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (await this.claim(key, 10_000)) return;
      await new Promise<void>((resolve) => setTimeout(resolve, Math.min(50, 2 + attempt * 2) + Math.random() * 5));
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.keyv.get('meta:ping');
      return true;
    } catch {
      return false;
    }
  }

  // snapshots -------------------------------------------------------------------------------------------------

  async getSnapshot(watchId: string): Promise<Snapshot | undefined> {
    return this.get<Snapshot>(`snap:${watchId}`);
  }

  /**
   * Record a watch's snapshot. When its content is what was stored (only the body hash, validators and time moved: a
   * page whose clock or counter changes on every request), nothing is written within SNAPSHOT_REFRESH_MS of the stored
   * one unless the validators moved, and the write joins the batched ones on the embedded stores: losing it in a crash
   * costs one re-extraction, never an alert.
   */
  async putSnapshot(watchId: string, snapshot: Snapshot, keepHistory: boolean): Promise<void> {
    const key = `snap:${watchId}`;
    const previous = await this.getSnapshot(watchId);
    if (previous && sameButBodyHash(previous, snapshot)) return;
    if (this.deferred && previous?.contentHash === snapshot.contentHash) {
      this.prefetched.delete(key);
      this.deferred.add(key, () => snapshot);
      return;
    }
    if (keepHistory && previous && previous.contentHash !== snapshot.contentHash) {
      const history = `snaphist:${watchId}`;
      const pushed = (old: Snapshot[] | undefined) => [previous, ...(old ?? [])].slice(0, SNAPSHOT_HISTORY);
      // SQLite: the history and the new snapshot in one transaction, one write statement; not urgent, so a pass's
      // snapshots wait behind the deliveries instead of holding them up.
      if (this.transactions) {
        await this.transact(
          [history, key],
          (values) => ({
            writes: new Map<string, unknown>([
              [history, pushed(values.get(history) as Snapshot[] | undefined)],
              [key, snapshot],
            ]),
            result: undefined,
          }),
          false,
        );
        return;
      }
      await this.update<Snapshot[]>(history, pushed);
    }
    await this.set(key, snapshot);
  }

  async snapshotHistory(watchId: string): Promise<Snapshot[]> {
    return (await this.get<Snapshot[]>(`snaphist:${watchId}`)) ?? [];
  }

  // seen items ------------------------------------------------------------------------------------------------

  async getSeen(watchId: string): Promise<string[] | undefined> {
    return this.get<string[]>(`seen:${watchId}`);
  }

  async addSeen(watchId: string, keys: string[]): Promise<void> {
    await this.update<string[]>(`seen:${watchId}`, (old) => {
      const merged = [...keys, ...(old ?? []).filter((k) => !keys.includes(k))];
      return merged.slice(0, SEEN_LIMIT);
    });
  }

  // health ----------------------------------------------------------------------------------------------------

  async getHealth(watchId: string): Promise<WatchHealth> {
    return (await this.get<WatchHealth>(`health:${watchId}`)) ?? { ...EMPTY_HEALTH };
  }

  /**
   * Change a watch's health. On the embedded stores the write is batched (see DeferredWrites); the health returned is
   * the change applied to what this process knows now.
   */
  async updateHealth(watchId: string, fn: (old: WatchHealth) => WatchHealth): Promise<WatchHealth> {
    const key = `health:${watchId}`;
    const change = (old: unknown) => fn((old as WatchHealth | undefined) ?? { ...EMPTY_HEALTH });
    if (!this.deferred) return this.update<WatchHealth>(key, change);
    const next = change(await this.get<WatchHealth>(key));
    this.prefetched.delete(key);
    this.deferred.add(key, change);
    return next;
  }

  // alerts ----------------------------------------------------------------------------------------------------

  async getAlert(id: string): Promise<Alert | undefined> {
    return this.get<Alert>(`alert:${id}`);
  }

  /** Save an alert and index it as recent. Returns false when an alert with this id was already saved. */
  async saveAlert(alert: Alert): Promise<boolean> {
    return this.lock.run(`alert:${alert.id}`, async () => {
      // Two replicas finding the same change at once: the one holding the short claim creates the alert; the stored
      // alert then dedupes for good. The claim expires, so a process killed in between does not lose the alert.
      if (!(await this.claim(`alert:${alert.id}`, 120_000))) return false;
      if (await this.get(`alert:${alert.id}`)) return false;
      await this.set(`alert:${alert.id}`, alert);
      await this.update<string[]>('alerts:recent', (old) => [alert.id, ...(old ?? [])].slice(0, RECENT_ALERTS));
      return true;
    });
  }

  /** Most recent alerts first. */
  async recentAlerts(limit = 20, filter: (alert: Alert) => boolean = () => true): Promise<Alert[]> {
    const ids = (await this.get<string[]>('alerts:recent')) ?? [];
    const out: Alert[] = [];
    for (const id of ids) {
      const alert = await this.getAlert(id);
      if (alert && filter(alert)) out.push(alert);
      if (out.length >= limit) break;
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Batched health changes are written before the connection goes.
    const flushed = this.deferred?.flush();
    this.closed = true;
    openOwners.delete(this.owner);
    let unwritten: unknown;
    await flushed?.catch((error: unknown) => (unwritten = error));
    await this.keyv.disconnect();
    if (unwritten) throw unwritten as Error;
  }
}
