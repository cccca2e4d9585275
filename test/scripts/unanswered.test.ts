import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADVICE, buildReport } from '../../scripts/unanswered-report.js';

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

describe('npm run unanswered -- --suggest', () => {
  const work = mkdtempSync(join(tmpdir(), 'unanswered-suggest-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // The logs are of a stricter day: the bundled corpus, its judge's weights, its bar at 0.99, so that
  // the fixture's questions are missed whatever a refit does to the bar.
  const strictCorpus = join(work, 'corpus');
  mkdirSync(strictCorpus);
  for (const name of readdirSync(join(root, 'corpus')).filter((n) => n !== 'judge.json'))
    symlinkSync(join(root, 'corpus', name), join(strictCorpus, name));
  const judge = JSON.parse(readFileSync(join(root, 'corpus', 'judge.json'), 'utf8'));
  writeFileSync(join(strictCorpus, 'judge.json'), JSON.stringify({ ...judge, threshold: 0.99 }));
  // With the bar so high, a passage is proposed from a fifth of it (the weights decide which).
  const strict = ['--corpus-dir', strictCorpus, '--floor', '0.2'];

  it('names the likely passage of each group and writes a patch that git apply accepts', async () => {
    const out = join(work, 'suggested.patch');
    const { code, stdout } = await unanswered([
      ...strict,
      '--suggest',
      '--suggest-out',
      out,
      fixture('suggest.jsonl'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('  3× 報告書を出した専門の部会はどこに置かれたのですか\n');
    expect(stdout).toMatch(/likely passage: jsev-2023-12-25\/p1 「独立行政法人医薬品医療機器総合機構/u);
    expect(stdout).toContain('gap: a kind of request the statement never answers, "cost"');
    expect(stdout).toContain(`written to ${out}`);
    const patch = readFileSync(out, 'utf8');
    expect(patch.startsWith(ADVICE.patch)).toBe(true);
    expect(patch).toMatch(
      /^\+ {4}- '報告書を出した専門の部会はどこに置かれたのですか' {2}# unanswered 3× /mu,
    );
    // Checked against the repository's own corpus file, which it leaves as it is.
    execFileSync('git', ['apply', '--check', out], { cwd: root });
  });

  it('carries the report, the suggestions and where the patch went with --json', async () => {
    const out = join(work, 'json.patch');
    const args = [...strict, '--suggest', '--json', '--suggest-out', out, fixture('suggest.jsonl')];
    const json = JSON.parse((await unanswered(args)).stdout);
    expect(Object.keys(json)).toEqual(['linesRead', 'unanswered', 'disliked', 'notLogged', 'suggestions']);
    expect(json.suggestions).toMatchObject({
      threshold: expect.any(Number),
      floor: expect.any(Number),
      patch: { file: out, written: true },
    });
    expect(json.suggestions.groups[0]).toMatchObject({
      source: 'unanswered',
      question: '報告書を出した専門の部会はどこに置かれたのですか',
      count: 3,
      verdict: { kind: 'passage', passage: 'jsev-2023-12-25/p1' },
      advice: ADVICE.suggestPassage,
    });
    expect(Object.keys(json.suggestions.groups[0].candidates[0])).toEqual([
      'id',
      'probability',
      'answers',
      'shown',
      'inText',
      'inQuestions',
      'notFound',
    ]);
    expect(json.suggestions.additions[0]).toMatchObject({ documentId: 'jsev-2023-12-25', key: 'p1' });
  });

  it('writes no patch when no passage fits, and says so', async () => {
    const out = join(work, 'none.patch');
    const input = '{"msg":"request","intent":"no-match","query":"明日の天気はどうですか"}\n';
    const { code, stdout } = await unanswered(['--suggest', '--suggest-out', out], input);
    expect(code).toBe(0);
    expect(stdout).toContain('gap: no passage reaches');
    expect(stdout).toContain(ADVICE.noAdditions);
    expect(existsSync(out)).toBe(false);
  });
});
