// Runs `npm start`'s entry as a real child process, compiled (test/helpers/build-app.ts builds it once
// per run), with the local stand-ins its startup needs. Every child and server started here is
// tracked, so a test file stops them all with one `stopAll()` in its afterEach or afterAll.
// Waits end on the event they wait for (output, exit, a healthy /healthz); the guards only bound a
// failing test, so they are sized for a busy 2-core machine, not for a fast one.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledEntry } from '../../helpers/compiled-app.js';

/** How long a child may take to start or to exit before a test gives up on it. */
const CHILD_GUARD_MS = 45_000;

const children: ChildProcess[] = [];
/** The process groups of detached children: npm and whatever it started. */
const groups: number[] = [];
const servers: Server[] = [];

/**
 * Kills every child still running (SIGKILL; a detached child's whole process group) and closes
 * every server started through this file.
 */
export function stopAll(): void {
  for (const pgid of groups.splice(0)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // nothing of the group is left
    }
  }
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const server of servers.splice(0)) server.close();
}

export interface RunningNode {
  readonly child: ChildProcess;
  /** Resolves with the exit code (null if killed by a signal). */
  readonly exited: Promise<number | null>;
  /** What the child has written so far; `all` is stdout and stderr in the order they arrived. */
  output(): { stdout: string; stderr: string; all: string };
  /** Resolves once the output matches `pattern`; rejects if the child exits first or after `ms`. */
  waitForOutput(pattern: RegExp, ms?: number): Promise<void>;
  /** The exit code; a child still running after `ms` is killed, and the code is then null. */
  exitCode(ms?: number): Promise<number | null>;
}

/** Runs `node <args>` with exactly the environment given, collecting its output. */
export function spawnNode(
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): RunningNode {
  return spawnCommand(process.execPath, args, options);
}

/**
 * Runs `command <args>` with exactly the environment given, collecting its output; `detached`
 * gives it a process group of its own, as a shell gives a job (a terminal's Ctrl-C signals the
 * whole group), which {@link stopAll} kills whole.
 */
export function spawnCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; detached?: boolean },
): RunningNode {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  children.push(child);
  if (options.detached && child.pid !== undefined) groups.push(child.pid);
  let stdout = '';
  let stderr = '';
  let all = '';
  child.stdout?.on('data', (c) => {
    stdout += c;
    all += c;
  });
  child.stderr?.on('data', (c) => {
    stderr += c;
    all += c;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = () => ({ stdout, stderr, all });
  return {
    child,
    exited,
    output,
    waitForOutput: (pattern, ms = CHILD_GUARD_MS) =>
      new Promise<void>((resolve, reject) => {
        const fail = (why: string) => {
          cleanup();
          reject(new Error(`${why} before its output matched ${pattern}; output:\n${all}`));
        };
        const check = () => {
          if (!pattern.test(all)) return;
          cleanup();
          resolve();
        };
        const onExit = (code: number | null) => fail(`the child exited (${code})`);
        const guard = setTimeout(() => fail(`${ms} ms passed`), ms);
        const cleanup = () => {
          clearTimeout(guard);
          child.stdout?.off('data', check);
          child.stderr?.off('data', check);
          child.off('exit', onExit);
        };
        child.stdout?.on('data', check);
        child.stderr?.on('data', check);
        child.once('exit', onExit);
        check();
      }),
    exitCode: async (ms = CHILD_GUARD_MS) => {
      // A server that started when it should have refused would never exit: stop it, and let the
      // test's assertions on the code and the output say what happened.
      const guard = setTimeout(() => child.kill('SIGKILL'), ms);
      try {
        return await exited;
      } finally {
        clearTimeout(guard);
      }
    },
  };
}

/**
 * Runs `npm start`'s entry (compiled adapters/main.ts) in an empty folder, so no stray .env,
 * with only PATH and the given environment; `dotenv` becomes that folder's .env, and `nodeArgs`
 * go to node before the entry (e.g. `--import` of a test's own module).
 */
export function startMain(
  env: Record<string, string>,
  dotenv?: string,
  nodeArgs: readonly string[] = [],
): RunningNode {
  const cwd = mkdtempSync(join(tmpdir(), 'jsev-main-'));
  if (dotenv !== undefined) writeFileSync(join(cwd, '.env'), dotenv);
  return spawnNode([...nodeArgs, compiledEntry('adapters/main.js')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

/** Listens on an ephemeral loopback port; the server is closed by {@link stopAll}. */
export async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A port nobody listens on (the config refuses PORT=0). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((r) => probe.close(r));
  return port;
}

/**
 * Stands in for Slack's Web API (SLACK_API_URL): auth.test, the startup token check, names the bot;
 * any other method answers `{ ok: true }`. `calls()` counts the requests it has had.
 */
export async function fakeSlackApi(): Promise<{ url: string; calls: () => number; close: () => void }> {
  let calls = 0;
  const server = createServer((req, res) => {
    calls += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        req.url?.endsWith('/auth.test') ? { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT' } : { ok: true },
      ),
    );
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/api/`, calls: () => calls, close: () => server.close() };
}

/** A compiled server started by {@link startSlackMain}: the child, its port and its base URL. */
export interface SlackMain {
  readonly main: RunningNode;
  readonly port: number;
  readonly url: string;
}

/**
 * Starts `npm start`'s entry on a free loopback port as a Slack deployment (a local bot token,
 * LOG_LEVEL=warn), with `env` over those settings, and resolves once /healthz answers. Slack's Web
 * API is a {@link fakeSlackApi} unless `env` names SLACK_API_URL.
 */
export async function startSlackMain(
  env: Record<string, string> & { readonly SLACK_SIGNING_SECRET: string },
): Promise<SlackMain> {
  const port = await freePort();
  const main = startMain({
    PORT: String(port),
    LOG_LEVEL: 'warn',
    SLACK_BOT_TOKEN: 'xoxb-local-test',
    SLACK_API_URL: env.SLACK_API_URL ?? (await fakeSlackApi()).url,
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, main);
  return { main, port, url };
}

/**
 * Asks `${url}/healthz` every 100 ms until it answers 2xx, and returns that response. Fails at once,
 * with the child's output, if `main` exits first, and after {@link CHILD_GUARD_MS} otherwise.
 */
export async function waitHealthy(url: string, main: RunningNode): Promise<Response> {
  let exit: number | null | undefined;
  void main.exited.then((code) => {
    exit = code;
  });
  const until = Date.now() + CHILD_GUARD_MS;
  for (;;) {
    const health = await fetch(`${url}/healthz`).catch(() => undefined);
    if (health?.ok) return health;
    const why = exit !== undefined ? `exited (${exit})` : Date.now() > until ? 'is still not healthy' : '';
    if (why) throw new Error(`the server ${why}; output:\n${main.output().all}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
