import { defineConfig } from 'vitest/config';

// Tests run in parallel worker processes; each one gets its own Redis key prefix and its own
// loopback servers on port 0, so files never share state. The global setup finds (or starts) Redis.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker, yet most test files wait on timers,
    // queues and child processes: two workers nearly halve the run without starving the CPU.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
