import type { SearchResult } from 'minisearch';
import { evidenceOf, FieldTerms, type Terms } from './evidence.js';
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
  /** The query terms in the passage's text. */
  readonly textTerms: Terms;
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
  // Plain loops, no closures: this runs for every concept of up to 60 candidates per answer.
  const candidates: Candidate[] = [];
  for (let r = 0; r < results.length && r < MAX_CANDIDATES; r++) {
    const result = results[r] as SearchResult;
    const textTerms = new FieldTerms(result, TEXT_FIELD);
    const inText: number[] = [];
    for (let i = 0; i < concepts.length; i++) inText.push(evidenceOf(concepts[i] as Concept, textTerms));
    const inTextOrQuestions = viaQuestions
      ? viaTheirQuestions(index, result, concepts, inText, nearest)
      : inText;
    candidates.push({ id: result.id, bm25: result.score, inText, inTextOrQuestions, textTerms });
  }
  return candidates;
}

/**
 * Evidence per concept in a passage's text or, discounted, in its reviewed question nearest to the
 * query (when the words of its questions hold the concept) or in the words of its questions together.
 */
function viaTheirQuestions(
  index: SearchIndex,
  result: SearchResult,
  concepts: readonly Concept[],
  inText: readonly number[],
  nearest: (id: string) => number | undefined,
): number[] {
  const inQuestions = new FieldTerms(result, QUESTIONS_FIELD);
  const question = index.questionTerms(result.id)[nearest(result.id) ?? -1];
  const evidence: number[] = [];
  for (let i = 0; i < concepts.length; i++) {
    const c = concepts[i] as Concept;
    const inQuestionWords = evidenceOf(c, inQuestions);
    const inNearest = question && inQuestionWords > 0 ? evidenceOf(c, question) : 0;
    evidence.push(
      Math.max(inText[i] ?? 0, inNearest * QUESTION_WEIGHT, inQuestionWords * QUESTION_WORDS_WEIGHT),
    );
  }
  return evidence;
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
