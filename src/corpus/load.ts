import type { PreparedSearch } from '../search/prepared.js';
import { parseDocument } from './document.js';
import { type DomainVocabulary, parseDomain } from './domain.js';
import { CorpusError } from './errors.js';
import { type Glossary, parseGlossary } from './glossary.js';
import { type JudgeModel, parseJudge } from './judge.js';
import { type OutOfScopeKind, parseOutOfScope } from './out-of-scope.js';
import {
  type CorpusSources,
  defaultCorpusDir,
  GLOSSARY_FILE,
  readCorpusSources,
  type SourceFile,
} from './sources.js';
import type { CorpusDocument, DocumentMeta, Passage } from './types.js';
import { parseUnanswerable, type UnansweredQuestion } from './unanswerable.js';
import { type LexiconEntry, parseLexicon, parseSynonyms } from './vocabulary.js';

export { defaultCorpusDir, GLOSSARY_FILE, LEXICON_FILE, SYNONYMS_FILE } from './sources.js';

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
  /** How members name the statement's subject (corpus/domain.yaml); empty lists without the file. */
  readonly domain: DomainVocabulary;
  /** Reviewed questions the statement does not answer (corpus/unanswerable.yaml); [] without the file. */
  readonly unanswerable: readonly UnansweredQuestion[];
  /** The fitted judge (corpus/judge.json); undefined without the file (the bundled corpus's judge is used). */
  readonly judge?: JudgeModel;
  /** What search prepared from this corpus at build time (the snapshot keeps it); absent when parsed from the files. */
  readonly prepared?: PreparedSearch;
  /** Content hash of every corpus file: changes whenever a reviewed text changes. */
  readonly hash: string;
}

/**
 * Loads every `*.md` document and the glossary in a corpus folder, validating all of them, so a
 * malformed file stops startup with an error naming the file, the field and the fix (never a half-loaded corpus).
 */
export function loadCorpus(dir: string = defaultCorpusDir()): Corpus {
  return parseCorpus(readCorpusSources(dir));
}

/** Parses and validates corpus files already read (see {@link loadCorpus}). */
export function parseCorpus(sources: CorpusSources): Corpus {
  // First, as the folder's own mark: a folder of other Markdown (a wrong CORPUS_DIR) has none.
  if (!sources.glossary) {
    throw new CorpusError(
      GLOSSARY_FILE,
      'file',
      'is missing',
      `add ${GLOSSARY_FILE} to ${sources.folder} (it may hold "terms: []"), or set CORPUS_DIR to the folder that has it`,
    );
  }
  const documents = sources.documents.map((file) => parseDocument(file.text, file.name));
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
  checkSuccessions(documents);
  // Optional data: a corpus folder of one's own works without them (search is then less forgiving).
  const optional = <T>(
    file: SourceFile | undefined,
    parse: (source: string, name: string) => readonly T[],
  ): readonly T[] => (file ? parse(file.text, file.name) : []);
  return {
    documents,
    passages: documents.flatMap((doc) => doc.passages),
    glossary: parseGlossary(sources.glossary.text, sources.glossary.name),
    synonyms: optional(sources.synonyms, parseSynonyms),
    lexicon: optional(sources.lexicon, parseLexicon),
    outOfScope: optional(sources.outOfScope, parseOutOfScope),
    unanswerable: optional(sources.unanswerable, parseUnanswerable),
    domain: sources.domain
      ? parseDomain(sources.domain.text, sources.domain.name)
      : { names: { ja: [], en: [] }, cues: { ja: [], en: [] } },
    ...(sources.judge ? { judge: parseJudge(sources.judge.text, sources.judge.name) } : {}),
    hash: sources.hash.slice(0, 16),
  };
}

/**
 * Every `superseded_by` names a document of the corpus, and following them never comes back to where
 * it started (no cycle): each chain of versions ends at a current document.
 */
function checkSuccessions(documents: readonly CorpusDocument[]): void {
  const metas = new Map<string, DocumentMeta>(documents.map((doc) => [doc.meta.id, doc.meta]));
  for (const { meta } of documents) {
    const chain = [meta.id];
    for (let at = meta; at.supersededBy !== undefined; ) {
      const next = metas.get(at.supersededBy);
      if (!next) {
        throw new CorpusError(
          at.file,
          'superseded_by',
          `"${at.supersededBy}" names no document of the corpus`,
          `give the id of the document that replaces it: one of ${[...metas.keys()].join(', ')}`,
        );
      }
      const seen = chain.includes(next.id);
      chain.push(next.id);
      if (seen) {
        throw new CorpusError(
          at.file,
          'superseded_by',
          `forms a cycle (${chain.join(' → ')})`,
          'make the latest version "status: current" with no superseded_by, and point the others at it',
        );
      }
      at = next;
    }
  }
}
