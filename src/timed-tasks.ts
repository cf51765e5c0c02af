import type { Logger } from 'pino';
import { DigestService } from './digest/digest-service.js';
import { ExpectationService } from './expectations/expectation-service.js';
import type { Runner } from './pipeline/runner.js';
import type { Alert } from './types.js';

/** How often the daemon looks at expectation windows, digest times and quiet hours. */
export const TICK_MS = 60_000;

export interface TimedTasksOptions {
  runner: Runner;
  logger: Logger;
  /** The clock every decision reads (tests pass a fake one). */
  now?: () => Date;
}

/**
 * What happens because time passed rather than because a page changed: expectation windows closing (overdue and late
 * alerts), digests falling due, quiet hours ending. Runs at start and then on a timer at the top of each minute; each
 * part is safe to run on every replica (leases and records in the store decide who acts).
 */
export class TimedTasks {
  readonly expectations: ExpectationService;
  readonly digests: DigestService;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly now: () => Date;

  constructor(private readonly opts: TimedTasksOptions) {
    const { runner, logger } = opts;
    this.now = opts.now ?? (() => new Date());
    const dispatch = async (alert: Alert, destinations?: string[]) => {
      await runner.queue(alert, destinations);
      void runner.outbox.deliverDue();
    };
    this.expectations = new ExpectationService({
      store: runner.store,
      logger,
      now: this.now,
      expectations: () => runner.config.expectations,
      watches: () => runner.config.watches,
      dispatch: (alert) => dispatch(alert),
    });
    this.digests = new DigestService({
      store: runner.store,
      logger,
      now: this.now,
      channels: () => runner.config.channels,
      watches: () => runner.config.watches,
      // A digest goes out at its own time, quiet hours or not: it was asked for at that time.
      deliver: async (alert, destinations) => {
        await runner.outbox.enqueue(alert, destinations);
        void runner.outbox.deliverDue();
      },
    });
  }

  /** One pass: release quiet-hour queues, raise overdue/late alerts, send due digests. */
  async tick(): Promise<void> {
    if (this.running) return;
    const work = (async () => {
      for (const [name, step] of [
        ['quiet hours', () => this.opts.runner.releaseQuiet()],
        ['expectations', () => this.expectations.tick()],
        ['digests', () => this.digests.tick()],
      ] as const) {
        try {
          await step();
        } catch (error) {
          this.opts.logger.error({ task: name, err: (error as Error).message }, 'timed task failed');
        }
      }
    })();
    this.running = work;
    await work.finally(() => (this.running = undefined));
  }

  /** Run now, then at the top of every minute until stopped. */
  start(): void {
    const arm = () => {
      const now = this.now().getTime();
      this.timer = setTimeout(
        () => {
          void this.tick().finally(arm);
        },
        TICK_MS - (now % TICK_MS) + 250,
      );
      this.timer.unref();
    };
    void this.tick().finally(arm);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
