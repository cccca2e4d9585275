import type { Query, SearchResult } from 'minisearch';
import { QUESTIONS_FIELD, type SearchIndex, TEXT_FIELD } from './index.js';
import type { Alternative, AnalyzedQuery, Concept } from './query.js';

/** A passage the query is relevant to, with what of the query it contains. */
export interface Hit {
  readonly id: string;
  /** Ranking score: the specific evidence the passage holds for the query, weighted by rarity in the corpus. */
  readonly score: number;
  /** Share of what the query asks (its known concepts, weighted by specificity) found in the passage, 0..1. */
  readonly coverage: number;
  /** Concepts found in the passage's own text, with the share of each that matched. */
  readonly matched: readonly { readonly concept: Concept; readonly share: number }[];
}

/** A passage answers when at least this share of what the query asks (weighted) is in it. */
const MIN_COVERAGE = 0.5;
/** …and what it shares with the query is specific enough: one specific word, or several ordinary ones. */
const MIN_EVIDENCE = 0.8;
/** A word found only in reviewed questions, not in the passage, is half as good a sign of what is asked. */
const QUESTION_ONLY_SPECIFIC = 0.5;
/** Found in the reviewed question of a passage closest to the query: a way in, worth less than its own words. */
const QUESTION_WEIGHT = 0.8;
/** Found in the words of several of its questions together: a vocabulary bridge, worth less still. */
const QUESTION_WORDS_WEIGHT = 0.5;
/** The share of a form's bigrams that must be found (with a piece of three characters) when not all are. */
const PART_TYPED = 0.5;
const PART_VOCABULARY = 0.8;
/** Passages judged per query, best MiniSearch scores first. */
const MAX_CANDIDATES = 60;
/** How much relating the concepts in one sentence counts in the ranking (see togetherness). */
const PROXIMITY = 0.25;
/** Corpus rarity ranks passages, damped: over a few passages it tells less than specificity in ordinary language. */
const RARITY_EXPONENT = 0.5;
/** Scores this close are a tie (see {@link rank}). */
const TIE = 0.02;

/**
 * The index terms of a query, as one MiniSearch OR query. No fuzzy matching here: English typos
 * are corrected against the glossary before (see Vocabulary), while fuzzy matching in the index
 * turned a word into a shorter corpus word (one letter dropped); no prefix search either: a question of lone kanji is not answered.
 */
function queryOf(concepts: readonly Concept[]): Query {
  const terms = new Set<string>();
  for (const concept of concepts) {
    for (const alt of concept.alternatives) {
      for (const gram of alt.grams) terms.add(gram);
      for (const word of alt.latin) terms.add(word);
    }
  }
  return { queries: [...terms], combineWith: 'OR' };
}

/** Two consecutive bigrams found: a piece of three characters or more, never a chance overlap (ロナ). */
function hasChain(grams: readonly string[], found: (gram: string) => boolean): boolean {
  for (let i = 0; i + 1 < grams.length; i++) {
    if (found(grams[i] as string) && found(grams[i + 1] as string)) return true;
  }
  return false;
}

/**
 * How much of a concept an index entry holds, 0..1: the best alternative's weight times the share
 * of it found, counted only when it is there whole, or with all its Latin words and at least half
 * of its bigrams including a piece of three characters (エクソソーム療法 in エクソソーム(EV)療法;
 * never ロナ of コロナ in モノクロナール).
 */
function evidence(concept: Concept, found: (term: string) => boolean): number {
  let best = 0;
  // Indexed loops: this runs for every concept of every candidate and reviewed question.
  for (let a = 0; a < concept.alternatives.length; a++) {
    const alt = concept.alternatives[a] as Alternative;
    const size = alt.grams.length + alt.latin.length;
    if (size === 0) continue;
    // Latin words are whole words: an alternative missing one (iPS of iPS細胞) is not there.
    let latin = true;
    for (let k = 0; k < alt.latin.length && latin; k++) latin = found(alt.latin[k] as string);
    if (!latin) continue;
    let hits = alt.latin.length;
    for (let k = 0; k < alt.grams.length; k++) if (found(alt.grams[k] as string)) hits++;
    const share = hits / size;
    // A form the member typed may be found in part (エクソソーム療法 in エクソソーム(EV)療法); a form of
    // the vocabulary is the statement's own wording, so nearly all of it must be there
    // (国際細胞外小胞学会 is not 日本細胞外小胞学会).
    const least = alt.typed ? PART_TYPED : PART_VOCABULARY;
    if (share === 1 || (share >= least && hasChain(alt.grams, found)))
      best = Math.max(best, share * alt.weight);
  }
  return best;
}

/**
 * The largest share of what is asked (known concepts, weighted) that one sentence of the passage
 * names, 0..1: a passage that relates the things asked about (EV製剤 … 医薬品 in one sentence)
 * answers better than one that names them in different places, or names fewer of them.
 * `needles` are each concept's forms without white space, as the sentences are.
 */
function togetherness(
  sentences: readonly string[],
  needles: readonly (readonly string[])[],
  evidence: readonly number[],
  weight: readonly number[],
  total: number,
): number {
  let best = 0;
  for (const sentence of sentences) {
    let held = 0;
    for (let i = 0; i < needles.length; i++) {
      if ((evidence[i] ?? 0) > 0 && needles[i]?.some((form) => sentence.includes(form)))
        held += weight[i] ?? 0;
    }
    best = Math.max(best, held / total);
  }
  return best;
}

/**
 * How often a passage names what it holds of the query (weighted): between passages holding the
 * same evidence, the one that talks most about it (EV製剤 and 医薬品 three times each) ranks first.
 */
function mentions(
  sentences: readonly string[],
  needles: readonly (readonly string[])[],
  evidence: readonly number[],
  weight: readonly number[],
): number {
  let count = 0;
  for (let i = 0; i < needles.length; i++) {
    const forms = needles[i] ?? [];
    if ((evidence[i] ?? 0) === 0) continue;
    let most = 0;
    for (const form of forms) {
      let n = 0;
      for (const sentence of sentences) {
        for (let at = sentence.indexOf(form); at !== -1; at = sentence.indexOf(form, at + form.length)) n++;
      }
      most = Math.max(most, n);
    }
    count += most * (weight[i] ?? 0);
  }
  return count;
}

/** The query terms a result holds in one field. */
function termsIn(result: SearchResult, field: string): (term: string) => boolean {
  const match = result.match as Record<string, readonly string[] | undefined>;
  // Own keys only: a term such as `constructor` would otherwise read Object.prototype's function.
  return (term) => Object.hasOwn(match, term) && match[term]?.includes(field) === true;
}

/** A passage with the evidence it holds for each concept asked. */
interface Judged {
  readonly id: string;
  /** MiniSearch's score of the passage, for tie-breaks. */
  readonly bm25: number;
  /** Evidence per concept in the passage's own text (what is quoted). */
  readonly text: readonly number[];
  /** Evidence per concept in its text or in the one reviewed question closest to the query. */
  readonly any: readonly number[];
  /** Whether a query term is in the passage's text. */
  readonly inText: (term: string) => boolean;
}

/**
 * Evidence per passage: in its text, in the words of its reviewed questions together, and in the
 * one question that holds most of what is asked (compared term by term with each question).
 */
function judgePassages(
  index: SearchIndex,
  results: readonly SearchResult[],
  concepts: readonly Concept[],
): Judged[] {
  return results.slice(0, MAX_CANDIDATES).map((result) => {
    const inText = termsIn(result, TEXT_FIELD);
    const own = concepts.map((c) => evidence(c, inText));
    const inQuestions = termsIn(result, QUESTIONS_FIELD);
    const union = concepts.map((c) => evidence(c, inQuestions));
    return {
      id: result.id,
      bm25: result.score,
      text: own,
      any: bestQuestion(index.questionTerms(result.id), concepts, union).map((b, i) =>
        Math.max(own[i] ?? 0, b * QUESTION_WEIGHT, (union[i] ?? 0) * QUESTION_WORDS_WEIGHT),
      ),
      inText,
    };
  });
}

/**
 * Evidence per concept in the one reviewed question that holds most of what is asked (weighted by
 * specificity). Only concepts found in some question of the passage (`union`) can be in one.
 */
function bestQuestion(
  questions: readonly ReadonlySet<string>[],
  concepts: readonly Concept[],
  union: readonly number[],
): number[] {
  const best = concepts.map(() => 0);
  if (!union.some((e) => e > 0)) return best;
  let bestWeight = 0;
  const current = concepts.map(() => 0);
  // Plain loops: a sum updated inside a callback would box a new number at every step.
  for (const terms of questions) {
    const has = (term: string) => terms.has(term);
    let weight = 0;
    for (let i = 0; i < concepts.length; i++) {
      const e = (union[i] ?? 0) > 0 ? evidence(concepts[i] as Concept, has) : 0;
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

type Ranked = Hit & {
  /** How often the passage names what was asked: counted only when a tie needs it. */
  readonly mentions: () => number;
  readonly bm25: number;
  readonly keyPoint: boolean;
};

/** What the judgement of every candidate shares: the concepts asked, their weights and rarity. */
interface Judgement {
  readonly asked: readonly Concept[];
  /** Specificity of each concept asked, 0 for a concept found in no candidate. */
  readonly weight: readonly number[];
  readonly total: number;
  readonly rarity: readonly number[];
  /** Each concept's forms without white space, to find them in sentences. */
  readonly needles: readonly (readonly string[])[];
}

function judgement(index: SearchIndex, asked: readonly Concept[], judged: readonly Judged[]): Judgement {
  // Known: found in some passage (its text or its questions).
  const weight = asked.map((c, i) => (judged.some((j) => (j.any[i] ?? 0) > 0) ? c.specificity : 0));
  // Rarity in the corpus ranks passages: a concept in one passage tells more than one in all.
  const rarity = asked.map((_, i) => {
    const df = judged.filter((j) => (j.text[i] ?? 0) > 0).length;
    return Math.log(1 + index.size / Math.max(1, df)) ** RARITY_EXPONENT;
  });
  return {
    asked,
    weight,
    total: weight.reduce((a, b) => a + b, 0),
    rarity,
    needles: asked.map((c) =>
      c.alternatives.map((a) => a.text.replace(/\s+/g, '')).filter((f) => f.length > 0),
    ),
  };
}

/** The hit a judged passage makes, or undefined when it does not answer the question. */
function hitOf(index: SearchIndex, query: AnalyzedQuery, j: Judged, g: Judgement): Ranked | undefined {
  let held = 0;
  let specific = 0;
  let score = 0;
  for (let i = 0; i < g.asked.length; i++) {
    const e = j.any[i] ?? 0;
    const w = g.weight[i] ?? 0;
    held += w * e;
    if (e > 0) specific += w * ((j.text[i] ?? 0) > 0 ? 1 : QUESTION_ONLY_SPECIFIC);
    score += w * e * (g.rarity[i] ?? 0);
  }
  const coverage = held / g.total;
  if (coverage < MIN_COVERAGE || specific < Math.min(MIN_EVIDENCE, g.total)) return undefined;
  const sentences = index.sentences(j.id);
  let count: number | undefined;
  score *= 1 - PROXIMITY + PROXIMITY * togetherness(sentences, g.needles, j.text, g.weight, g.total);
  const matched = query.concepts
    .map((concept) => ({ concept, share: evidence(concept, j.inText) }))
    .filter((m) => m.share > 0);
  return {
    id: j.id,
    score,
    coverage,
    matched,
    mentions: () => {
      count ??= mentions(sentences, g.needles, j.text, g.weight);
      return count;
    },
    bm25: j.bm25,
    keyPoint: index.isKeyPoint(j.id),
  };
}

/**
 * Best first. Scores within 2% of the best of their group are a tie: among them the passage that
 * names what was asked most often comes first, then MiniSearch's BM25 score of the text decides.
 * A key point and the paragraph it sums up often say the same: when they tie, the key point comes
 * first (the society's conclusion in one sentence) and the paragraph, with the reasons, next.
 */
function rank(index: SearchIndex, hits: Ranked[]): Ranked[] {
  hits.sort((a, b) => b.score - a.score);
  const ranked: Ranked[] = [];
  for (let start = 0; start < hits.length; ) {
    const top = (hits[start] as Ranked).score;
    let end = start + 1;
    while (end < hits.length && (hits[end] as Ranked).score >= top * (1 - TIE)) end++;
    const group = hits.slice(start, end);
    if (group.length > 1) group.sort((a, b) => b.mentions() - a.mentions() || b.bm25 - a.bm25);
    for (const keyPoint of group.filter((h) => h.keyPoint)) {
      const paragraph = group.findIndex((h) => h.id === index.paragraphOf(keyPoint.id));
      const at = group.indexOf(keyPoint);
      if (paragraph !== -1 && paragraph < at) group.splice(paragraph, 0, ...group.splice(at, 1));
    }
    ranked.push(...group);
    start = end;
  }
  return ranked;
}

/**
 * Searches the index for an analysed query and judges every candidate on what the question is
 * about. Concepts found in no candidate (words the statement does not use) are left out of the
 * judgement: they are listed as not found, never held against a passage. A passage answers when
 * it holds at least half of the rest, weighted by how specific each word is in ordinary language,
 * and what it holds is specific (one specific word, or several ordinary ones).
 */
export function searchIndex(index: SearchIndex, query: AnalyzedQuery): Hit[] {
  const content = query.concepts.filter((c) => !c.meta);
  const asked = content.length > 0 ? content : query.concepts;
  if (asked.length === 0) return [];
  const judged = judgePassages(index, index.miniSearch.search(queryOf(query.concepts)), asked);
  const g = judgement(index, asked, judged);
  // Only lone kanji known (出 of 「いつ出されたものですか」): nothing to judge by.
  if (asked.every((c, i) => (g.weight[i] ?? 0) === 0 || [...c.label].length === 1)) return [];
  const hits: Ranked[] = [];
  for (const j of judged) {
    const hit = hitOf(index, query, j, g);
    if (hit) hits.push(hit);
  }
  return rank(index, hits).map(({ mentions: _m, bm25: _b, keyPoint: _k, ...hit }) => hit);
}
