// npm run unanswered [-- [--json] [--suggest [--suggest-out FILE]] FILE…]: the questions the statement
// did not answer and the answers marked 👎, from the bot's JSON logs (the files named, or standard
// input); with --suggest, the passage likely to answer each and a patch of `questions:` to review.
import { createReadStream, realpathSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { command, readCommandLine, refuse } from '../adapters/cli/arguments.js';
import { type Corpus, defaultCorpusDir, loadCorpus, parseCorpus } from '../src/corpus/load.js';
import { readCorpusSources } from '../src/corpus/sources.js';
import { createRetriever } from '../src/retriever.js';
import { questionsPatch } from './questions-patch.js';
import { ADVICE, formatReport, type Report, ReportBuilder } from './unanswered-report.js';
import { FLOOR_SHARE, suggest } from './unanswered-suggest.js';
import { formatSuggestions } from './unanswered-suggest-text.js';

const DEFAULT_PATCH = 'suggested-questions.patch';

const CLI = command({
  usage:
    'npm run unanswered -- [--json] [--suggest [--suggest-out FILE] [--floor SHARE]] [--corpus-dir DIR] [FILE…]',
  help: `The questions the statement did not answer and the answers marked 👎, from the bot's JSON logs
(the files named, or standard input).
  --json              one JSON object instead of the report for the press office
  --suggest           for each group of questions (near-duplicates merged), the passage most likely to
                      answer it by the judge's probability, the top candidates with the words of the
                      question found in their text, only in their reviewed questions, or not at all; a
                      group no passage fits (none reaches half the judge's bar, or a kind of request the
                      statement never answers) is a gap for a future statement. Writes a patch adding
                      the questions to their passage's \`questions:\`, for review: never applied here
  --suggest-out FILE  where --suggest writes the patch (default ${DEFAULT_PATCH})
  --floor SHARE       propose a passage from this share of the judge's bar (default ${FLOOR_SHARE})
  --corpus-dir DIR    the corpus folder to judge with (default CORPUS_DIR, else the bundled corpus/)`,
  parse: {
    options: {
      json: { type: 'boolean', default: false },
      suggest: { type: 'boolean', default: false },
      'suggest-out': { type: 'string', default: DEFAULT_PATCH },
      'corpus-dir': { type: 'string' },
      floor: { type: 'string' },
    },
    allowPositionals: true,
  },
});
const { values, positionals } = readCommandLine(CLI);

async function readInto(builder: ReportBuilder, input: Readable): Promise<void> {
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) builder.add(line);
}

// The opening words of each passage, so that the report shows what was quoted, not only its id.
function passageOpenings(corpus: Corpus): (id: string) => string | undefined {
  const openings = new Map(corpus.passages.map((p) => [p.id, `${[...p.text].slice(0, 30).join('')}…`]));
  return (id) => openings.get(id);
}

/** The suggestions for the report, with the patch written to `file` (when there is something to add). */
function suggestions(report: Report, file: string): string {
  const sources = readCorpusSources(corpusDir);
  const corpus = parseCorpus(sources);
  const retriever = createRetriever(corpus);
  const result = suggest(report, (q) => retriever.explain(q), corpus.passages, floorShare);
  // Paths as git apply reads them from here (npm run runs in the repository's folder).
  const documents = corpus.documents.map((d) => ({
    id: d.meta.id,
    // The file itself, where a corpus folder links to it, so that git apply finds it.
    path: relative(process.cwd(), realpathSync(join(sources.folder, d.meta.file)))
      .split(sep)
      .join('/'),
    text: sources.documents.find((s) => s.name === d.meta.file)?.text ?? '',
  }));
  const patch = questionsPatch(documents, result.additions, ADVICE.patch);
  if (patch !== '') writeFileSync(file, patch);
  const outcome = { file, written: patch !== '' };
  return values.json
    ? `${JSON.stringify({ ...report, suggestions: { ...result, patch: outcome } })}\n`
    : formatSuggestions(report, result, outcome, passageOpenings(corpus));
}

const corpusDir = values['corpus-dir'] ?? (process.env.CORPUS_DIR || defaultCorpusDir());
const floorShare = values.floor === undefined ? FLOOR_SHARE : Number(values.floor);
if (!(floorShare > 0 && floorShare <= 1))
  refuse(CLI, `--floor must be a share between 0 and 1, got "${values.floor}"`);
const builder = new ReportBuilder();
try {
  if (positionals.length === 0) {
    if (process.stdin.isTTY)
      process.stderr.write('unanswered: reading log lines from standard input (Ctrl-D ends)\n');
    await readInto(builder, process.stdin);
  }
  for (const file of positionals) await readInto(builder, createReadStream(file));
  const report = builder.report();
  let output: string;
  if (values.suggest) output = suggestions(report, values['suggest-out']);
  else if (values.json) output = `${JSON.stringify(report)}\n`;
  else output = formatReport(report, passageOpenings(loadCorpus(corpusDir)));
  process.stdout.write(output);
} catch (error) {
  process.stderr.write(`unanswered: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
