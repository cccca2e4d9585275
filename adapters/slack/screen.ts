// What every request to /slack/events must pass before Bolt's HTTPReceiver sees it. Bolt buffers up
// to 4 MiB before checking anything, accepts timestamps from the future, and reads `body.ssl_check`
// outside its try/catch, so that one signed `payload=null` used to end the process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { verifySlackRequest } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import { bodyWithin, declaresOver } from '../server/body.js';
import type { RouteHandler } from '../server/front-end.js';
import { sendJson } from '../server/json.js';
import { isSlackBody } from './body-shape.js';

/** The largest body Slack's route reads: Slack's own payloads are a few KB; a 500-character query fits many times. */
export const SLACK_BODY_LIMIT = 64 * 1024;

/** Slack's rule: a request whose timestamp differs from now by more than five minutes, either way, is refused. */
const SLACK_TIMESTAMP_TOLERANCE_S = 5 * 60;

export interface ScreenOptions {
  readonly signingSecret: string;
  readonly log: Logger;
  /** The clock in milliseconds (tests pass their own). */
  readonly now?: () => number;
}

/** What Bolt's receiver accepts in place of reading the stream again (see its bufferIncomingMessage). */
type Buffered = IncomingMessage & { rawBody?: Buffer };

const refuse = (res: ServerResponse, status: number, error: string): void => {
  if (res.headersSent) return;
  // Whatever the client still sends of the body is not read: the connection ends with the answer.
  sendJson(res, status, { error }, { connection: 'close' });
};

/** Whether the timestamp header is a plain number of seconds within the tolerance of `nowMs`. */
function isFreshTimestamp(header: string | string[] | undefined, nowMs: number): boolean {
  if (typeof header !== 'string' || !/^\d{1,12}$/.test(header)) return false;
  return Math.abs(Number(header) - nowMs / 1000) <= SLACK_TIMESTAMP_TOLERANCE_S;
}

/** The body as Bolt parses it (same content-type rule), or undefined when it is not JSON. */
function parseLikeBolt(req: IncomingMessage, raw: string): { form: boolean; body: unknown } | undefined {
  try {
    if (req.headers['content-type'] === 'application/x-www-form-urlencoded') {
      const fields = parseQuery(raw);
      const { payload } = fields;
      return typeof payload === 'string'
        ? { form: false, body: JSON.parse(payload) }
        : { form: true, body: { ...fields } };
    }
    return { form: false, body: JSON.parse(raw) };
  } catch {
    return undefined;
  }
}

/** Slack's connectivity check: form-encoded `ssl_check=1`, unsigned; Bolt answers it and keeps nothing else. */
const isSslCheck = (req: IncomingMessage, raw: string): boolean =>
  req.headers['content-type'] === 'application/x-www-form-urlencoded' && parseQuery(raw).ssl_check === '1';

function isSigned(req: IncomingMessage, raw: string, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  if (typeof signature !== 'string') return false;
  try {
    verifySlackRequest({
      signingSecret,
      body: raw,
      headers: {
        'x-slack-signature': signature,
        'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
      },
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Wraps Bolt's request listener: 413 for a body over {@link SLACK_BODY_LIMIT} (by its
 * content-length before reading anything, else once the bytes read pass it), 401 for a timestamp
 * more than five minutes off either way or a bad signature, 400 for a body that is not the shape
 * of a Slack request; what passes reaches Bolt already read.
 */
export function screenSlackRequests(options: ScreenOptions, bolt: RouteHandler): RouteHandler {
  const { signingSecret, log } = options;
  const now = options.now ?? Date.now;
  return async (req: Buffered, res) => {
    if (declaresOver(req, SLACK_BODY_LIMIT)) return refuse(res, 413, 'body too large');
    const stamp = req.headers['x-slack-request-timestamp'];
    if (stamp !== undefined && !isFreshTimestamp(stamp, now())) {
      log.warn(
        { timestamp: String(stamp).slice(0, 40) },
        'Slack request refused: timestamp not within 5 minutes',
      );
      return refuse(res, 401, 'stale or invalid timestamp');
    }
    // The server has read the body within the limit this route declares (adapters/server/body.ts).
    const body = await bodyWithin(req, SLACK_BODY_LIMIT);
    if (body.kind === 'aborted') return; // the client is gone
    if (body.kind === 'too-large') return refuse(res, 413, 'body too large');
    const buffer = body.body;
    const raw = buffer.toString();
    if (!isSslCheck(req, raw)) {
      if (!isSigned(req, raw, signingSecret)) return refuse(res, 401, 'bad signature');
      const parsed = parseLikeBolt(req, raw);
      if (!parsed || !isSlackBody(parsed.body, parsed.form)) {
        log.warn({ contentType: req.headers['content-type'] }, 'Slack request refused: malformed body');
        return refuse(res, 400, 'malformed body');
      }
    }
    req.rawBody = buffer;
    return bolt(req, res);
  };
}
