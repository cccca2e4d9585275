import type { AskedConcepts, Candidate } from './candidates.js';

/** A word found only in reviewed questions, not in the passage, is half as good a sign of what is asked. */
const QUESTION_ONLY_SPECIFIC = 0.5;

/**
 * The signals the judge weighs for a question and a candidate passage, in this order (the fitted
 * weights in corpus/judge.json name them). Each is 0..1 or a small count scaled to 0..1.
 */
export const FEATURE_NAMES = [
  /** Share of what is asked (known concepts, weighted by specificity) the passage or its questions hold. */
  'coverage',
  /** The same share, in the passage's own text only. */
  'textCoverage',
  /** Specific evidence evidence: 1 per unit of specificity in the text, half in questions only (capped at 2, over 2). */
  'specificHeld',
  /** The most specific concept found in the passage's own text. */
  'maxTextSpecificity',
  /** Share of the question's content (weighted) that no passage holds: words the statement does not use. */
  'unknownShare',
  /** Largest share of what is asked that one sentence of the passage names. */
  'togetherness',
  /** Names of the statement's subject in the question (EV, 上清液, 薬機法, JSEV): 0, 0.5, 1 for 0, 1, 2+. */
  'subjectNames',
  /** Everyday words pointing at the subject (particle, cell, clinic…): 0..1 for 0..3+. */
  'subjectCues',
  /** The passage's ranking score over the best candidate's. */
  'relativeScore',
  /** How many concepts are known (found in some passage): 0..1 for 0..5+. */
  'knownConcepts',
  /** Whether the question only names the statement or its issuer (学会, statement): 0 or 1. */
  'metaOnly',
  /** Cosine similarity (character n-grams) with the passage's nearest reviewed question. */
  'similarQuestion',
  /** The best similarQuestion of any passage. */
  'similarBest',
  /** Cosine similarity with the nearest question of corpus/unanswerable.yaml. */
  'similarBank',
  /** How much of a question of corpus/unanswerable.yaml the query says (the most of any). */
  'saysBankQuestion',
  /**
   * Whether the question is of a kind of request the statement never answers (corpus/out-of-scope.yaml):
   * strong evidence, weighed with the rest, as an aside (値段も高いので迷っています) is no request.
   */
  'outOfScope',
  /** Share of the question's content (weighted) that no passage's own text holds, its reviewed questions aside. */
  'textUnknownShare',
  /** Whether the question asks who, when, where or how many and the passage names no such thing: 0 or 1. */
  'answerTypeMismatch',
  /** Whether the question is one term and nothing else (a keyword): 0 or 1. */
  'bareTerm',
  /** similarBank for a keyword: a term the unanswered questions also name says little of a keyword. */
  'bareTermBank',
  /** Whether the question asks the society's own view of something (どう受け止めていますか, stance): 0 or 1. */
  'asksTheSocietysView',
  /** How many pieces (sentences, aside clauses) the question has beyond one: 0..1 for 1..4+. */
  'pieces',
] as const;

/** What is known of the question as a whole, the same for every candidate. */
export interface QuestionSignals {
  readonly subjectNames: number;
  readonly subjectCues: number;
  readonly unknownShare: number;
  readonly metaOnly: boolean;
  readonly similarBest: number;
  readonly similarBank: number;
  readonly saysBankQuestion: number;
  readonly outOfScope: boolean;
  readonly textUnknownShare: number;
  readonly bareTerm: boolean;
  readonly asksTheSocietysView: boolean;
  readonly pieces: number;
}

/** A candidate's evidence summed over what is asked: the inputs of ranking and of the features. */
export interface HeldEvidence {
  /** Σ specificity × evidence, in the text or the questions. */
  readonly covered: number;
  /** Σ specificity × evidence in the text only. */
  readonly inText: number;
  /** Σ specificity of concepts evidence, full in the text, half in questions only. */
  readonly specificityHeld: number;
  readonly maxTextSpecificity: number;
  /** Σ specificity × evidence × rarity: the ranking score before togetherness. */
  readonly rarityWeighted: number;
}

/**
 * Each concept's weight in the question's content: its specificity, known or not, 0 for a lone kanji
 * left over (言 of 言えるんでしょうか, a verb stem).
 */
export function contentWeights(asked: AskedConcepts): number[] {
  return asked.concepts.map((c) => ([...c.label].length > 1 ? c.specificity : 0));
}

/** The share of the question's content (see {@link contentWeights}) that evidence per concept holds. */
export function contentShare(evidence: readonly number[], content: readonly number[]): number {
  let found = 0;
  let total = 0;
  for (let i = 0; i < content.length; i++) {
    found += (content[i] ?? 0) * (evidence[i] ?? 0);
    total += content[i] ?? 0;
  }
  return total > 0 ? found / total : 0;
}

/** Sums a candidate's evidence over the concepts asked (plain loops: this runs for every candidate). */
export function heldEvidence(c: Candidate, asked: AskedConcepts): HeldEvidence {
  let covered = 0;
  let inText = 0;
  let specificityHeld = 0;
  let maxTextSpecificity = 0;
  let rarityWeighted = 0;
  for (let i = 0; i < asked.concepts.length; i++) {
    const e = c.inTextOrQuestions[i] ?? 0;
    const t = c.inText[i] ?? 0;
    const w = asked.weight[i] ?? 0;
    covered += w * e;
    inText += w * t;
    if (e > 0) specificityHeld += w * (t > 0 ? 1 : QUESTION_ONLY_SPECIFIC);
    if (t > 0) maxTextSpecificity = Math.max(maxTextSpecificity, w);
    rarityWeighted += w * e * (asked.rarity[i] ?? 0);
  }
  return { covered, inText, specificityHeld, maxTextSpecificity, rarityWeighted };
}

/**
 * The feature vector of one candidate, in {@link FEATURE_NAMES} order, written into `into` when given
 * (one array reused while the judge weighs every candidate of a query).
 */
export function featureVector(
  evidence: HeldEvidence,
  asked: AskedConcepts,
  question: QuestionSignals,
  togetherness: number,
  relativeScore: number,
  similarQuestion: number,
  answerTypeMismatch: boolean,
  into: number[] = [],
): number[] {
  const total = asked.total > 0 ? asked.total : 1;
  let known = 0;
  for (let i = 0; i < asked.weight.length; i++) if ((asked.weight[i] ?? 0) > 0) known++;
  // Written by place, not by push after emptying it: an array emptied gives up its storage.
  let k = 0;
  into[k++] = evidence.covered / total;
  into[k++] = evidence.inText / total;
  into[k++] = Math.min(evidence.specificityHeld, 2) / 2;
  into[k++] = evidence.maxTextSpecificity;
  into[k++] = question.unknownShare;
  into[k++] = togetherness;
  into[k++] = Math.min(question.subjectNames, 2) / 2;
  into[k++] = Math.min(question.subjectCues, 3) / 3;
  into[k++] = relativeScore;
  into[k++] = Math.min(known, 5) / 5;
  into[k++] = question.metaOnly ? 1 : 0;
  into[k++] = similarQuestion;
  into[k++] = question.similarBest;
  into[k++] = question.similarBank;
  into[k++] = question.saysBankQuestion;
  into[k++] = question.outOfScope ? 1 : 0;
  into[k++] = question.textUnknownShare;
  into[k++] = answerTypeMismatch ? 1 : 0;
  into[k++] = question.bareTerm ? 1 : 0;
  into[k++] = question.bareTerm ? question.similarBank : 0;
  into[k++] = question.asksTheSocietysView ? 1 : 0;
  into[k++] = Math.min(question.pieces - 1, 3) / 3;
  return into;
}
