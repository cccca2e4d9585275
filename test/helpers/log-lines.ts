// Captures what a pino logger writes, one parsed JSON object a line, for tests that assert on logging.
import { Writable } from 'node:stream';
import { createRecorder } from './recorder.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface LogCapture {
  /** A destination for `createLogger`. */
  readonly sink: Writable;
  /** Every line written so far; empty it between tests with {@link LogCapture.clear}. */
  readonly lines: readonly LogLine[];
  /** The lines at level error (50) or above. */
  errorsLogged(): LogLine[];
  /** Resolves with the matching lines once `count` lines match; rejects after a guard, naming `what`. */
  untilLogged(what: string, matches: (line: LogLine) => boolean, count?: number): Promise<LogLine[]>;
  clear(): void;
}

/** A destination for `createLogger` that parses each line written to it. */
export function captureLogLines(): LogCapture {
  const recorder = createRecorder<LogLine>();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n')) if (text.trim() !== '') recorder.record(JSON.parse(text));
      done();
    },
  });
  return {
    sink,
    lines: recorder.items,
    errorsLogged: () => recorder.items.filter((l) => l.level >= 50),
    untilLogged: (what, matches, count = 1) => recorder.atLeast(count, what, matches),
    clear: () => recorder.clear(),
  };
}

/** A log line at level error (50) or above. */
export const isError = (line: LogLine): boolean => line.level >= 50;
