import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDedupeStore } from '../../../adapters/dedupe/create.js';
import type { DedupeStore } from '../../../adapters/dedupe/store.js';
import { createLogger } from '../../../src/log.js';
import { captureLogLines } from '../../helpers/log-lines.js';
import { freePort, RUN_ID, startRedisServer, type TestRedis, testRedis } from '../../helpers/redis-server.js';

const capture = captureLogLines();
const logger = createLogger({ level: 'info' }, capture.sink);
const warnings = () => capture.lines.filter((line) => line.level === 40);
const opened: DedupeStore[] = [];

async function replica(url: string): Promise<DedupeStore> {
  const store = await createDedupeStore({
    redisUrl: url,
    logger,
    connectTimeoutMs: 1000,
    commandTimeoutMs: 500,
  });
  opened.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  capture.clear();
});

/** A claim key of this run: REDIS_TEST_URL's Redis may still hold the keys of an earlier one. */
const key = (name: string): string => `slack:event:${RUN_ID}-${name}`;
const stored = (name: string): string => `jsev-bot:dedupe:${key(name)}`;

describe('Redis de-duplication with a running Redis', { tags: ['redis'] }, () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await testRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('grants the first claim of a key and refuses the repeat', async () => {
    const store = await replica(redis.url);
    expect(await store.claim(key('Ev1'), 60_000)).toBe(true);
    expect(await store.claim(key('Ev1'), 60_000)).toBe(false);
  });

  it('lets only one of two replicas sharing Redis win a key claimed by both at once', async () => {
    const [first, second] = [await replica(redis.url), await replica(redis.url)];
    const wins = await Promise.all([
      first.claim(`slack:action:${RUN_ID}-A1`, 60_000),
      second.claim(`slack:action:${RUN_ID}-A1`, 60_000),
    ]);
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('refuses on a second replica a retry that the first replica already claimed', async () => {
    const [first, second] = [await replica(redis.url), await replica(redis.url)];
    expect(await first.claim(key('Ev2'), 60_000)).toBe(true);
    expect(await second.claim(key('Ev2'), 60_000)).toBe(false);
  });

  it('grants a key again once Redis has expired it', async () => {
    const store = await replica(redis.url);
    const probe = new Redis(redis.url);
    try {
      expect(await store.claim(key('Ev3'), 50)).toBe(true);
      // Wait for what proves the expiry (the key is gone from Redis), not for a fixed time.
      while ((await probe.exists(stored('Ev3'))) === 1) await new Promise((r) => setTimeout(r, 10));
      expect(await store.claim(key('Ev3'), 50)).toBe(true);
    } finally {
      probe.disconnect();
    }
  });

  it('stores each claim in Redis with the expiry asked for', async () => {
    const store = await replica(redis.url);
    const probe = new Redis(redis.url);
    try {
      await store.claim(key('Ev4'), 60_000);
      const remaining = await probe.pttl(stored('Ev4'));
      expect(remaining).toBeGreaterThan(0);
      expect(remaining).toBeLessThanOrEqual(60_000);
    } finally {
      probe.disconnect();
    }
  });

  it('logs nothing at warn level while Redis answers', async () => {
    const store = await replica(redis.url);
    await store.claim(key('Ev5'), 60_000);
    expect(warnings()).toEqual([]);
  });
});

describe('Redis de-duplication with a redis-server of its own', { tags: ['redis-server'] }, () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('answers from memory while Redis refuses writes, and goes back to Redis when it accepts them', async () => {
    const store = await replica(redis.url);
    const probe = new Redis(redis.url);
    try {
      await probe.config('SET', 'maxmemory', '1'); // every SET now fails with OOM
      expect(await store.claim('slack:event:Ev7', 60_000)).toBe(true);
      expect(await store.claim('slack:event:Ev7', 60_000)).toBe(false);
      expect(warnings()).toHaveLength(1);
      await probe.config('SET', 'maxmemory', '0');
      expect(await store.claim('slack:event:Ev8', 60_000)).toBe(true);
      expect(await probe.exists('jsev-bot:dedupe:slack:event:Ev8')).toBe(1);
      expect(capture.lines.at(-1)?.msg).toMatch(/^redis available again/);
    } finally {
      await probe.config('SET', 'maxmemory', '0');
      probe.disconnect();
    }
  });
});

describe('Redis de-duplication when Redis fails', () => {
  it('falls back to memory with one warn line when Redis is down at startup', async () => {
    const store = await replica(`redis://127.0.0.1:${await freePort()}`);
    expect(await store.claim('slack:event:Ev1', 60_000)).toBe(true);
    expect(await store.claim('slack:event:Ev1', 60_000)).toBe(false);
    expect(await store.claim('slack:event:Ev2', 60_000)).toBe(true);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({ component: 'dedupe' });
  });

  it('keeps answering from memory, without throwing, when Redis dies mid-run', {
    tags: ['redis-server'],
  }, async () => {
    const redis = await startRedisServer();
    const store = await replica(redis.url);
    expect(await store.claim('slack:event:Ev1', 60_000)).toBe(true);
    await redis.stop('SIGKILL');
    expect(await store.claim('slack:event:Ev2', 60_000)).toBe(true);
    expect(await store.claim('slack:event:Ev2', 60_000)).toBe(false);
    expect(await store.claim('slack:event:Ev1', 60_000)).toBe(false);
    expect(warnings()).toHaveLength(1);
  });

  it('answers from memory within the command timeout when Redis stops answering mid-run', {
    tags: ['redis-server'],
  }, async () => {
    const redis = await startRedisServer();
    try {
      const store = await replica(redis.url);
      redis.pause();
      const started = performance.now();
      expect(await store.claim('slack:event:Ev1', 60_000)).toBe(true);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(await store.claim('slack:event:Ev1', 60_000)).toBe(false);
      expect(warnings()).toHaveLength(1);
    } finally {
      await redis.stop();
    }
  });

  it('starts within its connect timeout when Redis accepts connections but never answers', {
    tags: ['redis-server'],
  }, async () => {
    const redis = await startRedisServer();
    redis.pause();
    try {
      const started = performance.now();
      const store = await replica(redis.url);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(await store.claim('slack:event:Ev1', 60_000)).toBe(true);
      expect(warnings()).toHaveLength(1);
    } finally {
      await redis.stop();
    }
  });

  it('goes back to Redis, and says so, once Redis is reachable again', {
    tags: ['redis-server'],
  }, async () => {
    const port = await freePort();
    const [first, second] = [
      await replica(`redis://127.0.0.1:${port}`),
      await replica(`redis://127.0.0.1:${port}`),
    ];
    const redis = await startRedisServer(port);
    try {
      while (capture.lines.filter((line) => line.msg.startsWith('redis available again')).length < 2)
        await new Promise((r) => setTimeout(r, 20));
      expect(await first.claim('slack:event:Ev6', 60_000)).toBe(true);
      expect(await second.claim('slack:event:Ev6', 60_000)).toBe(false);
    } finally {
      await redis.stop();
    }
  });

  it('closes at once even while Redis is unreachable', async () => {
    const store = await createDedupeStore({ redisUrl: `redis://127.0.0.1:${await freePort()}`, logger });
    await expect(store.close()).resolves.toBeUndefined();
  });
});

describe('createDedupeStore', () => {
  it('de-duplicates in memory when REDIS_URL is unset or blank', async () => {
    for (const redisUrl of [undefined, '', '  ']) {
      const store = await createDedupeStore({ redisUrl, logger });
      expect(await store.claim('k', 1000)).toBe(true);
      expect(await store.claim('k', 1000)).toBe(false);
      await store.close();
    }
    expect(capture.lines).toEqual([]);
  });
});
