// Drives the real Bolt app behind the real server with signed requests, as Slack would.
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { DedupeStore } from '../../../adapters/dedupe/store.js';
import { createServer, type JsevServer } from '../../../adapters/server/server.js';
import { createSlackApp } from '../../../adapters/slack/app.js';
import { slackConfig } from '../../../adapters/slack/config.js';
import type { Retriever } from '../../../src/answer.js';
import { loadConfig } from '../../../src/config.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { type Logger, silentLogger } from '../../../src/log.js';
import { createRetriever } from '../../../src/retriever.js';
import { ARRIVAL_GUARD_MS } from '../../helpers/recorder.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const SLACK_API = 'https://slack.com';
export const RESPONSE_HOST = 'https://hooks.slack.com';
export const RESPONSE_PATH = '/commands/T0TEAM/1/response-token';
export const BOT_USER_ID = 'U0JSEVBOT';

let sharedRetriever: Retriever | undefined;
/** The engine on the real corpus, built once for all tests. */
export function retriever(): Retriever {
  sharedRetriever ??= createRetriever(loadCorpus());
  return sharedRetriever;
}

export function testConfig(extra: Record<string, string> = {}) {
  return loadConfig(
    {
      NODE_ENV: 'test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      LOG_LEVEL: 'silent',
      SHUTDOWN_DELAY_MS: '0',
      ...extra,
    },
    [slackConfig],
  );
}

/** Slack's request signature: v0= HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface Harness {
  readonly url: string;
  readonly server: JsevServer;
  close(): Promise<void>;
}

/** Starts the server on an ephemeral loopback port, with auth.test answered by nock. */
export async function startHarness(
  config = testConfig(),
  logger: Logger = silentLogger(),
  dedupe?: DedupeStore,
): Promise<Harness> {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nock(SLACK_API)
    .post('/api/auth.test')
    .reply(200, { ok: true, user_id: BOT_USER_ID, bot_id: 'B0JSEVBOT', team_id: 'T0TEAM' });
  const slack = createSlackApp({
    retriever: retriever(),
    config,
    logger,
    clientOptions: { retryConfig: { retries: 0 } },
    ...(dedupe ? { dedupe } : {}),
  });
  const server = createServer({ retriever: retriever(), config, logger, frontEnds: [slack] });
  const { port } = await server.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    async close() {
      server.server.closeAllConnections();
      await new Promise<void>((resolve) => server.server.close(() => resolve()));
    },
  };
}

/**
 * One server for the whole test file: started before its first test and closed after its last, with
 * nock's interceptors cleared after each test. Read `url` inside tests, once the server is up.
 */
export function useHarness(): { readonly url: string } {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(async () => {
    await harness?.close();
    nock.enableNetConnect();
  });
  return {
    get url(): string {
      if (!harness) throw new Error('the Slack harness has not started yet');
      return harness.url;
    },
  };
}

export interface SignedOptions {
  readonly timestamp?: number;
  readonly secret?: string;
  readonly headers?: Record<string, string>;
}

/** POSTs a signed body to /slack/events. */
export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: SignedOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}

/** A slash command as Slack sends it (form-encoded). */
export function commandBody(text: string): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0TEAM',
    team_domain: 'jsev',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0MEMBER',
    user_name: 'member',
    command: '/jsev',
    text,
    api_app_id: 'A0JSEV',
    response_url: `${RESPONSE_HOST}${RESPONSE_PATH}`,
    trigger_id: '1.2.3',
  }).toString();
}

export async function postCommand(url: string, text: string, options: SignedOptions = {}): Promise<Response> {
  return postSigned(url, commandBody(text), 'application/x-www-form-urlencoded', options);
}

let presses = 0;

/**
 * A button click (block_actions) on a message, as Slack sends it: `payload=<json>`. Each call is a
 * new press (its own trigger_id and action_ts), unless `triggerId` names the press it replays.
 */
export function actionBody(
  actionId: string,
  value: string,
  options: {
    ephemeral?: boolean;
    messageTs?: string;
    threadTs?: string;
    triggerId?: string;
    responseUrl?: string;
  } = {},
): string {
  const ephemeral = options.ephemeral ?? true;
  presses += 1;
  const payload = {
    type: 'block_actions',
    team: { id: 'T0TEAM', domain: 'jsev' },
    user: { id: 'U0MEMBER', username: 'member', name: 'member', team_id: 'T0TEAM' },
    api_app_id: 'A0JSEV',
    token: 'deprecated-verification-token',
    container: ephemeral
      ? { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: true }
      : {
          type: 'message',
          message_ts: options.messageTs ?? '1700000000.000200',
          channel_id: 'C0GENERAL',
          is_ephemeral: false,
        },
    trigger_id: options.triggerId ?? `1.2.${presses}`,
    channel: { id: 'C0GENERAL', name: 'general' },
    ...(ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            ts: options.messageTs ?? '1700000000.000200',
            ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
            text: '',
          },
        }),
    response_url: options.responseUrl ?? `${RESPONSE_HOST}${RESPONSE_PATH}`,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: `1700000001.${String(presses).padStart(6, '0')}`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export async function postAction(url: string, body: string): Promise<Response> {
  return postSigned(url, body, 'application/x-www-form-urlencoded');
}

/** An Events API delivery (JSON). */
export function eventBody(event: Record<string, unknown>, eventId = 'Ev0001'): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: 'T0TEAM',
    api_app_id: 'A0JSEV',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ team_id: 'T0TEAM', user_id: BOT_USER_ID, is_bot: true }],
  });
}

export async function postEvent(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postSigned(url, body, 'application/json', { headers });
}

/** Resolves when `scope` is done, or rejects after `ms` (a listener works after Slack's ack). */
export async function waitFor(scope: nock.Scope, ms = ARRIVAL_GUARD_MS): Promise<void> {
  const until = Date.now() + ms;
  while (!scope.isDone()) {
    if (Date.now() > until) throw new Error(`nock still pending: ${scope.pendingMocks().join(', ')}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Reads the ack body of a command: the message Slack shows. */
export async function ackMessage(
  res: Response,
): Promise<{ response_type?: string; text: string; blocks: Record<string, unknown>[] }> {
  return (await res.json()) as { response_type?: string; text: string; blocks: Record<string, unknown>[] };
}
