import type { SearchResult } from 'minisearch';
import { evidenceOf, termsIn } from './evidence.js';
import { QUESTIONS_FIELD, type SearchIndex, TEXT_FIELD } from './index.js';
import type { Concept } from './query.js';

/** Found in the passage's reviewed question nearest to the query: a way in, worth less than its own words. */
const QUESTION_WEIGHT = 0.8;
/** Found in the words of several of its questions together: a vocabulary bridge, worth less still. */
const QUESTION_WORDS_WEIGHT = 0.5;
/** Passages judged per query, best MiniSearch scores first. */
const MAX_CANDIDATES = 60;
/** Corpus rarity ranks passages, damped: over a few passages it tells less than specificity in ordinary language. */
const RARITY_EXPONENT = 0.5;

/** A passage MiniSearch found for a query, with the evidence it holds for each concept asked. */
export interface Candidate {
  readonly id: string;
  /** MiniSearch's score of the passage, for tie-breaks. */
  readonly bm25: number;
  /** Evidence per concept asked in the passage's own text (what is quoted), 0..1. */
  readonly inText: readonly number[];
  /** Evidence per concept in its text, or (discounted) in its reviewed questions: the best of them. */
  readonly inTextOrQuestions: readonly number[];
  /** Whether a query term is in the passage's text. */
  readonly hasTerm: (term: string) => boolean;
}

/** The concepts a query asks about, as every candidate is judged against them. */
export interface AskedConcepts {
  readonly concepts: readonly Concept[];
  /** Specificity of each concept, 0 for a concept found in no candidate (a word the statement lacks). */
  readonly weight: readonly number[];
  /** Sum of `weight`: what the known concepts weigh together. */
  readonly total: number;
  /** Each concept's rarity among the passages (log inverse document frequency, damped). */
  readonly rarity: readonly number[];
  /** Each concept's forms without white space, to find them in sentences. */
  readonly needles: readonly (readonly string[])[];
}

/**
 * Evidence per candidate passage: in its text, in the words of its reviewed questions together, and
 * in its reviewed question nearest to the query (`nearest`: its place in the passage's questions).
 * The reviewed questions are a bridge of everyday words like the glossary's: without the subject
 * (`viaQuestions` false), only the text counts.
 */
export function candidatesOf(
  index: SearchIndex,
  results: readonly SearchResult[],
  concepts: readonly Concept[],
  nearest: (id: string) => number | undefined,
  viaQuestions: boolean,
): Candidate[] {
  return results.slice(0, MAX_CANDIDATES).map((result) => {
    const hasTerm = termsIn(result, TEXT_FIELD);
    const inText = concepts.map((c) => evidenceOf(c, hasTerm));
    const inQuestions = termsIn(result, QUESTIONS_FIELD);
    const inQuestionWords = concepts.map((c) => evidenceOf(c, inQuestions));
    const question = index.questionTerms(result.id)[nearest(result.id) ?? -1];
    const has = (term: string) => question?.has(term) === true;
    return {
      id: result.id,
      bm25: result.score,
      inText,
      inTextOrQuestions: concepts.map((c, i) => {
        if (!viaQuestions) return inText[i] ?? 0;
        const inNearest = question && (inQuestionWords[i] ?? 0) > 0 ? evidenceOf(c, has) : 0;
        return Math.max(
          inText[i] ?? 0,
          inNearest * QUESTION_WEIGHT,
          (inQuestionWords[i] ?? 0) * QUESTION_WORDS_WEIGHT,
        );
      }),
      hasTerm,
    };
  });
}

/** What every candidate is judged against: the concepts asked, their weights and rarity. */
export function askedConcepts(
  index: SearchIndex,
  concepts: readonly Concept[],
  candidates: readonly Candidate[],
): AskedConcepts {
  // Known: found in some passage (its text or its questions).
  const weight = concepts.map((c, i) =>
    candidates.some((j) => (j.inTextOrQuestions[i] ?? 0) > 0) ? c.specificity : 0,
  );
  // Rarity in the corpus ranks passages: a concept in one passage tells more than one in all.
  const rarity = concepts.map((_, i) => {
    const df = candidates.filter((j) => (j.inText[i] ?? 0) > 0).length;
    return Math.log(1 + index.size / Math.max(1, df)) ** RARITY_EXPONENT;
  });
  return {
    concepts,
    weight,
    total: weight.reduce((a, b) => a + b, 0),
    rarity,
    needles: concepts.map((c) =>
      c.alternatives.map((a) => a.text.replace(/\s+/g, '')).filter((f) => f.length > 0),
    ),
  };
}
