import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON-lines logger on stdout. Secrets are redacted by key wherever they appear in a log object,
 * as a second line of defence: code never passes tokens to the logger in the first place. Front
 * ends add the paths of their own secrets (`redact`, e.g. a platform's signature header).
 */
export function createLogger(
  options: { readonly level?: string; readonly redact?: readonly string[] } = {},
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'jsev-bot' },
      redact: {
        paths: [
          'token',
          '*.token',
          'botToken',
          '*.botToken',
          'appToken',
          '*.appToken',
          'signingSecret',
          '*.signingSecret',
          'appPassword',
          '*.appPassword',
          'headers.authorization',
          '*.headers.authorization',
          ...(options.redact ?? []),
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * What is safe and useful to log of a failed call: its class, message (first 500 characters), code,
 * the API's own error string (`data.error`, as some Web API clients attach it) and HTTP status. Never
 * the error object itself, whose request details could carry a token. A bug's stack is kept (no
 * HTTP status): it is what one needs to fix it; a failed call's stack says nothing new.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 500) };
  const { code, data, statusCode } = error as Error & {
    code?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
  };
  const apiError = data?.error;
  return {
    name: error.name,
    message: error.message.slice(0, 500),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof apiError === 'string' ? { error: apiError } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(typeof statusCode !== 'number' && typeof apiError !== 'string' && typeof code !== 'string'
      ? { stack: error.stack }
      : {}),
  };
}

/** A logger that writes nothing, for tests and the CLI. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
