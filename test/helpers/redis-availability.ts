// Which Redis the Redis-backed tests can use on this machine, decided once from the environment (read
// by vitest.config.ts, which skips the tests tagged `redis` or `redis-server` that cannot run, and by
// the reporter that says so in one line). No npm package brings a real Redis that installs offline
// (redis-memory-server downloads and builds one at install time), so the suite uses the machine's.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface RedisAvailability {
  /** `redis-server` is on PATH: tests can start their own on a free loopback port. */
  readonly server: boolean;
  /** REDIS_TEST_URL: a running Redis for the tests that only need one to talk to. */
  readonly url: string | undefined;
  /** REQUIRE_REDIS=1 (CI): a Redis test that cannot run fails instead of being skipped. */
  readonly required: boolean;
}

/** Whether an executable of that name is in one of PATH's folders. */
function onPath(name: string, path = process.env.PATH ?? ''): boolean {
  return path
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** What this environment offers the Redis tests. */
export function redisAvailability(env: NodeJS.ProcessEnv = process.env): RedisAvailability {
  const url = env.REDIS_TEST_URL?.trim();
  return {
    server: onPath('redis-server', env.PATH),
    url: url || undefined,
    required: env.REQUIRE_REDIS === '1',
  };
}
