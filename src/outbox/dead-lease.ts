import { hostname } from 'node:os';
import { Store } from '../store/store.js';

/**
 * A delivery lease whose holder was killed blocks its destination until the lease expires (20 s). On the embedded
 * SQLite store every process runs on this machine, so a restarted process can tell a dead holder from a live one
 * and take the lease over at once. Shared stores (Redis, PostgreSQL) wait for the expiry: replicas on other machines,
 * or in other PID namespaces under one host name, cannot be probed.
 */
const holderKey = (lease: string) => `holder:${lease}`;

/** Remember who holds `lease` (after a successful claim), so a successor can check whether it is still alive. */
export async function recordLeaseHolder(store: Store, lease: string, ttlMs: number): Promise<void> {
  if (store.backend !== 'sqlite') return;
  await store.set(holderKey(lease), store.owner, ttlMs);
}

/** True when this process may take `lease` over: its recorded holder is a process on this machine that is gone. */
export async function releaseDeadLease(store: Store, lease: string): Promise<boolean> {
  if (store.backend !== 'sqlite') return false;
  const holder = await store.get<string>(holderKey(lease));
  if (!holder || holder === store.owner) return false;
  // Owner strings are `host:pid:random` (Store.owner).
  const [host, pidText] = holder.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid)) return false;
  // Our own PID with another owner string is an earlier incarnation (a container restarted as PID 1), unless it is
  // another store open in this very process (replicas run side by side in one process).
  if (pid === process.pid ? Store.isOpenHere(holder) : isAlive(pid)) return false;
  await store.claims.release(lease, holder);
  return true;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
