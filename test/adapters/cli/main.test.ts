import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledEntry } from '../../helpers/compiled-app.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = (args: string[], input?: string): string =>
  execFileSync(process.execPath, [compiledEntry('adapters/cli/main.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });

describe('the CLI', () => {
  it('prints one JSON object with verbatim results and citations', () => {
    const out = JSON.parse(run(['--json', '上清液']));
    expect(Object.keys(out)).toEqual(['query', 'results']);
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
    expect(first.citation).toMatchObject({ date: '2023-12-25', section: '見解と提言', paragraph: 2 });
    expect(Object.keys(first.citation.text)).toEqual(['ja', 'en']);
    expect(first.highlights.length).toBeGreaterThan(0);
    for (const { start, end } of first.highlights) expect(first.text.slice(start, end)).toContain('上清');
  });

  it('returns no results for an off-topic query', () => {
    expect(JSON.parse(run(['--json', '寿司']))).toEqual({ query: '寿司', results: [] });
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
