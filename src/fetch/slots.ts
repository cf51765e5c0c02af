/** A counting semaphore: at most `size` holders at a time, waiters served in order. */
export class Slots {
  private active = 0;
  private peakActive = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly size: number) {}

  /** Holders right now. */
  get inUse(): number {
    return this.active;
  }

  /** Most holders at once since creation. */
  get peak(): number {
    return this.peakActive;
  }

  /** Waiters not yet served. */
  get waiting(): number {
    return this.queue.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.size) {
      this.take();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private take(): void {
    this.active++;
    this.peakActive = Math.max(this.peakActive, this.active);
  }

  private release(): void {
    this.active--;
    const next = this.queue.shift();
    if (next) {
      this.take();
      next();
    }
  }
}
