import PQueue from 'p-queue';

/** How much work may run: at most `concurrency` at a time, and starts at least `spacingMs` apart. */
export interface LimitOptions {
  concurrency: number;
  spacingMs?: number;
}

/**
 * The one limiter of regwatch: global check concurrency, the browser's open pages, politeness per host, pacing per
 * Slack channel. Queueing and concurrency are p-queue's (FIFO, concurrency changeable while running); on top, a start
 * is booked at least `spacingMs` after the previous one — a minimum gap, which p-queue's `interval`/`intervalCap`
 * (N starts per fixed window) does not give: two starts on either side of a window's end can be a moment apart.
 * A start waiting for its gap holds its concurrency slot, so `concurrency: 1` with a gap is a strict pace.
 */
export class Limiter {
  private readonly queue: PQueue;
  private spacingMs: number;
  private nextStart = 0;
  private peakActive = 0;

  constructor(options: LimitOptions) {
    this.queue = new PQueue({ concurrency: options.concurrency });
    this.spacingMs = options.spacingMs ?? 0;
  }

  /** New limits apply to the next start (work under way is not interrupted). */
  configure(options: Partial<LimitOptions>): void {
    if (options.concurrency !== undefined && options.concurrency !== this.queue.concurrency)
      this.queue.concurrency = options.concurrency;
    if (options.spacingMs !== undefined) this.spacingMs = options.spacingMs;
  }

  /** Run `work` when the limits allow; its result or error is passed through. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.add(
      async () => {
        this.peakActive = Math.max(this.peakActive, this.queue.pending);
        await this.waitForGap();
        return work();
      },
      { throwOnTimeout: true },
    );
  }

  /** Hold every start for `ms` (a server's Retry-After). */
  pauseFor(ms: number): void {
    this.nextStart = Math.max(this.nextStart, Date.now() + ms);
  }

  /** Work running right now. */
  get inUse(): number {
    return this.queue.pending;
  }

  /** Most work running at once since creation. */
  get peak(): number {
    return this.peakActive;
  }

  /** Work waiting for its turn. */
  get waiting(): number {
    return this.queue.size;
  }

  /** Nothing running or waiting, and no gap still to keep. */
  get idle(): boolean {
    return this.queue.size === 0 && this.queue.pending === 0 && Date.now() >= this.nextStart;
  }

  private async waitForGap(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextStart);
    this.nextStart = at + this.spacingMs;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}

/** One Limiter per key (a host, a Slack channel), all with the same limits; idle keys are forgotten. */
export class KeyedLimiter {
  private readonly limiters = new Map<string, Limiter>();

  constructor(private options: LimitOptions) {}

  configure(options: LimitOptions): void {
    this.options = options;
    for (const limiter of this.limiters.values()) limiter.configure(options);
  }

  /** Run under `key`'s limits; `own` sets limits of that key alone (a Slack channel's minInterval). */
  run<T>(key: string, work: () => Promise<T>, own?: Partial<LimitOptions>): Promise<T> {
    const limiter = this.limiterOf(key);
    if (own) limiter.configure(own);
    return limiter.run(work);
  }

  pauseFor(key: string, ms: number): void {
    this.limiterOf(key).pauseFor(ms);
  }

  /** Keys with a limiter right now (idle ones are dropped when a new key arrives). */
  get size(): number {
    return this.limiters.size;
  }

  private limiterOf(key: string): Limiter {
    let limiter = this.limiters.get(key);
    if (!limiter) {
      for (const [k, l] of this.limiters) if (l.idle) this.limiters.delete(k);
      limiter = new Limiter(this.options);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}
