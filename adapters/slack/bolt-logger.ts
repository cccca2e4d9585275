import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';

/** What stands in for a payload a Bolt or Web API line would have carried. */
export const PAYLOAD_OMITTED = '[payload omitted: it may hold a member’s question; LOG_QUERIES=all shows it]';

/**
 * Bolt and the Web API client write whole payloads into their lines at debug (the request body of
 * chat.postMessage, its result, each incoming event, each Socket Mode frame), and a payload carries
 * the member's question. Unless LOG_QUERIES=all, a line loses everything from its first `{` or `[`.
 */
function withoutPayload(line: string): string {
  const brace = line.search(/[{[]/);
  return brace === -1 ? line : `${line.slice(0, brace)}${PAYLOAD_OMITTED}`;
}

export interface BoltLoggerOptions {
  /** LOG_QUERIES: only `all` lets payloads through (`unanswered` cannot be told apart in a raw payload). */
  readonly queries: Config['log']['queries'];
}

/**
 * Bolt's logger interface on top of the project's pino logger, so Bolt and the Web API client write
 * the same JSON lines (with the same secret redaction). The level is pino's: Bolt's setLevel is ignored.
 */
export function boltLogger(logger: Logger, options: BoltLoggerOptions = { queries: 'none' }): BoltLogger {
  const log = logger.child({ component: 'slack' });
  const joined = (args: unknown[]) =>
    args
      .map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : JSON.stringify(a)))
      .join(' ');
  const line = options.queries === 'all' ? joined : (args: unknown[]) => withoutPayload(joined(args));
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
