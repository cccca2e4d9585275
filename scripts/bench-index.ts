// One index benchmark in its own process, so heap figures are not mixed with other runs.
// Usage: node --expose-gc --import tsx scripts/bench-index.ts FILE.jsonl[.gz]  → one JSON line.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { buildSearchIndex, type IndexablePassage } from '../src/search/index.js';
import { analyzeQuery, indexGlossary } from '../src/search/query.js';
import { searchIndex } from '../src/search/search.js';
import { CJK_RUN } from '../src/text/script.js';
import { percentile, randomGenerator } from './stats.js';

const file = process.argv[2];
if (!file) throw new Error('usage: bench-index.ts FILE.jsonl[.gz]');
const raw = readFileSync(file);
const passages: IndexablePassage[] = (file.endsWith('.gz') ? gunzipSync(raw) : raw)
  .toString('utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as IndexablePassage);

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const index = buildSearchIndex(passages);
const buildMs = performance.now() - started;
gc?.();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

// Queries a member might type: one or two terms (2-4 kanji/katakana) cut from random passages,
// and a share of terms that occur nowhere.
const random = randomGenerator(42);
const queries: string[] = [];
while (queries.length < 2000) {
  const text = passages[Math.floor(random() * passages.length)]?.text ?? '';
  const runs = [...text.matchAll(CJK_RUN)].map((m) => m[0]).filter((r) => r.length >= 2);
  const pick = () => {
    const run = runs[Math.floor(random() * runs.length)] ?? '';
    const length = 2 + Math.floor(random() * 3);
    const start = Math.floor(random() * Math.max(1, run.length - length + 1));
    return run.slice(start, start + length);
  };
  if (runs.length === 0) continue;
  const roll = random();
  queries.push(roll < 0.6 ? pick() : roll < 0.9 ? `${pick()}の${pick()}` : `${pick()}とは何ですか`);
}
const glossary = indexGlossary({ entries: [] });
// Warm up the JIT on a different slice of queries first, as a running server would be.
for (const query of queries.slice(0, 300)) searchIndex(index, analyzeQuery(`${query}の`, glossary));
gc?.();
const latencies: number[] = [];
let answered = 0;
for (const query of queries) {
  const t = performance.now();
  const hits = searchIndex(index, analyzeQuery(query, glossary));
  latencies.push(performance.now() - t);
  if (hits.length > 0) answered++;
}
process.stdout.write(
  `${JSON.stringify({
    passages: index.size,
    build_s: buildMs / 1000,
    heap_mb: heapMb,
    query_p50_ms: percentile(latencies, 0.5),
    query_p99_ms: percentile(latencies, 0.99),
    answered: answered / queries.length,
  })}\n`,
);
