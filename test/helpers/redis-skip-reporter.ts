// One line at the end of the run when Redis tests were skipped, naming how many and how to run them;
// under REQUIRE_REDIS=1 (CI) a skipped Redis test fails the run instead.
import type { Reporter, TestModule } from 'vitest/node';
import { redisAvailability } from './redis-availability.js';

const REDIS_TAGS = ['redis', 'redis-server'];

/** Counts the Redis-tagged tests that were skipped. */
function skippedRedisTests(modules: ReadonlyArray<TestModule>): number {
  let skipped = 0;
  for (const module of modules)
    for (const test of module.children.allTests('skipped'))
      if (test.tags.some((tag) => REDIS_TAGS.includes(tag))) skipped += 1;
  return skipped;
}

/** Vitest reporter: add it after the default one so its line follows the summary. */
export default class RedisSkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped = skippedRedisTests(modules);
    if (skipped === 0) return;
    const redis = redisAvailability();
    if (redis.required) {
      process.exitCode = 1;
      console.error(`REQUIRE_REDIS=1, yet ${skipped} Redis tests were skipped: the run fails.`);
      return;
    }
    if (redis.server) return; // left out by a filter (-t, a file name), not for want of a Redis
    const how = redis.url
      ? 'they start redis-server themselves; to run them, install it (apt-get install redis-server)'
      : 'to run them, install redis-server (apt-get install redis-server), or set REDIS_TEST_URL=redis://host:port for those that need no server of their own';
    console.log(`Redis tests skipped: ${skipped}, redis-server is not on PATH; ${how}.`);
  }
}
