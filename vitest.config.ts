import { defineConfig } from 'vitest/config';
import { redisAvailability } from './test/helpers/redis-availability.js';

// Redis-backed tests run against a real Redis wherever there is one, and are skipped (with one line
// at the end of the run saying so and how to run them) where there is none, unless REQUIRE_REDIS=1.
const redis = redisAvailability();

/**
 * Files that start the app as a child process. They run after the others, one file at a time, so no
 * child ever competes for the CPU with another child (CI machines have 2 cores).
 */
const CHILD_PROCESS_TESTS = [
  'test/adapters/main.test.ts',
  'test/adapters/server/drain.test.ts',
  'test/adapters/server/crash.test.ts',
  'test/adapters/server/corpus-fault.test.ts',
  'test/adapters/server/attack.test.ts',
  'test/adapters/slack/replicas.test.ts',
  'test/adapters/cli/main.test.ts',
  'test/adapters/cli/blob.test.ts',
  'test/deploy/dockerfile-recipe.test.ts',
  'test/scripts/command-line.test.ts',
];

/**
 * Files that need modules of their own: botbuilder keeps the OpenID keys and tokens it has fetched
 * in module-level caches, and this file serves its own keys and tokens.
 */
const OWN_MODULE_TESTS = ['test/adapters/teams/authentication.test.ts'];

export default defineConfig({
  test: {
    // Tests open real loopback servers and wait on real retry timers; the limits are sized for a busy
    // 2-core machine, and a passing test never waits for them.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', './test/helpers/redis-skip-reporter.ts'],
    tags: [
      {
        name: 'redis',
        description: 'talks to a Redis: REDIS_TEST_URL, or a redis-server it starts (on PATH)',
        skip: !redis.required && !redis.server && redis.url === undefined,
      },
      {
        name: 'redis-server',
        description: 'starts, stops, pauses or reconfigures its own redis-server (on PATH)',
        skip: !redis.required && !redis.server,
      },
    ],
    projects: [
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['test/**/*.test.ts'],
          exclude: [...CHILD_PROCESS_TESTS, ...OWN_MODULE_TESTS],
          // Files share a worker's modules (Bolt, botbuilder, the corpus index) instead of loading
          // them again for each file: half the CPU. Each file sets up and clears its own nock
          // interceptors and servers; `--sequence.shuffle` runs them in another order to check it.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'in-process-isolated', include: OWN_MODULE_TESTS } },
      {
        extends: true,
        test: {
          name: 'child-processes',
          include: CHILD_PROCESS_TESTS,
          // Builds the app once, for every child these files start (see the file).
          globalSetup: ['test/helpers/build-app.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
