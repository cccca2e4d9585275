// The one log line per answered question, shared by every front end, so that the fields (and the
// privacy rule about query text) are the same whichever platform the question came from.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Answer } from './answer.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';

/** Where a question came from: a front end's name (`FrontEnd.name`), or `cli`. */
type Platform = string;

/** LOG_QUERIES: `none` (default), `unanswered` (only questions the statement does not cover) or `all`. */
type QueryLogging = Config['log']['queries'];

interface RequestScope {
  readonly requestId: string;
  readonly startedAt: number;
}

// Front ends answer deep inside their frameworks' callbacks; the scope carries the request's id and
// start time there without threading them through every handler.
const scope = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `fn` as one request: every answer logged within it (however deep in async callbacks) carries
 * the same request id, and its latency counts from this call.
 */
export function withRequest<T>(fn: () => T, requestId: string = randomUUID()): T {
  return scope.run({ requestId, startedAt: performance.now() }, fn);
}

/** The fields of the per-request line. `query` is present only when LOG_QUERIES allows it. */
interface RequestLogLine {
  readonly requestId: string;
  readonly platform: Platform;
  /** Which way the question arrived within the platform (command, mention, search, …). */
  readonly surface: string;
  /** The answer's kind: answer, no-match, key-points, topics, full-text or usage. */
  readonly intent: Answer['kind'];
  /** Quotes returned (0 for intents that quote nothing). */
  readonly results: number;
  /** Id of the first quoted passage, e.g. `jsev-2023-12-25/p2`. */
  readonly topPassage?: string;
  /** From the start of the request to the answer being ready to send, in milliseconds. */
  readonly latencyMs: number;
  readonly query?: string;
}

export interface RequestLogOptions {
  readonly platform: Platform;
  readonly surface: string;
  readonly queries: QueryLogging;
}

/** Whether the query text of this answer may be logged under the LOG_QUERIES setting. */
function mayLogQuery(answer: Answer, queries: QueryLogging): boolean {
  return queries === 'all' || (queries === 'unanswered' && answer.kind === 'no-match');
}

/**
 * The per-request line for an answer. Outside {@link withRequest}, the request is taken to be this
 * moment (a fresh id, latency 0).
 */
function requestLogLine(answer: Answer, options: RequestLogOptions): RequestLogLine {
  const current = scope.getStore();
  const quotes = answer.kind === 'answer' || answer.kind === 'key-points' ? answer.quotes : [];
  const top = quotes[0]?.passage.id;
  return {
    requestId: current?.requestId ?? randomUUID(),
    platform: options.platform,
    surface: options.surface,
    intent: answer.kind,
    results: quotes.length,
    ...(top === undefined ? {} : { topPassage: top }),
    latencyMs: current ? Math.round((performance.now() - current.startedAt) * 10) / 10 : 0,
    ...(mayLogQuery(answer, options.queries) ? { query: answer.query } : {}),
  };
}

/** Writes the one info line for an answered request (message `request`). */
export function logRequest(logger: Logger, answer: Answer, options: RequestLogOptions): void {
  logger.info(requestLogLine(answer, options), 'request');
}

/** What a member said of a quoted passage with the feedback buttons (👍 up, 👎 down). */
export interface FeedbackEvent {
  readonly platform: Platform;
  /** Id of the passage the member rated, e.g. `jsev-2023-12-25/p2`. */
  readonly passage: string;
  readonly value: 'up' | 'down';
  /** The question the passage answered; logged only under LOG_QUERIES=all. */
  readonly query?: string;
  /** What the member wrote with the rating (a feedback dialog), if anything; logged only under LOG_QUERIES=all. */
  readonly comment?: string;
  /** Which way the feedback arrived within the platform (button, invoke, …). */
  readonly surface?: string;
}

/** The fields of the feedback line. `query` and `comment` are present only when LOG_QUERIES is `all`. */
interface FeedbackLogLine {
  readonly requestId: string;
  readonly platform: Platform;
  readonly surface?: string;
  readonly passage: string;
  readonly value: 'up' | 'down';
  readonly query?: string;
  readonly comment?: string;
}

/**
 * The feedback line for one press. The question and the member's comment are logged only under
 * `all`: a rated passage was an answer, and `unanswered` promises to log only the questions the
 * statement did not answer.
 */
function feedbackLogLine(event: FeedbackEvent, queries: QueryLogging): FeedbackLogLine {
  return {
    requestId: scope.getStore()?.requestId ?? randomUUID(),
    platform: event.platform,
    ...(event.surface === undefined ? {} : { surface: event.surface }),
    passage: event.passage,
    value: event.value,
    ...(queries === 'all' && event.query !== undefined ? { query: event.query } : {}),
    ...(queries === 'all' && event.comment !== undefined ? { comment: event.comment } : {}),
  };
}

/** Writes the one info line for a feedback press (message `feedback`). */
export function logFeedback(logger: Logger, event: FeedbackEvent, queries: QueryLogging): void {
  logger.info(feedbackLogLine(event, queries), 'feedback');
}
