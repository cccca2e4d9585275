import { normalize } from '../text/normalize.js';

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

/** Calls `visit` with each 2- and 3-gram of a text within its words (a gram across a space says nothing). */
function eachGram(text: string, visit: (gram: string) => void): void {
  const chars = [...prepare(text)];
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i] as string;
    const b = chars[i + 1] as string;
    if (a === ' ' || b === ' ') continue;
    visit(a + b);
    const c = chars[i + 2];
    if (c !== undefined && c !== ' ') visit(a + b + c);
  }
}

function grams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  eachGram(text, (gram) => counts.set(gram, (counts.get(gram) ?? 0) + 1));
  return counts;
}

/** The labelled texts as weighted vectors, stored once for all (postings in flat typed arrays). */
interface GramIndex {
  /** Gram → its number; idf by number. */
  readonly ids: ReadonlyMap<string, number>;
  readonly idf: Float64Array;
  /** The postings of gram g are docs/weights[start[g] .. start[g + 1]). */
  readonly start: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float64Array;
  /** The weight of a gram no text holds: rarer than any. */
  readonly unseen: number;
}

/**
 * Indexes the texts: each as its grams' TF-IDF weights (sublinear tf), of unit length, a gram held
 * by more than {@link COMMON_GRAM} of them counting in that length but not posted.
 */
function indexGrams(texts: readonly string[]): GramIndex {
  // Each text's grams as (id, sublinear tf) in two flat lists, texts one after another.
  const ids = new Map<string, number>();
  const gramOf: number[] = [];
  const tfOf: number[] = [];
  const end = new Int32Array(texts.length);
  const counts = new Map<number, number>();
  texts.forEach((text, doc) => {
    counts.clear();
    eachGram(text, (gram) => {
      let id = ids.get(gram);
      if (id === undefined) {
        id = ids.size;
        ids.set(gram, id);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    });
    for (const [id, tf] of counts) {
      gramOf.push(id);
      tfOf.push(1 + Math.log(tf));
    }
    end[doc] = gramOf.length;
  });
  const df = new Int32Array(ids.size);
  for (const id of gramOf) df[id] = (df[id] as number) + 1;
  const idf = Float64Array.from(df, (n) => Math.log(1 + texts.length / n));
  return { ids, idf, unseen: Math.log(1 + texts.length / 0.5), ...postings(gramOf, tfOf, end, df, idf) };
}

/**
 * The postings of flat (gram, tf) lists: for each gram held by no more than {@link COMMON_GRAM} of
 * the texts, the texts and its weight in each, each text of unit length (all its grams counted).
 */
function postings(
  gramOf: readonly number[],
  tfOf: readonly number[],
  end: Int32Array,
  df: Int32Array,
  idf: Float64Array,
) {
  const texts = end.length;
  const posted = (id: number) => (df[id] as number) <= COMMON_GRAM * texts;
  const start = new Int32Array(df.length + 1);
  for (let id = 0; id < df.length; id++)
    start[id + 1] = (start[id] as number) + (posted(id) ? (df[id] as number) : 0);
  const docs = new Int32Array(start[df.length] as number);
  const weights = new Float64Array(docs.length);
  const filled = new Int32Array(df.length);
  for (let doc = 0, from = 0; doc < texts; from = end[doc] as number, doc++) {
    let squares = 0;
    for (let k = from; k < (end[doc] as number); k++)
      squares += ((tfOf[k] as number) * (idf[gramOf[k] as number] as number)) ** 2;
    const norm = Math.sqrt(squares) || 1;
    for (let k = from; k < (end[doc] as number); k++) {
      const id = gramOf[k] as number;
      if (!posted(id)) continue;
      const at = (start[id] as number) + (filled[id] as number);
      filled[id] = (filled[id] as number) + 1;
      docs[at] = doc;
      weights[at] = ((tfOf[k] as number) * (idf[id] as number)) / norm;
    }
  }
  return { start, docs, weights };
}

/**
 * Compares a query with labelled questions by TF-IDF cosine similarity of character 2- and
 * 3-grams (within words), a measure that holds across spelling, spacing and typos: the nearest
 * reviewed question of each passage, and the nearest question the statement does not answer.
 */
export function buildSimilarity(texts: readonly LabelledText[]): (query: string) => Closeness {
  const index = indexGrams(texts.map((t) => t.text));
  // Each text's passage as a small number (-1 for the bank), to keep the best of each.
  const passageIds = [...new Set(texts.flatMap((t) => (t.passage === undefined ? [] : [t.passage])))];
  const owner = Int32Array.from(texts, (t) => (t.passage === undefined ? -1 : passageIds.indexOf(t.passage)));
  const dot = new Float64Array(texts.length);
  return (query) => {
    const q = [...grams(query)].map(([gram, tf]) => {
      const id = index.ids.get(gram);
      return [
        id,
        (1 + Math.log(tf)) * (id === undefined ? index.unseen : (index.idf[id] as number)),
      ] as const;
    });
    const norm = Math.sqrt(q.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
    const touched: number[] = [];
    for (const [id, w] of q) {
      if (id === undefined) continue;
      for (let k = index.start[id] as number; k < (index.start[id + 1] as number); k++) {
        const doc = index.docs[k] as number;
        if (dot[doc] === 0) touched.push(doc);
        dot[doc] = (dot[doc] as number) + (w / norm) * (index.weights[k] as number);
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
