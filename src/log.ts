import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON-lines logger on stdout. Secrets are redacted by key wherever they appear in a log object,
 * as a second line of defence: code never passes tokens to the logger in the first place.
 */
export function createLogger(
  options: { readonly level?: string } = {},
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
          'headers["x-slack-signature"]',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** A logger that writes nothing, for tests and the CLI. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
