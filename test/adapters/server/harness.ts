// Runs `npm start`'s entry (adapters/server/main.ts) as a real child process, with the local stand-ins
// its startup needs. Every child and server started here is tracked, so a test file stops them all
// with one `stopAll()` in its afterEach or afterAll.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAIN = fileURLToPath(new URL('../../../adapters/server/main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

const children: ChildProcess[] = [];
const servers: Server[] = [];

/** Kills every child still running (SIGKILL) and closes every server started through this file. */
export function stopAll(): void {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const server of servers.splice(0)) server.close();
}

export interface RunningNode {
  readonly child: ChildProcess;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** What the child has written so far; `all` is stdout and stderr in the order they arrived. */
  output(): { stdout: string; stderr: string; all: string };
}

/** Runs `node <args>` with exactly the environment given, collecting its output. */
export function spawnNode(
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): RunningNode {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
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
  return { child, exited, output: () => ({ stdout, stderr, all }) };
}

/** Runs `npm start`'s entry in an empty folder (so no stray .env), with only PATH and the given environment. */
export function startMain(env: Record<string, string>, dotenv?: string): RunningNode {
  const cwd = mkdtempSync(join(tmpdir(), 'jsev-main-'));
  if (dotenv !== undefined) writeFileSync(join(cwd, '.env'), dotenv);
  return spawnNode(['--import', TSX, MAIN], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
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

/**
 * Polls `${url}/healthz` every 100 ms until it answers 2xx, and returns that response; throws after
 * `ms`, with `detail()` (say, the child's output) in the message.
 */
export async function waitHealthy(url: string, ms = 15_000, detail = () => ''): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    const health = await fetch(`${url}/healthz`).catch(() => undefined);
    if (health?.ok) return health;
    if (Date.now() > until) throw new Error(`server did not become healthy${detail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
