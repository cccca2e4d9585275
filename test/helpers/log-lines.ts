// Captures what a pino logger writes, one parsed JSON object a line, for tests that assert on logging.
import { Writable } from 'node:stream';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/**
 * A destination for `createLogger` that parses each line written to it into `lines`; empty `lines`
 * (`lines.length = 0`) between tests. `errorsLogged()` is the lines at level error (50) or above.
 */
export function captureLogLines(): { sink: Writable; lines: LogLine[]; errorsLogged: () => LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n')) if (text.trim() !== '') lines.push(JSON.parse(text));
      done();
    },
  });
  return { sink, lines, errorsLogged: () => lines.filter((l) => l.level >= 50) };
}
