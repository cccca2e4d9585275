import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { TeamsConfig } from './config.js';

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
