// npm run bench [-- --json] [-- --passages FILE ...]: index build time, query latency and heap, for
// the statement and for synthetic corpora, and the time from process start to first answer.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.js';
import { createRetriever } from '../src/retriever.js';
import { buildSearchIndex } from '../src/search/index.js';
import { readLabelledQueries } from './evaluate.js';
import { percentile } from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    passages: { type: 'string', multiple: true },
    'no-slack': { type: 'boolean', default: false },
  },
});
const sharedBench = (name: string) => fileURLToPath(new URL(`../../shared/bench/${name}`, import.meta.url));
const files =
  values.passages ?? ['synthetic-10k.jsonl.gz', 'synthetic-50k.jsonl.gz'].map(sharedBench).filter(existsSync);
const log = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (x: number, digits = 2) => x.toFixed(digits);
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

// The statement: build, then the full answer path (intents, search, highlights, citations).
const corpus = loadCorpus();
const builds: number[] = [];
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  buildSearchIndex(corpus.passages);
  builds.push(performance.now() - t);
}
const retriever = createRetriever(corpus);
const dev = readLabelledQueries(
  fileURLToPath(new URL('../test/fixtures/eval/dev.jsonl', import.meta.url)),
).map((q) => q.q);
const latencies: number[] = [];
for (let i = 0; latencies.length < 2600; i++) {
  const query = dev[i % dev.length] as string;
  const t = performance.now();
  retriever.ask(query);
  latencies.push(performance.now() - t);
}
const statement = {
  build_ms: percentile(builds, 0.5),
  query_p50_ms: percentile(latencies.slice(dev.length), 0.5),
  query_p99_ms: percentile(latencies.slice(dev.length), 0.99),
};
log(
  `statement (${corpus.passages.length} passages): build ${fmt(statement.build_ms)} ms, query p50 ${fmt(statement.query_p50_ms, 3)} ms, p99 ${fmt(statement.query_p99_ms, 3)} ms (${latencies.length - dev.length} queries)`,
);

// Synthetic corpora, each in a fresh process so heap figures are its own.
const targets: Record<number, { build_s: number; p99: number; heap: number }> = {
  10000: { build_s: 3, p99: 2, heap: 150 },
  50000: { build_s: 15, p99: 10, heap: 400 },
};
const synthetic = files.map((file) => {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'scripts/bench-index.ts', file],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  const result = JSON.parse(out.trim().split('\n').at(-1) as string) as {
    passages: number;
    build_s: number;
    heap_mb: number;
    query_p50_ms: number;
    query_p99_ms: number;
  };
  const target = targets[result.passages];
  log(
    `${result.passages} passages: build ${fmt(result.build_s)} s${target ? ` (target ≤ ${target.build_s} s: ${mark(result.build_s <= target.build_s)})` : ''}, ` +
      `query p50 ${fmt(result.query_p50_ms, 3)} ms, p99 ${fmt(result.query_p99_ms, 3)} ms${target ? ` (target ≤ ${target.p99} ms: ${mark(result.query_p99_ms <= target.p99)})` : ''}, ` +
      `heap ${fmt(result.heap_mb, 0)} MB${target ? ` (target ≤ ${target.heap} MB: ${mark(result.heap_mb <= target.heap)})` : ''}`,
  );
  return result;
});

/** Wall time from spawning the compiled CLI to its first byte of answer (median of 5 runs). */
async function startToFirstAnswer(): Promise<number> {
  execFileSync(
    process.execPath,
    [
      fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)),
      '-p',
      'tsconfig.build.json',
    ],
    { cwd: root },
  );
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    runs.push(
      await new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const child = spawn(process.execPath, ['dist/adapters/cli/main.js', '--json', '上清液'], {
          cwd: root,
        });
        child.stdout.once('data', () => resolve(performance.now() - started));
        child.once('error', reject);
      }),
    );
  }
  return percentile(runs, 0.5);
}
const startMs = await startToFirstAnswer();
log(
  `start to first answer (compiled CLI, 上清液): ${fmt(startMs, 0)} ms (target ≤ 300 ms: ${mark(startMs <= 300)})`,
);

let slack: unknown;
if (!values['no-slack'] && existsSync(fileURLToPath(new URL('./bench-slack.ts', import.meta.url)))) {
  const { benchSlack, formatSlackBench } = await import('./bench-slack.js');
  const result = await benchSlack();
  log(formatSlackBench(result));
  slack = result;
}

const report = { statement, synthetic, start_to_first_answer_ms: startMs, ...(slack ? { slack } : {}) };
if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
