type Query = (sql: string, ...params: unknown[]) => Promise<unknown>;

/**
 * Write transactions on one SQLite connection, one at a time (a connection cannot nest them). `BEGIN IMMEDIATE` takes
 * the database's write lock before the first read, so a read-modify-write in it cannot interleave with another
 * process's (`regwatch once` beside `regwatch run` on one file): the other waits (busy timeout), then reads what this
 * one wrote. Nothing is lost, and with WAL readers never wait.
 */
export class SqliteTransactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly query: Query) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(async () => {
      await this.query('BEGIN IMMEDIATE');
      try {
        const result = await work();
        await this.query('COMMIT');
        return result;
      } catch (error) {
        await this.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    this.tail = next.catch(() => undefined);
    return next;
  }
}
