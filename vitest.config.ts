import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/helpers/slow-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    pool: 'forks',
    // Longest files first, so both workers finish together (test/helpers/slow-first-sequencer.ts).
    sequence: { sequencer: SlowFirstSequencer },
  },
});
