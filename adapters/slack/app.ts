import { type AckFn, App, HTTPReceiver, type SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Retriever } from '../../src/answer.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { logRequest, withRequest } from '../../src/request-log.js';
import { MAX_QUERY_LENGTH } from '../../src/retriever.js';
import { claimOnce, slackActionKey, slackEventKey } from '../dedupe/keys.js';
import { type DedupeStore, MemoryDedupeStore } from '../dedupe/store.js';
import { type FrontEnd, FrontEndStartError } from '../server/front-end.js';
import { Lru } from '../shared/lru.js';
import { renderBlocks } from './blocks.js';
import { boltLogger } from './bolt-logger.js';
import { type SlackConfig, slackConfig } from './config.js';
import type { ListenerDeps, Remembered } from './listeners/deps.js';
import { registerListeners } from './listeners/index.js';
import { slackFetch } from './outbound.js';
import { SLACK_BODY_LIMIT, screenSlackRequests } from './screen.js';

/** Where Slack sends commands, events and interactivity (one URL, as the manifest says). */
const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAppOptions {
  readonly retriever: Retriever;
  /** Must hold `config.slack`. */
  readonly config: Config & { readonly slack?: SlackConfig };
  readonly logger: Logger;
  /** Replaces the receiver built from the config (HTTP, or Socket Mode when SLACK_APP_TOKEN is set). */
  readonly receiver?: HTTPReceiver | SocketModeReceiver;
  /**
   * Web API client options over {@link DEFAULT_CLIENT_OPTIONS}, e.g. `{ retryConfig: { retries: 0 } }`
   * or shorter timings in tests.
   */
  readonly clientOptions?: webApi.WebClientOptions;
  /** How many (query, offset) answers to remember (default 500; 0 turns the cache off). */
  readonly answerCacheSize?: number;
  /**
   * Where event and button ids are claimed, so that a retry or a replay is acted on once, across
   * replicas when it is shared (Redis, from REDIS_URL). Default: this process's memory.
   */
  readonly dedupe?: DedupeStore;
}

/**
 * Web API client defaults. `@slack/web-api` alone retries 10 times over about 30 minutes with no
 * request timeout, so a Slack outage would hold an answer (and its member) for half an hour. These
 * bound a call to 3 attempts of at most 5 s each, with 1 s and 2 s between them: about 18 s in the
 * worst case, plus any Retry-After Slack sends with a 429 (the client waits for it before retrying).
 */
export const DEFAULT_CLIENT_OPTIONS = {
  retryConfig: { retries: 2, factor: 2, minTimeout: 1000, maxTimeout: 4000 },
  timeout: 5000,
} as const satisfies webApi.WebClientOptions;

/** The Slack front end: a Bolt app wired to the engine, served on `POST /slack/events` (or Socket Mode). */
export interface SlackApp extends FrontEnd {
  readonly app: App;
  readonly mode: 'http' | 'socket';
}

/**
 * Answers with their ephemeral rendering, remembered by offset and query: the corpus does not change
 * while the process runs and answers are immutable, so a remembered one is exactly what the engine
 * would say again. Members ask the same things, and every button click asks again for what was shown.
 */
function answerMemo(options: SlackAppOptions, log: Logger): ListenerDeps['answer'] {
  const { retriever, config } = options;
  const memo = new Lru<Remembered>(options.answerCacheSize ?? 500);
  return (surface, query, offset = 0) => {
    // The engine reads only the first MAX_QUERY_LENGTH characters, so neither does the key.
    const key = `${offset} ${query.slice(0, MAX_QUERY_LENGTH)}`;
    let found = memo.get(key);
    if (!found) {
      const answer = retriever.ask(query, { offset, limit: 1 });
      found = { answer, ephemeral: renderBlocks(answer, { shareable: true }) };
      memo.set(key, found);
    }
    logRequest(log, found.answer, { platform: 'slack', surface, queries: config.log.queries });
    return found;
  };
}

/** The fields of a request's body that identify it to the dedupe store. */
type SlackIds = Parameters<typeof slackEventKey>[0] &
  Parameters<typeof slackActionKey>[0] & {
    readonly type?: unknown;
    readonly actions?: readonly { readonly action_id?: unknown; readonly action_ts?: unknown }[];
  };

/** Acknowledges a request whose work is skipped (a button Slack would otherwise call unanswered). */
async function ackSkipped(ack: AckFn<void> | undefined): Promise<void> {
  if (ack) await ack();
}

/**
 * One global middleware (each costs a step on every request). It claims each event and button press
 * by Slack's ids in the dedupe store and skips one already claimed: Bolt acks events before listeners
 * run and would answer a retry again, and a replayed button press would post again. It also tracks
 * work still being done after the ack, so that stop() can wait for it.
 */
function trackRequests(app: App, log: Logger, dedupe: DedupeStore): Set<Promise<unknown>> {
  const pending = new Set<Promise<unknown>>();
  app.use(async (args) => {
    const { context, next } = args;
    // The screen (screen.ts) has checked these fields' types before Bolt parsed the body.
    const body = args.body as SlackIds;
    const work = withRequest(async () => {
      if (body.type === 'event_callback' && !(await claimOnce(dedupe, slackEventKey(body)))) {
        const { retryNum, retryReason } = context;
        log.info({ eventId: body.event_id, retryNum, retryReason }, 'retried event skipped');
        return;
      }
      if (body.type === 'block_actions' && !(await claimOnce(dedupe, slackActionKey(body)))) {
        await ackSkipped('ack' in args ? (args.ack as AckFn<void>) : undefined);
        log.info({ actionId: body.actions?.[0]?.action_id }, 'replayed action skipped');
        return;
      }
      await next();
    });
    pending.add(work);
    try {
      await work;
    } finally {
      pending.delete(work);
    }
  });
  return pending;
}

/** The receiver given, else HTTP; undefined for Socket Mode (SLACK_APP_TOKEN set), which Bolt builds. */
function receiverFor(
  options: SlackAppOptions,
  slack: SlackConfig,
): HTTPReceiver | SocketModeReceiver | undefined {
  if (options.receiver) return options.receiver;
  if (slack.appToken !== undefined) return undefined;
  return new HTTPReceiver({
    signingSecret: slack.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger: boltLogger(options.logger, { queries: options.config.log.queries }),
  });
}

/** The Bolt app of the configuration, its initialisation deferred to start(). */
function createBoltApp(
  options: SlackAppOptions,
  slack: SlackConfig,
  receiver: HTTPReceiver | SocketModeReceiver | undefined,
): App {
  const { logger } = options;
  return new App({
    token: slack.botToken,
    ...(receiver ? { receiver } : { socketMode: true, appToken: slack.appToken as string }),
    logger: boltLogger(logger, { queries: options.config.log.queries }),
    // auth.test runs in start(), where a rejected token can stop startup with a clear message.
    deferInitialization: true,
    // No listener keeps conversation state; Bolt's default store would cost every request a step.
    convoStore: false,
    clientOptions: {
      ...DEFAULT_CLIENT_OPTIONS,
      fetch: slackFetch({ apiUrl: slack.apiUrl, log: logger.child({ component: 'slack' }) }),
      ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
      ...options.clientOptions,
    },
  });
}

/** auth.test's refusal of the bot token, said as the operator can fix it. */
function refusedToken(error: unknown): never {
  const slackError = (error as { data?: { error?: unknown } }).data?.error;
  if (typeof slackError !== 'string') throw error;
  throw new FrontEndStartError(
    `Slack refused SLACK_BOT_TOKEN (${slackError}). ${slackConfig.fixes.SLACK_BOT_TOKEN}`,
    { cause: error },
  );
}

/**
 * Creates the Slack front end: `/jsev` answered in the ack (ephemeral), buttons (share, next, copy),
 * @mentions answered in the thread, DMs in the DM, and the App Home (listeners in `listeners/`). No
 * search happens here: every answer comes from the retriever.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { retriever, config, logger } = options;
  const slack = config.slack;
  if (!slack) throw new Error('createSlackApp needs config.slack (SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)');
  const log = logger.child({ component: 'slack' });
  const receiver = receiverFor(options, slack);
  const app = createBoltApp(options, slack, receiver);
  const pending = trackRequests(app, log, options.dedupe ?? new MemoryDedupeStore());
  registerListeners(app, { retriever, log, queries: config.log.queries, answer: answerMemo(options, log) });
  app.error(async (error) => {
    log.error(
      { err: { name: error.name, message: error.message, code: error.code } },
      'Slack handler failed',
    );
  });

  const http = receiver instanceof HTTPReceiver ? receiver : undefined;
  const mode = http ? 'http' : 'socket';
  return {
    name: 'slack',
    app,
    mode,
    routes: new Map(
      http
        ? [
            [
              `POST ${SLACK_EVENTS_PATH}`,
              screenSlackRequests({ signingSecret: slack.signingSecret, log }, http.requestListener),
            ],
          ]
        : [],
    ),
    // The server reads at most this much of a body before Bolt (or the screen) sees it.
    bodyLimits: new Map([[`POST ${SLACK_EVENTS_PATH}`, SLACK_BODY_LIMIT]]),
    health: () => ({ mode }),
    async start() {
      await app.init().catch(refusedToken);
      if (!http) await app.start();
    },
    async stop() {
      await Promise.allSettled([...pending]);
      if (!http) await app.stop();
    },
  };
}
