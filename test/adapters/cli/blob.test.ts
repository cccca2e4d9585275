// The CLI from the build's V8 startup snapshot (bin/ask, adapters/cli/blob.ts) against the compiled
// CLI it stands in for: built here, in a copy of the compiled app, as `npm run build` builds it.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledEntry } from '../../helpers/compiled-app.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const ORIGINAL_URL = 'https://jsev.jp/docs/jsev_ev_treatment_2023122501.pdf';
let app = '';

/** Every labelled query of the evaluation sets, one a line. */
function labelledQueries(): string {
  const dir = join(root, 'test/fixtures/eval');
  const files = ['dev.jsonl', 'dev-natural.jsonl', 'blind-2026-12-07.jsonl'];
  return files
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean))
    .map((line) => (JSON.parse(line) as { q: string }).q.replace(/\n/g, ' '))
    .join('\n');
}

// bin/ask runs the `node` on PATH: the one running these tests (CI runs them on two Node versions).
const PATH = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
const run = (file: string, args: string[], input?: string) =>
  spawnSync(file, args, {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, PATH },
    // Every query explained as JSON is several megabytes: more than spawnSync keeps by default.
    maxBuffer: 64 << 20,
    ...(input === undefined ? {} : { input }),
  });
const fromBlob = (args: string[], input?: string) =>
  run(process.execPath, ['--snapshot-blob', join(app, 'dist/cli.blob'), '--', ...args], input);
const plain = (args: string[], input?: string) =>
  run(process.execPath, [join(app, 'dist/adapters/cli/main.js'), ...args], input);

beforeAll(() => {
  // A copy of the compiled app, so that building (and spoiling) its blob touches no other test's files.
  app = mkdtempSync(join(tmpdir(), 'jsev-blob-'));
  cpSync(compiledEntry('.'), join(app, 'dist'), { recursive: true });
  writeFileSync(join(app, 'package.json'), readFileSync(join(root, 'package.json')));
  symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
  symlinkSync(join(root, 'corpus'), join(app, 'corpus'), 'dir');
  cpSync(join(root, 'bin'), join(app, 'bin'), { recursive: true });
  const build = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.build as string;
  // npm run build's steps after tsc (the compiled app is already compiled).
  execFileSync('sh', ['-c', build.slice(build.indexOf('&&') + 2)], { cwd: app, stdio: 'pipe' });
}, 120_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

describe('the CLI from the startup snapshot', () => {
  it('answers every labelled query exactly as the compiled CLI does, as text, JSON and explanations', () => {
    const queries = labelledQueries();
    for (const mode of [[], ['--json'], ['--explain', '--json']]) {
      const args = ['--stdin', ...mode];
      const expected = plain(args, queries);
      const actual = fromBlob(args, queries);
      expect(actual.stdout).toBe(expected.stdout);
      expect(expected.stdout.length).toBeGreaterThan(queries.length);
      expect(actual.stderr).toBe('');
    }
  });

  it('is what bin/ask runs, with the same answer, options and exit codes as the compiled CLI', () => {
    for (const args of [['上清液'], ['--copy', '上清液'], ['--limit', '0', 'x'], ['--help'], ['--bogus']]) {
      const expected = plain(args);
      const actual = run(join(app, 'bin/ask'), args);
      expect({ out: actual.stdout, err: actual.stderr, code: actual.status }).toEqual({
        out: expected.stdout,
        err: expected.stderr,
        code: expected.status,
      });
    }
  });

  it('refuses to answer from a corpus that changed since it was built, and the compiled CLI answers', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'jsev-blob-corpus-'));
    try {
      cpSync(join(root, 'corpus'), corpus, { recursive: true });
      const file = join(corpus, 'jsev-2023-12-25.md');
      const changedUrl = 'https://example.org/moved.pdf';
      writeFileSync(file, readFileSync(file, 'utf8').replace(`url: ${ORIGINAL_URL}`, `url: ${changedUrl}`));
      const args = ['--corpus-dir', corpus, '上清液'];
      const actual = fromBlob(args);
      expect(actual.stdout).toBe(plain(args).stdout);
      expect(actual.stdout).toContain(changedUrl);
      expect(actual.stdout).not.toContain(ORIGINAL_URL);
      expect(actual.stderr).toContain('dist/cli.blob is older than the corpus or the compiled code');
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  });

  it('is started by bin/ask only under the Node version that built it, else the compiled CLI answers', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'jsev-blob-corpus-'));
    const version = join(app, 'dist/cli.blob.node');
    const built = readFileSync(version, 'utf8');
    try {
      // A changed corpus makes the blob say so on stderr: the sign that the blob, not main.js, ran.
      cpSync(join(root, 'corpus'), corpus, { recursive: true });
      appendFileSync(join(corpus, 'glossary.yaml'), '\n');
      const args = ['--corpus-dir', corpus, '上清液'];
      expect(built.trim()).toBe(process.version);
      expect(run(join(app, 'bin/ask'), args).stderr).toContain('dist/cli.blob is older');
      writeFileSync(version, 'v0.0.0\n');
      const other = run(join(app, 'bin/ask'), args);
      expect({ out: other.stdout, err: other.stderr, code: other.status }).toEqual({
        out: plain(args).stdout,
        err: '',
        code: 0,
      });
    } finally {
      writeFileSync(version, built);
      rmSync(corpus, { recursive: true, force: true });
    }
  });

  it('refuses to answer once the compiled search code changed since it was built', () => {
    appendFileSync(join(app, 'dist/src/search/rank.js'), '\n// recompiled after the blob was built\n');
    const actual = fromBlob(['上清液']);
    expect(actual.status).toBe(0);
    expect(actual.stdout).toBe(plain(['上清液']).stdout);
    expect(actual.stderr).toContain('dist/cli.blob is older than the corpus or the compiled code');
  });
});
