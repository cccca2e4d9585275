import { normalize } from '../text/normalize.js';

/** Character n-grams of these lengths: enough to match words across scripts, typos and spacing. */
const GRAM_LENGTHS = [2, 3] as const;

/** A labelled text: a reviewed question of a passage (its id), or of the unanswered bank (undefined). */
export interface LabelledText {
  readonly text: string;
  readonly passage?: string;
}

/** How close a query is to the reviewed questions of each passage and to the bank's. */
export interface Closeness {
  /** Per passage id, the best cosine similarity with one of its reviewed questions, 0..1. */
  readonly passages: ReadonlyMap<string, number>;
  /** The best cosine similarity with a question of corpus/unanswerable.yaml, 0..1. */
  readonly bank: number;
}

/** NFKC, lower case, punctuation dropped, white space as one space: what n-grams are cut from. */
function prepare(text: string): string {
  return normalize(text)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function grams(text: string): Map<string, number> {
  const chars = [...prepare(text)];
  const counts = new Map<string, number>();
  for (const n of GRAM_LENGTHS) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('');
      if (gram.trim().length < n) continue; // a gram of spaces says nothing
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Compares a query with labelled questions by TF-IDF cosine similarity of character 2- and
 * 3-grams, a measure that holds across spelling, spacing and typos: the nearest reviewed question
 * of each passage, and the nearest question the statement does not answer.
 */
export function buildSimilarity(texts: readonly LabelledText[]): (query: string) => Closeness {
  const documents = texts.map((t) => grams(t.text));
  const df = new Map<string, number>();
  for (const doc of documents) for (const gram of doc.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const idf = (gram: string) => Math.log(1 + documents.length / (df.get(gram) ?? 0.5));
  // Postings: gram → (document, weight), each document's vector of unit length.
  const postings = new Map<string, { doc: number; weight: number }[]>();
  documents.forEach((doc, index) => {
    const weights = [...doc].map(([gram, tf]) => [gram, (1 + Math.log(tf)) * idf(gram)] as const);
    const norm = Math.hypot(...weights.map(([, w]) => w)) || 1;
    for (const [gram, w] of weights) {
      const list = postings.get(gram) ?? [];
      list.push({ doc: index, weight: w / norm });
      postings.set(gram, list);
    }
  });
  return (query) => {
    const q = [...grams(query)].map(([gram, tf]) => [gram, (1 + Math.log(tf)) * idf(gram)] as const);
    const norm = Math.hypot(...q.map(([, w]) => w)) || 1;
    const dot = new Float64Array(documents.length);
    for (const [gram, w] of q)
      for (const p of postings.get(gram) ?? []) dot[p.doc] = (dot[p.doc] ?? 0) + (w / norm) * p.weight;
    const passages = new Map<string, number>();
    let bank = 0;
    texts.forEach((t, i) => {
      const cos = dot[i] ?? 0;
      if (t.passage === undefined) bank = Math.max(bank, cos);
      else passages.set(t.passage, Math.max(passages.get(t.passage) ?? 0, cos));
    });
    return { passages, bank };
  };
}
