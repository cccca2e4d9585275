import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusError } from './errors.js';

export const GLOSSARY_FILE = 'glossary.yaml';
export const SYNONYMS_FILE = 'synonyms.yaml';
export const LEXICON_FILE = 'lexicon.yaml';
const OUT_OF_SCOPE_FILE = 'out-of-scope.yaml';
const DOMAIN_FILE = 'domain.yaml';
const UNANSWERABLE_FILE = 'unanswerable.yaml';
export const JUDGE_FILE = 'judge.json';

/** The bundled `corpus/` folder, found from this module whether it runs from source or from `dist/`. */
export function defaultCorpusDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'corpus', GLOSSARY_FILE))) {
      return join(dir, 'corpus');
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('The bundled corpus/ folder was not found next to package.json');
    dir = parent;
  }
}

/**
 * The fix for a folder that is not a corpus. The folder is CORPUS_DIR's (the CLI's --corpus-dir),
 * or the bundled one when it is unset.
 */
const CORPUS_DIR_FIX =
  "set CORPUS_DIR to the folder holding the statement's .md files and glossary.yaml (a copy of the bundled corpus/ folder), or unset CORPUS_DIR to use the bundled corpus/";

/** Why a corpus folder could not be listed, in the operator's words. */
export function unreadableFolder(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'ENOTDIR':
      return 'is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    default:
      return `cannot be read${typeof code === 'string' ? ` (${code})` : ''}`;
  }
}

/** One corpus file's name (relative to the folder) and text. */
export interface SourceFile {
  readonly name: string;
  readonly text: string;
}

/**
 * The text of every file a corpus folder is made of, read once: its documents (sorted by name),
 * its glossary and its optional vocabulary files (undefined when absent), and a hash of them all.
 */
export interface CorpusSources {
  readonly folder: string;
  readonly documents: readonly SourceFile[];
  readonly glossary: SourceFile | undefined;
  readonly synonyms: SourceFile | undefined;
  readonly lexicon: SourceFile | undefined;
  readonly outOfScope: SourceFile | undefined;
  readonly domain: SourceFile | undefined;
  readonly unanswerable: SourceFile | undefined;
  readonly judge: SourceFile | undefined;
  /** SHA-256 (hex) of every file's name and text: any byte changed, added or removed changes it. */
  readonly hash: string;
}

/**
 * Reads a corpus folder's files, without parsing them (no YAML, no validation: cheap enough to run
 * on every start, so a snapshot of the parsed corpus can be checked against the files it came from).
 */
export function readCorpusSources(dir: string): CorpusSources {
  const folder = resolve(dir);
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
      .sort();
  } catch (cause) {
    throw new CorpusError(folder, 'corpus folder', unreadableFolder(cause), CORPUS_DIR_FIX, { cause });
  }
  if (names.length === 0) {
    throw new CorpusError(
      folder,
      'corpus folder',
      'holds no .md document, so it is no corpus',
      CORPUS_DIR_FIX,
    );
  }
  const hash = createHash('sha256');
  const read = (name: string): SourceFile => {
    try {
      const text = readFileSync(join(folder, name), 'utf8');
      hash.update(name).update('\0').update(text).update('\0');
      return { name, text };
    } catch (cause) {
      throw new CorpusError(name, 'file', 'cannot be read', 'check the file exists and is readable', {
        cause,
      });
    }
  };
  const optional = (name: string): SourceFile | undefined =>
    existsSync(join(folder, name)) ? read(name) : undefined;
  const documents = names.map(read);
  return {
    folder,
    documents,
    glossary: optional(GLOSSARY_FILE),
    synonyms: optional(SYNONYMS_FILE),
    lexicon: optional(LEXICON_FILE),
    outOfScope: optional(OUT_OF_SCOPE_FILE),
    domain: optional(DOMAIN_FILE),
    unanswerable: optional(UNANSWERABLE_FILE),
    judge: optional(JUDGE_FILE),
    hash: hash.digest('hex'),
  };
}
