// npm run unanswered [-- [--json] FILE…]: the questions the statement did not answer and the answers
// marked 👎, from the bot's JSON logs (the files named, or standard input).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { command, readCommandLine } from '../adapters/cli/arguments.js';
import { loadCorpus } from '../src/corpus/load.js';
import { formatReport, ReportBuilder } from './unanswered-report.js';

const { values, positionals } = readCommandLine(
  command({
    usage: 'npm run unanswered -- [--json] [FILE…]',
    help: `The questions the statement did not answer and the answers marked 👎, from the bot's JSON logs
(the files named, or standard input).
  --json      one JSON object instead of the report for the press office`,
    parse: { options: { json: { type: 'boolean', default: false } }, allowPositionals: true },
  }),
);

async function readInto(builder: ReportBuilder, input: Readable): Promise<void> {
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) builder.add(line);
}

// The opening words of each passage, so that the report shows what was quoted, not only its id.
function passageOpenings(): (id: string) => string | undefined {
  const openings = new Map(loadCorpus().passages.map((p) => [p.id, `${[...p.text].slice(0, 30).join('')}…`]));
  return (id) => openings.get(id);
}

const builder = new ReportBuilder();
try {
  if (positionals.length === 0) {
    if (process.stdin.isTTY)
      process.stderr.write('unanswered: reading log lines from standard input (Ctrl-D ends)\n');
    await readInto(builder, process.stdin);
  }
  for (const file of positionals) await readInto(builder, createReadStream(file));
} catch (error) {
  process.stderr.write(`unanswered: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const report = builder.report();
process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report, passageOpenings()));
