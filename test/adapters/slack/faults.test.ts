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
import { captureLogLines, isError } from '../../helpers/log-lines.js';
import { createRecorder, requestFields } from '../../helpers/recorder.js';
import {
  BOT_USER_ID,
  eventBody,
  postCommand,
  postEvent,
  retriever,
  SLACK_API,
  testConfig,
} from './harness.js';

const log = captureLogLines();

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
  const logger = createLogger({ level: 'info' }, log.sink);
  const slack = createSlackApp({ retriever: retriever(), config, logger, clientOptions: FAST });
  server = createServer({ retriever: retriever(), config, logger, frontEnds: [slack] });
  const { port } = await server.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${port}`;
});
afterEach(() => {
  nock.cleanAll();
  log.clear();
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

/** A call the bot made to Slack's Web API: when, and with which fields. */
interface Call {
  readonly at: number;
  readonly fields: Record<string, unknown>;
}

/**
 * Answers up to `times` calls of a Web API method, the nth (from 0) with `answer(n)`, and records each
 * call as it is answered, so a test waits for the call itself rather than polling nock's scope.
 */
function slackAnswers(method: string, answer: (attempt: number) => nock.ReplyFnResult, times = 50) {
  const calls = createRecorder<Call>();
  nock(SLACK_API)
    .post(`/api/${method}`)
    .times(times)
    .reply((_uri, body) => {
      const attempt = calls.items.length;
      calls.record({ at: Date.now(), fields: requestFields(body) });
      return answer(attempt);
    });
  return calls;
}

const OK: nock.ReplyFnResult = [200, { ok: true, ts: '1700000009.000100' }];
const RATE_LIMITED: nock.ReplyFnResult = [429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' }];
const INVALID_AUTH: nock.ReplyFnResult = [200, { ok: false, error: 'invalid_auth' }];

/** Resolves with the first error line; the bot logs one once it has given up on a call. */
const givenUp = async () => (await log.untilLogged('the error log line', isError))[0];

/** The process still serves: /healthz is ok and a /jsev command is answered. */
async function stillServing(): Promise<void> {
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  const res = await postCommand(url, '上清液');
  expect(res.status).toBe(200);
  expect(JSON.stringify(await res.json())).toContain('細胞培養上清液');
}

// Once the error line is logged, the call it reports is over (the client has returned), so the
// number of attempts it made can be counted then, without waiting any longer.
describe.each([
  { method: 'chat.postMessage', event: () => mention() },
  { method: 'views.publish', event: () => homeOpened() },
])('Slack $method', ({ method, event }) => {
  it('is retried after the Retry-After of a 429, and the answer arrives', async () => {
    const calls = slackAnswers(method, (n) => (n === 0 ? RATE_LIMITED : OK), 2);
    expect((await postEvent(url, event())).status).toBe(200);
    const [first, second] = await calls.atLeast(2, `${method} retried`);
    // Retry-After: 1 means about a second, not an immediate retry (100 ms here); timers and the wall
    // clock can disagree by a few milliseconds, so allow a little below 1000.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(log.errorsLogged()).toEqual([]);
  });

  it('is retried after a 500, and the answer arrives', async () => {
    const calls = slackAnswers(method, (n) => (n === 0 ? [500, 'oops'] : OK), 2);
    expect((await postEvent(url, event())).status).toBe(200);
    await calls.atLeast(2, `${method} retried after 500`);
    expect(log.errorsLogged()).toEqual([]);
  });

  it('gives up on invalid_auth at once, logs one error without the token, and keeps serving', async () => {
    const calls = slackAnswers(method, () => INVALID_AUTH);
    expect((await postEvent(url, event())).status).toBe(200);
    await givenUp();
    expect(calls.items).toHaveLength(1);
    expect(log.errorsLogged()).toHaveLength(1);
    expect(JSON.stringify(log.lines)).not.toContain('xoxb-test-token');
    await stillServing();
  });

  it('stops retrying a 429 that does not clear after 3 attempts, logs one error, and keeps serving', async () => {
    const calls = slackAnswers(method, () => RATE_LIMITED);
    expect((await postEvent(url, event())).status).toBe(200);
    await givenUp();
    expect(calls.items.length).toBeLessThanOrEqual(4);
    expect(log.errorsLogged()).toHaveLength(1);
    await stillServing();
  });

  it('stops retrying a 500 that does not clear after 3 attempts, logs one error, and keeps serving', async () => {
    const calls = slackAnswers(method, () => [500, 'down']);
    expect((await postEvent(url, event())).status).toBe(200);
    await givenUp();
    expect(calls.items.length).toBeLessThanOrEqual(4);
    expect(log.errorsLogged()).toHaveLength(1);
    await stillServing();
  });

  it('gives up on a request Slack never answers after 3 timed-out attempts, logs one error, and keeps serving', async () => {
    nock(SLACK_API).post(`/api/${method}`).times(10).delayConnection(60_000).reply(200, { ok: true });
    expect((await postEvent(url, event())).status).toBe(200);
    await givenUp();
    expect(log.errorsLogged()).toHaveLength(1);
    await stillServing();
  });
});

/** chat.postMessage keeps failing; the apology that follows (chat.postEphemeral) is recorded. */
function answerDownApologyExpected() {
  nock(SLACK_API).post('/api/chat.postMessage').times(10).reply(500, 'down');
  return slackAnswers('chat.postEphemeral', () => [200, { ok: true }], 1);
}

describe('a mention whose answer cannot be posted', () => {
  it('gets one short ephemeral apology to the member once Slack accepts messages again', async () => {
    const apologies = answerDownApologyExpected();
    const body = mention();
    expect((await postEvent(url, body)).status).toBe(200);
    const [apology] = await apologies.atLeast(1, 'the apology');
    // In the mention's thread: a top-level mention starts one at its own ts.
    const { ts } = (JSON.parse(body) as { event: { ts: string } }).event;
    expect(apology?.fields).toMatchObject({ channel: 'C0GENERAL', user: 'U0MEMBER', thread_ts: ts });
    expect(apology?.fields.text).toBe(APOLOGY);
    expect(APOLOGY.length).toBeLessThan(200);
    // The error is logged before the apology is sent.
    expect(log.errorsLogged()).toHaveLength(1);
  });

  it('in a direct message gets the apology in that DM', async () => {
    const apologies = answerDownApologyExpected();
    expect((await postEvent(url, directMessage())).status).toBe(200);
    const [apology] = await apologies.atLeast(1, 'the apology');
    expect(apology?.fields).toMatchObject({ channel: 'D0MEMBER', user: 'U0MEMBER', text: APOLOGY });
    expect(log.errorsLogged()).toHaveLength(1);
  });

  it('gets no apology attempt when the token is refused (invalid_auth): nothing could be posted', async () => {
    const answers = slackAnswers('chat.postMessage', (n) => (n === 0 ? INVALID_AUTH : OK));
    const apologies = slackAnswers('chat.postEphemeral', () => [200, { ok: true }]);
    expect((await postEvent(url, mention())).status).toBe(200);
    await givenUp();
    // An apology would be sent right after the error line, before the bot could even receive the
    // next mention; so once the next mention's answer has arrived, no apology is still on its way.
    const next = mention('GMP');
    expect((await postEvent(url, next)).status).toBe(200);
    const [, nextAnswer] = await answers.atLeast(2, 'the answer to the next mention');
    expect(nextAnswer?.fields.blocks).toContain('Good Manufacturing Practice');
    expect(apologies.items).toEqual([]);
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
