import type { Logger } from '../../src/log.js';
import { describeError } from '../../src/log.js';

/**
 * Keeps the process serving whatever one request's code throws outside a handler's try/catch (a
 * rejected promise nobody awaits, an exception in a callback): one error line, and the server goes
 * on answering everyone else, instead of Node's default of ending the process and all in flight.
 */
export function guardProcess(logger: Logger): void {
  const log = logger.child({ component: 'process' });
  process.on('unhandledRejection', (reason) => {
    log.error({ err: describeError(reason) }, 'unhandled rejection: logged, still serving');
  });
  process.on('uncaughtException', (error, origin) => {
    log.error({ err: describeError(error), origin }, 'uncaught exception: logged, still serving');
  });
}
