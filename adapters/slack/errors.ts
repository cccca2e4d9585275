/** Slack errors that mean the token itself is refused: nothing else can be posted with it either. */
const AUTH_ERRORS: ReadonlySet<string> = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'account_inactive',
]);

/** Whether Slack refused the token itself (then not even an apology can be posted). */
export function isAuthError(error: unknown): boolean {
  const slackError = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof slackError === 'string' && AUTH_ERRORS.has(slackError);
}

/** Where the Slack front end's secrets can appear in a log object, for the logger to redact. */
export const SLACK_REDACT_PATHS = ['headers["x-slack-signature"]', '*.headers["x-slack-signature"]'];
