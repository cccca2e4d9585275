import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrontEnd, RouteHandler } from '../../../adapters/server/front-end.js';
import { createServer, type JsevServer } from '../../../adapters/server/server.js';
import { teamsConfig } from '../../../adapters/teams/config.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/log.js';
import { retriever } from '../slack/harness.js';
import { closeAll, openRaw, send } from './raw-client.js';

// Teams-only configuration: the server runs without Slack, which keeps these tests off the network.
const config = (delayMs: number) =>
  loadConfig(
    {
      NODE_ENV: 'test',
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      LOG_LEVEL: 'silent',
      SHUTDOWN_DELAY_MS: String(delayMs),
    },
    [teamsConfig],
  );

let running: JsevServer | undefined;
afterEach(async () => {
  closeAll();
  running?.server.closeAllConnections();
  await new Promise((r) => (running?.server.listening ? running.server.close(r) : r(undefined)));
  running = undefined;
});

/** A front end serving `routes`, with nothing to start or stop. */
function frontEnd(routes: ReadonlyMap<string, RouteHandler>, name = 'test'): FrontEnd {
  return { name, routes, start: async () => {}, stop: async () => {}, health: () => ({ up: true }) };
}

/** Routes a test fills before it starts the server. */
const routesHeld = new Map<string, RouteHandler>();

async function start(delayMs = 0, routes = new Map<string, RouteHandler>()) {
  const frontEnds = [frontEnd(routes)];
  running = createServer({
    retriever: retriever(),
    config: config(delayMs),
    logger: silentLogger(),
    frontEnds,
  });
  const { port } = await running.listen(0, '127.0.0.1');
  return { server: running, url: `http://127.0.0.1:${port}` };
}

/** A request on a fresh connection, so a closed server refuses it. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('server', () => {
  it('reports healthy with the version, the corpus hash and its documents on /healthz', async () => {
    const { url } = await start();
    const res = await get(`${url}/healthz`);
    expect(res.status).toBe(200);
    const report = JSON.parse(res.body);
    expect(report).toMatchObject({
      status: 'ok',
      version: '0.1.0',
      corpus: { hash: retriever().corpusInfo.hash },
    });
    expect(report.corpus.documents[0]).toMatchObject({ id: 'jsev-2023-12-25', date: '2023-12-25' });
  });

  it('adds what each front end reports about itself to /healthz, under its name', async () => {
    const { url } = await start();
    expect(JSON.parse((await get(`${url}/healthz`)).body).frontEnds).toEqual({ test: { up: true } });
  });

  it('refuses two front ends that claim the same route', () => {
    const handler: RouteHandler = (_req, res) => void res.end();
    const routes = new Map([['POST /x', handler]]);
    expect(() =>
      createServer({
        retriever: retriever(),
        config: config(0),
        logger: silentLogger(),
        frontEnds: [frontEnd(routes, 'a'), frontEnd(routes, 'b')],
      }),
    ).toThrow(/b claims POST \/x/);
  });

  it('answers 404 for an unknown path', async () => {
    const { url } = await start();
    expect((await get(`${url}/nope`)).status).toBe(404);
  });

  it('serves a mounted route such as POST /api/messages', async () => {
    const routes = new Map<string, RouteHandler>([
      ['POST /api/messages', (_req, res) => void res.writeHead(202).end()],
    ]);
    const { url } = await start(0, routes);
    expect((await fetch(`${url}/api/messages`, { method: 'POST', body: '{}' })).status).toBe(202);
    expect((await get(`${url}/api/messages`)).status).toBe(405);
  });

  it('does not serve /slack/events when Slack is not configured', async () => {
    const { url } = await start();
    expect((await fetch(`${url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('the address it listens on', () => {
  async function listenWith(env: Record<string, string>, loopbackOnly: boolean) {
    const base = { NODE_ENV: 'test', TEAMS_ALLOW_UNAUTHENTICATED: 'true', LOG_LEVEL: 'silent' };
    running = createServer({
      retriever: retriever(),
      config: loadConfig({ ...base, ...env }, [teamsConfig]),
      logger: silentLogger(),
      frontEnds: [{ ...frontEnd(new Map()), loopbackOnly }],
    });
    return running.listen(0);
  }

  it('is 127.0.0.1 when a front end is loopback-only (Teams without authentication) and HOST is unset', async () => {
    expect((await listenWith({}, true)).address).toBe('127.0.0.1');
  });

  it('is every interface when no front end is loopback-only', async () => {
    expect((await listenWith({}, false)).address).toMatch(/^(::|0\.0\.0\.0)$/);
  });

  it('is HOST when it is set, even with a loopback-only front end', async () => {
    expect((await listenWith({ HOST: '0.0.0.0' }, true)).address).toBe('0.0.0.0');
  });
});

describe('graceful shutdown', () => {
  it('reports 503 on /healthz as soon as shutdown begins', async () => {
    const { server, url } = await start(300);
    const stopping = server.shutdown();
    const res = await get(`${url}/healthz`);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body).status).toBe('shutting-down');
    await stopping;
  });

  it('keeps answering requests during the shutdown delay', async () => {
    const routes = new Map<string, RouteHandler>([['GET /ping', (_req, res) => void res.end('pong')]]);
    const { server, url } = await start(300, routes);
    const stopping = server.shutdown();
    expect((await get(`${url}/ping`)).body).toBe('pong');
    await stopping;
  });

  it('finishes an in-flight request before resolving, then refuses new connections', async () => {
    // The request is held until the test releases it: shutdown begins while it is surely in flight.
    let markArrived = () => {};
    const arrived = new Promise<void>((resolve) => {
      markArrived = resolve;
    });
    let answer = () => {};
    const routes = new Map<string, RouteHandler>([
      [
        'GET /slow',
        async (_req, res) => {
          answer = () => res.end('done');
          markArrived();
        },
      ],
    ]);
    const { server, url } = await start(0, routes);
    const inFlight = get(`${url}/slow`);
    await arrived;
    let finished = false;
    const stopping = server.shutdown().then(() => {
      finished = true;
    });
    // Once the listener has closed, shutdown is waiting for the held request; it must not be done.
    while (server.server.listening) await new Promise((r) => setImmediate(r));
    expect(finished).toBe(false);
    answer();
    expect(await inFlight).toEqual({ status: 200, body: 'done' });
    await stopping;
    expect(server.server.listening).toBe(false);
    await expect(get(`${url}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
  });
  it('ends the connection with the answer to a request that was in flight when shutdown began', async () => {
    let answer = () => {};
    const arrived = new Promise<void>((resolve) => {
      routesHeld.set('GET /slow', (_req, res) => {
        answer = () => res.end('done');
        resolve();
      });
    });
    const { server, url } = await start(0, routesHeld);
    const client = await openRaw(Number(new URL(url).port));
    await send(client.socket, 'GET /slow HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    await arrived;
    const stopping = server.shutdown();
    answer();
    expect(await client.waitFor(/done$/)).toMatch(/^connection: close\r$/im);
    expect((await client.ended).error).toBeUndefined();
    await stopping;
  });

  it('holds a request that arrives while the listener closes, and answers it once it has closed', async () => {
    let listeningWhenServed: boolean | undefined;
    const routes = new Map<string, RouteHandler>([
      [
        'GET /ping',
        (_req, res) => {
          listeningWhenServed = running?.server.listening;
          res.end('pong');
        },
      ],
    ]);
    const { server, url } = await start(0, routes);
    const client = await openRaw(Number(new URL(url).port));
    const ping = 'GET /ping HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n';
    await send(client.socket, ping);
    await client.waitFor(/pong$/);
    expect(listeningWhenServed).toBe(true);
    const stopping = server.shutdown();
    // The keep-alive connection sends its next request: a client sending one after another would
    // connect again as soon as it is answered, and a connection still queued when the listener
    // closes is reset by the kernel.
    await send(client.socket, ping);
    expect(await client.waitFor(/pong[\s\S]*pong$/)).toMatch(/^connection: close\r$/im);
    expect(listeningWhenServed).toBe(false);
    expect((await client.ended).error).toBeUndefined();
    await stopping;
  });

  it('stops accepting at once when told to skip the delay, even during a delay under way', async () => {
    const { server } = await start(60_000);
    const draining = server.shutdown();
    await server.shutdown({ skipDelay: true });
    await draining;
    expect(server.server.listening).toBe(false);
  });
});
