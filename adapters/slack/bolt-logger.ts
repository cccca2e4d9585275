import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/log.js';

/**
 * Bolt's logger interface on top of the project's pino logger, so Bolt and the Web API client write
 * the same JSON lines (with the same secret redaction). The level is pino's: Bolt's setLevel is ignored.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack' });
  const line = (args: unknown[]) =>
    args
      .map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : JSON.stringify(a)))
      .join(' ');
  return {
    debug: (...args) => log.debug(line(args)),
    info: (...args) => log.info(line(args)),
    warn: (...args) => log.warn(line(args)),
    error: (...args) => log.error(line(args)),
    setLevel: () => {},
    getLevel: () => {
      switch (log.level) {
        case 'trace':
        case 'debug':
          return LogLevel.DEBUG;
        case 'info':
          return LogLevel.INFO;
        case 'warn':
          return LogLevel.WARN;
        default:
          return LogLevel.ERROR;
      }
    },
    setName: () => {},
  };
}
