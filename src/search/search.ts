import { ENGLISH_STOPWORDS } from '../text/stopwords.js';
import { askedTypes } from './answer-type.js';
import { type AskedConcepts, askedConcepts, type Candidate, candidatesOf } from './candidates.js';
import { evidenceOf, queryOf } from './evidence.js';
import {
  contentShare,
  contentWeights,
  featureVector,
  type HeldEvidence,
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
  /** Whether the question asks the society's own view (read before its frame is stripped: どういう立場). */
  readonly asksTheSocietysView: boolean;
  /** How many pieces the question was typed in (sentences, aside clauses). */
  readonly pieces: number;
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
  const weighing: QueryWeighing = { index, asked, all: query.concepts };
  const scored: WeighedHit[] = [];
  for (const candidate of candidates) {
    const held = heldEvidence(candidate, asked);
    if (held.covered === 0) continue;
    const together = togetherness(
      index.sentenceTerms(candidate.id),
      concepts,
      candidate.inText,
      asked.weight,
      asked.total,
    );
    const score = held.rarityWeighted * (1 - PROXIMITY + PROXIMITY * together);
    scored.push(
      new WeighedHit(candidate, held, together, score, context.closeness.similarity(candidate.id), weighing),
    );
  }
  const asks = askedTypes(query.normalized);
  const ranked = rank(index, scored, asks.includes('person'));
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
    asksTheSocietysView: context.asksTheSocietysView,
    pieces: context.pieces,
  };
  const featuresOf: FeatureMaker = (s, into) =>
    featureVector(
      s.held,
      asked,
      question,
      s.togetherness,
      best > 0 ? s.score / best : 0,
      context.closeness.similarity(s.id),
      asks.length > 0 && !asks.some((t) => index.answerTypes(s.id).has(t)),
      into,
    );
  // One array holds each candidate's features while the judge weighs them: only `--explain` and
  // fitting read them after, and they are made again for that.
  const scratch: number[] = [];
  for (const hit of ranked) hit.judge(featuresOf, context.judge, scratch);
  return ranked;
}

/** What every hit of one query is weighed against: the index and the concepts asked. */
interface QueryWeighing {
  readonly index: SearchIndex;
  readonly asked: AskedConcepts;
  /** Every concept of the query (what a hit matched); `asked.concepts` are those weighed. */
  readonly all: readonly Concept[];
}

/** A weighed hit's features, in `into` when given. */
type FeatureMaker = (hit: WeighedHit, into?: number[]) => number[];

/**
 * A candidate weighed: ranked, then judged. Its features and what it holds of each concept
 * (`matched`, `weighed`) are made from its candidate on first use only: most candidates never
 * answer, only answering hits (highlights, `unmatched`), `--explain` and fitting read them, and every
 * answer would otherwise allocate them for up to 60 candidates. One object from scoring to answer:
 * no copy is made to rank it or to add the judge's verdict.
 */
class WeighedHit implements Hit, Rankable {
  readonly id: string;
  readonly bm25: number;
  readonly score: number;
  readonly near: number;
  readonly held: HeldEvidence;
  readonly togetherness: number;
  readonly #candidate: Candidate;
  readonly #query: QueryWeighing;
  #mentions: number | undefined;
  #probability = 0;
  #answers = false;
  #featuresOf: FeatureMaker | undefined;
  #features: readonly number[] | undefined;
  #matched: Hit['matched'] | undefined;
  #weighed: Hit['weighed'] | undefined;

  constructor(
    candidate: Candidate,
    held: HeldEvidence,
    together: number,
    score: number,
    near: number,
    query: QueryWeighing,
  ) {
    this.id = candidate.id;
    this.bm25 = candidate.bm25;
    this.score = score;
    this.near = near;
    this.held = held;
    this.togetherness = together;
    this.#candidate = candidate;
    this.#query = query;
  }

  get coverage(): number {
    return this.held.covered / this.#query.asked.total;
  }

  /** How often the passage names what it holds of the query: counted only when a tie needs it. */
  mentions(): number {
    const { index, asked } = this.#query;
    this.#mentions ??= mentions(
      index.sentences(this.id),
      asked.needles,
      this.#candidate.inText,
      asked.weight,
    );
    return this.#mentions;
  }

  /** Weighs the hit once ranked (its relative score is a feature), its features written in `scratch`. */
  judge(featuresOf: FeatureMaker, judge: Judge, scratch: number[]): void {
    this.#featuresOf = featuresOf;
    this.#probability = judge.probability(featuresOf(this, scratch));
    this.#answers = this.#probability >= judge.threshold;
  }

  get probability(): number {
    return this.#probability;
  }

  get answers(): boolean {
    return this.#answers;
  }

  get features(): readonly number[] {
    this.#features ??= this.#featuresOf?.(this) ?? [];
    return this.#features;
  }

  get matched(): Hit['matched'] {
    const terms = this.#candidate.textTerms;
    this.#matched ??= this.#query.all
      .map((concept) => ({ concept, share: evidenceOf(concept, terms) }))
      .filter((m) => m.share > 0);
    return this.#matched;
  }

  get weighed(): Hit['weighed'] {
    const { inText, inTextOrQuestions } = this.#candidate;
    this.#weighed ??= this.#query.asked.concepts.map((concept, i) => ({
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
  | 'similarBest'
  | 'similarBank'
  | 'saysBankQuestion'
  | 'outOfScope'
  | 'textUnknownShare'
  | 'bareTerm'
  | 'asksTheSocietysView'
  | 'pieces'
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
