// Start to first answer is mostly spent parsing YAML and loading zod to validate the corpus: `npm run
// build` writes the validated corpus to dist/ as JSON, keyed by a hash of its source files and of the
// code that parses them, and a start whose files hash the same reads that instead. Nothing here
// imports the parsers (or zod, or js-yaml): they load only when the snapshot is missing or stale.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreparedSearch } from '../search/prepared.js';
import type { Corpus } from './load.js';
import { type CorpusSources, defaultCorpusDir, readCorpusSources } from './sources.js';
import type { CorpusDocument } from './types.js';

/** Where `npm run build` writes the snapshot: dist/corpus.snapshot.json beside the compiled code. */
export const SNAPSHOT_FILE = fileURLToPath(new URL('../../corpus.snapshot.json', import.meta.url));

interface Snapshot {
  /** Hash of the corpus files and of the parsing code the corpus was made from. */
  readonly key: string;
  readonly corpus: Corpus;
}

/** A corpus, and whether it came from the snapshot or from parsing the files. */
export interface LoadedCorpus {
  readonly corpus: Corpus;
  readonly from: 'snapshot' | 'files';
}

/**
 * The code that turns files into a corpus (this folder's modules) and into what search prepares from
 * it (src/search, src/text): a snapshot written by other code might differ, so it is stale too.
 */
function codeHash(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const dir of [here, join(here, '..', 'search'), join(here, '..', 'text')]) {
    for (const name of readdirSync(dir).sort()) {
      if (/\.[cm]?[jt]s$/.test(name))
        hash
          .update(name)
          .update('\0')
          .update(readFileSync(join(dir, name)));
    }
  }
  return hash.digest('hex');
}

/**
 * What a prepared corpus is keyed by: the hash of its files and of the code that parses them. A
 * snapshot (this one, or the CLI's startup snapshot) is used only while it has the same key.
 */
export function snapshotKey(sources: CorpusSources): string {
  return createHash('sha256').update(sources.hash).update('\0').update(codeHash()).digest('hex');
}

/** The snapshot's corpus with each passage's section shared with its document again (as parsing makes it). */
function relink(corpus: Corpus): Corpus {
  const documents = corpus.documents.map((doc): CorpusDocument => {
    const sections = new Map(doc.sections.map((s) => [s.id, s]));
    const passages = doc.passages.map((p) => ({ ...p, section: sections.get(p.section.id) ?? p.section }));
    return { ...doc, passages };
  });
  return { ...corpus, documents, passages: documents.flatMap((doc) => doc.passages) };
}

function readSnapshot(file: string, key: string): Corpus | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    return snapshot.key === key ? relink(snapshot.corpus) : undefined;
  } catch {
    return undefined; // unreadable or torn: the files are the truth
  }
}

/**
 * Loads a corpus folder from the snapshot when it was made from these very files and this code,
 * otherwise by parsing and validating the files (the same as `loadCorpus`, with the same errors).
 */
export async function loadCorpusFast(
  dir: string = defaultCorpusDir(),
  snapshotFile: string = SNAPSHOT_FILE,
): Promise<LoadedCorpus> {
  const sources = readCorpusSources(dir);
  const corpus = readSnapshot(snapshotFile, snapshotKey(sources));
  if (corpus) return { corpus, from: 'snapshot' };
  const { parseCorpus } = await import('./load.js');
  return { corpus: parseCorpus(sources), from: 'files' };
}

/**
 * Parses and validates a corpus folder and writes its snapshot (what `npm run build` runs), with
 * what `prepare` makes of it for search (src/search/prepared.ts), kept as `corpus.prepared`.
 */
export async function writeSnapshot(
  dir: string = defaultCorpusDir(),
  snapshotFile: string = SNAPSHOT_FILE,
  prepare?: (corpus: Corpus) => PreparedSearch,
): Promise<Corpus> {
  const sources = readCorpusSources(dir);
  const { parseCorpus } = await import('./load.js');
  const corpus = parseCorpus(sources);
  // Passages are stored once, in their documents; `relink` rebuilds the flat list.
  const stored = { ...corpus, passages: [], ...(prepare ? { prepared: prepare(corpus) } : {}) };
  writeFileSync(snapshotFile, `${JSON.stringify({ key: snapshotKey(sources), corpus: stored })}\n`);
  return corpus;
}
