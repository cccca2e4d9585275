// npm run fit [-- --check]: fits the judge (corpus/judge.json) on the reviewed questions of each
// passage and the questions the statement does not answer, and prints its cross-validation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { command, readCommandLine } from '../adapters/cli/arguments.js';
import { defaultCorpusDir, loadCorpus } from '../src/corpus/load.js';
import { JUDGE_FILE } from '../src/corpus/sources.js';
import { FEATURE_NAMES } from '../src/search/features.js';
import { crossValidate, fitJudge, formatOutcome } from './judge/cross-validate.js';
import { readExamples, searchHeldOut } from './judge/examples.js';
import { judgeInputsHash } from './judge/inputs.js';

const { values } = readCommandLine(
  command({
    usage: 'npm run fit -- [--check]',
    help: `Fits the judge (corpus/judge.json): logistic regression over the features of each question and
candidate passage, on the reviewed questions (positives) and corpus/unanswerable.yaml (negatives),
each searched with its own fold left out; the threshold is chosen for precision. Prints 5-fold
cross-validation.
  --check   exit 1 when corpus/judge.json was fitted on other data or code (stale)`,
    parse: { options: { check: { type: 'boolean', default: false } } },
  }),
);

const root = fileURLToPath(new URL('../', import.meta.url));
const corpusDir = defaultCorpusDir();
const inputs = judgeInputsHash(corpusDir, root);
const corpus = loadCorpus(corpusDir);
if (values.check) {
  if (corpus.judge?.inputs !== inputs) {
    process.stderr.write(
      `${JUDGE_FILE} is stale: the corpus data or the feature code changed since it was fitted; run npm run fit\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${JUDGE_FILE} is up to date\n`);
  process.exit(0);
}
const searched = searchHeldOut(corpus, readExamples(corpus));
process.stdout.write(
  `${formatOutcome('5-fold cross-validation on the reviewed data', crossValidate(searched))}\n`,
);
const { model, threshold } = fitJudge(searched);
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const judge = {
  features: FEATURE_NAMES,
  weights: model.weights.map(round),
  bias: round(model.bias),
  threshold,
  inputs,
};
writeFileSync(join(corpusDir, JUDGE_FILE), `${JSON.stringify(judge, null, 2)}\n`);
process.stdout.write(`wrote ${JUDGE_FILE}: threshold ${threshold}\n`);
for (const [i, name] of FEATURE_NAMES.entries())
  process.stdout.write(`  ${name.padEnd(20)} ${judge.weights[i]}\n`);
