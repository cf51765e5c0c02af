import { Writable } from 'node:stream';

/** Log lines of the daemon, with a way to wait for one (no sleeps). */
export class LogTap {
  lines: Array<Record<string, unknown>> = [];
  private waiters: Array<{ match: (l: Record<string, unknown>) => boolean; resolve: () => void }> = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      for (const raw of chunk.toString().split('\n').filter(Boolean)) {
        const line = JSON.parse(raw) as Record<string, unknown>;
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => (w.match(line) ? (w.resolve(), false) : true));
      }
      done();
    },
  });
  waitFor(match: (l: Record<string, unknown>) => boolean): Promise<void> {
    if (this.lines.some(match)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
}
