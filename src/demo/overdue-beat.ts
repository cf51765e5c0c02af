import type { LoadedConfig } from '../config/load-config.js';
import { ExpectationService } from '../expectations/expectation-service.js';
import { createLogger } from '../logger.js';
import type { Runner } from '../pipeline/runner.js';

/** The demo's closing beat: the story's clock jumps past 14 December and November's GAC table has not come. */
export const OVERDUE_BEAT = {
  headline: "November's GAC table does not come",
  explain:
    'config/expectations.yaml expects the rare-earth export figure for the previous month between the 7th and the 14th (Asia/Shanghai). The demo moves its clock to 15 December 00:01 in Beijing: nothing arrived, so the channels that take overdue alerts hear it once.',
};

/** Evaluate the shipped GAC expectation at 1 December (watching from then) and just after its window ends. */
export async function playOverdueBeat(runner: Runner, config: LoadedConfig): Promise<void> {
  const expectation = config.expectations.find((e) => e.id === 'gac-rare-earth-exports');
  if (!expectation) return;
  let now = new Date('2026-12-01T00:00:00+08:00');
  const service = new ExpectationService({
    store: runner.store,
    logger: createLogger('error'),
    now: () => now,
    expectations: () => [expectation],
    watches: () => config.watches,
    dispatch: async (alert) => {
      await runner.queue(alert);
    },
  });
  await service.tick();
  now = new Date('2026-12-15T00:01:00+08:00');
  await service.tick();
  await runner.outbox.drain(Date.now() + 15_000);
}
