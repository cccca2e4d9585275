import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  App,
  type BlockAction,
  type ButtonAction,
  HTTPReceiver,
  type RespondArguments,
  type RespondFn,
  type SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { Answer, Retriever } from '../../src/answer.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { logRequest, withRequest } from '../../src/request-log.js';
import { MAX_QUERY_LENGTH } from '../../src/retriever.js';
import { ACTION, decodeActionValue } from './actions.js';
import { memoize } from './answer-cache.js';
import { renderBlocks, type SlackMessage } from './blocks.js';
import { boltLogger } from './bolt-logger.js';
import { renderCopyMessage } from './copy-text.js';
import { EventDedupe } from './event-dedupe.js';
import { renderHome } from './home.js';
import { unescapeMrkdwn } from './mrkdwn.js';

/** Where Slack sends commands, events and interactivity (one URL, as the manifest says). */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAppOptions {
  readonly retriever: Retriever;
  /** Must hold `config.slack`. */
  readonly config: Config;
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

/** Slack errors that mean the token itself is refused: nothing else can be posted with it either. */
const AUTH_ERRORS: ReadonlySet<string> = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'account_inactive',
]);

/** The short note a member gets when their answer could not be posted (Japanese, then English). */
export const APOLOGY =
  '申し訳ありません。回答を投稿できませんでした。しばらくしてからもう一度お試しください。 / Sorry, the answer could not be posted. Please try again shortly.';

/**
 * What is safe and useful to log of a Web API failure: its class, message, code, Slack's error
 * string and HTTP status. Never the error object itself, whose request details could hold the token.
 */
export function describeSlackError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, data, statusCode } = error as Error & {
    code?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
  };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof data?.error === 'string' ? { error: data.error } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
  };
}

function isAuthError(error: unknown): boolean {
  const slackError = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof slackError === 'string' && AUTH_ERRORS.has(slackError);
}

/** The Slack front end: a Bolt app wired to the engine, and how to serve and stop it. */
export interface SlackApp {
  readonly app: App;
  readonly mode: 'http' | 'socket';
  /** Serves `POST /slack/events` with Bolt's signature verification; absent in Socket Mode. */
  readonly requestListener?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Verifies the bot token with auth.test (a bad token stops startup); in Socket Mode also connects. */
  start(): Promise<void>;
  /** Waits for answers still being posted after their ack, then disconnects Socket Mode. */
  stop(): Promise<void>;
}

/** Strips mentions of the bot (and any leading mention) and Slack's escaping from message text. */
export function queryFromMessage(text: string | undefined, botUserId: string | undefined): string {
  let query = text ?? '';
  if (botUserId) query = query.replaceAll(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ');
  query = query.replace(/^(\s*<@[A-Z0-9]+(\|[^>]*)?>)+/, ' ');
  return unescapeMrkdwn(query).trim();
}

/**
 * Creates the Bolt app: `/jsev` answered in the ack (ephemeral), buttons (share, next, copy),
 * @mentions answered in the thread, DMs in the DM, and the App Home. No search happens here: every
 * answer comes from `retriever.ask`.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { retriever, config, logger } = options;
  const slack = config.slack;
  if (!slack) throw new Error('createSlackApp needs config.slack (SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)');
  const log = logger.child({ component: 'slack' });
  const socketMode = options.receiver === undefined && slack.appToken !== undefined;
  const receiver =
    options.receiver ??
    (socketMode
      ? undefined
      : new HTTPReceiver({
          signingSecret: slack.signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          logger: boltLogger(logger),
        }));
  const app = new App({
    token: slack.botToken,
    ...(receiver ? { receiver } : { socketMode: true, appToken: slack.appToken as string }),
    logger: boltLogger(logger),
    // auth.test runs in start(), where a rejected token can stop startup with a clear message.
    deferInitialization: true,
    // No listener keeps conversation state; Bolt's default store would cost every request a step.
    convoStore: false,
    clientOptions: {
      ...DEFAULT_CLIENT_OPTIONS,
      ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
      ...options.clientOptions,
    },
  });

  // Answers with their ephemeral rendering, keyed by offset and query (see memoize for why).
  const remembered = memoize(
    options.answerCacheSize ?? 500,
    (key): { answer: Answer; ephemeral: SlackMessage } => {
      const cut = key.indexOf(' ');
      const answer = retriever.ask(key.slice(cut + 1), { offset: Number(key.slice(0, cut)), limit: 1 });
      return { answer, ephemeral: renderBlocks(answer, { shareable: true }) };
    },
  );
  const lookup = (surface: string, query: string, offset = 0) => {
    // The engine reads only the first MAX_QUERY_LENGTH characters, so neither does the key.
    const found = remembered(`${offset} ${query.slice(0, MAX_QUERY_LENGTH)}`);
    const { answer } = found;
    logRequest(log, answer, { platform: 'slack', surface, queries: config.log.queries });
    return found;
  };
  const ask = (surface: string, query: string, offset = 0): Answer => lookup(surface, query, offset).answer;

  // One global middleware (each costs a step on every request): it skips Slack's retries of an event
  // already seen, since Bolt acks events before listeners run and would answer a retry again, and it
  // tracks answers still being posted after their ack, so shutdown can wait for them.
  const dedupe = new EventDedupe(1000);
  const pending = new Set<Promise<unknown>>();
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !dedupe.firstTime(eventId)) {
      log.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
        'retried event skipped',
      );
      return;
    }
    const work = withRequest(() => next());
    pending.add(work);
    try {
      await work;
    } finally {
      pending.delete(work);
    }
  });

  app.command('/jsev', async ({ command, ack }) => {
    await ack({ response_type: 'ephemeral', ...lookup('command', command.text).ephemeral });
  });

  /** Posts through the action's response_url and says whether Slack took it. */
  const post = async (respond: RespondFn, message: RespondArguments): Promise<boolean> => {
    const res = await respond(message);
    if (!res.ok) log.warn({ status: res.status }, 'response_url refused the message');
    return res.ok;
  };
  const isEphemeral = (body: BlockAction) => body.container?.is_ephemeral === true;
  const threadOf = (body: BlockAction): string | undefined => body.message?.thread_ts ?? body.message?.ts;

  /** Shows an answer in place of an ephemeral message, or in the thread of a public one. */
  const showAnswer = async (body: BlockAction, respond: RespondFn, answer: Answer) => {
    if (isEphemeral(body)) {
      await post(respond, { replace_original: true, ...renderBlocks(answer, { shareable: true }) });
    } else {
      const thread = threadOf(body);
      await post(respond, {
        response_type: 'in_channel',
        replace_original: false,
        ...(thread ? { thread_ts: thread } : {}),
        ...renderBlocks(answer),
      });
    }
  };

  app.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, action, body, respond }) => {
    await ack();
    const value = decodeActionValue(action.value);
    if (!value) return;
    const message = renderBlocks(ask('share', value.query, value.offset), { sharedBy: body.user.id });
    // Post publicly first; the ephemeral copy goes only once the public one is there.
    if (await post(respond, { response_type: 'in_channel', replace_original: false, ...message })) {
      await post(respond, { delete_original: true });
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION.next, async ({ ack, action, body, respond }) => {
    await ack();
    const value = decodeActionValue(action.value);
    if (value) await showAnswer(body, respond, ask('next', value.query, value.offset));
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTION.ask}`),
    async ({ ack, action, body, respond }) => {
      await ack();
      const value = decodeActionValue(action.value);
      if (value) await showAnswer(body, respond, ask('suggestion', value.query, value.offset));
    },
  );

  app.action<BlockAction<ButtonAction>>(ACTION.copy, async ({ ack, action, respond }) => {
    await ack();
    const value = decodeActionValue(action.value);
    const message = value && renderCopyMessage(ask('copy', value.query, value.offset));
    if (message) await post(respond, { response_type: 'ephemeral', replace_original: false, ...message });
  });

  /**
   * Posts an answer to a mention or DM. If Slack will not take it (after the client's bounded
   * retries), the failure is logged once here, not rethrown (Bolt would log it again), and the
   * member gets a short ephemeral apology, unless the token is refused, when nothing can be posted.
   */
  const postAnswer = async (
    client: webApi.WebClient,
    surface: 'mention' | 'dm',
    where: { channel: string; thread_ts?: string; user?: string | undefined },
    message: SlackMessage,
  ): Promise<void> => {
    const thread = where.thread_ts ? { thread_ts: where.thread_ts } : {};
    try {
      await client.chat.postMessage({ channel: where.channel, ...thread, ...message });
    } catch (error) {
      log.error(
        { err: describeSlackError(error), method: 'chat.postMessage', surface },
        'Slack answer could not be posted',
      );
      if (isAuthError(error) || !where.user) return;
      try {
        await client.chat.postEphemeral({
          channel: where.channel,
          user: where.user,
          ...thread,
          text: APOLOGY,
        });
      } catch (apologyError) {
        // Slack is still down: the member sees no answer either way, and the failure is logged above.
        log.warn({ err: describeSlackError(apologyError), surface }, 'Slack apology could not be posted');
      }
    }
  };

  app.event('app_mention', async ({ event, client, context }) => {
    // In a DM the message event answers; answering the mention too would post twice.
    if (event.channel.startsWith('D')) return;
    const answer = ask('mention', queryFromMessage(event.text, context.botUserId));
    await postAnswer(
      client,
      'mention',
      { channel: event.channel, thread_ts: event.thread_ts ?? event.ts, user: event.user },
      renderBlocks(answer),
    );
  });

  app.event('message', async ({ event, client, context }) => {
    // Only what a person writes in a DM: no edits, joins or bot messages (our own replies included).
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id) return;
    const answer = ask('dm', queryFromMessage(event.text, context.botUserId));
    await postAnswer(client, 'dm', { channel: event.channel, user: event.user }, renderBlocks(answer));
  });

  const home = renderHome(retriever);
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: home });
    } catch (error) {
      // Logged once here; the member sees the previous Home tab, or none, and can open it again.
      log.error(
        { err: describeSlackError(error), method: 'views.publish' },
        'Slack App Home could not be published',
      );
    }
  });

  app.error(async (error) => {
    log.error(
      { err: { name: error.name, message: error.message, code: error.code } },
      'Slack handler failed',
    );
  });

  const httpReceiver = receiver instanceof HTTPReceiver ? receiver : undefined;
  return {
    app,
    mode: httpReceiver ? 'http' : 'socket',
    ...(httpReceiver ? { requestListener: httpReceiver.requestListener } : {}),
    async start() {
      await app.init();
      if (!httpReceiver) await app.start();
    },
    async stop() {
      await Promise.allSettled([...pending]);
      if (!httpReceiver) await app.stop();
    },
  };
}
