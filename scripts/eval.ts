// npm run eval [-- --set FILE ... --anchors FILE --json]: search quality on labelled queries, per
// category, for the keyword set (dev.jsonl), the natural-question set (dev-natural.jsonl), the blind
// sets and any --set, then the judge's k-fold cross-validation on the reviewed data.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { command, readCommandLine } from '../adapters/cli/arguments.js';
import { loadCorpus } from '../src/corpus/load.js';
import { createRetriever } from '../src/retriever.js';
import { evaluate, formatEvaluation, readLabelledQueries } from './evaluate.js';
import { crossValidate, formatOutcome } from './judge/cross-validate.js';
import { readExamples, searchHeldOut } from './judge/examples.js';

const EVAL_DIR = 'test/fixtures/eval';
/** The dev sets (smoke tests), then each blind set written for a round of tuning, oldest first. */
const DEFAULT_SETS = [
  `${EVAL_DIR}/dev.jsonl`,
  `${EVAL_DIR}/dev-natural.jsonl`,
  ...readdirSync(EVAL_DIR)
    .filter((name) => name.startsWith('blind-') && name.endsWith('.jsonl'))
    .sort()
    .map((name) => `${EVAL_DIR}/${name}`),
];

const { values } = readCommandLine(
  command({
    usage: 'npm run eval -- [--set FILE]… [--only] [--anchors FILE] [--json]',
    help: `Search quality on labelled queries, per category: the keyword set (dev.jsonl), the
natural-question set (dev-natural.jsonl), the blind sets (blind-*.jsonl) and each --set file; then
the judge's 5-fold cross-validation on the reviewed questions, keywords and unanswerable bank.
  --set FILE      also score this JSONL file of labelled queries (repeatable)
  --only          score only the --set files (no cross-validation)
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
const cv = values.only ? undefined : crossValidate(searchHeldOut(corpus, readExamples(corpus)));
if (values.json) process.stdout.write(`${JSON.stringify({ sets: results, crossValidation: cv ?? null })}\n`);
else {
  process.stdout.write(`${results.map((r) => formatEvaluation(r.set, r)).join('\n\n')}\n`);
  if (cv)
    process.stdout.write(
      `\n${formatOutcome('5-fold cross-validation on the reviewed data (npm run fit)', cv)}\n`,
    );
}
if (results.some((r) => r.nonVerbatim > 0)) process.exitCode = 1;
