// Intended path: test/adapters/teams/faults.test.ts. The Bot Framework connector misbehaving (429
// with Retry-After, 502) while the bot sends its answer card. Only the network is mocked (nock).
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { teamsConfig } from '../../../adapters/teams/config.js';
import { CONNECTOR_CALL_TIMEOUT_MS } from '../../../adapters/teams/connector-deadline.js';
import { createTeamsHandler } from '../../../adapters/teams/handler.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { captureLogLines } from '../../helpers/log-lines.js';
import { messageActivity, postActivity, SERVICE_URL, sharedRetriever } from './helpers.js';

const { sink, clear, errorsLogged } = captureLogLines();

const CONVERSATION = 'a:personal-conversation-id';
const REPLY_PATH = `/amer/v3/conversations/${encodeURIComponent(CONVERSATION)}/activities/1712345678901`;
const CONNECTOR = new URL(SERVICE_URL).origin;

/**
 * Connector deadlines (`connectorCallTimeoutMs`) for the tests that wait for the bot to give up, so
 * they wait seconds, not the production {@link CONNECTOR_CALL_TIMEOUT_MS} twice over. A failing
 * reply still gets the connector client's first retry (after 0.5 to 1 s) before GIVING_UP's deadline.
 */
const GIVING_UP_MS = 2_500;
/** Long enough for a request to reach the connector on a busy machine, however it is answered. */
const HOLDING_MS = 1_000;

const servers: Server[] = [];
/** Serves the Teams handler with the given connector deadline (the production one if none). */
async function serveTeams(connectorCallTimeoutMs?: number): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', TEAMS_ALLOW_UNAUTHENTICATED: 'true', LOG_LEVEL: 'info' }, [
    teamsConfig,
  ]);
  const handler = createTeamsHandler({
    retriever: sharedRetriever(),
    config,
    logger: createLogger({ level: 'info' }, sink),
    ...(connectorCallTimeoutMs === undefined ? {} : { connectorCallTimeoutMs }),
  });
  // Mounted as adapters/server/server.ts mounts routes: a failing route answers 500 and is logged there.
  const server = createServer((req, res) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.end();
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
}

let url: string;
let givingUpUrl: string;
let holdingUrl: string;
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  [url, givingUpUrl, holdingUrl] = await Promise.all([
    serveTeams(),
    serveTeams(GIVING_UP_MS),
    serveTeams(HOLDING_MS),
  ]);
});
afterEach(() => {
  nock.cleanAll();
  clear();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  nock.enableNetConnect();
});

/** Records every reply the bot attempts, with its time, answering with `statuses` in turn (then 200). */
function connector(statuses: readonly { status: number; headers?: Record<string, string> }[]) {
  const attempts: { at: number; body: { text?: string; attachments?: unknown[] } }[] = [];
  const scope = nock(CONNECTOR)
    .post(REPLY_PATH)
    .times(statuses.length + 5)
    .reply((_uri, body) => {
      const status = statuses[attempts.length] ?? { status: 200 };
      attempts.push({ at: Date.now(), body: body as { text?: string } });
      return [
        status.status,
        status.status === 200 ? { id: 'reply-id' } : { error: { code: 'x' } },
        status.headers ?? {},
      ];
    });
  return { scope, attempts };
}

/**
 * How long a message whose every reply fails may keep the bot busy. The connector client's retry
 * policy (@azure/core-rest-pipeline's exponential retry) waits up to 1, 2 and 4 s (half of each plus
 * random jitter) between its 4 attempts, once for the answer and once for the apology: at most 14 s
 * of waiting, plus the requests themselves on a busy machine.
 */
const GIVES_UP_WITHIN_MS = 20_000;

async function stillServing(at: string): Promise<void> {
  const { attempts } = connector([]);
  const response = await postActivity(at, messageActivity({ text: '上清液' }));
  expect(response.status).toBe(200);
  expect(JSON.stringify(attempts[0]?.body)).toContain('細胞培養上清液');
}

describe('the Teams connector', () => {
  it('answering 429 with Retry-After: 1 is retried after a second, and the card arrives', async () => {
    const { attempts } = connector([{ status: 429, headers: { 'retry-after': '1' } }]);
    const response = await postActivity(url, messageActivity({ text: '上清液' }));
    expect(response.status).toBe(200);
    expect(attempts).toHaveLength(2);
    // About a second, not an immediate retry; timers and the wall clock can disagree by a few ms.
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(errorsLogged()).toEqual([]);
  });

  it('answering 502 once is retried, and the card arrives', async () => {
    const { attempts } = connector([{ status: 502 }]);
    const response = await postActivity(url, messageActivity({ text: '上清液' }));
    expect(response.status).toBe(200);
    expect(attempts.length).toBe(2);
    expect(errorsLogged()).toEqual([]);
  });

  it('answering 502 every time is given up after at most 4 attempts, logged once, and the bot keeps serving', async () => {
    const { attempts } = connector(Array.from({ length: 10 }, () => ({ status: 502 })));
    const started = Date.now();
    await postActivity(givingUpUrl, messageActivity({ text: '上清液' }));
    expect(Date.now() - started).toBeLessThan(GIVES_UP_WITHIN_MS);
    const answers = attempts.filter((a) => JSON.stringify(a.body).includes('細胞培養上清液'));
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(answers.length).toBeLessThanOrEqual(4);
    expect(errorsLogged()).toHaveLength(1);
    nock.cleanAll();
    await stillServing(givingUpUrl);
  }, 40_000);

  it('answering 429 every time is given up within 20 s, logged once, and the bot keeps serving', async () => {
    connector(Array.from({ length: 10 }, () => ({ status: 429, headers: { 'retry-after': '1' } })));
    const started = Date.now();
    await postActivity(givingUpUrl, messageActivity({ text: '上清液' }));
    expect(Date.now() - started).toBeLessThan(GIVES_UP_WITHIN_MS);
    expect(errorsLogged()).toHaveLength(1);
    nock.cleanAll();
    await stillServing(givingUpUrl);
  }, 40_000);

  it('recovering after the answer failed receives one short apology for the member', async () => {
    // Every attempt at the answer card fails; the connector accepts the next message (the apology).
    const attempts: { text?: string; attachments?: unknown[] }[] = [];
    nock(CONNECTOR)
      .post(REPLY_PATH, (body) => Array.isArray(body.attachments) && body.attachments.length > 0)
      .times(10)
      .reply((_uri, body) => {
        attempts.push(body as { text?: string });
        return [502, { error: { code: 'x' } }];
      })
      .post(REPLY_PATH, (body) => !body.attachments || body.attachments.length === 0)
      .reply((_uri, body) => {
        attempts.push(body as { text?: string });
        return [200, { id: 'apology-id' }];
      });
    await postActivity(givingUpUrl, messageActivity({ text: '上清液' }));
    const apologies = attempts.filter((a) => !a.attachments || a.attachments.length === 0);
    expect(apologies).toHaveLength(1);
    expect(apologies[0]?.text?.length ?? 0).toBeGreaterThan(0);
    expect(apologies[0]?.text?.length ?? 0).toBeLessThan(200);
    expect(errorsLogged()).toHaveLength(1);
  }, 40_000);
});

/**
 * A turn makes at most two connector calls (the answer, then the apology), each abandoned at the
 * connector deadline; the margin is for a busy machine.
 */
const MARGIN_MS = 1_500;
const TURN_ENDS_WITHIN_MS = 2 * HOLDING_MS + MARGIN_MS;

describe('the production connector deadline', () => {
  it('ends a turn whose connector never answers within the 10 s shutdown allows beyond SHUTDOWN_DELAY_MS', () => {
    expect(2 * CONNECTOR_CALL_TIMEOUT_MS + MARGIN_MS).toBeLessThanOrEqual(10_000);
  });
});

describe('a connector that holds the reply', () => {
  it('asking to retry in an hour (429, Retry-After: 3600) is abandoned: the request ends in time, the error logged once', async () => {
    const { attempts } = connector(
      Array.from({ length: 10 }, () => ({ status: 429, headers: { 'retry-after': '3600' } })),
    );
    const started = Date.now();
    const response = await postActivity(holdingUrl, messageActivity({ text: '上清液' }));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(TURN_ENDS_WITHIN_MS);
    // The answer and the apology, each tried once: no retry an hour later.
    expect(attempts).toHaveLength(2);
    expect(errorsLogged()).toHaveLength(1);
    expect(errorsLogged()[0]?.err).toMatchObject({ name: 'TimeoutError' });
    nock.cleanAll();
    await stillServing(holdingUrl);
  }, 40_000);

  it('never answering is abandoned: the request ends in time and the bot keeps serving', async () => {
    const attempts: unknown[] = [];
    nock(CONNECTOR)
      .post(REPLY_PATH)
      .times(2)
      .delay(60_000)
      .reply((_uri, body) => {
        attempts.push(body);
        return [200, { id: 'too-late' }];
      });
    const started = Date.now();
    const response = await postActivity(holdingUrl, messageActivity({ text: '上清液' }));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(TURN_ENDS_WITHIN_MS);
    expect(errorsLogged()).toHaveLength(1);
    nock.cleanAll();
    await stillServing(holdingUrl);
  }, 40_000);
});
