import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redisAvailability } from './redis-availability.js';

const empty = mkdtempSync(join(tmpdir(), 'jsev-path-'));
const withRedis = mkdtempSync(join(tmpdir(), 'jsev-path-'));
writeFileSync(join(withRedis, 'redis-server'), '#!/bin/sh\n');
chmodSync(join(withRedis, 'redis-server'), 0o755);
afterAll(() => {
  for (const dir of [empty, withRedis]) rmSync(dir, { recursive: true, force: true });
});

describe('which Redis the Redis tests can use', () => {
  it('finds none on a machine without redis-server on PATH and without REDIS_TEST_URL', () => {
    expect(redisAvailability({ PATH: empty })).toEqual({ server: false, url: undefined, required: false });
  });

  it('finds redis-server in any folder of PATH', () => {
    expect(redisAvailability({ PATH: `${empty}:${withRedis}` }).server).toBe(true);
  });

  it('takes REDIS_TEST_URL, a blank one counting as unset', () => {
    expect(redisAvailability({ PATH: empty, REDIS_TEST_URL: ' redis://127.0.0.1:6399 ' }).url).toBe(
      'redis://127.0.0.1:6399',
    );
    expect(redisAvailability({ PATH: empty, REDIS_TEST_URL: ' ' }).url).toBeUndefined();
  });

  it('requires a Redis only when REQUIRE_REDIS is 1', () => {
    expect(redisAvailability({ PATH: empty, REQUIRE_REDIS: '1' }).required).toBe(true);
    expect(redisAvailability({ PATH: empty, REQUIRE_REDIS: '0' }).required).toBe(false);
  });
});
