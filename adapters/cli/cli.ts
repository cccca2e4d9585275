// The command line itself, whatever prepared the corpus it answers from: modules are imported where
// they are needed, since each one loaded adds to the time from start to first answer (see
// docs/evaluation.md), and --help or a bad option needs none of them.
import type { Retriever } from '../../src/answer.js';
import { CorpusError } from '../../src/corpus/errors.js';
import type { Corpus } from '../../src/corpus/load.js';
import { command, mistake, parseCommandLine } from './arguments.js';

const CLI = command({
  usage:
    'npm run ask -- [--json] [--copy | --explain] [--stdin] [--limit N] [--corpus-dir DIR] <query>, or npm run corpus -- [--json]',
  help: `  npm run ask -- <query>                  the answer for a person
  npm run ask -- --copy <query>           every quote of the answer with its citation, one block to paste
  npm run ask -- --explain <query>        how the question is read and judged, candidate by candidate
  npm run --silent ask -- --json <query>  one JSON object {"query","results"}
  npm run --silent ask -- --stdin --json  one query per line in, one JSON object per line out
  npm run --silent corpus -- --json       every passage with its citation
Options: --limit N (default 3), --corpus-dir DIR`,
  parse: {
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      copy: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      corpus: { type: 'boolean', default: false },
      limit: { type: 'string' },
      'corpus-dir': { type: 'string' },
    },
  },
});

/** The corpus and the retriever over it that the command line answers from. */
export interface Opened {
  readonly corpus: Corpus;
  readonly retriever: Retriever;
}

/**
 * Opens the corpus folder a run names (undefined: CORPUS_DIR's, else the bundled one). The compiled
 * CLI parses it or reads the build's snapshot (main.ts); the startup snapshot has it ready (blob.ts).
 */
export type OpenCorpus = (dir: string | undefined) => Promise<Opened>;

/**
 * Runs the command line on its arguments (without node and the script) and returns the exit code;
 * `open` is called once, after the arguments were read and only when a corpus is needed.
 */
export async function runCli(argv: string[], open: OpenCorpus): Promise<number> {
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
  const { corpus, retriever } = await open(values['corpus-dir'] ?? process.env.CORPUS_DIR);

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

  const render = values.explain ? await explainer(values.json) : await renderer(values.json, values.copy);
  const answerOne = (query: string): string => render(retriever, query, limit);
  if (values.stdin) {
    const { createInterface } = await import('node:readline');
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) process.stdout.write(answerOne(line));
    return 0;
  }
  process.stdout.write(answerOne(positionals.join(' ')));
  return 0;
}

type Render = (retriever: Retriever, query: string, limit: number) => string;

/** How a question is read and judged (`--explain`): as text, or one JSON line each. */
async function explainer(json: boolean): Promise<Render> {
  if (json) return (retriever, query) => `${JSON.stringify(retriever.explain(query))}\n`;
  const { renderExplanation } = await import('./render-explain.js');
  return (retriever, query) => renderExplanation(retriever.explain(query));
}

/**
 * How answers are written: one JSON line each (with the "copy all" block as `copy_text`), the
 * "copy all" block alone (`--copy`; the answer itself when it quotes nothing), or text for a person
 * (coloured on a terminal).
 */
async function renderer(json: boolean, copy: boolean): Promise<Render> {
  const [{ copyAllText }, { askAll }] = await Promise.all([
    import('../../src/citation.js'),
    import('../../src/retriever.js'),
  ]);
  if (json) {
    const { answerToJson } = await import('./render-json.js');
    return (retriever, query, limit) => {
      const copyText = copyAllText(askAll(retriever, query));
      return `${JSON.stringify(answerToJson(retriever.ask(query, { limit }), copyText))}\n`;
    };
  }
  const { ANSI_STYLE, PLAIN_STYLE, renderText } = await import('./render-text.js');
  const style = process.stdout.isTTY && !process.env.NO_COLOR ? ANSI_STYLE : PLAIN_STYLE;
  if (copy) {
    return (retriever, query) => {
      const whole = askAll(retriever, query);
      const text = copyAllText(whole);
      return text === undefined ? renderText(whole, style) : `${text}\n`;
    };
  }
  return (retriever, query, limit) => renderText(retriever.ask(query, { limit }), style);
}

/** Writes why a run failed: one clear line for an expected fault, the stack for anything else (a bug). */
export function reportFailure(error: unknown): void {
  if (error instanceof CorpusError) {
    process.stderr.write(`${(error as Error).message}\n`);
  } else {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  }
}
