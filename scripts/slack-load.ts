// Shared by the load scripts (npm run bench, npm run stress): signed slash commands, a local
// stand-in for Slack's Web API, a bare Bolt app to compare against, and autocannon's typed entry.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { ACTION, encodeActionValue } from '../adapters/slack/actions.js';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import type { Logger } from '../src/log.js';

/** One request autocannon sends (it cycles through a list of them on every connection). */
export interface LoadRequest {
  readonly method: 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Rebuilds the request before each sending (fresh ids, a fresh signature). */
  readonly setupRequest?: (request: LoadRequest) => LoadRequest;
}

/** The part of autocannon's result the scripts report. */
export interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  requests: { average: number; total: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}

/** The part of autocannon's options the scripts use. */
export interface AutocannonOptions {
  url: string;
  connections: number;
  /** Seconds to run, or… */
  duration?: number;
  /** …a fixed number of requests. */
  amount?: number;
  /** Seconds before a request counts as timed out (autocannon's default is 10). */
  timeout?: number;
  method?: 'POST';
  workers?: number;
  headers?: Record<string, string>;
  body?: string;
  requests?: LoadRequest[];
}

interface AutocannonInstance {
  on(event: 'response', listener: () => void): void;
}
type AutocannonModule = {
  (options: AutocannonOptions): Promise<AutocannonResult>;
  (
    options: AutocannonOptions,
    done: (error: Error | null, result: AutocannonResult) => void,
  ): AutocannonInstance;
};
/** autocannon ships no types; this is the part of its API used here. */
export const autocannon = createRequire(import.meta.url)('autocannon') as AutocannonModule;

/**
 * Runs autocannon and also returns the wall time from start to the last response: with `amount`,
 * autocannon only notices the end at its next one-second tick, which would understate throughput.
 */
export function autocannonTimed(
  options: AutocannonOptions,
): Promise<{ result: AutocannonResult; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let last = started;
    const instance = autocannon(options, (error, result) => {
      if (error) reject(error);
      else resolve({ result, seconds: (last - started) / 1000 });
    });
    instance.on('response', () => {
      last = performance.now();
    });
  });
}

/** Listens on an ephemeral loopback port and returns the base URL. */
function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

/** Closes a server and every connection still open on it. */
export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * A `/jsev <text>` slash command as Slack sends it, signed with `secret`; the signature holds for
 * the 5 minutes Bolt allows.
 */
export function signedCommand(
  text: string,
  secret: string,
): { headers: Record<string, string>; body: string } {
  const body = new URLSearchParams({
    team_id: 'T0BENCH',
    channel_id: 'C0BENCH',
    user_id: 'U0BENCH',
    command: '/jsev',
    text,
    response_url: 'https://hooks.slack.com/commands/T0BENCH/1/x',
    trigger_id: '1.2.3',
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
  };
}

/** A body signed now with `secret`, with Slack's headers. */
function signed(body: string, contentType: string, secret: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature,
  };
}

let serial = 0;
/** An id never sent before in this run, so that de-duplication never skips a load request. */
function fresh(prefix: string): string {
  serial += 1;
  return `${prefix}${process.pid}x${serial}`;
}

/** A press of `actionId` on an ephemeral answer, signed, with a new trigger id each time. */
function buttonPress(actionId: string, value: string, responseUrl: string, secret: string): LoadRequest {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0BENCH' },
    user: { id: 'U0BENCH', team_id: 'T0BENCH' },
    api_app_id: 'A0BENCH',
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: 'C0BENCH',
      is_ephemeral: true,
    },
    trigger_id: fresh('trig'),
    channel: { id: 'C0BENCH', name: 'bench' },
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1700000001.000000' }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return {
    method: 'POST',
    path: '/slack/events',
    body,
    headers: signed(body, 'application/x-www-form-urlencoded', secret),
  };
}

/** An @mention in a channel (Events API), signed, with a new event id each time. */
function mention(text: string, secret: string): LoadRequest {
  const body = JSON.stringify({
    team_id: 'T0BENCH',
    api_app_id: 'A0BENCH',
    type: 'event_callback',
    event_id: fresh('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'app_mention',
      user: 'U0BENCH',
      text: `<@U0BOT> ${text}`,
      ts: `${Date.now() / 1000}`,
      channel: 'C0BENCH',
    },
    authorizations: [{ team_id: 'T0BENCH', user_id: 'U0BOT', is_bot: true }],
  });
  return { method: 'POST', path: '/slack/events', body, headers: signed(body, 'application/json', secret) };
}

/** A Teams message (authentication off, as in local development) whose reply goes to `serviceUrl`. */
function teamsMessage(text: string, serviceUrl: string): LoadRequest {
  const body = JSON.stringify({
    type: 'message',
    id: fresh('activity'),
    text,
    channelId: 'msteams',
    serviceUrl,
    from: { id: 'user-1', name: 'Member' },
    recipient: { id: 'bot-1', name: 'jsev' },
    conversation: { id: 'conversation-1', conversationType: 'personal' },
  });
  return { method: 'POST', path: '/api/messages', body, headers: { 'content-type': 'application/json' } };
}

/**
 * The mixed load of `npm run stress`: for each text, a `/jsev` command, a "next" and a "share"
 * press, an @mention and a Teams message, each rebuilt before sending (fresh ids and signatures).
 * `standIn` is the base URL (ending in /) of the local stand-in for Slack and the Bot Connector.
 */
export function mixedRequests(texts: readonly string[], secret: string, standIn: string): LoadRequest[] {
  const responseUrl = `${standIn}commands/T0BENCH/1/x`;
  const build: ((text: string) => LoadRequest)[] = [
    (text) => ({ method: 'POST', path: '/slack/events', ...signedCommand(text, secret) }),
    (text) => buttonPress(ACTION.next, encodeActionValue({ query: text, offset: 0 }), responseUrl, secret),
    (text) => buttonPress(ACTION.share, encodeActionValue({ query: text, offset: 0 }), responseUrl, secret),
    (text) => mention(text, secret),
    (text) => teamsMessage(text, standIn),
  ];
  return texts.flatMap((text) => build.map((make) => ({ ...make(text), setupRequest: () => make(text) })));
}

/** Signed `/jsev` commands for each text, as autocannon requests to `/slack/events`. */
export function signedCommandRequests(texts: readonly string[], secret: string): LoadRequest[] {
  return texts.map((text) => ({ method: 'POST', path: '/slack/events', ...signedCommand(text, secret) }));
}

/**
 * A local stand-in for Slack's Web API: every method answers `ok` (auth.test with a bot user id).
 * Returns the API base URL to use as SLACK_API_URL, and the server to close.
 */
export async function startFakeSlackApi(): Promise<{ apiUrl: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT' }));
  });
  return { apiUrl: `${await listen(server)}/api/`, server };
}

/**
 * A bare Bolt app with the same receiver as the bot that acks `/jsev` with a fixed text: the
 * baseline whose cost is Bolt's and node's alone. Returns its base URL and the server to close.
 */
export async function startBareBolt(
  secret: string,
  apiUrl: string,
  logger: Logger,
): Promise<{ url: string; server: Server }> {
  const receiver = new HTTPReceiver({ signingSecret: secret, logger: boltLogger(logger) });
  const app = new App({
    token: 'xoxb-bench',
    receiver,
    logger: boltLogger(logger),
    deferInitialization: true,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command('/jsev', async ({ ack }) => {
    await ack({ response_type: 'ephemeral', text: 'fixed text' });
  });
  await app.init();
  const server = createServer(receiver.requestListener);
  return { url: await listen(server), server };
}
