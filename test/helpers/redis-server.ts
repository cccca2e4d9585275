// Starts a real redis-server (Debian's package) on a free loopback port for the tests that need one,
// or hands out REDIS_TEST_URL's Redis to the tests that only talk to one. Tag such tests `redis` or
// `redis-server` (vitest.config.ts skips them where neither is available, and says so).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { redisAvailability } from './redis-availability.js';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops it (SIGTERM, or SIGKILL to simulate a crash) and resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open and nothing is answered, like a hung server. */
  pause(): void;
  /** Lets a paused server run again (SIGCONT). */
  resume(): void;
}

const NOT_INSTALLED =
  'redis-server is not on PATH (under REQUIRE_REDIS=1 that fails the Redis tests instead of skipping them): apt-get update && apt-get install -y --no-install-recommends redis-server (.ci/run does).';

/** A Redis to talk to (tests tagged `redis`), and how to let it go when the test is done. */
export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * REDIS_TEST_URL's Redis when it is set (left running, and shared: write keys under {@link RUN_ID}),
 * otherwise a redis-server started on a free port.
 */
export async function testRedis(): Promise<TestRedis> {
  const { url } = redisAvailability();
  if (url !== undefined) return { url, stop: async () => {} };
  return startRedisServer();
}

/** Unique to this run: keys written under it never meet a key another run left in a shared Redis. */
export const RUN_ID = randomUUID().slice(0, 8);

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** Starts redis-server on a free port; resolves once it says it accepts connections. */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort());
  const child = spawn(
    'redis-server',
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // A test run that ends abruptly must not leave a redis-server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', killOnExit);
      resolve();
    }),
  );
  await untilReady(child);
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        child.kill('SIGCONT'); // a paused server handles SIGTERM only once it runs again
      }
      await exited;
    },
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
  };
}

function untilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => {
      output += text;
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      output += text;
    });
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(NOT_INSTALLED, { cause: error }) : error),
    );
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)),
    );
  });
}
