import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { TeamsConfig } from './config.js';

/** What botbuilder's token check yields: the caller's identity and the connector for replies. */
export type AuthenticatedRequest = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/**
 * Bot Framework authentication from the validated configuration. With `auth` absent
 * (TEAMS_ALLOW_UNAUTHENTICATED, local development only) botbuilder accepts unsigned requests and
 * sends replies without a token; config.ts refuses that mode in production.
 */
export function createAuthentication(teams: TeamsConfig): ConfigurationBotFrameworkAuthentication {
  const { auth } = teams;
  if (!auth) return new ConfigurationBotFrameworkAuthentication({});
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: auth.appId,
    MicrosoftAppType: auth.appType,
    ...(auth.appPassword ? { MicrosoftAppPassword: auth.appPassword } : {}),
    ...(auth.tenantId ? { MicrosoftAppTenantId: auth.tenantId } : {}),
  });
}

/**
 * botbuilder's CloudAdapter with the token check as a step of its own. `CloudAdapter.process`
 * checks the token inside the turn's try/catch and answers 500 (and prints the error) for every
 * failure it does not classify, such as a bad signature under a known key id; here any failed
 * check is the caller's to handle (401), and the turn runs on the request it authenticated.
 */
export class TeamsAdapter extends CloudAdapter {
  constructor(private readonly authentication: ConfigurationBotFrameworkAuthentication) {
    super(authentication);
  }

  /** Checks the request's bearer token (Bot Framework or Entra ID); rejects on any failure. */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticatedRequest> {
    return this.authentication.authenticateRequest(activity, authorization);
  }

  /** Runs the bot's turn for an authenticated activity; resolves to an invoke's response, if any. */
  runTurn(
    authenticated: AuthenticatedRequest,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}
