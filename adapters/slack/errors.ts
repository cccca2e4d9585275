/** Slack errors that mean the token itself is refused: nothing else can be posted with it either. */
const AUTH_ERRORS: ReadonlySet<string> = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'account_inactive',
]);

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

/** Whether Slack refused the token itself (then not even an apology can be posted). */
export function isAuthError(error: unknown): boolean {
  const slackError = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof slackError === 'string' && AUTH_ERRORS.has(slackError);
}
