// npm run eval [-- --queries FILE --anchors FILE]: search quality on labelled queries, per category.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.js';
import { createRetriever } from '../src/retriever.js';
import { evaluate, readLabelledQueries } from './evaluate.js';

const { values } = parseArgs({
  options: {
    queries: { type: 'string', default: 'test/fixtures/eval/dev.jsonl' },
    anchors: { type: 'string', default: 'test/fixtures/eval/anchors.json' },
    json: { type: 'boolean', default: false },
  },
});
const corpus = loadCorpus();
const result = evaluate(
  createRetriever(corpus),
  corpus.passages,
  JSON.parse(readFileSync(values.anchors, 'utf8')),
  readLabelledQueries(values.queries),
);
if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const pct = (x: number) => x.toFixed(3);
  const lines = ['category      n   hit@1  hit@3  MRR'];
  for (const c of [...result.categories, result.overall]) {
    lines.push(
      `${c.category.padEnd(12)} ${String(c.n).padStart(2)}   ${pct(c.hit1)}  ${pct(c.hit3)}  ${pct(c.mrr)}`,
    );
  }
  for (const f of result.failures)
    lines.push(
      `miss: ${f.q}  expected ${f.expect.join('|') || '(nothing)'}  got ${f.got.join(',') || '(nothing)'}`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}
