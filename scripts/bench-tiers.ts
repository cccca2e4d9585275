// What `npm run bench` measures in each child process: building an index and answering queries,
// for the engine and for the reference beside it (a plain MiniSearch index of character bigrams).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import type { Corpus } from '../src/corpus/load.js';
import type { DocumentMeta, Passage, Section } from '../src/corpus/types.js';
import { createRetriever } from '../src/retriever.js';
import { CJK_RUN } from '../src/text/script.js';
import { percentile, randomGenerator } from './stats.js';

/** A passage of the synthetic corpora (`{"id","text"}` a line). */
export interface PlainPassage {
  readonly id: string;
  readonly text: string;
}

/** One tier's figures: the time to build, the heap the built index holds, and query latency. */
export interface TierFigures {
  readonly passages: number;
  readonly build_s: number;
  readonly heap_mb: number;
  readonly query_p50_ms: number;
  readonly query_p99_ms: number;
  /**
   * The same in CPU time of this process: wall time on a busy machine also counts the time other
   * processes held the cores, CPU time does not (but it adds what GC threads did in parallel).
   */
  readonly query_p99_cpu_ms: number;
  readonly queries: number;
  /** Share of the timed queries that got at least one passage. */
  readonly answered: number;
  /** When queries repeat: the query whose median time is highest, so a slow p99 can be told from a busy machine. */
  readonly slowest?: { readonly query: string; readonly median_ms: number };
}

/** What a tier builds and then asks: `answer` returns how many passages it found. */
export interface Engine {
  readonly answer: (query: string) => number;
}

/** The `shared/bench` folder: `../shared/bench` of the project, looked for in each parent folder. */
export function findSharedBench(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'bench');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The first `limit` passages of a JSON-lines file, gzipped or not. */
export function readPassages(file: string, limit = Number.POSITIVE_INFINITY): PlainPassage[] {
  const raw = readFileSync(file);
  const lines = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').split('\n');
  const passages: PlainPassage[] = [];
  for (const line of lines) {
    if (passages.length >= limit) break;
    if (line.trim() !== '') passages.push(JSON.parse(line) as PlainPassage);
  }
  return passages;
}

/**
 * The bundled corpus with its documents replaced by one document holding `passages`: the engine
 * indexes them with every dictionary and vocabulary file it loads for the statement.
 */
export function syntheticCorpus(base: Corpus, passages: readonly PlainPassage[]): Corpus {
  const meta: DocumentMeta = {
    ...(base.documents[0]?.meta as DocumentMeta),
    id: 'synthetic',
    file: 'synthetic.md',
  };
  const section: Section = { id: 'p', heading: '本文', headingEn: 'Text', editorial: false };
  const synthetic: Passage[] = passages.map((p, i) => ({
    id: `synthetic/${p.id}`,
    key: `p${i + 1}`,
    documentId: meta.id,
    kind: 'paragraph',
    section,
    paragraph: i + 1,
    text: p.text,
    styles: [],
    references: [],
    referenceStyles: [],
    questions: [],
  }));
  return {
    ...base,
    documents: [{ meta, sections: [section], passages: synthetic }],
    passages: synthetic,
  };
}

/**
 * Queries a member might type, the same on every run: one or two terms (2-4 kanji/katakana) cut
 * from random passages, or a question around one term.
 */
export function memberQueries(passages: readonly PlainPassage[], count: number, seed = 42): string[] {
  const random = randomGenerator(seed);
  const queries: string[] = [];
  for (let tries = 0; queries.length < count && tries < count * 10; tries++) {
    const text = passages[Math.floor(random() * passages.length)]?.text ?? '';
    const runs = [...text.matchAll(CJK_RUN)].map((m) => m[0]).filter((r) => r.length >= 2);
    if (runs.length === 0) continue;
    const pick = () => {
      const run = runs[Math.floor(random() * runs.length)] ?? '';
      const length = 2 + Math.floor(random() * 3);
      const start = Math.floor(random() * Math.max(1, run.length - length + 1));
      return run.slice(start, start + length);
    };
    const roll = random();
    queries.push(roll < 0.6 ? pick() : roll < 0.9 ? `${pick()}の${pick()}` : `${pick()}とは何ですか`);
  }
  return queries;
}

/** The engine as every front end calls it: the retriever's full answer path (search, highlights, citations). */
export function buildEngine(corpus: Corpus): Engine {
  const retriever = createRetriever(corpus);
  return {
    answer: (query) => {
      const answer = retriever.ask(query);
      return answer.kind === 'answer' ? answer.total : 0;
    },
  };
}

/** Overlapping character pairs of a text without white space (a lone character stays itself). */
export function characterBigrams(text: string): string[] {
  const chars = [...text.normalize('NFKC').replace(/\s+/g, '')];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** The reference: a plain MiniSearch index of character bigrams, built with `addAll`, queried with OR. */
export function buildBigramReference(passages: readonly PlainPassage[]): Engine {
  const index = new MiniSearch<PlainPassage>({ fields: ['text'], tokenize: characterBigrams });
  index.addAll(passages);
  return { answer: (query) => index.search(query).length };
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Builds an engine and times its queries: heap is what the built engine holds (after a full
 * collection when run with --expose-gc); `warmUp` queries run first, as a running server's would.
 */
export function measureTier(
  passages: number,
  build: () => Engine,
  queries: readonly string[],
  warmUp: readonly string[],
): TierFigures {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const engine = build();
  const buildMs = performance.now() - started;
  gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  for (const query of warmUp) engine.answer(query);
  gc?.();
  const latencies: number[] = [];
  const cpuTimes: number[] = [];
  let answered = 0;
  for (const query of queries) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const found = engine.answer(query);
    latencies.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    if (found > 0) answered++;
  }
  const slowest = slowestQuery(queries, latencies);
  return {
    passages,
    build_s: buildMs / 1000,
    heap_mb: heapMb,
    query_p50_ms: percentile(latencies, 0.5),
    query_p99_ms: percentile(latencies, 0.99),
    query_p99_cpu_ms: percentile(cpuTimes, 0.99),
    queries: queries.length,
    answered: queries.length === 0 ? 0 : answered / queries.length,
    ...(slowest ? { slowest } : {}),
  };
}

/** The query with the highest median time over its runs, among queries timed at least 3 times. */
function slowestQuery(
  queries: readonly string[],
  latencies: readonly number[],
): { query: string; median_ms: number } | undefined {
  const byQuery = new Map<string, number[]>();
  queries.forEach((query, i) => {
    const times = byQuery.get(query) ?? [];
    times.push(latencies[i] ?? 0);
    byQuery.set(query, times);
  });
  let slowest: { query: string; median_ms: number } | undefined;
  for (const [query, times] of byQuery) {
    if (times.length < 3) continue;
    const median = percentile(times, 0.5);
    if (!slowest || median > slowest.median_ms) slowest = { query, median_ms: median };
  }
  return slowest;
}
