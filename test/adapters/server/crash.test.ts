// Crash-only on the unknown: an exception that escapes every request path stops the process, after
// answering what is in flight, so that the orchestrator restarts it while other replicas serve.
// The fault is injected by a module of this test's own, loaded into the compiled server with
// `--import`: it watches requests through node's public diagnostics channel and, for two paths no
// route serves, throws or rejects outside any handler, as a bug in a callback would. Production
// never loads it.
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, listen, type RunningNode, startMain, stopAll, waitHealthy } from './harness.js';
import { closeAll, openRaw, send } from './raw-client.js';

afterEach(() => {
  closeAll();
  stopAll();
});

const FAULT_INJECTOR = `data:text/javascript,${encodeURIComponent(`
import { subscribe } from 'node:diagnostics_channel';
subscribe('http.server.request.start', ({ request }) => {
  if (request.url === '/test-only/throw') setImmediate(() => { throw new Error('injected fault'); });
  if (request.url === '/test-only/reject') void Promise.reject(new Error('injected rejection'));
});`)}`;

const DELAY_MS = 5000;

/** A Bot Connector stand-in that holds the bot's reply until released, keeping its request in flight. */
async function holdingConnector() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let markReceived = () => {};
  const received = new Promise<void>((resolve) => {
    markReceived = resolve;
  });
  const server = createServer((req, res) => {
    req.resume();
    markReceived();
    void released.then(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r1"}'));
  });
  const url = `http://127.0.0.1:${await listen(server)}/`;
  return { url, received, release };
}

/** The compiled server, Teams only (no network), with the fault injector loaded. */
async function startWithInjector(extra: Record<string, string> = {}) {
  const port = await freePort();
  const env = {
    PORT: String(port),
    SHUTDOWN_DELAY_MS: String(DELAY_MS),
    LOG_LEVEL: 'warn',
    TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    ...extra,
  };
  const main = startMain(env, undefined, ['--import', FAULT_INJECTOR]);
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, main);
  return { main, port, url };
}

/** GET /healthz on a connection opened before the fault (a new one may be refused by then). */
async function healthOn(client: Awaited<ReturnType<typeof openRaw>>): Promise<string> {
  await send(client.socket, 'GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
  return client.waitFor(/\r\n\r\n\{[\s\S]*\}$/);
}

/** Waits for the exit; resolves with the code and how long after `since` it came. */
async function exitAfter(main: RunningNode, since: number) {
  const code = await main.exitCode();
  return { code, ms: Date.now() - since };
}

const message = (serviceUrl: string) =>
  JSON.stringify({
    type: 'message',
    id: 'activity-1',
    text: '上清液',
    channelId: 'msteams',
    serviceUrl,
    from: { id: 'user-1', name: 'Member' },
    recipient: { id: 'bot-1', name: 'jsev' },
    conversation: { id: 'conversation-1', conversationType: 'personal' },
  });

describe('an exception that escapes every request path', () => {
  it('turns /healthz 503, stops accepting, answers what was in flight and exits 1 within the delay + 10 s', async () => {
    const connector = await holdingConnector();
    const { main, port, url } = await startWithInjector({ TEAMS_ALLOWED_SERVICE_URLS: connector.url });
    const inFlight = fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: message(connector.url),
    });
    await connector.received;
    const prober = await openRaw(port);

    // Answered (404: no route), then the injected exception is thrown before any other request is read.
    expect((await fetch(`${url}/test-only/throw`)).status).toBe(404);
    const faultAt = Date.now();
    const health = await healthOn(prober);
    expect(health).toMatch(/^HTTP\/1\.1 503 /);
    expect(health).toMatch(/^connection: close\r$/im);
    await expect(openRaw(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    connector.release();
    expect((await inFlight).status).toBe(200);

    const { code, ms } = await exitAfter(main, faultAt);
    expect(code).toBe(1);
    expect(ms).toBeLessThan(DELAY_MS + 10_000);
    expect(main.output().stdout).toMatch(
      /"msg":"uncaught exception: the process state is unknown, stopping"/,
    );
    expect(main.output().stdout).toContain('injected fault');
  });
});

describe('unhandled rejections', () => {
  it('are logged and counted; five in a minute keep it serving, the sixth stops it with exit code 1', async () => {
    const { main, port, url } = await startWithInjector();
    for (let i = 0; i < 5; i++) expect((await fetch(`${url}/test-only/reject`)).status).toBe(404);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const prober = await openRaw(port);

    expect((await fetch(`${url}/test-only/reject`)).status).toBe(404);
    const faultAt = Date.now();
    expect(await healthOn(prober)).toMatch(/^HTTP\/1\.1 503 /);
    const { code, ms } = await exitAfter(main, faultAt);
    expect(code).toBe(1);
    expect(ms).toBeLessThan(DELAY_MS + 10_000);
    const { stdout } = main.output();
    expect(stdout.match(/unhandled rejection: logged, still serving/g)).toHaveLength(5);
    expect(stdout).toContain('unhandled rejection: more than 5 in 60 s, stopping');
    expect(stdout).toContain('injected rejection');
  });
});
