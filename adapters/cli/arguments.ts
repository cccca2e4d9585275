// The command-line parsing every script a person runs shares (node:util parseArgs): --help prints the
// usage, and a person's mistake (an unknown option, a missing value, a stray word) is one line naming
// it and the usage with exit code 2, never a stack trace.
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A command's options (node:util parseArgs, strict) and what --help and a mistake tell about it. */
export interface Command<T extends ParseArgsConfig> {
  /** How it is run, on one line, e.g. `npm run unanswered -- [--json] [FILE…]`. */
  readonly usage: string;
  /** What --help prints below the usage: what the command does and each option, one a line. */
  readonly help: string;
  /** The options (`help`/`-h` is added) and whether words that are not options are taken. */
  readonly parse: T;
}

/** The options and words a command line gives, once --help and mistakes are dealt with. */
export type Arguments<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** What a command line asks for: to run, or to stop at once with this output and exit code. */
export type Outcome<T extends ParseArgsConfig> =
  | { readonly run: Arguments<T> }
  | { readonly exit: 0 | 2; readonly stdout: string; readonly stderr: string };

/** Declares a command (keeps the options' literal types, so the parsed values are typed). */
export function command<const T extends ParseArgsConfig>(spec: Command<T>): Command<T> {
  return spec;
}

/** The one line a person's mistake gets: the problem, then how the command is run. */
export function mistake(spec: Command<ParseArgsConfig>, problem: string): string {
  return `${problem}. Usage: ${spec.usage} (--help for more)\n`;
}

/** Parses `argv` (pure, for tests and for callers that return an exit code themselves). */
export function parseCommandLine<T extends ParseArgsConfig>(
  spec: Command<T>,
  argv: readonly string[],
): Outcome<T> {
  const options = { ...spec.parse.options, help: { type: 'boolean', short: 'h' } } as const;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ ...spec.parse, options, args: [...argv], strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw error;
    // Node's message goes on to explain `--`; its first sentence names what was wrong.
    const problem = (error as Error).message.split(/\.(?: |$)/)[0] ?? code;
    return { exit: 2, stdout: '', stderr: mistake(spec as Command<ParseArgsConfig>, problem) };
  }
  if (parsed.values.help === true)
    return { exit: 0, stdout: `Usage: ${spec.usage}\n${spec.help}\n`, stderr: '' };
  return { run: parsed as Arguments<T> };
}

/** Parses the process's arguments; answers --help (exit 0) or a mistake (exit 2) and exits. */
export function readCommandLine<T extends ParseArgsConfig>(
  spec: Command<T>,
  argv: readonly string[] = process.argv.slice(2),
): Arguments<T> {
  const outcome = parseCommandLine(spec, argv);
  if ('run' in outcome) return outcome.run;
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exit(outcome.exit);
}

/** Refuses a value parsing could not judge (e.g. `--runs x`): one line and the usage, exit 2. */
export function refuse(spec: Command<ParseArgsConfig>, problem: string): never {
  process.stderr.write(mistake(spec, problem));
  process.exit(2);
}
