import type { Logger } from '../../src/log.js';
import { describeError } from '../../src/log.js';

/**
 * More than this many unhandled rejections within {@link REJECTION_WINDOW_MS} stops the process as
 * an uncaught exception does. One is a bug on one request's path, logged; six within a minute is a
 * fault that repeats (a dependency failing on every call, say), and a restart is the honest answer.
 */
const REJECTION_LIMIT = 5;
const REJECTION_WINDOW_MS = 60_000;

/** Counts events within a sliding window. */
export class RecentCount {
  readonly #times: number[] = [];
  constructor(
    readonly windowMs: number,
    readonly now: () => number = Date.now,
  ) {}

  /** Counts one more event; returns how many happened within the window, this one included. */
  add(): number {
    const now = this.now();
    this.#times.push(now);
    while ((this.#times[0] ?? now) <= now - this.windowMs) this.#times.shift();
    return this.#times.length;
  }
}

export interface GuardOptions {
  /**
   * Called once, when the process must stop: after an uncaught exception, or the unhandled
   * rejection that passes {@link REJECTION_LIMIT}. It should stop accepting, drain what is in
   * flight and exit non-zero, so that the orchestrator restarts the process.
   */
  readonly onFatal: (reason: string) => void;
  /** The clock in milliseconds (tests pass their own). */
  readonly now?: () => number;
}

/**
 * Crash-only on the unknown. Every request path catches and answers its own errors; what still
 * escapes to the process is a bug whose effects are unknown (Node documents the process as being
 * in an undefined state after an uncaught exception). So an uncaught exception is logged and
 * `onFatal` called; an unhandled rejection is logged and counted, and the one past
 * {@link REJECTION_LIMIT} within {@link REJECTION_WINDOW_MS} is treated the same way.
 */
export function guardProcess(logger: Logger, options: GuardOptions): void {
  const log = logger.child({ component: 'process' });
  let failed = false;
  const fail = (reason: string) => {
    if (failed) return;
    failed = true;
    options.onFatal(reason);
  };
  const rejections = new RecentCount(REJECTION_WINDOW_MS, options.now);
  process.on('unhandledRejection', (reason) => {
    const recent = rejections.add();
    const err = describeError(reason);
    if (recent <= REJECTION_LIMIT) {
      log.error(
        { err, recent },
        `unhandled rejection: logged, still serving (${recent} in 60 s; stops after ${REJECTION_LIMIT})`,
      );
      return;
    }
    log.error({ err, recent }, `unhandled rejection: more than ${REJECTION_LIMIT} in 60 s, stopping`);
    fail('unhandled rejections');
  });
  process.on('uncaughtException', (error, origin) => {
    log.error(
      { err: describeError(error), origin },
      'uncaught exception: the process state is unknown, stopping',
    );
    fail('uncaught exception');
  });
}
