import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../../src/corpus/errors.js';
import { loadCorpus } from '../../../src/corpus/load.js';

const CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));
const STATEMENT = 'jsev-2023-12-25.md';
const statement = readFileSync(join(CORPUS, STATEMENT), 'utf8');

function corpusWith(text: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'jsev-corpus-')), 'corpus');
  cpSync(CORPUS, dir, { recursive: true });
  writeFileSync(join(dir, STATEMENT), text);
  return dir;
}

describe('loadCorpus on a truncated statement', () => {
  it.each([0.8, 0.9, 0.95])(
    'refuses the file cut at %s of its length rather than quoting part of it',
    (share) => {
      expect(() => loadCorpus(corpusWith(statement.slice(0, Math.floor(statement.length * share))))).toThrow(
        CorpusError,
      );
    },
  );

  it('refuses the file cut after a whole paragraph (the signature and last paragraphs missing)', () => {
    const lines = statement.split('\n');
    expect(() => loadCorpus(corpusWith(lines.slice(0, lines.length - 10).join('\n')))).toThrow(CorpusError);
  });
});
