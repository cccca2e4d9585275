// What search builds from a corpus that is worth keeping in the build's snapshot: the similarity
// index (a third of start-up otherwise), stored as base64 of its typed arrays, so a start reads it
// in a few milliseconds and computes the very same numbers as one that builds it.
import type { Corpus } from '../corpus/load.js';
import { buildSimilarityIndex, type LabelledText, type SimilarityIndex } from './similar.js';

/** The prepared search data as the snapshot stores it (JSON). */
export interface PreparedSearch {
  readonly similarity: {
    readonly grams: readonly string[];
    readonly idf: string;
    readonly start: string;
    readonly docs: string;
    readonly weights: string;
    readonly owner: string;
    readonly passageIds: readonly string[];
    readonly unseen: number;
  };
}

/** The texts similarity compares a question with: each passage's reviewed questions, and the unanswered bank. */
export function labelledTexts(corpus: Corpus): LabelledText[] {
  return [
    ...corpus.passages.flatMap((p) => p.questions.map((text) => ({ text, passage: p.id }))),
    ...corpus.unanswerable.map((u) => ({ text: u.q })),
  ];
}

const base64 = (array: Int32Array | Uint16Array | Float32Array) =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
/** The bytes of a base64 text in a buffer of their own (typed arrays need aligned offsets). */
const bytesOf = (text: string): ArrayBuffer => {
  const bytes = Buffer.from(text, 'base64');
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};

/** Builds what a snapshot keeps of a corpus's search (what `npm run build` writes). */
export function prepareSearch(corpus: Corpus): PreparedSearch {
  const index = buildSimilarityIndex(labelledTexts(corpus));
  return {
    similarity: {
      grams: [...index.ids.keys()],
      idf: base64(index.idf),
      start: base64(index.start),
      docs: base64(index.docs),
      weights: base64(index.weights),
      owner: base64(index.owner),
      passageIds: index.passageIds,
      unseen: index.unseen,
    },
  };
}

/** The similarity index a snapshot kept. */
export function similarityIndexOf(prepared: PreparedSearch): SimilarityIndex {
  const s = prepared.similarity;
  return {
    ids: new Map(s.grams.map((gram, id) => [gram, id])),
    idf: new Float32Array(bytesOf(s.idf)),
    start: new Int32Array(bytesOf(s.start)),
    docs: new Uint16Array(bytesOf(s.docs)),
    weights: new Float32Array(bytesOf(s.weights)),
    unseen: s.unseen,
    owner: new Int32Array(bytesOf(s.owner)),
    passageIds: s.passageIds,
  };
}
