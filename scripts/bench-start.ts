// Start to first answer: the command members run (bin/ask, the CLI from the build's startup
// snapshot) answering a query, process spawn to exit, beside `node -e 0` spawned the same way in the
// same run (the cost of starting Node itself).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { percentile } from './stats.js';

export interface StartFigures {
  /** The command (`command`) answering `query`: median wall time from spawn to exit. */
  readonly cli_ms: number;
  /** `node -e 0`: median wall time from spawn to exit. */
  readonly node_ms: number;
  /** cli_ms / node_ms. */
  readonly ratio: number;
  /** The fastest run of each and their ratio: other processes only ever add time, so this varies least on a busy machine. */
  readonly fastest: { readonly cli_ms: number; readonly node_ms: number; readonly ratio: number };
  readonly runs: number;
  readonly query: string;
  /** What was timed, relative to the repository (bin/ask). */
  readonly command: string;
}

/** Wall time from spawning `file ...args` to its exit; rejects unless it exits 0 having written something. */
function timeProcess(file: string, args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const elapsed = performance.now() - started;
      const wantsOutput = args[0] !== '-e';
      if (code !== 0 || (wantsOutput && out === 0)) {
        reject(
          new Error(`${file} ${args.join(' ')} exited ${code} with ${out} bytes out: ${err.slice(0, 500)}`),
        );
      } else resolve(elapsed);
    });
  });
}

/**
 * Runs `node -e 0` and `command` (an executable relative to `cwd`, run as members run it) alternately,
 * one at a time, so both see the same machine; one untimed run of each first warms the file cache.
 */
export async function measureStart(
  cwd: string,
  command: string,
  query = '上清液',
  runs = 11,
): Promise<StartFigures> {
  const node = process.execPath;
  const bare = ['-e', '0'];
  const cli = join(cwd, command);
  await timeProcess(node, bare, cwd);
  await timeProcess(cli, [query], cwd);
  const bareTimes: number[] = [];
  const cliTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    bareTimes.push(await timeProcess(node, bare, cwd));
    cliTimes.push(await timeProcess(cli, [query], cwd));
  }
  const cliMs = percentile(cliTimes, 0.5);
  const nodeMs = percentile(bareTimes, 0.5);
  const fastest = { cli_ms: Math.min(...cliTimes), node_ms: Math.min(...bareTimes) };
  return {
    cli_ms: cliMs,
    node_ms: nodeMs,
    ratio: cliMs / nodeMs,
    fastest: { ...fastest, ratio: fastest.cli_ms / fastest.node_ms },
    runs,
    query,
    command,
  };
}
