import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CorpusError } from '../../src/corpus/errors.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createRetriever } from '../../src/retriever.js';
import { answerToJson, quoteToJson } from './render-json.js';
import { ANSI_STYLE, PLAIN_STYLE, renderText } from './render-text.js';

const USAGE = `Usage:
  npm run ask -- <query>                  the answer for a person
  npm run --silent ask -- --json <query>  one JSON object {"query","results"}
  npm run --silent ask -- --stdin --json  one query per line in, one JSON object per line out
  npm run --silent corpus -- --json       every passage with its citation
Options: --limit N (default 3), --corpus-dir DIR`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      corpus: { type: 'boolean', default: false },
      limit: { type: 'string' },
      'corpus-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const limit = values.limit === undefined ? 3 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    process.stderr.write(`--limit must be a positive whole number, got "${values.limit}"\n`);
    return 2;
  }
  const corpus = loadCorpus(values['corpus-dir'] ?? process.env.CORPUS_DIR);
  const retriever = createRetriever(corpus);

  if (values.corpus) {
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

  const style = process.stdout.isTTY && !process.env.NO_COLOR ? ANSI_STYLE : PLAIN_STYLE;
  const answerOne = (query: string): string => {
    const answer = retriever.ask(query, { limit });
    return values.json ? `${JSON.stringify(answerToJson(answer))}\n` : renderText(answer, style);
  };
  if (values.stdin) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) process.stdout.write(answerOne(line));
    return 0;
  }
  process.stdout.write(answerOne(positionals.join(' ')));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Expected faults get one clear line; anything else is a bug and keeps its stack.
    if (error instanceof CorpusError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n`);
    } else {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
