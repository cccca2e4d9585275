import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from './document.js';
import { CorpusError } from './errors.js';
import { type Glossary, parseGlossary } from './glossary.js';
import { type OutOfScopeKind, parseOutOfScope } from './out-of-scope.js';
import type { CorpusDocument, Passage } from './types.js';
import { type LexiconEntry, parseLexicon, parseSynonyms } from './vocabulary.js';

/** Every document the bot can quote, with the glossary that maps questions onto them. */
export interface Corpus {
  readonly documents: readonly CorpusDocument[];
  readonly passages: readonly Passage[];
  readonly glossary: Glossary;
  /** Groups of words that mean the same (reviewed, from Sudachi's synonym dictionary); [] without the file. */
  readonly synonyms: readonly (readonly string[])[];
  /** The corpus's words with hiragana readings and IPADIC costs; [] without the file. */
  readonly lexicon: readonly LexiconEntry[];
  /** Kinds of question the statement never answers (reviewed, corpus/out-of-scope.yaml); [] without the file. */
  readonly outOfScope: readonly OutOfScopeKind[];
  /** Content hash of every corpus file: changes whenever a reviewed text changes. */
  readonly hash: string;
}

export const GLOSSARY_FILE = 'glossary.yaml';
export const SYNONYMS_FILE = 'synonyms.yaml';
export const LEXICON_FILE = 'lexicon.yaml';

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
 * Loads every `*.md` document and the glossary in a corpus folder, validating all of them, so a
 * malformed file stops startup with an error naming the file, the field and the fix (never a half-loaded corpus).
 */
export function loadCorpus(dir: string = defaultCorpusDir()): Corpus {
  const folder = resolve(dir);
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
      .sort();
  } catch (cause) {
    throw new CorpusError(
      folder,
      'corpus folder',
      'cannot be read',
      'point CORPUS_DIR at the corpus/ folder',
      { cause },
    );
  }
  if (names.length === 0) {
    throw new CorpusError(
      folder,
      'corpus folder',
      'holds no .md document',
      'add the statement as a Markdown file',
    );
  }
  const hash = createHash('sha256');
  const read = (name: string): string => {
    try {
      const text = readFileSync(join(folder, name), 'utf8');
      hash.update(name).update('\0').update(text).update('\0');
      return text;
    } catch (cause) {
      throw new CorpusError(name, 'file', 'cannot be read', 'check the file exists and is readable', {
        cause,
      });
    }
  };
  const documents = names.map((name) => parseDocument(read(name), name));
  const ids = new Set<string>();
  for (const doc of documents) {
    if (ids.has(doc.meta.id)) {
      throw new CorpusError(
        doc.meta.file,
        'id',
        `"${doc.meta.id}" is used by another document`,
        'give each document its own id',
      );
    }
    ids.add(doc.meta.id);
  }
  if (!existsSync(join(folder, GLOSSARY_FILE))) {
    throw new CorpusError(
      GLOSSARY_FILE,
      'file',
      'is missing',
      `add ${GLOSSARY_FILE} (it may hold "terms: []")`,
    );
  }
  const glossary = parseGlossary(read(GLOSSARY_FILE), GLOSSARY_FILE);
  // Optional data: a corpus folder of one's own works without them (search is then less forgiving).
  const optional = <T>(name: string, parse: (source: string, file: string) => readonly T[]): readonly T[] =>
    existsSync(join(folder, name)) ? parse(read(name), name) : [];
  return {
    documents,
    passages: documents.flatMap((doc) => doc.passages),
    glossary,
    synonyms: optional(SYNONYMS_FILE, parseSynonyms),
    lexicon: optional(LEXICON_FILE, parseLexicon),
    outOfScope: optional('out-of-scope.yaml', parseOutOfScope),
    hash: hash.digest('hex').slice(0, 16),
  };
}
