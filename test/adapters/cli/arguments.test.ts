import { describe, expect, it } from 'vitest';
import { command, parseCommandLine } from '../../../adapters/cli/arguments.js';

const spec = command({
  usage: 'npm run demo -- [--json] [--limit N] FILE…',
  help: '  --json  one JSON line',
  parse: {
    options: { json: { type: 'boolean', default: false }, limit: { type: 'string' } },
    allowPositionals: true,
  },
});
const words = command({ usage: 'npm run plain', help: 'Takes nothing.', parse: { options: {} } });

describe('parseCommandLine', () => {
  it('gives the options and words of a well-formed command line', () => {
    expect(parseCommandLine(spec, ['--json', '--limit', '2', 'a.log'])).toEqual({
      run: { values: { json: true, limit: '2' }, positionals: ['a.log'] },
    });
  });

  it('answers --help and -h with the usage and the help, exit 0', () => {
    const help = {
      exit: 0,
      stdout: 'Usage: npm run demo -- [--json] [--limit N] FILE…\n  --json  one JSON line\n',
      stderr: '',
    };
    expect(parseCommandLine(spec, ['--help'])).toEqual(help);
    expect(parseCommandLine(spec, ['a.log', '-h'])).toEqual(help);
  });

  it.each([
    [['--jsno'], "Unknown option '--jsno'"],
    [['--limit'], "Option '--limit <value>' argument missing"],
    [['--json=yes'], "Option '--json' does not take an argument"],
  ])('refuses %j in one line naming the mistake and the usage, exit 2', (argv, problem) => {
    expect(parseCommandLine(spec, argv)).toEqual({
      exit: 2,
      stdout: '',
      stderr: `${problem}. Usage: npm run demo -- [--json] [--limit N] FILE… (--help for more)\n`,
    });
  });

  it('refuses a word a command takes none of', () => {
    expect(parseCommandLine(words, ['extra'])).toMatchObject({
      exit: 2,
      stderr: "Unexpected argument 'extra'. Usage: npm run plain (--help for more)\n",
    });
  });
});
