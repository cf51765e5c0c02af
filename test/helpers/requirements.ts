/**
 * What this machine offers the tests, as found once by test/helpers/global-setup.ts. Use with `describe.skipIf`:
 *
 *   describe.skipIf(!requireRedis())('on Redis', () => { … })
 *
 * Locally a missing service skips (global setup prints how to enable it); with CI=true global setup fails instead.
 */
import { inject } from 'vitest';

export const requireChromium = (): string | undefined => inject('chromium') ?? undefined;
export const requireRedis = (): string | undefined => inject('redisUrl') ?? undefined;
export const requirePostgres = (): string | undefined => inject('postgresUrl') ?? undefined;
