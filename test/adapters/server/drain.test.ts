import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { commandBody, SIGNING_SECRET, signature } from '../slack/harness.js';

const MAIN = fileURLToPath(new URL('../../../adapters/server/main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

const children: ChildProcess[] = [];
const servers: Server[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const server of servers.splice(0)) server.close();
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

type Outcome = { status: number; body: string } | { error: string };

/** A signed `/jsev <text>` on its own connection, so that each request is one accepted socket. */
function ask(port: number, text: string): Promise<Outcome> {
  const body = commandBody(text);
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature(body, timestamp),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(body);
  });
}

describe('SIGTERM during a burst of requests', () => {
  it('answers every request that reached the server and exits 0', async () => {
    // Slack's Web API stand-in, for the startup token check (auth.test).
    const api = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT' }));
    });
    const apiPort = await listen(api);
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((r) => probe.close(r));

    const child = spawn(process.execPath, ['--import', TSX, MAIN], {
      cwd: mkdtempSync(join(tmpdir(), 'jsev-drain-')),
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        SHUTDOWN_DELAY_MS: '1500',
        LOG_LEVEL: 'warn',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-local-test',
        SLACK_API_URL: `http://127.0.0.1:${apiPort}/api/`,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (const until = Date.now() + 15_000; ; ) {
      const ready = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > until) throw new Error('server did not become healthy');
      await new Promise((r) => setTimeout(r, 100));
    }

    // A load balancer's traffic: waves of concurrent questions, SIGTERM right after one is sent, and
    // new waves until the balancer sees /healthz report 503, as it would before letting go.
    const queries = ['上清液', '要点', 'GMP', '寿司', 'exosome', '自由診療'];
    const sent: Promise<Outcome>[] = [];
    for (let wave = 0; wave < 50; wave++) {
      for (let i = 0; i < 20; i++) sent.push(ask(port, queries[(wave + i) % queries.length] as string));
      if (wave === 2) child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 30));
      const health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status);
      if (health === 503) break;
    }
    const outcomes = await Promise.all(sent);

    expect(await exited).toBe(0);
    expect(outcomes.length).toBeGreaterThanOrEqual(60);
    const failed = outcomes.filter((o) => !('status' in o) || o.status !== 200 || !o.body.includes('blocks'));
    expect(failed).toEqual([]);
  });
});
