// Start to first answer: the compiled CLI answering a query, process spawn to exit, beside
// `node -e 0` spawned the same way in the same run (the cost of starting Node itself).
import { spawn } from 'node:child_process';
import { percentile } from './stats.js';

export interface StartFigures {
  /** The compiled CLI answering `query`: median wall time from spawn to exit. */
  readonly cli_ms: number;
  /** `node -e 0`: median wall time from spawn to exit. */
  readonly node_ms: number;
  /** cli_ms / node_ms. */
  readonly ratio: number;
  /** The fastest run of each and their ratio: other processes only ever add time, so this varies least on a busy machine. */
  readonly fastest: { readonly cli_ms: number; readonly node_ms: number; readonly ratio: number };
  readonly runs: number;
  readonly query: string;
}

/** Wall time from spawning `node ...args` to its exit; rejects unless it exits 0 having written something. */
function timeProcess(args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
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
          new Error(`node ${args.join(' ')} exited ${code} with ${out} bytes out: ${err.slice(0, 500)}`),
        );
      } else resolve(elapsed);
    });
  });
}

/**
 * Runs `node -e 0` and the compiled CLI (`entry`, relative to `cwd`) alternately, one at a time,
 * so both see the same machine; one untimed run of each first warms the file cache.
 */
export async function measureStart(
  cwd: string,
  entry: string,
  query = '上清液',
  runs = 11,
): Promise<StartFigures> {
  const bare = ['-e', '0'];
  const cli = [entry, query];
  await timeProcess(bare, cwd);
  await timeProcess(cli, cwd);
  const bareTimes: number[] = [];
  const cliTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    bareTimes.push(await timeProcess(bare, cwd));
    cliTimes.push(await timeProcess(cli, cwd));
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
  };
}
