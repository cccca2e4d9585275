// Every package.json script a person runs with arguments (`tsx FILE …`, the server aside), run as npm
// runs it: --help answers with the usage, and an unknown option is refused in one line naming it and
// the usage, exit code 2, no stack trace. Each starts a child process: the scripts run one at a time.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scripts = (
  JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }
).scripts;
/** name → the file tsx runs and the arguments the script gives it. */
const commands = Object.entries(scripts)
  .filter(([name, line]) => name !== 'start' && /^tsx \S+\.ts\b/.test(line))
  .map(([name, line]) => {
    const [, file = '', ...preset] = line.split(' ');
    return { name, file, preset };
  });

async function run(
  file: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const [code] = await once(child, 'close');
  return { code, stdout, stderr };
}

describe('the scripts a person runs', () => {
  it('include every one the README names', () => {
    expect(commands.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'ask',
        'corpus',
        'eval',
        'unanswered',
        'vocabulary',
        'bench',
        'stress',
        'screenshots',
        'teams:package',
        'teams:icons',
      ]),
    );
  });

  it.each(commands)(
    'npm run $name -- --help prints its usage and exits 0',
    async ({ name, file, preset }) => {
      const { code, stdout, stderr } = await run(file, [...preset, '--help']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(new RegExp(`^Usage: .*npm run ${name}\\b`));
    },
  );

  it.each(commands)(
    'npm run $name refuses an unknown option in one line naming it and the usage, exit 2',
    async ({ name, file, preset }) => {
      const { code, stdout, stderr } = await run(file, [...preset, '--no-such-option']);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(
        new RegExp(`^Unknown option '--no-such-option'\\. Usage: .*npm run ${name}\\b.*\\n$`),
      );
      expect(stderr.split('\n')).toHaveLength(2);
    },
  );
});
