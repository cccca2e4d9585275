import type { SearchResult } from 'minisearch';
import { evidenceOf, termsIn } from './evidence.js';
import { QUESTIONS_FIELD, type SearchIndex, TEXT_FIELD } from './index.js';
import type { Concept } from './query.js';

/** Found in the reviewed question of a passage closest to the query: a way in, worth less than its own words. */
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
 * in the one question that holds most of what is asked (compared term by term with each question).
 */
export function candidatesOf(
  index: SearchIndex,
  results: readonly SearchResult[],
  concepts: readonly Concept[],
): Candidate[] {
  return results.slice(0, MAX_CANDIDATES).map((result) => {
    const hasTerm = termsIn(result, TEXT_FIELD);
    const inText = concepts.map((c) => evidenceOf(c, hasTerm));
    const inQuestions = termsIn(result, QUESTIONS_FIELD);
    const inQuestionWords = concepts.map((c) => evidenceOf(c, inQuestions));
    // The closest question can only raise a concept its text holds less of than it could give.
    const worth = inQuestionWords.map((e, i) => e * QUESTION_WEIGHT > (inText[i] ?? 0));
    const closest = worth.some(Boolean)
      ? closestQuestion(index, result.id, concepts, inQuestionWords)
      : concepts.map(() => 0);
    return {
      id: result.id,
      bm25: result.score,
      inText,
      inTextOrQuestions: closest.map((e, i) =>
        Math.max(inText[i] ?? 0, e * QUESTION_WEIGHT, (inQuestionWords[i] ?? 0) * QUESTION_WORDS_WEIGHT),
      ),
      hasTerm,
    };
  });
}

/**
 * Evidence per concept in the one reviewed question that holds most of what is asked (weighted by
 * specificity). Only concepts found in the words of some question of the passage can be in one.
 */
function closestQuestion(
  index: SearchIndex,
  id: string,
  concepts: readonly Concept[],
  inQuestionWords: readonly number[],
): number[] {
  const best = concepts.map(() => 0);
  if (!inQuestionWords.some((e) => e > 0)) return best;
  const questions = index.questionTerms(id);
  // Only the questions that hold a term of what is asked can hold any of it.
  const holding = new Set<number>();
  for (let i = 0; i < concepts.length; i++) {
    if ((inQuestionWords[i] ?? 0) === 0) continue;
    for (const alt of (concepts[i] as Concept).alternatives) {
      for (const term of [...alt.grams, ...alt.latin])
        for (const q of index.questionsWithTerm(id, term)) holding.add(q);
    }
  }
  let bestWeight = 0;
  const current = concepts.map(() => 0);
  // Plain loops: a sum updated inside a callback would box a new number at every step.
  for (const q of holding) {
    const terms = questions[q] as ReadonlySet<string>;
    const has = (term: string) => terms.has(term);
    let weight = 0;
    for (let i = 0; i < concepts.length; i++) {
      const e = (inQuestionWords[i] ?? 0) > 0 ? evidenceOf(concepts[i] as Concept, has) : 0;
      current[i] = e;
      weight += e * (concepts[i] as Concept).specificity;
    }
    if (weight > bestWeight) {
      bestWeight = weight;
      for (let i = 0; i < current.length; i++) best[i] = current[i] as number;
    }
  }
  return best;
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
