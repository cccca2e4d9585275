// npm run bench [-- --json] [-- --synthetic FILE] [-- --no-10k] [-- --no-slack] [-- --runs N]:
// the statement's answer latency, start to first answer of the compiled CLI, and 1,000 and 10,000
// synthetic passages; each figure beside a reference measured in the same run, and the ratio.
// Every tier runs in its own child process, one at a time, so heaps do not mix and no two compete.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { command, readCommandLine, refuse } from '../adapters/cli/arguments.js';
import { measurePhases } from './bench-phases.js';
import { type BenchReport, compare, formatReport, missedTargets, TARGETS } from './bench-report.js';
import { measureStart } from './bench-start.js';
import { findSharedBench, type TierFigures } from './bench-tiers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const BENCH = command({
  usage: 'npm run bench [-- --json] [--synthetic FILE] [--no-10k] [--no-slack] [--runs N]',
  help: `Answer latency on the statement, start to first answer of the compiled CLI, and 1,000 and 10,000
synthetic passages, each beside a reference measured in the same run.
  --json            one JSON line after the report
  --synthetic FILE  the synthetic passages (default ../shared/bench/synthetic-10k.jsonl.gz)
  --no-10k          leave out the 10,000-passage tier
  --no-slack        leave out the Slack round trip
  --runs N          start-up runs to take the median of (default 11)`,
  parse: {
    options: {
      json: { type: 'boolean', default: false },
      synthetic: { type: 'string' },
      'no-10k': { type: 'boolean', default: false },
      'no-slack': { type: 'boolean', default: false },
      runs: { type: 'string', default: '11' },
    },
  },
});
const { values } = readCommandLine(BENCH);
const log = (line: string) => process.stdout.write(`${line}\n`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  refuse(BENCH, `--runs must be a positive whole number, got "${values.runs}"`);

function syntheticFile(): string {
  const bench = findSharedBench(root);
  const file = values.synthetic ?? (bench && join(bench, 'synthetic-10k.jsonl.gz'));
  if (!file || !existsSync(file)) {
    refuse(
      BENCH,
      `${file ?? 'synthetic-10k.jsonl.gz in ../shared/bench'} not found: give --synthetic FILE.jsonl[.gz]`,
    );
  }
  return file;
}

/** One tier in a fresh Node process (with --expose-gc, so heap is measured after a full collection). */
function tier(args: string[]): TierFigures {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'scripts/bench-index.ts', ...args],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) as string) as TierFigures;
}

const loadStart = loadavg()[0] ?? 0;
const file = syntheticFile();
// The CLI is timed as members run it: bin/ask, the CLI from the build's startup snapshot (npm run
// build writes it), not through tsx.
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const start = {
  ...(await measureStart(root, 'bin/ask', '上清液', runs)),
  phases: measurePhases(root, '上清液'),
};
const statement = compare(
  tier(['--tier', 'engine', '--statement']),
  tier(['--tier', 'reference', '--statement']),
);
const small = ['--file', file, '--passages', String(TARGETS.synthetic.passages)];
const synthetic = compare(tier(['--tier', 'engine', ...small]), tier(['--tier', 'reference', ...small]));
const big = values['no-10k'] ? undefined : tier(['--tier', 'engine', '--file', file, '--passages', '10000']);
const measured = { statement, start_to_first_answer: start, synthetic };
const report: BenchReport = {
  ...measured,
  start_to_first_answer_ms: start.cli_ms,
  ...(big ? { synthetic_10k: big } : {}),
  missed: missedTargets(measured),
  machine: { load_start: loadStart, load_end: loadavg()[0] ?? 0, cores: availableParallelism() },
};
for (const line of formatReport(report)) log(line);

let slack: unknown;
if (!values['no-slack'] && existsSync(fileURLToPath(new URL('./bench-slack.ts', import.meta.url)))) {
  const { benchSlack, formatSlackBench } = await import('./bench-slack.js');
  const result = await benchSlack();
  log(formatSlackBench(result));
  slack = result;
}

if (values.json) process.stdout.write(`${JSON.stringify({ ...report, ...(slack ? { slack } : {}) })}\n`);
