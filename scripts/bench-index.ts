// One tier of `npm run bench` in its own process, so heap figures are not mixed with other runs.
// Usage: node --expose-gc --import tsx scripts/bench-index.ts --tier engine|reference
//          (--file FILE.jsonl[.gz] [--passages N] | --statement)  → one JSON line of TierFigures.
// --statement takes the bundled corpus's passages and the labelled queries of test/fixtures/eval.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.js';
import {
  buildBigramReference,
  buildEngine,
  type Engine,
  measureTier,
  memberQueries,
  type PlainPassage,
  readPassages,
  syntheticCorpus,
  type TierFigures,
} from './bench-tiers.js';
import { readLabelledQueries } from './evaluate.js';

const STATEMENT_SETS = ['dev.jsonl', 'dev-natural.jsonl'];
/** Timed queries: enough that p99 rests on about 20 of the slowest. */
const TIMED = 2000;
/** Untimed queries first: on the statement, p99 in CPU time settles only after about 1,000. */
const WARM_UP = 1000;

/** The statement's own labelled queries (of the sets present), repeated until there are at least `count`, and a warm-up. */
function statementQueries(count: number): { timed: string[]; warmUp: string[] } {
  const once = STATEMENT_SETS.map((name) =>
    fileURLToPath(new URL(`../test/fixtures/eval/${name}`, import.meta.url)),
  )
    .filter(existsSync)
    .flatMap((file) => readLabelledQueries(file).map((q) => q.q));
  if (once.length === 0) throw new Error(`bench-index.ts: no labelled queries in test/fixtures/eval`);
  const timed: string[] = [];
  while (timed.length < count) timed.push(...once);
  // Warm up with as many queries as the synthetic tiers (whole rounds of the sets), so the JIT and
  // the heap have settled before timing starts, as in a server that has answered for a while.
  const warmUp: string[] = [];
  while (warmUp.length < WARM_UP) warmUp.push(...once);
  return { timed, warmUp };
}

/** Runs one tier: the engine or the reference, on the statement or on a synthetic file. */
export function runTier(options: {
  tier: 'engine' | 'reference';
  statement: boolean;
  file?: string | undefined;
  passages?: number | undefined;
}): TierFigures {
  const base = loadCorpus();
  const plain: readonly PlainPassage[] = options.statement
    ? base.passages
    : readPassages(requireFile(options.file), options.passages);
  const { timed, warmUp } = options.statement
    ? statementQueries(TIMED)
    : { timed: memberQueries(plain, TIMED, 42), warmUp: memberQueries(plain, WARM_UP, 7) };
  const corpus = options.statement ? base : syntheticCorpus(base, plain);
  const build = (): Engine => (options.tier === 'engine' ? buildEngine(corpus) : buildBigramReference(plain));
  return measureTier(plain.length, build, timed, warmUp);
}

function requireFile(file: string | undefined): string {
  if (!file) throw new Error('bench-index.ts: give --file FILE.jsonl[.gz] or --statement');
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      tier: { type: 'string', default: 'engine' },
      statement: { type: 'boolean', default: false },
      file: { type: 'string' },
      passages: { type: 'string' },
    },
  });
  if (values.tier !== 'engine' && values.tier !== 'reference') {
    throw new Error(`bench-index.ts: --tier is engine or reference, got "${values.tier}"`);
  }
  const figures = runTier({
    tier: values.tier,
    statement: values.statement,
    file: values.file,
    passages: values.passages === undefined ? undefined : Number(values.passages),
  });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
