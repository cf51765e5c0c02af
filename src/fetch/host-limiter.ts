/**
 * Politeness: at most `perHost` requests at a time to one host, and at least `intervalMs` between the starts of two
 * requests to it. Waiters are served in order.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, { active: number; lastStart: number; queue: Array<() => void> }>();

  constructor(
    private perHost: number,
    private intervalMs = 0,
  ) {}

  configure(perHost: number, intervalMs: number): void {
    this.perHost = perHost;
    this.intervalMs = intervalMs;
  }

  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    await this.acquire(host);
    try {
      return await work();
    } finally {
      this.release(host);
    }
  }

  private state(host: string) {
    let s = this.hosts.get(host);
    if (!s) {
      s = { active: 0, lastStart: 0, queue: [] };
      this.hosts.set(host, s);
    }
    return s;
  }

  private acquire(host: string): Promise<void> {
    const s = this.state(host);
    return new Promise((resolve) => {
      const start = () => {
        const wait = s.lastStart + this.intervalMs - Date.now();
        if (wait > 0) {
          setTimeout(start, wait);
          return;
        }
        s.lastStart = Date.now();
        resolve();
      };
      if (s.active < this.perHost) {
        s.active++;
        start();
      } else {
        s.queue.push(() => {
          s.active++;
          start();
        });
      }
    });
  }

  private release(host: string): void {
    const s = this.state(host);
    s.active--;
    const next = s.queue.shift();
    if (next) next();
    else if (s.active === 0) this.hosts.delete(host);
  }
}

/** A plain counting semaphore (the global check concurrency). */
export class Semaphore {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  constructor(private limit: number) {}

  setLimit(limit: number): void {
    this.limit = limit;
    while (this.active < this.limit && this.queue.length) {
      this.active++;
      this.queue.shift()?.();
    }
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve) => this.queue.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}
