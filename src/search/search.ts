import type { Query } from 'minisearch';
import { GRAM_FIELD, type SearchIndex, WORD_FIELD } from './index.js';
import type { AnalyzedQuery, Concept } from './query.js';
import { decodeTerm, encodeTerm } from './terms.js';

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
// by a piece of three characters or more (エクソソーム療法 in エクソソーム(EV)療法). The raw score cannot decide this: MiniSearch multiplies it by the number of matched
// terms, and chance bigrams (ロナ of コロナ in モノクロナール) would make off-topic queries look relevant.
const MIN_COVERAGE = 0.5;
const WORD_BOOST = 2;
const MAX_PARTIAL_HITS = 2;
const MAX_PARTIAL_SHARE = 0.2;
const NEAR_BEST = 0.1;
const FUZZY_MIN_LENGTH = 5;

function conceptQuery(concept: Concept): Query {
  const queries: Query[] = [];
  for (const alt of concept.alternatives) {
    const single = alt.grams.length === 1 && alt.grams[0]?.length === 1;
    if (alt.grams.length > 0) {
      // No prefix expansion over bigrams, except for a one-character query (液 finds 液体).
      queries.push({ queries: alt.grams.map(encodeTerm), fields: [GRAM_FIELD], prefix: single, combineWith: 'OR' });
    }
    if (alt.words.length > 0) {
      queries.push({ queries: alt.words.map(encodeTerm), fields: [WORD_FIELD], boost: { [WORD_FIELD]: WORD_BOOST } });
    }
    for (const word of alt.latin) {
      queries.push({
        queries: [word],
        fields: [WORD_FIELD],
        boost: { [WORD_FIELD]: WORD_BOOST },
        fuzzy: word.length >= FUZZY_MIN_LENGTH ? 0.2 : false,
      });
    }
  }
  return { queries, combineWith: 'OR' };
}

/** Two consecutive bigrams found: a piece of three characters or more, never a chance overlap (ロナ). */
function hasChain(grams: readonly string[], found: ReadonlySet<string>): boolean {
  for (let i = 0; i + 1 < grams.length; i++) {
    if (found.has(grams[i] as string) && found.has(grams[i + 1] as string)) return true;
  }
  return false;
}

/** How much of each concept a passage contains, from the query terms MiniSearch matched in it. */
function measure(found: ReadonlySet<string>, concepts: readonly Concept[]) {
  return concepts.map((concept) => {
    let share = 0;
    let present = false;
    for (const alt of concept.alternatives) {
      const terms = [...alt.grams, ...alt.latin];
      if (terms.length === 0) continue;
      const altShare = terms.filter((t) => found.has(t)).length / terms.length;
      share = Math.max(share, altShare);
      const whole = altShare === 1;
      if (whole || (altShare >= 0.5 && hasChain(alt.grams, found))) present = true;
    }
    return { concept, share, present };
  });
}

/**
 * Searches the index for an analysed query: first passages containing every concept (AND), then
 * any (OR), keeping only passages that contain enough of the query to answer it.
 */
export function searchIndex(index: SearchIndex, query: AnalyzedQuery): Hit[] {
  const content = query.concepts.filter((c) => !c.meta);
  const judged = content.length > 0 ? content : query.concepts;
  if (judged.length === 0) return [];
  const all = query.concepts.map(conceptQuery);
  const required = judged.map(conceptQuery);
  let results = index.miniSearch.search({ queries: required, combineWith: 'AND' });
  if (results.length === 0) results = index.miniSearch.search({ queries: all, combineWith: 'OR' });
  const hits: (Hit & { share: number })[] = [];
  for (const result of results) {
    const found = new Set(result.queryTerms.map(decodeTerm));
    const measured = measure(found, query.concepts);
    const judgedMeasures = measured.filter((m) => judged.includes(m.concept));
    const coverage = judgedMeasures.filter((m) => m.present).length / judged.length;
    if (coverage < MIN_COVERAGE) continue;
    const share = judgedMeasures.reduce((sum, m) => sum + m.share, 0) / judged.length;
    hits.push({
      id: result.id as string,
      score: result.score * share * share,
      coverage,
      share,
      matched: measured.filter((m) => m.share > 0).map(({ concept, share }) => ({ concept, share })),
      fuzzy: Object.keys(result.match).filter((term) => !term.startsWith('~') && !found.has(term)),
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
