import { ENGLISH_STOPWORDS } from '../text/stopwords.js';
import { askedTypes } from './answer-type.js';
import { askedConcepts, type Candidate, candidatesOf } from './candidates.js';
import { evidenceOf, queryOf } from './evidence.js';
import {
  contentShare,
  contentWeights,
  featureVector,
  heldEvidence,
  type QuestionSignals,
} from './features.js';
import type { SearchIndex } from './index.js';
import type { Judge } from './judge.js';
import type { AnalyzedQuery, Concept } from './query.js';
import { mentions, type Rankable, rank, togetherness } from './rank.js';
import type { Closeness } from './similar.js';

/** How much relating the concepts in one sentence counts in the ranking (see togetherness). */
const PROXIMITY = 0.25;

/** A passage that may answer the query, with what of the query it holds, the judge's inputs and its verdict. */
export interface Hit {
  readonly id: string;
  /** Ranking score: the specific evidence the passage holds for the query, weighted by rarity in the corpus. */
  readonly score: number;
  /** Share of what the query asks (its known concepts, weighted by specificity) found in the passage, 0..1. */
  readonly coverage: number;
  /** Concepts found in the passage's own text, with the share of each that matched. */
  readonly matched: readonly { readonly concept: Concept; readonly share: number }[];
  /** The judge's inputs, in FEATURE_NAMES order. */
  readonly features: readonly number[];
  /** The judge's probability that the passage answers. */
  readonly probability: number;
  /** Whether the probability reaches the judge's threshold. */
  readonly answers: boolean;
  /** Each concept weighed (meta ones only when nothing else is asked): its evidence in the text, and in the text or reviewed questions. */
  readonly weighed: readonly {
    readonly concept: Concept;
    readonly inText: number;
    readonly inTextOrQuestions: number;
  }[];
}

/** Names and everyday words of the statement's subject in the question (see src/search/domain.ts). */
export interface SubjectSignals {
  readonly names: number;
  readonly cues: number;
}

type Scored = Rankable & {
  readonly candidate: Candidate;
  readonly coverage: number;
  readonly held: ReturnType<typeof heldEvidence>;
  readonly togetherness: number;
};

/**
 * Searches the index for an analysed query and weighs every candidate passage on what the question
 * is about: each gets a ranking score and the features the judge turns into the probability that it
 * answers. Concepts found in no candidate (words the statement does not use) are left out of the
 * weighing, and counted as the share of the question the statement does not hold.
 */
/** What search weighs a query by beside the index: its subject, and its nearness to reviewed questions. */
export interface QueryContext {
  readonly subject: SubjectSignals;
  /** Whether everyday words may bridge to the statement (beside its subject): its reviewed questions too. */
  readonly bridges: boolean;
  readonly closeness: Closeness;
  /** Whether the question is of a reviewed kind of request the statement never answers (a price, a clinic to go to). */
  readonly outOfScope: boolean;
  /** Weighs each hit as it is made, so that no hit is copied to add its verdict. */
  readonly judge: Judge;
}

export function searchIndex(index: SearchIndex, query: AnalyzedQuery, context: QueryContext): Hit[] {
  const nonMeta = query.concepts.filter((c) => !c.meta);
  const metaOnly = nonMeta.length === 0;
  const concepts = metaOnly ? query.concepts : nonMeta;
  if (concepts.length === 0) return [];
  const results = index.search(queryOf(query.concepts));
  const candidates = candidatesOf(
    index,
    results,
    concepts,
    (id) => context.closeness.nearest(id),
    context.bridges,
  );
  const asked = askedConcepts(index, concepts, candidates);
  // Only lone kanji known (出 of 「いつ出されたものですか」): nothing to judge by.
  if (concepts.every((c, i) => (asked.weight[i] ?? 0) === 0 || [...c.label].length === 1)) return [];
  const scored: Scored[] = [];
  for (const candidate of candidates) {
    const held = heldEvidence(candidate, asked);
    if (held.covered === 0) continue;
    const sentences = index.sentences(candidate.id);
    const together = togetherness(
      index.sentenceTerms(candidate.id),
      concepts,
      candidate.inText,
      asked.weight,
      asked.total,
    );
    let count: number | undefined;
    scored.push({
      id: candidate.id,
      candidate,
      coverage: held.covered / asked.total,
      held,
      togetherness: together,
      score: held.rarityWeighted * (1 - PROXIMITY + PROXIMITY * together),
      bm25: candidate.bm25,
      mentions: () => {
        count ??= mentions(sentences, asked.needles, candidate.inText, asked.weight);
        return count;
      },
    });
  }
  const ranked = rank(index, scored);
  const best = ranked[0]?.score ?? 0;
  const content = contentWeights(asked);
  const question: QuestionSignals = {
    ...questionSignals(concepts, metaOnly, asked.weight, context.subject),
    similarBest: context.closeness.best,
    similarBank: context.closeness.bank,
    saysBankQuestion: context.closeness.bankSaid,
    outOfScope: context.outOfScope,
    textUnknownShare: 1 - contentShare(inAnyText(candidates, concepts.length), content),
    bareTerm: isBareTerm(query),
  };
  const asks = askedTypes(query.normalized);
  const weighing: Weighing = {
    all: query.concepts,
    concepts,
    features: (s, into) =>
      featureVector(
        s.held,
        asked,
        question,
        s.togetherness,
        best > 0 ? s.score / best : 0,
        context.closeness.similarity(s.id),
        asks.length > 0 && !asks.some((t) => index.answerTypes(s.id).has(t)),
        into,
      ),
  };
  // One array holds each candidate's features while the judge weighs them: only `--explain` and
  // fitting read them after, and they are made again for that.
  const scratch: number[] = [];
  return ranked.map((s) => {
    const probability = context.judge.probability(weighing.features(s, scratch));
    return new WeighedHit(s, probability, probability >= context.judge.threshold, weighing);
  });
}

/** What every hit of one query is weighed by: the concepts asked, and its features made from them. */
interface Weighing {
  /** Every concept of the query (what a hit matched), and those weighed (meta ones only when nothing else is asked). */
  readonly all: readonly Concept[];
  readonly concepts: readonly Concept[];
  /** A scored candidate's features, in `into` when given. */
  readonly features: (scored: Scored, into?: number[]) => number[];
}

/**
 * A weighed candidate. Its features and what it holds of each concept (`matched`, `weighed`) are
 * made from its candidate on first use only: most candidates never answer, only answering hits
 * (highlights, `unmatched`), `--explain` and fitting read them, and every answer would otherwise
 * allocate them for up to 60 candidates.
 */
class WeighedHit implements Hit {
  readonly id: string;
  readonly score: number;
  readonly coverage: number;
  readonly probability: number;
  readonly answers: boolean;
  readonly #scored: Scored;
  readonly #weighing: Weighing;
  #features: readonly number[] | undefined;
  #matched: Hit['matched'] | undefined;
  #weighed: Hit['weighed'] | undefined;

  constructor(scored: Scored, probability: number, answers: boolean, weighing: Weighing) {
    this.id = scored.id;
    this.score = scored.score;
    this.coverage = scored.coverage;
    this.probability = probability;
    this.answers = answers;
    this.#scored = scored;
    this.#weighing = weighing;
  }

  get features(): readonly number[] {
    this.#features ??= this.#weighing.features(this.#scored);
    return this.#features;
  }

  get matched(): Hit['matched'] {
    const terms = this.#scored.candidate.textTerms;
    this.#matched ??= this.#weighing.all
      .map((concept) => ({ concept, share: evidenceOf(concept, terms) }))
      .filter((m) => m.share > 0);
    return this.#matched;
  }

  get weighed(): Hit['weighed'] {
    const { inText, inTextOrQuestions } = this.#scored.candidate;
    this.#weighed ??= this.#weighing.concepts.map((concept, i) => ({
      concept,
      inText: inText[i] ?? 0,
      inTextOrQuestions: inTextOrQuestions[i] ?? 0,
    }));
    return this.#weighed;
  }
}

/**
 * A keyword: one concept and nothing else of content (grammar in kana, English function words and
 * punctuation aside), so 「上清液について教えて」 is the keyword 上清液.
 */
function isBareTerm(query: AnalyzedQuery): boolean {
  const [only, ...others] = query.concepts;
  if (only === undefined || others.length > 0) return false;
  const rest = query.normalized.split(only.label).join(' ');
  if (/[\p{Script=Han}\p{Script=Katakana}\p{N}]/u.test(rest)) return false;
  return [...rest.matchAll(/\p{Script=Latin}+/gu)].every((m) => ENGLISH_STOPWORDS.has(m[0]));
}

/** Per concept, 1 when some candidate's own text holds it, else 0. */
function inAnyText(candidates: readonly Candidate[], count: number): number[] {
  return Array.from({ length: count }, (_, i) => (candidates.some((c) => (c.inText[i] ?? 0) > 0) ? 1 : 0));
}

/** What is known of the question as a whole: its subject, and how much of it no passage holds. */
function questionSignals(
  concepts: readonly Concept[],
  metaOnly: boolean,
  weight: readonly number[],
  subject: SubjectSignals,
): Omit<
  QuestionSignals,
  'similarBest' | 'similarBank' | 'saysBankQuestion' | 'outOfScope' | 'textUnknownShare' | 'bareTerm'
> {
  let all = 0;
  let unknown = 0;
  for (let i = 0; i < concepts.length; i++) {
    const c = concepts[i] as Concept;
    // A lone kanji left over (言 of 言えるんでしょうか) is a verb stem, not content.
    if ([...c.label].length === 1) continue;
    all += c.specificity;
    if ((weight[i] ?? 0) === 0) unknown += c.specificity;
  }
  return {
    subjectNames: subject.names,
    subjectCues: subject.cues,
    unknownShare: all > 0 ? unknown / all : 0,
    metaOnly,
  };
}
