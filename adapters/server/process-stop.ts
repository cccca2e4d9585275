import { setTimeout as sleep } from 'node:timers/promises';
import { describeError, type Logger } from '../../src/log.js';

/** How long after SIGTERM's delay the process exits whatever happens (Kubernetes waits 10 s more). */
const EXIT_GUARD_MS = 10_000;

/** How long the store (Redis) may take to close once the server has drained. */
const STORE_CLOSE_MS = 1000;

/**
 * The same signal again within this time is the same stop delivered twice: a terminal's Ctrl-C
 * reaches every process of the job, and `npm start` forwards it to the server, which has it already.
 */
const REPEAT_MS = 1000;

/** What a stop drains: the server (see `JsevServer.shutdown`). */
export interface Drainable {
  shutdown(options?: { readonly skipDelay?: boolean }): Promise<void>;
}

export interface ProcessStopOptions {
  readonly logger: Logger;
  readonly shutdownDelayMs: number;
  /** Ends the process (tests pass their own). */
  readonly exit?: (code: number) => void;
  /** The clock in milliseconds (tests pass their own). */
  readonly now?: () => number;
}

/** How the process stops: on a signal, or because it is failing (see ./guard.ts). */
export interface ProcessStop {
  /** What to drain, then close, once a stop begins; until then, a fault exits at once. */
  serve(server: Drainable, close: () => Promise<void>): void;
  /**
   * SIGTERM or SIGINT: drain (the delay first), close, exit 0. Another signal exits 1 at once,
   * unless it is the same one again within {@link REPEAT_MS} (then it is ignored).
   */
  signal(signal: NodeJS.Signals): void;
  /**
   * The process must stop: /healthz turns 503 and the listener closes at once (a delay under way
   * is cut short), what is in flight is answered, then the process exits 1, within
   * `shutdownDelayMs` + 10 s whatever happens.
   */
  fail(reason: string): void;
}

/** Creates the process's one way to stop, shared by the signal handlers and the process guard. */
export function createProcessStop(options: ProcessStopOptions): ProcessStop {
  const { logger, shutdownDelayMs } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const now = options.now ?? Date.now;
  let target: { server: Drainable; close: () => Promise<void> } | undefined;
  let first: { signal: NodeJS.Signals; at: number } | undefined;
  let stopping = false;
  let code = 0;

  const drainAndClose = async (server: Drainable, close: () => Promise<void>, skipDelay: boolean) => {
    await server.shutdown(skipDelay ? { skipDelay } : {});
    const closed = await Promise.race([close().then(() => true), sleep(STORE_CLOSE_MS, false)]);
    if (!closed) logger.warn('shutdown: the dedupe store did not close within 1 s');
  };

  const begin = (skipDelay: boolean) => {
    stopping = true;
    if (!target) return exit(code);
    // The last resort, should anything still hang: the orchestrator would kill the process anyway.
    setTimeout(() => {
      logger.error('shutdown: still running 10 s after the delay; exiting');
      exit(1);
    }, shutdownDelayMs + EXIT_GUARD_MS).unref();
    drainAndClose(target.server, target.close, skipDelay).then(
      () => exit(code),
      (error: unknown) => {
        logger.error({ err: describeError(error) }, 'shutdown failed');
        exit(1);
      },
    );
  };

  return {
    serve(server, close) {
      target = { server, close };
    },
    signal(signal) {
      if (first?.signal === signal && now() - first.at < REPEAT_MS) {
        logger.info({ signal }, 'signal repeated at once: the same stop, delivered twice');
        return;
      }
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting without waiting');
        return exit(1);
      }
      first = { signal, at: now() };
      logger.info({ signal }, 'signal received');
      begin(false);
    },
    fail(reason) {
      code = 1;
      logger.error({ reason }, 'stopping: no new requests, answering those in flight, then exiting 1');
      // Already stopping on a signal: the delay (if still under way) ends now.
      if (stopping) void target?.server.shutdown({ skipDelay: true });
      else begin(true);
    },
  };
}
