// Every corpus-folder error names CORPUS_DIR and the fix (issue 18): CORPUS_DIR=/etc exited with a
// message naming the folder but not the variable that chose it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError } from '../../../src/corpus/errors.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { unreadableFolder } from '../../../src/corpus/sources.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jsev-folder-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The loader's error for `dir`. */
function refusal(dir: string): CorpusError {
  try {
    loadCorpus(dir);
  } catch (error) {
    if (error instanceof CorpusError) return error;
    throw error;
  }
  throw new Error(`${dir} was loaded`);
}

const FIX =
  /Fix: set CORPUS_DIR to the folder holding the statement's \.md files and glossary\.yaml .*or unset CORPUS_DIR to use the bundled corpus\//;

describe('a CORPUS_DIR that is not a corpus folder', () => {
  it('that does not exist is refused, saying so and how to set CORPUS_DIR', () => {
    const error = refusal(join(tempDir(), 'no-such-folder'));
    expect(error.message).toMatch(/no-such-folder: corpus folder: does not exist\. /);
    expect(error.message).toMatch(FIX);
  });

  it('that is a file is refused, saying so and how to set CORPUS_DIR', () => {
    const file = join(tempDir(), 'statement.md');
    writeFileSync(file, '# not a folder\n');
    expect(refusal(file).message).toMatch(/corpus folder: is a file, not a folder\. /);
    expect(refusal(file).message).toMatch(FIX);
  });

  it('that is empty is refused, saying it holds no document and how to set CORPUS_DIR', () => {
    const error = refusal(tempDir());
    expect(error.message).toMatch(/corpus folder: holds no \.md document, so it is no corpus\. /);
    expect(error.message).toMatch(FIX);
  });

  it('that holds other files, as /etc does, is refused the same way', () => {
    const dir = tempDir();
    for (const name of ['hosts', 'passwd', 'README.md']) writeFileSync(join(dir, name), 'x\n');
    expect(refusal(dir).message).toMatch(FIX);
  });

  it('that holds documents but no glossary.yaml is refused, naming the folder and CORPUS_DIR', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.md'), '# notes\n');
    const error = refusal(dir);
    expect(error.message).toContain(`glossary.yaml: file: is missing. Fix: add glossary.yaml to ${dir}`);
    expect(error.message).toContain('or set CORPUS_DIR to the folder that has it');
  });
});

describe('why a corpus folder cannot be listed', () => {
  // The suite may run as root, for whom no folder is unreadable: the reason is checked on its own.
  it.each([
    ['EACCES', 'cannot be read (permission denied)'],
    ['EPERM', 'cannot be read (permission denied)'],
    ['ENOENT', 'does not exist'],
    ['ENOTDIR', 'is a file, not a folder'],
    ['EIO', 'cannot be read (EIO)'],
  ])('is said in words for %s', (code, words) => {
    expect(unreadableFolder(Object.assign(new Error(code), { code }))).toBe(words);
  });
});
