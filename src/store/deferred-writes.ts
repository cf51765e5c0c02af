export type Change = (old: unknown) => unknown;

/**
 * Read-modify-write changes kept in memory and written together: one transaction per second (or per pass) instead of
 * one per check. A change is a function of the stored value, applied again to the value read inside the flushing
 * transaction, so a change made meanwhile by another process is built on, not overwritten. Reads of a key apply its
 * pending changes (read-your-writes); a failed flush keeps its changes for the next one.
 */
export class DeferredWrites {
  private pending = new Map<string, Change[]>();
  private inFlight = new Map<string, Change[]>();
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (batch: Map<string, Change[]>) => Promise<void>,
    private readonly delayMs = 1000,
    private readonly maxKeys = 2000,
  ) {}

  add(key: string, change: Change): void {
    const list = this.pending.get(key);
    if (list) list.push(change);
    else this.pending.set(key, [change]);
    if (this.pending.size >= this.maxKeys) void this.flush().catch(() => undefined);
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch(() => undefined), this.delayMs);
      this.timer.unref();
    }
  }

  /** Whether `key` has changes not yet committed (a read must wait for the flush under way, or apply them). */
  touches(key: string): boolean {
    return this.pending.has(key) || this.inFlight.has(key);
  }

  /** Wait until changes of `key` being written are committed. */
  async settled(key: string): Promise<void> {
    if (this.inFlight.has(key)) await this.flushing.catch(() => undefined);
  }

  /** `value` with the pending changes of `key` applied. */
  apply(key: string, value: unknown): unknown {
    for (const change of this.pending.get(key) ?? []) value = change(value);
    return value;
  }

  /** Write everything pending now; resolves when it is committed. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const run = this.flushing
      .catch(() => undefined)
      .then(async () => {
        if (this.pending.size === 0) return;
        const batch = this.pending;
        this.pending = new Map();
        this.inFlight = batch;
        try {
          await this.write(batch);
        } catch (error) {
          // Keep the changes, before any made since, for the next flush.
          for (const [key, changes] of this.pending) batch.set(key, [...(batch.get(key) ?? []), ...changes]);
          this.pending = batch;
          throw error;
        } finally {
          this.inFlight = new Map();
        }
      });
    this.flushing = run;
    return run;
  }
}
