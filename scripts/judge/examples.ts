// The reviewed data the judge is fitted on, and each question's candidates as search sees them when
// the question itself is not in the corpus: k folds, each searched on a corpus without its questions.
import { createHash } from 'node:crypto';
import { toRomaji } from 'wanakana';
import type { Corpus } from '../../src/corpus/load.js';
import { detectIntent, type WholeIntent } from '../../src/intents.js';
import { buildSearchIndex } from '../../src/search/index.js';
import type { Judge } from '../../src/search/judge.js';
import { namesStatementTerm, readQuestion } from '../../src/search/query.js';
import { createSearcher } from '../../src/search/searcher.js';
import { normalize } from '../../src/text/normalize.js';

export const FOLDS = 5;

/** A reviewed question: the passages that answer it, or none (a negative of one kind). */
export interface Example {
  readonly q: string;
  /** Ids of the passages that answer it: the one a reviewed question was written for, or those holding a keyword; [] for a negative. */
  readonly passages: readonly string[];
  /** `question` or `keyword` for what the statement answers, or the negative's kind (far, near, trap). */
  readonly kind: string;
  readonly fold: number;
}

/** A candidate of an example as searched with its fold held out. */
interface SearchedCandidate {
  readonly id: string;
  readonly features: readonly number[];
}

/**
 * An example and its candidates, best first. A question that names an intent is answered by it
 * (`quotes` holds what it quotes: the key points, the signature, or nothing) and one of an
 * out-of-scope kind (`scope`) is still judged, the kind being one of its features.
 */
export interface Searched {
  readonly example: Example;
  readonly intent?: { readonly name: string; readonly quotes: readonly string[] };
  readonly scope?: string;
  readonly candidates: readonly SearchedCandidate[];
  /** How many concepts the question was read into (an intent's: 0). */
  readonly concepts: number;
}

/** A stable fold for a question: the same across runs and machines. */
const foldOf = (q: string): number => (createHash('sha256').update(q).digest()[0] as number) % FOLDS;

/**
 * The reviewed questions of every passage, keywords of the statement, and the negatives of
 * corpus/unanswerable.yaml. A reviewed question is answered by its passage, and as well by the key
 * point that sums that paragraph up (or the paragraph a key point sums up): both say the same.
 */
export function readExamples(corpus: Corpus): Example[] {
  const index = buildSearchIndex(corpus.passages);
  const summed = corpus.passages.flatMap((p) => {
    const paragraph = p.kind === 'key-point' ? index.paragraphOf(p.id) : undefined;
    return paragraph ? [[p.id, paragraph] as const] : [];
  });
  const sameSay = (id: string) => [
    id,
    ...summed.flatMap(([kp, para]) => (kp === id ? [para] : para === id ? [kp] : [])),
  ];
  const positives = corpus.passages.flatMap((p) =>
    p.questions.map((q) => ({ q, passages: sameSay(p.id), kind: 'question', fold: foldOf(q) })),
  );
  const negatives = corpus.unanswerable.map(({ q, kind }) => ({ q, passages: [], kind, fold: foldOf(q) }));
  return [...positives, ...keywordExamples(corpus), ...keywordPairExamples(corpus), ...negatives];
}

/** A keyword names what few passages hold: in more, it says too little to tell which (EV, 研究). */
const KEYWORD_PASSAGES = 3;

/**
 * Keywords members type, made from the statement itself: each glossary term (its Japanese forms as
 * written and its technical English words) held by at most three passages, with those passages as answers.
 */
function keywordExamples(corpus: Corpus): Example[] {
  const texts = corpus.passages.map((p) => ({ id: p.id, text: normalize(p.text).replace(/\s+/gu, '') }));
  const examples: Example[] = [];
  for (const entry of corpus.glossary.entries) {
    const forms = entry.ja.map((f) => normalize(f).replace(/\s+/gu, ''));
    const passages = texts.filter((t) => forms.some((f) => t.text.includes(f))).map((t) => t.id);
    if (passages.length === 0 || passages.length > KEYWORD_PASSAGES) continue;
    // Everyday words (safe, recommend) alone are not about the statement, and a verb or phrase of
    // it written with kana (違う, 世に出) is no keyword: the terms a member would look up are left.
    const terms = [...entry.ja.filter((f) => !/\p{Script=Hiragana}/u.test(f)), ...entry.en];
    for (const q of terms.filter((f) => !entry.everyday.includes(f))) {
      examples.push({ q, passages, kind: 'keyword', fold: foldOf(q) });
    }
  }
  return examples;
}

/** One pair in this many is kept: enough to teach the judge what two terms side by side are, no more. */
const PAIR_SAMPLE = 4;

const sampled = (q: string): boolean =>
  (createHash('sha256').update(q).digest()[1] as number) % PAIR_SAMPLE === 0;

/** A glossary term as a member would type it: its Japanese form as written, and its first technical English word. */
interface TypedTerm {
  readonly forms: readonly string[];
  readonly en: string | undefined;
  /** The reading of its first form in hiragana, when the lexicon has one. */
  readonly reading: string | undefined;
}

/** The statement's terms (not meta, not everyday) with their Japanese forms squashed as the texts are. */
function typedTerms(corpus: Corpus): TypedTerm[] {
  const readings = new Map(corpus.lexicon.map((w) => [w.surface, w.reading]));
  return corpus.glossary.entries
    .filter((e) => !e.meta)
    .map((e) => ({
      forms: e.ja
        .filter((f) => !/\p{Script=Hiragana}/u.test(f))
        .map((f) => normalize(f).replace(/\s+/gu, '')),
      en: e.en.find((f) => !e.everyday.includes(f)),
      reading: readings.get(e.ja[0] as string),
    }))
    .filter((t) => t.forms.length > 0);
}

/** The pair as typed in hiragana and in romaji (りょうほう こうか, ryouhou kouka), when both readings are known. */
function typedInKana(a: TypedTerm, b: TypedTerm): string[] {
  if (!a.reading || !b.reading) return [];
  return [`${a.reading} ${b.reading}`, `${toRomaji(a.reading)} ${toRomaji(b.reading)}`];
}

/**
 * Two terms typed side by side (エクソソーム 安全性, "exosome safety"), made from the statement: each
 * pair of its terms that one sentence holds together, in Japanese (as written, in kana, in romaji)
 * and in English, answered by the passages holding both (at most three); a sample of them, the same
 * on every run. The reviewed questions are sentences: without these the judge never sees two terms
 * and nothing else, and doubts them.
 */
function keywordPairExamples(corpus: Corpus): Example[] {
  const terms = typedTerms(corpus);
  const texts = corpus.passages.map((p) => ({ id: p.id, text: normalize(p.text).replace(/\s+/gu, '') }));
  const holds = (text: string, t: TypedTerm) => t.forms.some((f) => text.includes(f));
  const examples = new Map<string, Example>();
  for (const sentence of texts.flatMap((t) => t.text.split('。'))) {
    const inSentence = terms.filter((t) => holds(sentence, t));
    for (const [i, a] of inSentence.entries()) {
      for (const b of inSentence.slice(i + 1)) {
        const [fa, fb] = [a.forms[0] as string, b.forms[0] as string];
        if (fa.includes(fb) || fb.includes(fa)) continue;
        const passages = texts.filter((t) => holds(t.text, a) && holds(t.text, b)).map((t) => t.id);
        if (passages.length > KEYWORD_PASSAGES) continue;
        for (const q of [`${fa} ${fb}`, ...(a.en && b.en ? [`${a.en} ${b.en}`] : []), ...typedInKana(a, b)]) {
          if (!sampled(q)) continue;
          examples.set(q, { q, passages, kind: 'keyword pair', fold: foldOf(q) });
        }
      }
    }
  }
  return [...examples.values()];
}

/** The passages an intent's answer quotes: the key points, the signature, the passage about the issuer, or none. */
function intentQuotes(corpus: Corpus, intent: WholeIntent): string[] {
  if (intent === 'society' || intent === 'occasion') {
    const field = intent === 'society' ? 'aboutTheIssuer' : 'occasion';
    return corpus.documents.flatMap((d) => (d.meta[field] === undefined ? [] : [d.meta[field]]));
  }
  const kind =
    intent === 'key-points' || intent === 'recommendations'
      ? 'key-point'
      : intent === 'issuer'
        ? 'signature'
        : undefined;
  return corpus.passages.filter((p) => p.kind === kind).map((p) => p.id);
}

/** A judge that answers nothing: fitting needs the features only. */
const NO_JUDGE: Judge = { probability: () => 0, threshold: 1 };

/**
 * Every example searched on the corpus without its own fold's questions, so its features are those
 * of a question the corpus has never seen (a reviewed question would otherwise find itself).
 */
export function searchHeldOut(corpus: Corpus, examples: readonly Example[]): Searched[] {
  const searched: Searched[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = new Set(examples.filter((e) => e.fold === fold).map((e) => e.q));
    const passages = corpus.passages.map((p) => ({
      ...p,
      questions: p.questions.filter((q) => !held.has(q)),
    }));
    const unanswerable = corpus.unanswerable.filter((u) => !held.has(u.q));
    const search = createSearcher({ ...corpus, passages, unanswerable }, NO_JUDGE);
    const read = (question: string) => readQuestion(question, search.vocabulary);
    for (const example of examples.filter((e) => e.fold === fold)) {
      const intent = detectIntent(example.q, read, (s) => namesStatementTerm(s, search.vocabulary));
      if (intent !== undefined) {
        searched.push({
          example,
          intent: { name: intent, quotes: intentQuotes(corpus, intent) },
          candidates: [],
          concepts: 0,
        });
        continue;
      }
      const outcome = search(example.q);
      searched.push({
        example,
        ...(outcome.scope === undefined ? {} : { scope: outcome.scope }),
        candidates: outcome.hits.map((h) => ({ id: h.id, features: h.features })),
        concepts: outcome.analyzed.concepts.length,
      });
    }
  }
  return searched;
}
