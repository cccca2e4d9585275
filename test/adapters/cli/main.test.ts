import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Retriever } from '../../../src/answer.js';
import { copyAllText } from '../../../src/citation.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { askAll, createRetriever } from '../../../src/retriever.js';
import { compiledEntry } from '../../helpers/compiled-app.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const VERSIONS = 'test/fixtures/corpus-versions';
let engine: Retriever | undefined;
/** The engine in this process, to hold the CLI's output to the core's own. */
const retriever = (): Retriever => {
  engine ??= createRetriever(loadCorpus());
  return engine;
};
const run = (args: string[], input?: string): string =>
  execFileSync(process.execPath, [compiledEntry('adapters/cli/main.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });

/** The sample answer README.md shows: the fenced block after the comment that names the command. */
function readmeSample(): string {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const marker = readme.indexOf('exactly what `npm run ask -- 上清液` prints');
  const open = readme.indexOf('```text\n', marker);
  const close = readme.indexOf('\n```\n', open);
  if (marker === -1 || open === -1 || close === -1) throw new Error('README.md: no sample answer block');
  return readme.slice(open + '```text\n'.length, close + 1);
}

describe('the CLI', () => {
  it('prints for 上清液 exactly the sample answer README.md shows', () => {
    expect(run(['上清液'])).toBe(readmeSample());
  });

  it('prints one JSON object with verbatim results and citations', () => {
    const out = JSON.parse(run(['--json', '上清液']));
    expect(Object.keys(out)).toEqual(['query', 'results', 'copy_text']);
    // How many passages match is the engine's business (test/src/); the CLI shows at most --limit (3).
    expect(out.results.length).toBeGreaterThan(0);
    expect(out.results.length).toBeLessThanOrEqual(3);
    const first = out.results[0];
    expect(Object.keys(first)).toEqual([
      'id',
      'text',
      'score',
      'highlights',
      'styles',
      'citation',
      'references',
    ]);
    expect(first.citation).toMatchObject({
      date: '2023-12-25',
      section: '見解と提言',
      paragraph: 2,
      status: 'current',
      superseded_by: null,
    });
    expect(Object.keys(first.citation.text)).toEqual(['ja', 'en']);
    expect(first.highlights.length).toBeGreaterThan(0);
    for (const { start, end } of first.highlights) expect(first.text.slice(start, end)).toContain('上清');
  });

  it('returns no results for an off-topic query', () => {
    expect(JSON.parse(run(['--json', '寿司']))).toEqual({ query: '寿司', results: [], copy_text: null });
  });

  it('honours --limit', () => {
    expect(JSON.parse(run(['--json', '--limit', '1', '上清液'])).results).toHaveLength(1);
  });

  it('answers one JSON line per stdin line, in order', () => {
    const lines = run(['--stdin', '--json'], '上清液\n寿司\nGMP\n')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['上清液', '寿司', 'GMP']);
    expect(lines[1].results).toEqual([]);
  });

  it('prints with --copy exactly the core\'s "copy all" block: every result of the answer, not only --limit', () => {
    const expected = copyAllText(askAll(retriever(), '上清液'));
    expect(run(['--copy', '--limit', '1', '上清液'])).toBe(`${expected}\n`);
  });

  it('carries the same "copy all" block in --json as copy_text', () => {
    expect(JSON.parse(run(['--json', '--limit', '1', '上清液'])).copy_text).toBe(
      copyAllText(askAll(retriever(), '上清液')),
    );
  });

  it('prints the answer itself with --copy when nothing is quoted', () => {
    expect(run(['--copy', '寿司'])).toContain('見解には該当する記述が見つかりませんでした');
  });

  it("carries a superseded quote's status and successor in --json, and its line in the copy text", () => {
    const out = JSON.parse(run(['--corpus-dir', VERSIONS, '--json', '--limit', '6', '上清液']));
    const old = out.results.find((r: { id: string }) => r.id === 'jsev-2023-12-01/p2');
    expect(old.citation).toMatchObject({ status: 'superseded', superseded_by: 'jsev-2023-12-25' });
    expect(out.results[0].citation).toMatchObject({ status: 'current', superseded_by: null });
    expect(out.copy_text).toContain('※ 旧版: 2023年12月25日付の「');
  });

  it('says under a superseded quote that it was replaced, and by what', () => {
    const text = run(['--corpus-dir', VERSIONS, '--limit', '6', '上清液']);
    expect(text).toContain(
      '（2023年12月1日）見解と提言 第2段落 https://example.org/jsev-statement-2023-12-01.pdf\n  ※ 旧版: 2023年12月25日付の「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」に置き換えられています。',
    );
  });

  it('prints every passage with its citation for review', () => {
    const out = JSON.parse(run(['--corpus', '--json']));
    expect(out.passages).toHaveLength(11);
    expect(out.passages[0].citation.text.ja).toContain('要点 第1項');
  });

  it('prints passages as plain text with their italics and links as spans', () => {
    const out = JSON.parse(run(['--corpus', '--json']));
    const p2 = out.passages.find((p: { id: string }) => p.id.endsWith('/p2'));
    expect(p2.styles).toEqual([expect.objectContaining({ style: 'italic' })]);
    const [italic] = p2.styles;
    expect(p2.text.slice(italic.start, italic.end)).toBe('Int J Mol Sci.');
    for (const passage of out.passages) expect(passage.text).not.toMatch(/[*_]|<http|\]\(/);
  });
});
