// Drives the real Bolt app without HTTP, as Socket Mode does: bodies go to App.processEvent, with no
// signature and no screen (adapters/slack/screen.ts) in front, so the listeners meet every field as
// Slack (or a forger) sent it. The Web API and response_urls are answered by nock and recorded.
import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createSlackApp, type SlackApp } from '../../../adapters/slack/app.js';
import { createLogger, type Logger } from '../../../src/log.js';
import { captureLogLines, type LogCapture } from '../../helpers/log-lines.js';
import { createRecorder, type Recorder, requestFields } from '../../helpers/recorder.js';
import { BOT_USER_ID, eventBody, RESPONSE_HOST, retriever, SLACK_API, testConfig } from './harness.js';

/** A call the app made: the Web API method (or `response_url`) and the fields it sent. */
interface SlackCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
}

export interface DirectSlack {
  readonly slack: SlackApp;
  /** Every Web API call and response_url post, as it is answered. */
  readonly calls: Recorder<SlackCall>;
  /** Runs one body through the app's middleware and listeners, resolving once they are done. */
  process(body: Record<string, unknown>): Promise<void>;
  /** Clears the interceptors this started. */
  close(): void;
}

/** Starts the Slack front end (auth.test answered by nock) for bodies given to it directly. */
export async function startDirectSlack(logger: Logger): Promise<DirectSlack> {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const calls = createRecorder<SlackCall>();
  nock(SLACK_API)
    .post('/api/auth.test')
    .reply(200, { ok: true, user_id: BOT_USER_ID, bot_id: 'B0JSEVBOT', team_id: 'T0TEAM' });
  const api = nock(SLACK_API)
    .persist()
    .post(/^\/api\//)
    .reply((uri, body) => {
      calls.record({ method: uri.replace('/api/', ''), body: requestFields(body) });
      return [200, { ok: true, ts: '1700000009.000100' }];
    });
  const hooks = nock(RESPONSE_HOST)
    .persist()
    .post(/.*/)
    .reply((_uri, body) => {
      calls.record({ method: 'response_url', body: requestFields(body) });
      return [200, 'ok'];
    });
  const slack = createSlackApp({
    retriever: retriever(),
    config: testConfig(),
    logger,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  await slack.start();
  return {
    slack,
    calls,
    process: (body) => slack.app.processEvent({ body, ack: async () => {} }),
    close() {
      api.persist(false);
      hooks.persist(false);
      nock.cleanAll();
    },
  };
}

/** An Events API delivery of `event` (any value, for fuzzing), with its own event id. */
export function eventCallback(event: unknown, eventId: string): Record<string, unknown> {
  return JSON.parse(eventBody(event as Record<string, unknown>, eventId));
}

/**
 * One app for the whole test file, logging at debug into a capture that is emptied after each test
 * (with the calls recorded). `deliver` runs an event as a fresh delivery.
 */
export function useDirectSlack(): {
  readonly capture: LogCapture;
  readonly direct: DirectSlack;
  deliver(event: Record<string, unknown>): Promise<void>;
} {
  const capture = captureLogLines();
  let direct: DirectSlack | undefined;
  let deliveries = 0;
  beforeAll(async () => {
    direct = await startDirectSlack(createLogger({ level: 'debug' }, capture.sink));
  });
  afterEach(() => {
    capture.clear();
    direct?.calls.clear();
  });
  afterAll(() => direct?.close());
  const started = (): DirectSlack => {
    if (!direct) throw new Error('the Slack app has not started yet');
    return direct;
  };
  return {
    capture,
    get direct() {
      return started();
    },
    deliver: (event) => started().process(eventCallback(event, `EvDirect${++deliveries}`)),
  };
}
