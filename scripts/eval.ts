// npm run eval [-- --set FILE ... --anchors FILE --json]: search quality on labelled queries, per
// category, for the keyword set (dev.jsonl), the natural-question set (dev-natural.jsonl) and any --set.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { command, readCommandLine } from '../adapters/cli/arguments.js';
import { loadCorpus } from '../src/corpus/load.js';
import { createRetriever } from '../src/retriever.js';
import { evaluate, formatEvaluation, readLabelledQueries } from './evaluate.js';

const DEFAULT_SETS = ['test/fixtures/eval/dev.jsonl', 'test/fixtures/eval/dev-natural.jsonl'];

const { values } = readCommandLine(
  command({
    usage: 'npm run eval -- [--set FILE]… [--only] [--anchors FILE] [--json]',
    help: `Search quality on labelled queries, per category: the keyword set (dev.jsonl), the
natural-question set (dev-natural.jsonl) and each --set file.
  --set FILE      also score this JSONL file of labelled queries (repeatable)
  --only          score only the --set files
  --anchors FILE  the passages' anchors (default test/fixtures/eval/anchors.json)
  --json          one JSON line instead of the tables`,
    parse: {
      options: {
        set: { type: 'string', multiple: true, default: [] },
        only: { type: 'boolean', default: false },
        anchors: { type: 'string', default: 'test/fixtures/eval/anchors.json' },
        json: { type: 'boolean', default: false },
      },
    },
  }),
);
const corpus = loadCorpus();
const retriever = createRetriever(corpus);
const anchors = JSON.parse(readFileSync(values.anchors, 'utf8'));
// --only scores just the --set files.
const sets = [...(values.only ? [] : DEFAULT_SETS), ...values.set];
const results = sets.map((file) => ({
  set: basename(file),
  ...evaluate(retriever, corpus.passages, anchors, readLabelledQueries(file)),
}));
if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
else process.stdout.write(`${results.map((r) => formatEvaluation(r.set, r)).join('\n\n')}\n`);
if (results.some((r) => r.nonVerbatim > 0)) process.exitCode = 1;
