import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, InvokeResponse } from 'botbuilder';
import type { Retriever } from '../../src/answer.js';
import type { Config } from '../../src/config.js';
import { describeError, type Logger } from '../../src/log.js';
import { APOLOGY } from '../../src/messages.js';
import { sendJson } from '../server/json.js';
import { isFromBot, isReadableActivity } from './activity-shape.js';
import { checkTenant, isAllowedServiceUrl, tokenTenant } from './allowlist.js';
import { type AuthenticatedRequest, createAuthentication, TeamsAdapter } from './authentication.js';
import { QuoteBot } from './bot.js';
import type { TeamsConfig } from './config.js';
import { CONNECTOR_CALL_TIMEOUT_MS, withConnectorDeadline } from './connector-deadline.js';
import { BodyTooLargeError, MAX_BODY_BYTES, readBody } from './request-body.js';
import { tokenScreen } from './token-screen.js';

/** The path Azure Bot Service posts activities to (the bot's "messaging endpoint"). */
export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsHandlerOptions {
  readonly retriever: Retriever;
  /** Must hold `config.teams`. */
  readonly config: Config & { readonly teams?: TeamsConfig };
  readonly logger: Logger;
  /** Defaults to {@link MAX_BODY_BYTES}. */
  readonly maxBodyBytes?: number;
  /** How long one connector call may take; defaults to {@link CONNECTOR_CALL_TIMEOUT_MS}. */
  readonly connectorCallTimeoutMs?: number;
}

export type TeamsHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Creates the node:http handler for `POST /api/messages`. Before botbuilder sees a request, it
 * caps the body, checks the JSON, and refuses a `serviceUrl` outside the allowlist and a tenant
 * outside the optional allowlist, so a refused request never causes an outbound call. botbuilder
 * then authenticates the request (unless configured off for local development) and runs the bot.
 * Throws if `config.teams` is absent: mount it only when Teams is configured.
 */
export function createTeamsHandler({
  retriever,
  config,
  logger,
  maxBodyBytes,
  connectorCallTimeoutMs = CONNECTOR_CALL_TIMEOUT_MS,
}: TeamsHandlerOptions): TeamsHandler {
  const teams = config.teams;
  if (!teams) throw new Error('Teams is not configured: set MicrosoftAppId (see docs/teams.md)');
  const log = logger.child({ adapter: 'teams' });
  const adapter = new TeamsAdapter(createAuthentication(teams));
  handleTurnErrors(adapter, log);
  const bot = new QuoteBot({ retriever, logger: log, logQueries: config.log.queries });
  if (!teams.auth)
    log.warn('teams: authentication is OFF (TEAMS_ALLOW_UNAUTHENTICATED); for local development only');

  const refuse: Refuse = (res, status, error, detail = {}) => {
    log.warn({ status, error, ...detail }, 'teams: request refused');
    sendJson(res, status, { error });
    return undefined;
  };

  return async function handleTeamsRequest(req, res) {
    const activity = await readActivity(req, res, maxBodyBytes ?? MAX_BODY_BYTES, refuse);
    if (!activity) return;
    if (!isReadableActivity(activity)) return refuse(res, 400, 'not a Bot Framework activity');
    if (!isAllowedServiceUrl(activity.serviceUrl, teams.allowedServiceUrls)) {
      return refuse(res, 403, 'serviceUrl not allowed', {
        // A string (activity-shape.ts): String() of another value can throw.
        serviceUrl: (activity.serviceUrl as string).slice(0, 200),
      });
    }
    const named = checkTenant(activity, teams.allowedTenants);
    if (!named.ok) return refuse(res, 403, 'tenant not allowed', { reason: named.reason });
    const incoming = withDates(activity);
    const authorization = req.headers.authorization ?? '';
    const screened = tokenScreen(authorization);
    if (screened) return refuse(res, 401, 'unauthorized', { reason: screened });
    let authenticated: AuthenticatedRequest;
    try {
      // Every reply of the turn goes through this connector factory: each call has a deadline.
      authenticated = withConnectorDeadline(
        await adapter.authenticate(incoming, authorization),
        connectorCallTimeoutMs,
      );
    } catch (error) {
      // Whatever failed (no token, alg none, HS256, not yet valid, expired, bad signature, wrong
      // audience or serviceUrl), the caller is not authenticated: 401, never a server error.
      return refuse(res, 401, 'unauthorized', { reason: describeAuthFailure(error) });
    }
    // Authenticated, the request's tenant is the one its token names, whatever the activity says.
    const signedTenant = teams.auth ? tokenTenant(authenticated.claimsIdentity?.claims ?? []) : undefined;
    const signed = signedTenant && checkTenant(activity, teams.allowedTenants, signedTenant);
    if (signed && !signed.ok) return refuse(res, 403, 'tenant not allowed', { reason: signed.reason });
    if (isFromBot(activity)) {
      // Two bots that answer each other would never stop.
      log.debug({ type: activity.type }, 'teams: activity from a bot ignored');
      res.writeHead(200).end();
      return;
    }
    let invokeResponse: InvokeResponse | undefined;
    try {
      invokeResponse = await adapter.runTurn(authenticated, incoming, (context) => bot.run(context));
    } catch (error) {
      // The turn's own errors end in onTurnError; this is botbuilder failing around it.
      log.error({ err: describeError(error) }, 'teams: botbuilder failed');
      return sendJson(res, 500, { error: 'internal error' });
    }
    if (invokeResponse?.body === undefined) res.writeHead(invokeResponse?.status ?? 200).end();
    else sendJson(res, invokeResponse.status, invokeResponse.body);
  };
}

type Refuse = (
  res: ServerResponse,
  status: number,
  error: string,
  detail?: Record<string, unknown>,
) => undefined;

/**
 * A failed turn is logged once and the member gets a short apology. Handled here, not rethrown: a
 * rethrow makes botbuilder print the stack with console.error and answer 500, so the error would
 * be logged three times and Bot Service might deliver the message again. Each connector call is
 * abandoned after CONNECTOR_CALL_TIMEOUT_MS (connector-deadline.ts), the apology's too.
 */
function handleTurnErrors(adapter: TeamsAdapter, log: Logger): void {
  adapter.onTurnError = async (context, error) => {
    log.error({ err: describeError(error) }, 'teams: turn failed');
    // Only a message gets a reply; an invoke (the search box) is answered by its HTTP response.
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity({ type: 'message', text: APOLOGY });
    } catch (apologyError) {
      log.warn({ err: describeError(apologyError) }, 'teams: apology could not be sent');
    }
  };
}

/**
 * The request's activity, or undefined once the request has been refused: not a POST, not JSON,
 * a body over `maxBodyBytes`, or JSON that is not an activity.
 */
async function readActivity(
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
  refuse: Refuse,
): Promise<(Record<string, unknown> & { type: string }) | undefined> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return refuse(res, 405, 'method not allowed');
  }
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return refuse(res, 415, 'expected application/json');
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      res.setHeader('connection', 'close');
      return refuse(res, 413, 'request body too large');
    }
    throw error;
  }
  let activity: unknown;
  try {
    activity = JSON.parse(raw.toString('utf8'));
  } catch {
    return refuse(res, 400, 'invalid JSON');
  }
  return isActivity(activity) ? activity : refuse(res, 400, 'not a Bot Framework activity');
}

/** Why a token was refused, for the log: the error's class and message, never the token. */
function describeAuthFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  return `${error.name}: ${error.message}`.slice(0, 200);
}

/** The activity with its timestamps as Dates, as botbuilder's own request parsing leaves them. */
function withDates(activity: Record<string, unknown> & { type: string }): Activity {
  const fixed: Record<string, unknown> = { ...activity };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return fixed as unknown as Activity;
}

function isActivity(value: unknown): value is Record<string, unknown> & { type: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
