type Query = (sql: string, ...params: unknown[]) => Promise<unknown>;

/**
 * Write transactions on one SQLite connection, one at a time (a connection cannot nest them). `BEGIN IMMEDIATE` takes
 * the database's write lock before the first read, so a read-modify-write in it cannot interleave with another
 * process's (`regwatch once` beside `regwatch run` on one file): the other waits (busy timeout), then reads what this
 * one wrote. Nothing is lost, and with WAL readers never wait. Waiting transactions start in order, except that urgent
 * ones (alert deliveries) go before the others (a pass's batched writes).
 */
export class SqliteTransactions {
  private running = false;
  /** Waiting transactions: urgent ones (deliveries) go before the others (a pass's batched writes). */
  private readonly waiting: Array<{ urgent: boolean; start: () => void }> = [];

  constructor(private readonly query: Query) {}

  async run<T>(work: () => Promise<T>, urgent = false): Promise<T> {
    await this.turn(urgent);
    try {
      await this.query('BEGIN IMMEDIATE');
      try {
        const result = await work();
        await this.query('COMMIT');
        return result;
      } catch (error) {
        await this.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      const next = this.waiting.shift();
      if (next) next.start();
      else this.running = false;
    }
  }

  /** Resolves when this transaction may begin (one at a time on the connection). */
  private turn(urgent: boolean): Promise<void> {
    if (!this.running) {
      this.running = true;
      return Promise.resolve();
    }
    return new Promise((start) => {
      const at = urgent ? this.waiting.findIndex((w) => !w.urgent) : -1;
      this.waiting.splice(at < 0 ? this.waiting.length : at, 0, { urgent, start });
    });
  }
}
