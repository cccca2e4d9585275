import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/unanswered-report.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => `test/fixtures/logs/${name}`;

/** Runs `npm run unanswered -- …args` as a member of the press office would, with `input` on stdin. */
async function unanswered(
  args: string[],
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(`${root}node_modules/.bin/tsx`, ['scripts/unanswered.ts', ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdin.end(input);
  const [code] = await once(child, 'close');
  return { code, stdout, stderr };
}

describe('npm run unanswered', () => {
  it('reports on every log file named, with the opening words of each passage shown', async () => {
    const { code, stdout } = await unanswered([fixture('unanswered.jsonl'), fixture('feedback.jsonl')]);
    expect(code).toBe(0);
    expect(stdout).toContain('  3× 保険適用はされますか\n');
    expect(stdout).toMatch(/passage shown: jsev-2023-12-25\/p2 「一方で、危惧される点もあります。.*…」/u);
  });

  it('reads standard input when no file is named', async () => {
    const { stdout } = await unanswered([], '{"msg":"request","intent":"no-match","query":"寿司"}\n');
    expect(stdout).toContain('  1× 寿司\n');
  });

  it('prints the report as one JSON object with --json', async () => {
    const { stdout } = await unanswered(['--json', fixture('feedback.jsonl')]);
    const lines = readFileSync(`${root}${fixture('feedback.jsonl')}`, 'utf8').split('\n');
    expect(JSON.parse(stdout)).toEqual(buildReport(lines));
  });

  it('exits 2 naming a file it cannot read', async () => {
    const { code, stderr } = await unanswered(['test/fixtures/logs/missing.jsonl']);
    expect(code).toBe(2);
    expect(stderr).toContain('missing.jsonl');
  });
});
