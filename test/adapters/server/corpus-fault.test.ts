// A broken corpus must stop `npm start` with a message naming the file, before anything listens or
// calls Slack: the bot never quotes from a half-loaded statement. npm start refuses exactly the
// corpora the loader rejects with a CorpusError (adapters/main.ts), so every kind of damage is
// checked against the loader in-process, and a few are checked end to end in a child process, one
// at a time, so that no child competes with another for the CPU.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusError } from '../../../src/corpus/errors.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { SIGNING_SECRET } from '../slack/harness.js';
import { fakeSlackApi, freePort, startMain, stopAll } from './harness.js';

const CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));
const STATEMENT = 'jsev-2023-12-25.md';

afterAll(stopAll);

/** The environment of a Slack deployment whose corpus is read from `corpusDir`. */
async function envFor(corpusDir: string, apiUrl: string): Promise<Record<string, string>> {
  return {
    PORT: String(await freePort()),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-corpus-fault-test',
    SLACK_API_URL: apiUrl,
    LOG_LEVEL: 'info',
    SHUTDOWN_DELAY_MS: '0',
    CORPUS_DIR: corpusDir,
  };
}

/** A copy of the bundled corpus/ in a temporary folder, changed by `damage`. */
function damagedCorpus(damage: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'jsev-corpus-')), 'corpus');
  cpSync(CORPUS, dir, { recursive: true });
  damage(dir);
  return dir;
}

/** Runs `npm start`'s entry with Slack configured and the given CORPUS_DIR; resolves on exit. */
async function startWith(
  corpusDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string; slackCalls: number }> {
  const slack = await fakeSlackApi();
  const main = startMain(await envFor(corpusDir, slack.url));
  const code = await main.exitCode();
  slack.close();
  const { stdout, stderr } = main.output();
  return { code, stdout, stderr, slackCalls: slack.calls() };
}

const statement = readFileSync(join(CORPUS, STATEMENT), 'utf8');

const faults: { name: string; damage: (dir: string) => void; message: RegExp }[] = [
  {
    name: 'the corpus folder does not exist',
    damage: (dir) => rmSync(dir, { recursive: true }),
    message: /corpus folder: does not exist\. Fix: set CORPUS_DIR to the folder/,
  },
  {
    name: 'the statement file is missing',
    damage: (dir) => rmSync(join(dir, STATEMENT)),
    message: /corpus folder: holds no \.md document/,
  },
  {
    name: 'glossary.yaml is missing',
    damage: (dir) => rmSync(join(dir, 'glossary.yaml')),
    message: /glossary\.yaml: file: is missing/,
  },
  {
    name: 'the statement is an empty file',
    damage: (dir) => writeFileSync(join(dir, STATEMENT), ''),
    message: /jsev-2023-12-25\.md: /,
  },
  {
    name: 'the statement’s front matter is not valid YAML',
    damage: (dir) => writeFileSync(join(dir, STATEMENT), statement.replace('issuer:\n', 'issuer: [\n')),
    message: /jsev-2023-12-25\.md: front matter: is not valid YAML/,
  },
  {
    name: 'the statement is binary garbage',
    damage: (dir) =>
      writeFileSync(
        join(dir, STATEMENT),
        Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      ),
    message: /jsev-2023-12-25\.md: /,
  },
  {
    name: 'the statement is cut off after its first paragraph',
    damage: (dir) =>
      writeFileSync(join(dir, STATEMENT), statement.slice(0, statement.indexOf('一方で、危惧される点'))),
    message: /jsev-2023-12-25\.md: body_sha256: does not match the body/,
  },
  {
    name: 'the statement is cut off inside its front matter',
    damage: (dir) =>
      writeFileSync(join(dir, STATEMENT), statement.slice(0, statement.indexOf('references:'))),
    message: /jsev-2023-12-25\.md: front matter: is not closed/,
  },
  {
    name: 'glossary.yaml is not valid YAML',
    damage: (dir) => writeFileSync(join(dir, 'glossary.yaml'), 'terms:\n  - ja: [細胞外小胞\n    en: ]]\n'),
    message: /glossary\.yaml: /,
  },
  {
    name: 'a second copy of the statement reuses its id',
    damage: (dir) => writeFileSync(join(dir, 'jsev-copy.md'), statement),
    message: /is used by another document/,
  },
  {
    name: 'a document cannot be read (a folder named like one)',
    damage: (dir) => mkdirSync(join(dir, 'unreadable.md')),
    message: /unreadable\.md: file: cannot be read/,
  },
];

/** The loader's error for a corpus, or undefined if it loads. */
function loadError(dir: string): unknown {
  try {
    loadCorpus(dir);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('the corpus loader, which npm start runs before anything else', () => {
  it.each(faults)(
    'refuses the corpus with a CorpusError naming the problem when $name',
    ({ damage, message }) => {
      const error = loadError(damagedCorpus(damage));
      expect(error).toBeInstanceOf(CorpusError);
      expect((error as CorpusError).message).toMatch(message);
    },
  );
});

/** The fault of that name in {@link faults}. */
function fault(name: string): (typeof faults)[number] {
  const found = faults.find((f) => f.name === name);
  if (!found) throw new Error(`no fault named ${name}`);
  return found;
}

/** The faults npm start is run with: one in the folder, one in the statement, one in the glossary. */
const endToEnd = [
  fault('the corpus folder does not exist'),
  fault('the statement is cut off after its first paragraph'),
  fault('glossary.yaml is not valid YAML'),
];

describe('npm start with a damaged corpus', () => {
  it.each(endToEnd)(
    'exits 1 naming the problem, before listening or calling Slack, when $name',
    async ({ damage, message }) => {
      const { code, stdout, stderr, slackCalls } = await startWith(damagedCorpus(damage));
      expect(code).toBe(1);
      expect(stderr).toMatch(/^Corpus refused: /);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stdout).not.toContain('listening');
      expect(slackCalls).toBe(0);
    },
  );

  it('starts normally from an undamaged copy of the corpus (the check above is not vacuous)', async () => {
    const dir = damagedCorpus(() => {});
    const slack = await fakeSlackApi();
    const main = startMain(await envFor(dir, slack.url));
    await main.waitForOutput(/"msg":"listening"/);
    const stdout = main.output().stdout;
    // Answered only once startup has finished (signal handlers included).
    const port = JSON.parse(stdout.split('\n').find((l) => l.includes('"msg":"listening"')) ?? '{}').port;
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    main.child.kill('SIGTERM');
    expect(await main.exitCode()).toBe(0);
    slack.close();
    expect(slack.calls()).toBe(1);
  });
});
