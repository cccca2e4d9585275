import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { commandBody, SIGNING_SECRET, signature } from '../slack/harness.js';
import { startSlackMain, stopAll } from './harness.js';

afterEach(stopAll);

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
    // Slack's Web API is a stand-in, for the startup token check (auth.test).
    const { main, port } = await startSlackMain({
      SHUTDOWN_DELAY_MS: '1500',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
    });

    // A load balancer's traffic: waves of concurrent questions, SIGTERM right after one is sent, and
    // new waves until the balancer sees /healthz report 503, as it would before letting go.
    const queries = ['上清液', '要点', 'GMP', '寿司', 'exosome', '自由診療'];
    const sent: Promise<Outcome>[] = [];
    for (let wave = 0; wave < 50; wave++) {
      for (let i = 0; i < 20; i++) sent.push(ask(port, queries[(wave + i) % queries.length] as string));
      if (wave === 2) main.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 30));
      const health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status);
      if (health === 503) break;
    }
    const outcomes = await Promise.all(sent);

    expect(await main.exitCode()).toBe(0);
    expect(outcomes.length).toBeGreaterThanOrEqual(60);
    const failed = outcomes.filter((o) => !('status' in o) || o.status !== 200 || !o.body.includes('blocks'));
    expect(failed).toEqual([]);
  });
});
