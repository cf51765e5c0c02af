import { createRequire } from 'node:module';
import type NodeCron from 'node-cron';

/**
 * node-cron, loaded the first time a cron expression is validated or scheduled: a config whose watches all use
 * `every` (or that has no watches) never loads it. One copy for config, scheduler and dashboard (the package's
 * CommonJS build, left out of the bundle by bin/build.js).
 */
export const nodeCron = (): typeof NodeCron => createRequire(import.meta.url)('node-cron') as typeof NodeCron;
