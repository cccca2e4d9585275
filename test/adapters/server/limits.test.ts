import { afterEach, describe, expect, it } from 'vitest';
import { bufferedBody } from '../../../adapters/server/body.js';
import type { FrontEnd, RouteHandler } from '../../../adapters/server/front-end.js';
import { createServer, type JsevServer } from '../../../adapters/server/server.js';
import { teamsConfig } from '../../../adapters/teams/config.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/log.js';
import { retriever } from '../slack/harness.js';
import { closeAll, openRaw, postHead, send } from './raw-client.js';

const LIMIT = 64 * 1024;

let running: JsevServer | undefined;
afterEach(async () => {
  closeAll();
  running?.server.closeAllConnections();
  await new Promise((r) => (running?.server.listening ? running.server.close(r) : r(undefined)));
  running = undefined;
});

/** What the route saw: each body it was handed. */
const seen: Buffer[] = [];

/** A server with `POST /upload` limited to 64 KB, answering with the length of the body it got. */
async function start(options: { budget?: number; delayMs?: number; env?: Record<string, string> } = {}) {
  seen.length = 0;
  const upload: RouteHandler = (req, res) => {
    const body = bufferedBody(req) ?? Buffer.alloc(0);
    seen.push(body);
    res.end(`got ${body.length}`);
  };
  const frontEnd: FrontEnd = {
    name: 'test',
    routes: new Map([['POST /upload', upload]]),
    bodyLimits: new Map([['POST /upload', LIMIT]]),
    start: async () => {},
    stop: async () => {},
    health: () => ({}),
  };
  const env = {
    NODE_ENV: 'test',
    TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    SHUTDOWN_DELAY_MS: String(options.delayMs ?? 0),
    ...options.env,
  };
  running = createServer({
    retriever: retriever(),
    config: loadConfig(env, [teamsConfig]),
    logger: silentLogger(),
    frontEnds: [frontEnd],
    ...(options.budget === undefined ? {} : { bodyBudgetBytes: options.budget }),
  });
  const { port } = await running.listen(0, '127.0.0.1');
  return { server: running, port, url: `http://127.0.0.1:${port}` };
}

describe('request bodies', () => {
  it('hands a route its body, read whole by the server', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/upload`, { method: 'POST', body: 'x'.repeat(1000) });
    expect(await res.text()).toBe('got 1000');
  });

  it('refuses a Content-Length over the route’s limit with 413 before the body is sent, and closes', async () => {
    const { port } = await start();
    const client = await openRaw(port);
    await send(client.socket, postHead('/upload', { 'content-length': 4 * 1024 * 1024 }));
    const { received } = await client.ended;
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received).toMatch(/connection: close/i);
    expect(seen).toEqual([]);
  });

  it('stops reading a chunked body at the first chunk past the limit: 413, connection closed', async () => {
    const { port } = await start();
    const client = await openRaw(port);
    await send(client.socket, postHead('/upload', { 'transfer-encoding': 'chunked' }));
    const chunk = 'y'.repeat(16 * 1024);
    // Five 16 KB chunks pass 64 KB; the body never ends, so only the limit can answer it.
    for (let i = 0; i < 5; i++) await send(client.socket, `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const { received } = await client.ended;
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(seen).toEqual([]);
  });

  it('refuses with 503 a body that would pass the bytes held across all connections, and closes it', async () => {
    const { port } = await start({ budget: 100 * 1024 });
    const head = postHead('/upload', { 'content-length': 60 * 1024 });
    const first = await openRaw(port);
    await send(first.socket, head);
    await send(first.socket, 'a'.repeat(59 * 1024));
    // The first body stalls 1 KB short, holding 59 KB; the second cannot get 59 KB more.
    const second = await openRaw(port);
    await send(second.socket, head);
    await send(second.socket, 'b'.repeat(59 * 1024));
    const { received } = await second.ended;
    expect(received).toMatch(/^HTTP\/1\.1 503 /);
    expect(received).toMatch(/retry-after: 1/i);
    // The first completes within the budget it holds and is answered.
    await send(first.socket, 'a'.repeat(1024));
    expect(await first.waitFor(/got 61440/)).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('gives the budget back once a request is answered', async () => {
    const { url } = await start({ budget: 100 * 1024 });
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${url}/upload`, { method: 'POST', body: 'z'.repeat(60 * 1024) });
      expect(res.status).toBe(200);
      await res.text();
    }
  });
});

describe('slow clients', () => {
  const env = { HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' };

  it('answers 408 and closes a connection whose headers are still trickling after HTTP_HEADERS_TIMEOUT_MS', async () => {
    const { port } = await start({ env });
    const client = await openRaw(port);
    const started = Date.now();
    await send(client.socket, 'POST /upload HTTP/1.1\r\nhost: 127.0.0.1\r\n');
    const drip = setInterval(() => client.socket.write('x-drip: 1\r\n'), 100);
    try {
      const { received } = await client.ended;
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(drip);
    }
    // Checked every second: cut off between the timeout and a check later (plus a busy machine's delay).
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('closes a connection whose body stalls past HTTP_REQUEST_TIMEOUT_MS, giving its bytes back', async () => {
    const { port, url } = await start({ env, budget: 2000 });
    const client = await openRaw(port);
    await send(client.socket, postHead('/upload', { 'content-length': 2000 }));
    await send(client.socket, 'q'.repeat(1500));
    await client.ended;
    const res = await fetch(`${url}/upload`, { method: 'POST', body: 'r'.repeat(1500) });
    expect(await res.text()).toBe('got 1500');
  });
});

describe('shutdown whatever peers do', () => {
  it('ends with a client trickling its headers and one stalled mid-body, answering a request sent whole', async () => {
    const { server, port } = await start();
    const trickler = await openRaw(port);
    await send(trickler.socket, 'POST /upload HTTP/1.1\r\nhost: 127.0.0.1\r\n');
    const staller = await openRaw(port);
    await send(staller.socket, postHead('/upload', { 'content-length': 1000 }));
    await send(staller.socket, 's'.repeat(10));
    const keepAlive = await openRaw(port);
    await send(keepAlive.socket, `${postHead('/upload', { 'content-length': 2 })}ok`);
    await keepAlive.waitFor(/got 2/);

    const started = Date.now();
    const drip = setInterval(() => trickler.socket.write('x-drip: 1\r\n'), 200);
    try {
      await server.shutdown();
    } finally {
      clearInterval(drip);
    }
    // Bounded by the receive grace (3 s), not by the peers: well within the 10 s after the delay.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await keepAlive.ended).error).toBeUndefined();
    await trickler.ended;
    await staller.ended;
  });
});
