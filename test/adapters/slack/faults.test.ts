// Slack's Web API misbehaving while the bot posts an answer (chat.postMessage for a mention) or the
// App Home (views.publish). The app runs with the production retry policy's shape (3 attempts,
// backoff doubling, a per-request timeout) at a tenth of its timings, so the file stays fast; the
// production timings themselves are checked at the end. Retry-After is Slack's, so it is not
// shortened. Only the network is mocked (nock).
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type JsevServer } from '../../../adapters/server/server.js';
import { createSlackApp, DEFAULT_CLIENT_OPTIONS } from '../../../adapters/slack/app.js';
import { createLogger } from '../../../src/log.js';
import { APOLOGY } from '../../../src/messages.js';
import { captureLogLines } from '../../helpers/log-lines.js';
import {
  BOT_USER_ID,
  eventBody,
  postCommand,
  postEvent,
  retriever,
  SLACK_API,
  testConfig,
} from './harness.js';

const { sink, lines, errorsLogged } = captureLogLines();

/** {@link DEFAULT_CLIENT_OPTIONS} at a tenth of its timings: about 1.8 s to give up, not 18 s. */
const FAST = {
  retryConfig: { retries: 2, factor: 2, minTimeout: 100, maxTimeout: 400 },
  timeout: 500,
} as const;

let server: JsevServer;
let url: string;
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nock(SLACK_API).post('/api/auth.test').reply(200, { ok: true, user_id: BOT_USER_ID, bot_id: 'B0JSEVBOT' });
  const config = testConfig({ LOG_LEVEL: 'info' });
  const logger = createLogger({ level: 'info' }, sink);
  const slack = createSlackApp({ retriever: retriever(), config, logger, clientOptions: FAST });
  server = createServer({ retriever: retriever(), config, logger, frontEnds: [slack] });
  const { port } = await server.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${port}`;
});
afterEach(() => {
  nock.cleanAll();
  lines.length = 0;
});
afterAll(async () => {
  server.server.closeAllConnections();
  await new Promise<void>((resolve) => server.server.close(() => resolve()));
  nock.enableNetConnect();
});

let eventCounter = 0;
function mention(text = '上清液'): string {
  eventCounter += 1;
  const ts = `1700000100.${String(eventCounter).padStart(6, '0')}`;
  return eventBody(
    {
      type: 'app_mention',
      user: 'U0MEMBER',
      text: `<@${BOT_USER_ID}> ${text}`,
      ts,
      channel: 'C0GENERAL',
      event_ts: ts,
    },
    `EvFault${eventCounter}`,
  );
}
function directMessage(): string {
  eventCounter += 1;
  const ts = `1700000300.${String(eventCounter).padStart(6, '0')}`;
  return eventBody(
    {
      type: 'message',
      channel_type: 'im',
      channel: 'D0MEMBER',
      user: 'U0MEMBER',
      text: '上清液',
      ts,
      event_ts: ts,
    },
    `EvFault${eventCounter}`,
  );
}
function homeOpened(): string {
  eventCounter += 1;
  return eventBody(
    {
      type: 'app_home_opened',
      user: 'U0MEMBER',
      channel: 'D0HOME',
      tab: 'home',
      event_ts: '1700000200.000100',
    },
    `EvFault${eventCounter}`,
  );
}

/** Resolves when `done()` holds, or rejects after `ms`. */
async function until(done: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The process still serves: /healthz is ok and a /jsev command is answered. */
async function stillServing(): Promise<void> {
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  const res = await postCommand(url, '上清液');
  expect(res.status).toBe(200);
  expect(JSON.stringify(await res.json())).toContain('細胞培養上清液');
}

describe.each([
  { method: 'chat.postMessage', event: () => mention() },
  { method: 'views.publish', event: () => homeOpened() },
])('Slack $method', ({ method, event }) => {
  it('is retried after the Retry-After of a 429, and the answer arrives once', async () => {
    const times: number[] = [];
    const scope = nock(SLACK_API)
      .post(`/api/${method}`)
      .reply(() => {
        times.push(Date.now());
        return [429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' }];
      })
      .post(`/api/${method}`)
      .reply(() => {
        times.push(Date.now());
        return [200, { ok: true, ts: '1700000009.000100' }];
      });
    expect((await postEvent(url, event())).status).toBe(200);
    await until(() => scope.isDone(), 8000, `${method} retried`);
    // Retry-After: 1 means about a second, not an immediate retry (100 ms here); timers and the wall
    // clock can disagree by a few milliseconds, so allow a little below 1000.
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(950);
    expect(errorsLogged()).toEqual([]);
  });

  it('is retried after a 500, and the answer arrives once', async () => {
    const scope = nock(SLACK_API)
      .post(`/api/${method}`)
      .reply(500, 'oops')
      .post(`/api/${method}`)
      .reply(200, { ok: true, ts: '1700000009.000100' });
    expect((await postEvent(url, event())).status).toBe(200);
    await until(() => scope.isDone(), 8000, `${method} retried after 500`);
    expect(errorsLogged()).toEqual([]);
  });

  it('gives up on invalid_auth at once, logs one error without the token, and keeps serving', async () => {
    let calls = 0;
    nock(SLACK_API)
      .post(`/api/${method}`)
      .times(5)
      .reply(() => {
        calls += 1;
        return [200, { ok: false, error: 'invalid_auth' }];
      });
    expect((await postEvent(url, event())).status).toBe(200);
    await until(() => errorsLogged().length > 0, 5000, 'the error log line');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(1);
    expect(errorsLogged()).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('xoxb-test-token');
    await stillServing();
  });

  it('stops retrying a 429 that does not clear after 3 attempts, logs one error, and keeps serving', async () => {
    let calls = 0;
    nock(SLACK_API)
      .post(`/api/${method}`)
      .times(50)
      .reply(() => {
        calls += 1;
        return [429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' }];
      });
    expect((await postEvent(url, event())).status).toBe(200);
    await until(() => errorsLogged().length > 0, 12_000, 'giving up');
    expect(calls).toBeLessThanOrEqual(4);
    expect(errorsLogged()).toHaveLength(1);
    await stillServing();
  }, 20_000);

  it('stops retrying a 500 that does not clear after 3 attempts, logs one error, and keeps serving', async () => {
    let calls = 0;
    nock(SLACK_API)
      .post(`/api/${method}`)
      .times(50)
      .reply(() => {
        calls += 1;
        return [500, 'down'];
      });
    expect((await postEvent(url, event())).status).toBe(200);
    await until(() => errorsLogged().length > 0, 12_000, 'giving up');
    expect(calls).toBeLessThanOrEqual(4);
    expect(errorsLogged()).toHaveLength(1);
    await stillServing();
  }, 20_000);

  it('gives up on a request Slack never answers after 3 timed-out attempts, logs one error, and keeps serving', async () => {
    nock(SLACK_API).post(`/api/${method}`).times(10).delayConnection(60_000).reply(200, { ok: true });
    expect((await postEvent(url, event())).status).toBe(200);
    await until(() => errorsLogged().length > 0, 15_000, 'the timeout');
    expect(errorsLogged()).toHaveLength(1);
    await stillServing();
  }, 25_000);
});

/** chat.postMessage keeps failing; the apology that follows (chat.postEphemeral) lands in `apologies`. */
function answerDownApologyExpected() {
  nock(SLACK_API).post('/api/chat.postMessage').times(10).reply(500, 'down');
  const apologies: Record<string, unknown>[] = [];
  const scope = nock(SLACK_API)
    .post('/api/chat.postEphemeral', (body) => {
      apologies.push(body);
      return true;
    })
    .reply(200, { ok: true });
  return { scope, apologies };
}

describe('a mention whose answer cannot be posted', () => {
  it('gets one short ephemeral apology to the member once Slack accepts messages again', async () => {
    const { scope, apologies } = answerDownApologyExpected();
    expect((await postEvent(url, mention())).status).toBe(200);
    await until(() => scope.isDone(), 15_000, 'the apology');
    expect(apologies[0]).toMatchObject({ channel: 'C0GENERAL', user: 'U0MEMBER' });
    expect(apologies[0]?.thread_ts).toBeDefined();
    expect(apologies[0]?.text).toBe(APOLOGY);
    expect(APOLOGY.length).toBeLessThan(200);
    expect(errorsLogged()).toHaveLength(1);
  }, 25_000);

  it('in a direct message gets the apology in that DM', async () => {
    const { scope, apologies } = answerDownApologyExpected();
    const dm = directMessage();
    expect((await postEvent(url, dm)).status).toBe(200);
    await until(() => scope.isDone(), 15_000, 'the apology');
    expect(apologies[0]).toMatchObject({ channel: 'D0MEMBER', user: 'U0MEMBER', text: APOLOGY });
    expect(errorsLogged()).toHaveLength(1);
  });

  it('gets no apology attempt when the token is refused (invalid_auth): nothing could be posted', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: false, error: 'invalid_auth' });
    const ephemeral = nock(SLACK_API).post('/api/chat.postEphemeral').reply(200, { ok: true });
    expect((await postEvent(url, mention())).status).toBe(200);
    await until(() => errorsLogged().length > 0, 5000, 'the error log line');
    await new Promise((r) => setTimeout(r, 300));
    expect(ephemeral.isDone()).toBe(false);
  });
});

describe('the production Web API client settings', () => {
  it('bound a failing call to 3 attempts and about 18 s, where the library default retries for 30 minutes', () => {
    const { retryConfig, timeout } = DEFAULT_CLIENT_OPTIONS;
    const waits = Array.from({ length: retryConfig.retries }, (_, i) =>
      Math.min(retryConfig.maxTimeout, retryConfig.minTimeout * retryConfig.factor ** i),
    );
    const worstCase = (retryConfig.retries + 1) * timeout + waits.reduce((a, b) => a + b, 0);
    expect(retryConfig.retries + 1).toBe(3);
    expect(worstCase).toBeLessThanOrEqual(20_000);
  });

  it('are what the app uses unless the caller overrides them', () => {
    const app = createSlackApp({
      retriever: retriever(),
      config: testConfig(),
      logger: createLogger({ level: 'silent' }),
    });
    const client = app.app.client as unknown as { retryConfig: unknown; timeout: unknown };
    expect(client.retryConfig).toEqual(DEFAULT_CLIENT_OPTIONS.retryConfig);
    expect(client.timeout).toBe(DEFAULT_CLIENT_OPTIONS.timeout);
  });
});
