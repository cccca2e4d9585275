// Every request the Slack front end makes (Web API calls and Bolt's respond() to a response_url)
// goes through one fetch: only to Slack's hosts, and never longer than a timeout, so that a forged
// response_url cannot make the bot call elsewhere and a peer that never answers cannot hold shutdown.
import type { Logger } from '../../src/log.js';

/** Where Slack's response_url points (https://hooks.slack.com/…). */
const SLACK_HOOKS_HOST = 'hooks.slack.com';

/** The Web API's default base URL (SLACK_API_URL unset). */
const SLACK_API_BASE = 'https://slack.com/api/';

/** How long one outbound request may take before it is abandoned. */
const OUTBOUND_TIMEOUT_MS = 5000;

/** A request refused because its URL is not one of Slack's hosts; no connection was made. */
export class RefusedHostError extends Error {
  override readonly name = 'RefusedHostError';
}

export interface OutboundOptions {
  /** SLACK_API_URL, when a local stand-in replaces Slack: its origin is then allowed too. */
  readonly apiUrl?: string | undefined;
  readonly log: Logger;
  readonly timeoutMs?: number;
}

/** The origins requests may go to: Slack's hooks over https, and the Web API's base. */
export function allowedOrigins(apiUrl: string | undefined): ReadonlySet<string> {
  return new Set([`https://${SLACK_HOOKS_HOST}`, new URL(apiUrl ?? SLACK_API_BASE).origin]);
}

const urlOf = (input: Parameters<typeof fetch>[0]): string =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

/**
 * A fetch for Bolt's `clientOptions.fetch` (Bolt's respond() and the Web API client both use it):
 * it refuses any origin outside {@link allowedOrigins} with a warn line, and aborts a request still
 * unanswered after the timeout.
 */
export function slackFetch(options: OutboundOptions): typeof fetch {
  const origins = allowedOrigins(options.apiUrl);
  const timeoutMs = options.timeoutMs ?? OUTBOUND_TIMEOUT_MS;
  return (input, init) => {
    let origin: string;
    try {
      origin = new URL(urlOf(input)).origin;
    } catch {
      origin = 'invalid';
    }
    if (!origins.has(origin)) {
      // The origin only: a response_url's path carries a token.
      options.log.warn({ origin: origin.slice(0, 200) }, 'outbound request refused: not a Slack host');
      return Promise.reject(new RefusedHostError(`not a Slack host: ${origin.slice(0, 200)}`));
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return globalThis.fetch(input, { ...init, signal });
  };
}
