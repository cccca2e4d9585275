import type { Query } from 'minisearch';
import {
  GRAM_FIELD,
  GRAM_FIELD_ID,
  type Postings,
  type SearchIndex,
  WORD_FIELD,
  WORD_FIELD_ID,
} from './index.js';
import type { AnalyzedQuery, Concept } from './query.js';
import { encodeTerm } from './terms.js';

/** A passage the query is relevant to, with what of the query it contains. */
export interface Hit {
  readonly id: string;
  /** Ranking score: MiniSearch's BM25 score weighted by how much of the query matched. */
  readonly score: number;
  /** Share of the query's concepts present in the passage (whole, or a piece of three characters), 0..1. */
  readonly coverage: number;
  /** Concepts found in the passage, with the share of each that matched. */
  readonly matched: readonly { readonly concept: Concept; readonly share: number }[];
  /** Passage words matched fuzzily (a misspelt Latin query word), to highlight them too. */
  readonly fuzzy: readonly string[];
}

// A passage is relevant when at least half of the concepts asked about are present in it: whole, or
// by a piece of three characters or more (エクソソーム療法 in エクソソーム(EV)療法). The raw score
// cannot decide this: MiniSearch multiplies it by the number of matched terms, and chance bigrams
// (ロナ of コロナ in モノクロナール) would make off-topic queries look relevant.
const MIN_COVERAGE = 0.5;
// A partial answer must be specific: see the end of searchIndex.
const MAX_PARTIAL_HITS = 2;
const MAX_PARTIAL_SHARE = 0.2;
const NEAR_BEST = 0.1;
const WORD_BOOST = 2;
const FUZZY_MIN_LENGTH = 5;
// Terms in more than this share of passages (and more than COMMON_MIN of them) do not drive retrieval
// when the query has rarer ones: they barely move BM25, yet scoring their postings is most of the work.
const COMMON_SHARE = 0.02;
const COMMON_MIN = 100;
/** Candidates judged per query, best scores first: more are never shown. */
const MAX_CANDIDATES = 50;

interface Leaf {
  readonly key: string;
  readonly field: 'gram' | 'word' | 'latin';
  readonly prefix: boolean;
  readonly df: number;
}

function documentFrequency(postings: Postings | undefined): number {
  let df = 0;
  for (const docs of postings?.values() ?? []) df = Math.max(df, docs.size);
  return df;
}

/** The index terms a concept can match (each once), with their document frequencies. */
function leavesOf(concept: Concept, index: SearchIndex, allowPrefix: boolean): Leaf[] {
  const leaves = new Map<string, Leaf>();
  const add = (leaf: Omit<Leaf, 'df'>, df: () => number) => {
    const id = `${leaf.field}:${leaf.prefix}:${leaf.key}`;
    if (!leaves.has(id)) leaves.set(id, { ...leaf, df: df() });
  };
  for (const alt of concept.alternatives) {
    // No prefix expansion over bigrams, except for a one-character query (液 finds 液体): in a longer
    // query a lone character (デ of 政治デ) would expand to every bigram it starts.
    const single = allowPrefix && alt.grams.length === 1 && alt.grams[0]?.length === 1;
    for (const gram of alt.grams) {
      const key = encodeTerm(gram);
      add({ key, field: 'gram', prefix: single }, () =>
        single ? 0 : documentFrequency(index.postings(key)),
      );
    }
    for (const word of alt.words) {
      const key = encodeTerm(word);
      add({ key, field: 'word', prefix: false }, () => documentFrequency(index.postings(key)));
    }
    // Latin words are matched fuzzily, so their frequency is unknown before the search: always search them.
    for (const word of alt.latin) add({ key: word, field: 'latin', prefix: false }, () => 0);
  }
  return [...leaves.values()];
}

/**
 * One MiniSearch query per kind of leaf: MiniSearch merges its options for every sub-query, so
 * grouping the leaves of a concept (rather than one sub-query per bigram) halves the query cost.
 * Each group says OR itself: a sub-query inherits combineWith from its parent (AND across concepts).
 */
function leavesQuery(leaves: readonly Leaf[]): Query {
  const queries: Query[] = [];
  const grams = leaves.filter((l) => l.field === 'gram');
  for (const prefix of [false, true]) {
    const keys = grams.filter((l) => l.prefix === prefix).map((l) => l.key);
    if (keys.length > 0) queries.push({ queries: keys, fields: [GRAM_FIELD], prefix, combineWith: 'OR' });
  }
  const words = leaves.filter((l) => l.field === 'word').map((l) => l.key);
  if (words.length > 0)
    queries.push({
      queries: words,
      fields: [WORD_FIELD],
      boost: { [WORD_FIELD]: WORD_BOOST },
      combineWith: 'OR',
    });
  for (const fuzzy of [false, true]) {
    const latin = leaves
      .filter((l) => l.field === 'latin' && l.key.length >= FUZZY_MIN_LENGTH === fuzzy)
      .map((l) => l.key);
    if (latin.length > 0) {
      queries.push({
        queries: latin,
        fields: [WORD_FIELD],
        boost: { [WORD_FIELD]: WORD_BOOST },
        fuzzy: fuzzy ? 0.2 : false,
        combineWith: 'OR',
      });
    }
  }
  return queries.length === 1 ? (queries[0] as Query) : { queries, combineWith: 'OR' };
}

/** Two consecutive bigrams found: a piece of three characters or more, never a chance overlap (ロナ). */
function hasChain(grams: readonly string[], found: (gram: string) => boolean): boolean {
  for (let i = 0; i + 1 < grams.length; i++) {
    if (found(grams[i] as string) && found(grams[i + 1] as string)) return true;
  }
  return false;
}

/** How much of each concept a passage contains. */
function measure(concepts: readonly Concept[], found: (term: string) => boolean) {
  return concepts.map((concept) => {
    let share = 0;
    let present = false;
    for (const alt of concept.alternatives) {
      const size = alt.grams.length + alt.latin.length;
      if (size === 0) continue;
      let hits = 0;
      for (const gram of alt.grams) if (found(gram)) hits++;
      for (const word of alt.latin) if (found(word)) hits++;
      const altShare = hits / size;
      share = Math.max(share, altShare);
      if (altShare === 1 || (altShare >= 0.5 && hasChain(alt.grams, found))) present = true;
    }
    return { concept, share, present };
  });
}

/** What searchIndex needs of a MiniSearch result. */
interface Candidate {
  readonly id: string;
  readonly score: number;
  readonly queryTerms: readonly string[];
  readonly match: Readonly<Record<string, unknown>>;
}

// MiniSearch's default BM25+ parameters, so both retrieval paths rank alike.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * Candidates when every term of the query is common (連盟 in 99% of passages): MiniSearch would
 * score and sort every passage, tens of milliseconds at 50k. Read the rarest term's postings
 * instead, score each passage by BM25+ on it as MiniSearch would, and keep the best.
 */
function commonTermCandidates(index: SearchIndex, leaves: readonly Leaf[]): Candidate[] {
  const leaf = leaves.reduce((rarest, l) => (l.df < rarest.df ? l : rarest));
  const fieldId = leaf.field === 'gram' ? GRAM_FIELD_ID : WORD_FIELD_ID;
  const docs = index.postings(leaf.key)?.get(fieldId);
  if (!docs) return [];
  const idf = Math.log(1 + (index.size - docs.size + 0.5) / (docs.size + 0.5));
  const average = index.averageFieldLength(fieldId) || 1;
  const shortIds = new Int32Array(docs.size);
  const scores = new Float64Array(docs.size);
  let n = 0;
  docs.forEachPosting((shortId, tf) => {
    const norm = 1 - BM25.b + (BM25.b * index.fieldLength(shortId, fieldId)) / average;
    shortIds[n] = shortId;
    scores[n++] = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * norm));
  });
  // The score of the MAX_CANDIDATES-th best, found by a typed-array sort: far cheaper than sorting pairs.
  const threshold = scores.slice().sort()[Math.max(0, n - MAX_CANDIDATES)] ?? 0;
  const best: Candidate[] = [];
  for (let i = 0; i < n && best.length < MAX_CANDIDATES; i++) {
    if ((scores[i] as number) >= threshold) {
      best.push({
        id: index.idOf(shortIds[i] as number),
        score: scores[i] as number,
        queryTerms: [],
        match: {},
      });
    }
  }
  return best.sort((x, y) => y.score - x.score);
}

/**
 * Searches the index for an analysed query. Rare terms drive retrieval through MiniSearch (passages
 * with every concept first, AND, then any, OR); each candidate is then judged on every term of the
 * query, common ones included, and kept only if it contains enough of the query to answer it.
 */
export function searchIndex(index: SearchIndex, query: AnalyzedQuery): Hit[] {
  const content = query.concepts.filter((c) => !c.meta);
  const judged = content.length > 0 ? content : query.concepts;
  if (judged.length === 0) return [];

  const common = Math.max(COMMON_MIN, index.size * COMMON_SHARE);
  const allowPrefix = query.concepts.length === 1;
  const leaves = new Map(query.concepts.map((c) => [c, leavesOf(c, index, allowPrefix)]));
  const drivers = (concept: Concept): Leaf[] => {
    const all = (leaves.get(concept) ?? []).filter((l) => l.df > 0 || l.prefix || l.field === 'latin');
    const rare = all.filter((l) => l.df <= common);
    return rare.length > 0 ? rare : all.sort((a, b) => a.df - b.df).slice(0, 1);
  };
  const rareOnly = (concepts: readonly Concept[]) => {
    const driven = concepts.map(drivers).filter((ls) => ls.length > 0);
    // When some concepts have rare terms, the concepts with only common ones are judged, not searched.
    const rare = driven.filter((ls) => ls.some((l) => l.df <= common));
    return (rare.length > 0 ? rare : driven).map(leavesQuery);
  };
  const required = rareOnly(judged);
  if (required.length === 0) return [];
  const driverLeaves = judged.flatMap(drivers);
  let results: Candidate[];
  if (
    driverLeaves.length > 0 &&
    driverLeaves.every((l) => l.df > common && !l.prefix && l.field !== 'latin')
  ) {
    results = commonTermCandidates(index, driverLeaves);
  } else {
    results = index.miniSearch.search({ queries: required, combineWith: 'AND' });
    if (results.length === 0)
      results = index.miniSearch.search({ queries: rareOnly(query.concepts), combineWith: 'OR' });
  }

  // Postings of every bigram of the query, looked up once, to judge candidates on all of them;
  // a one-character prefix or a fuzzy Latin word is judged by what MiniSearch matched instead.
  const gramPostings = new Map<string, ReadonlyMap<number, number> | undefined>();
  const keys = new Map<string, string>();
  for (const concept of query.concepts) {
    for (const alt of concept.alternatives) {
      for (const gram of alt.grams) {
        const key = encodeTerm(gram);
        keys.set(gram, key);
        gramPostings.set(gram, index.postings(key)?.get(GRAM_FIELD_ID));
      }
      for (const word of alt.latin) keys.set(word, word);
    }
  }
  const hits: (Hit & { share: number })[] = [];
  for (const result of results.slice(0, MAX_CANDIDATES)) {
    const shortId = index.shortId(result.id) ?? -1;
    const matchedTerms = new Set(result.queryTerms);
    const found = (term: string) =>
      gramPostings.get(term)?.has(shortId) === true || matchedTerms.has(keys.get(term) ?? term);
    const measured = measure(query.concepts, found);
    const judgedMeasures = measured.filter((m) => judged.includes(m.concept));
    const coverage = judgedMeasures.filter((m) => m.present).length / judged.length;
    if (coverage < MIN_COVERAGE) continue;
    const share = judgedMeasures.reduce((sum, m) => sum + m.share, 0) / judged.length;
    hits.push({
      id: result.id,
      score: result.score * share * share,
      coverage,
      share,
      matched: measured.filter((m) => m.share > 0).map(({ concept, share }) => ({ concept, share })),
      fuzzy: Object.keys(result.match).filter((term) => !term.startsWith('~') && !matchedTerms.has(term)),
    });
  }
  // A partial match is an answer only when what matched is specific: 安全性 alone is in a third of
  // the statement, so 「ワクチンの安全性」 is not about it; 活動 is in one paragraph, so 「学会の今後の活動は」 is.
  const best = hits.reduce((top, h) => (h.share > top.share ? h : top), { share: 0, coverage: 0 });
  if (best.coverage < 1) {
    const near = hits.filter((h) => h.share >= best.share - NEAR_BEST).length;
    if (near > Math.max(MAX_PARTIAL_HITS, index.size * MAX_PARTIAL_SHARE)) return [];
  }
  return hits.sort((a, b) => b.score - a.score).map(({ share: _share, ...hit }) => hit);
}
