// Modules are imported where they are needed: each one loaded adds to the time from start to
// first answer (see ARCHITECTURE.md, Figures), and --help or a bad option needs none of them.
import type { Answer } from '../../src/answer.js';
import { CorpusError } from '../../src/corpus/errors.js';
import { command, mistake, parseCommandLine } from './arguments.js';

const CLI = command({
  usage:
    'npm run ask -- [--json] [--stdin] [--limit N] [--corpus-dir DIR] <query>, or npm run corpus -- [--json]',
  help: `  npm run ask -- <query>                  the answer for a person
  npm run --silent ask -- --json <query>  one JSON object {"query","results"}
  npm run --silent ask -- --stdin --json  one query per line in, one JSON object per line out
  npm run --silent corpus -- --json       every passage with its citation
Options: --limit N (default 3), --corpus-dir DIR`,
  parse: {
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      corpus: { type: 'boolean', default: false },
      limit: { type: 'string' },
      'corpus-dir': { type: 'string' },
    },
  },
});

async function main(argv: string[]): Promise<number> {
  const outcome = parseCommandLine(CLI, argv);
  if (!('run' in outcome)) {
    process.stdout.write(outcome.stdout);
    process.stderr.write(outcome.stderr);
    return outcome.exit;
  }
  const { values, positionals } = outcome.run;
  const limit = values.limit === undefined ? 3 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    process.stderr.write(mistake(CLI, `--limit must be a positive whole number, got "${values.limit}"`));
    return 2;
  }
  // The snapshot module loads the YAML parsers and zod only when the build's snapshot is stale.
  const [{ loadCorpusFast }, { createRetriever }] = await Promise.all([
    import('../../src/corpus/snapshot.js'),
    import('../../src/retriever.js'),
  ]);
  const { corpus } = await loadCorpusFast(values['corpus-dir'] ?? process.env.CORPUS_DIR);
  const retriever = createRetriever(corpus);

  if (values.corpus) {
    const { quoteToJson } = await import('./render-json.js');
    const quotes = retriever.allQuotes();
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ hash: corpus.hash, passages: quotes.map(quoteToJson) }, null, 2)}\n`,
      );
    } else {
      for (const q of quotes)
        process.stdout.write(`[${q.passage.id}] ${q.citation.text.ja}\n${q.passage.text}\n\n`);
    }
    return 0;
  }

  const render = await renderer(values.json);
  const answerOne = (query: string): string => render(retriever.ask(query, { limit }));
  if (values.stdin) {
    const { createInterface } = await import('node:readline');
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) process.stdout.write(answerOne(line));
    return 0;
  }
  process.stdout.write(answerOne(positionals.join(' ')));
  return 0;
}

/** How answers are written: one JSON line each, or text for a person (coloured on a terminal). */
async function renderer(json: boolean): Promise<(answer: Answer) => string> {
  if (json) {
    const { answerToJson } = await import('./render-json.js');
    return (answer) => `${JSON.stringify(answerToJson(answer))}\n`;
  }
  const { ANSI_STYLE, PLAIN_STYLE, renderText } = await import('./render-text.js');
  const style = process.stdout.isTTY && !process.env.NO_COLOR ? ANSI_STYLE : PLAIN_STYLE;
  return (answer) => renderText(answer, style);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Expected faults get one clear line; anything else is a bug and keeps its stack.
    if (error instanceof CorpusError) {
      process.stderr.write(`${(error as Error).message}\n`);
    } else {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
