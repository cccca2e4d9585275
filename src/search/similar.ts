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
  /** A passage's best cosine similarity with one of its reviewed questions, 0..1 (0 for another id). */
  similarity(passageId: string): number;
  /** Which of a passage's reviewed questions (in the passage's order) that best one is, if any. */
  nearest(passageId: string): number | undefined;
  /** The best similarity of any passage. */
  readonly best: number;
  /** The best cosine similarity with a question of corpus/unanswerable.yaml, 0..1. */
  readonly bank: number;
  /**
   * Of the bank question the query says most of, the share of it the query says (its grams' weight):
   * a keyword inside a longer unanswerable question does not ask what the rest of it asks.
   */
  readonly bankSaid: number;
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

/** The labelled texts as weighted vectors, stored once for all (postings in flat typed arrays). */
interface GramIndex {
  /** Gram → its number; idf by number. */
  readonly ids: ReadonlyMap<string, number>;
  readonly idf: Float32Array;
  /** The postings of gram g are docs/weights[start[g] .. start[g + 1]). */
  readonly start: Int32Array;
  readonly docs: Uint16Array;
  readonly weights: Float32Array;
  /** The weight of a gram no text holds: rarer than any. */
  readonly unseen: number;
}

/** A gram index with each text's passage: what similarity needs, built once (or read from the build's snapshot). */
export interface SimilarityIndex extends GramIndex {
  /** Each text's passage, by its number in `passageIds`; -1 for a question of the unanswered bank. */
  readonly owner: Int32Array;
  readonly passageIds: readonly string[];
}

/**
 * Indexes the texts: each as its grams' TF-IDF weights (sublinear tf), of unit length, a gram held
 * by more than {@link COMMON_GRAM} of them counting in that length but not posted.
 */
function indexGrams(texts: readonly string[]): GramIndex {
  if (texts.length > 0xffff)
    throw new RangeError(`${texts.length} reviewed questions: similarity indexes 65,535 at most`);
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
  const idf = Float32Array.from(df, (n) => Math.log(1 + texts.length / n));
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
  idf: Float32Array,
) {
  const texts = end.length;
  const posted = (id: number) => (df[id] as number) <= COMMON_GRAM * texts;
  const start = new Int32Array(df.length + 1);
  for (let id = 0; id < df.length; id++)
    start[id + 1] = (start[id] as number) + (posted(id) ? (df[id] as number) : 0);
  // Single precision is ample for a cosine, and half the snapshot; the texts are fewer than 65,536.
  const docs = new Uint16Array(start[df.length] as number);
  const weights = new Float32Array(docs.length);
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

/** Indexes labelled texts for {@link similarityOf}. */
export function buildSimilarityIndex(texts: readonly LabelledText[]): SimilarityIndex {
  // Each text's passage as a small number (-1 for the bank), to keep the best of each.
  const passageIds = [...new Set(texts.flatMap((t) => (t.passage === undefined ? [] : [t.passage])))];
  const owner = Int32Array.from(texts, (t) => (t.passage === undefined ? -1 : passageIds.indexOf(t.passage)));
  return { ...indexGrams(texts.map((t) => t.text)), owner, passageIds };
}

/**
 * Compares a query with labelled questions by TF-IDF cosine similarity of character 2- and
 * 3-grams (within words), a measure that holds across spelling, spacing and typos: the nearest
 * reviewed question of each passage, and the nearest question the statement does not answer.
 */
export function similarityOf(index: SimilarityIndex): (query: string) => Closeness {
  const { owner, passageIds } = index;
  const number = new Map(passageIds.map((id, i) => [id, i]));
  // Each text's place among its passage's questions (texts are in each passage's order).
  const ordinal = new Int32Array(owner.length);
  const seen = new Int32Array(passageIds.length);
  owner.forEach((passage, doc) => {
    if (passage === -1) return;
    ordinal[doc] = seen[passage] as number;
    seen[passage] = (seen[passage] as number) + 1;
  });
  const vector = queryVector(index);
  const scores = dotProducts(index, owner.length);
  return (query) => {
    const q = vector(query);
    const best = new Float64Array(passageIds.length);
    const nearest = new Int32Array(passageIds.length).fill(-1);
    let bank = 0;
    let bankSaid = 0;
    const { dot, said, touched, count } = scores(q);
    for (let t = 0; t < count; t++) {
      const doc = touched[t] as number;
      const cos = dot[doc] as number;
      const share = said[doc] as number;
      dot[doc] = 0;
      said[doc] = 0;
      const passage = owner[doc] as number;
      if (passage === -1) {
        bank = Math.max(bank, cos);
        bankSaid = Math.max(bankSaid, share);
      } else if (cos > (best[passage] as number)) {
        best[passage] = cos;
        nearest[passage] = ordinal[doc] as number;
      }
    }
    return {
      similarity: (id) => best[number.get(id) ?? -1] ?? 0,
      nearest: (id) => {
        const at = nearest[number.get(id) ?? -1] ?? -1;
        return at >= 0 ? at : undefined;
      },
      best: best.reduce((a, b) => Math.max(a, b), 0),
      bank,
      bankSaid,
    };
  };
}

/**
 * A query's grams in the order first found, as numbers of `index` (-1 for a gram no text holds),
 * each with its TF-IDF weight and the vector's length: the grams' weights, each once.
 */
interface QueryVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly size: number;
  readonly norm: number;
}

/**
 * Turns a query into its vector. Searches run one at a time, so the arrays are made once and reused:
 * a vector is read before the next query is turned into one. A gram's slot is kept by its number
 * in the index (a Map cleared per query would grow its table anew each time: garbage per answer),
 * and for the few grams no text holds, in a short list searched in order.
 */
function queryVector(index: GramIndex): (query: string) => QueryVector {
  // A gram's slot in the arrays below, by its first occurrence in the query (-1: not in the query).
  const slotOf = new Int32Array(index.idf.length).fill(-1);
  const unseenGrams: string[] = [];
  const unseenSlots: number[] = [];
  let unseenCount = 0;
  let ids = new Int32Array(256);
  let tfs = new Int32Array(256);
  let weights = new Float64Array(256);
  let size = 0;
  const slotOfUnseen = (gram: string): number => {
    for (let k = 0; k < unseenCount; k++) if (unseenGrams[k] === gram) return unseenSlots[k] as number;
    return -1;
  };
  const count = (gram: string) => {
    const id = index.ids.get(gram) ?? -1;
    const slot = id === -1 ? slotOfUnseen(gram) : (slotOf[id] as number);
    if (slot !== -1) {
      tfs[slot] = (tfs[slot] as number) + 1;
      return;
    }
    if (size === ids.length) {
      ids = grown(ids, new Int32Array(size * 2));
      tfs = grown(tfs, new Int32Array(size * 2));
      weights = new Float64Array(size * 2);
    }
    if (id === -1) {
      unseenGrams[unseenCount] = gram;
      unseenSlots[unseenCount] = size;
      unseenCount++;
    } else slotOf[id] = size;
    ids[size] = id;
    tfs[size] = 1;
    size++;
  };
  return (query) => {
    size = 0;
    unseenCount = 0;
    eachGram(query, count);
    let squares = 0;
    for (let slot = 0; slot < size; slot++) {
      const id = ids[slot] as number;
      if (id !== -1) slotOf[id] = -1;
      const w = (1 + Math.log(tfs[slot] as number)) * (id === -1 ? index.unseen : (index.idf[id] as number));
      weights[slot] = w;
      squares += w * w;
    }
    return { ids, weights, size, norm: Math.sqrt(squares) || 1 };
  };
}

/** A copy of `from` at the start of the larger `to`. */
function grown<T extends Int32Array>(from: Int32Array, to: T): T {
  to.set(from);
  return to;
}

/**
 * The dot product of a query vector with every text sharing a gram with it (`dot`, by text,
 * nonzero for the `count` texts of `touched`), and how much of each text's (unit) weight the
 * query's grams hold (`said`): the caller reads them and sets them back to 0, so the arrays are
 * made once for all queries.
 */
function dotProducts(index: GramIndex, texts: number) {
  const dot = new Float64Array(texts);
  const said = new Float64Array(texts);
  const touched = new Int32Array(texts);
  return (q: QueryVector) => {
    let count = 0;
    for (let slot = 0; slot < q.size; slot++) {
      const id = q.ids[slot] as number;
      if (id === -1) continue;
      const w = q.weights[slot] as number;
      for (let k = index.start[id] as number; k < (index.start[id + 1] as number); k++) {
        const doc = index.docs[k] as number;
        if (dot[doc] === 0) touched[count++] = doc;
        const weight = index.weights[k] as number;
        dot[doc] = (dot[doc] as number) + (w / q.norm) * weight;
        said[doc] = (said[doc] as number) + weight * weight;
      }
    }
    return { dot, said, touched, count };
  };
}
