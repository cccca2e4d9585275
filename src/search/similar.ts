import { normalize } from '../text/normalize.js';

/** Character n-grams of these lengths: enough to match words across scripts, typos and spacing. */
const GRAM_LENGTHS = [2, 3] as const;
/**
 * A gram in more than this share of the questions (です, the, ex) adds almost nothing to a cosine
 * and most of its cost: it counts in each vector's length, not in the comparison.
 */
const COMMON_GRAM = 0.1;

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
  // A gram no question holds weighs as one held by half a question: rarer than any.
  const unseen = Math.log(1 + documents.length / 0.5);
  const idfs = new Map([...df].map(([gram, n]) => [gram, Math.log(1 + documents.length / n)]));
  const idf = (gram: string) => idfs.get(gram) ?? unseen;
  const common = COMMON_GRAM * documents.length;
  // Postings: gram → the documents holding it and its weight in each, each document of unit length.
  const postings = new Map<string, { docs: number[]; weights: number[] }>();
  documents.forEach((doc, index) => {
    const weights = [...doc].map(([gram, tf]) => [gram, (1 + Math.log(tf)) * idf(gram)] as const);
    const norm = Math.hypot(...weights.map(([, w]) => w)) || 1;
    for (const [gram, w] of weights) {
      if ((df.get(gram) ?? 0) > common) continue;
      const list = postings.get(gram) ?? { docs: [], weights: [] };
      list.docs.push(index);
      list.weights.push(w / norm);
      postings.set(gram, list);
    }
  });
  // Each document's passage as a small number (-1 for the bank), to keep the best of each.
  const passageIds = [...new Set(texts.flatMap((t) => (t.passage === undefined ? [] : [t.passage])))];
  const owner = Int32Array.from(texts, (t) => (t.passage === undefined ? -1 : passageIds.indexOf(t.passage)));
  const dot = new Float64Array(documents.length);
  return (query) => {
    const q = [...grams(query)].map(([gram, tf]) => [gram, (1 + Math.log(tf)) * idf(gram)] as const);
    const norm = Math.hypot(...q.map(([, w]) => w)) || 1;
    const touched: number[] = [];
    for (const [gram, w] of q) {
      const list = postings.get(gram);
      if (!list) continue;
      for (let k = 0; k < list.docs.length; k++) {
        const doc = list.docs[k] as number;
        if (dot[doc] === 0) touched.push(doc);
        dot[doc] = (dot[doc] as number) + (w / norm) * (list.weights[k] as number);
      }
    }
    const best = new Float64Array(passageIds.length);
    let bank = 0;
    for (const doc of touched) {
      const cos = dot[doc] as number;
      dot[doc] = 0;
      const passage = owner[doc] as number;
      if (passage === -1) bank = Math.max(bank, cos);
      else best[passage] = Math.max(best[passage] as number, cos);
    }
    return { passages: new Map(passageIds.map((id, i) => [id, best[i] as number])), bank };
  };
}
