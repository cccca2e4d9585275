import MiniSearch, { type SearchResult } from 'minisearch';
import { cjkGrams } from '../text/analyze.js';
import { normalize } from '../text/normalize.js';
import { foldLatin, LATIN_RUN } from '../text/script.js';
import { type AnswerType, heldTypes } from './answer-type.js';

/** What the index needs of a passage. */
export interface IndexablePassage {
  readonly id: string;
  /** The verbatim text: what is quoted, and the main way in. */
  readonly text: string;
  /** Reviewed questions the passage answers: a further way in, never quoted or highlighted. */
  readonly questions?: readonly string[];
  readonly kind?: string;
  /** The document the passage belongs to: a key point sums up a paragraph of its own document. */
  readonly documentId?: string;
}

export const TEXT_FIELD = 'text';
export const QUESTIONS_FIELD = 'questions';

/**
 * A passage as MiniSearch holds it: its text's terms, and the terms of all its reviewed questions
 * (a bag, to find the passage by them). Each question's own terms are kept beside the index, so a
 * member's question can also be compared with each reviewed question. Terms are space-separated.
 */
interface IndexedDocument {
  readonly id: string;
  readonly text: string;
  readonly questions: string;
}

/**
 * The terms a normalised text is indexed by, each once: the bigrams of its kanji/katakana runs,
 * which find 上清液 inside 細胞培養上清液 although Japanese writes no spaces, and its Latin words
 * and numbers, accents folded. Relevance is judged on these alone (a concept is present when its
 * bigrams are), so neither dictionary words nor term frequencies are indexed: leaving them out
 * makes the index several times cheaper to build. Terms never contain white space.
 */
export function indexTerms(normalized: string): string[] {
  const terms = new Set(cjkGrams(normalized));
  for (const match of normalized.matchAll(LATIN_RUN)) terms.add(foldLatin(match[0]));
  return [...terms];
}

/** The terms of an indexed field or a query: space-separated (terms hold no white space). */
const termsOfField = (text: string): string[] => (text === '' ? [] : text.split(' '));

export interface SearchIndex {
  readonly miniSearch: MiniSearch<IndexedDocument>;
  /**
   * The passages holding any of these terms (one OR query), best MiniSearch score first: the same
   * results as a query of one subquery per term, for less work (see {@link buildSearchIndex}).
   */
  search(terms: Iterable<string>): SearchResult[];
  /** The index terms of each of the passage's reviewed questions. */
  questionTerms(id: string): readonly ReadonlySet<string>[];
  /** The passage's text, normalised as queries are (NFKC, lower case). */
  normalized(id: string): string;
  /** Its sentences, normalised and without white space (computed on first use, then kept). */
  sentences(id: string): readonly string[];
  /** The index terms of each of its sentences (computed on first use, then kept). */
  sentenceTerms(id: string): readonly ReadonlySet<string>[];
  /** Whether the passage is a key point (the society's conclusion in one sentence). */
  isKeyPoint(id: string): boolean;
  /** Whether the passage is a signature (who signed, not what the statement says). */
  isSignature(id: string): boolean;
  /** The paragraph a key point sums up (the one sharing most of its bigrams), if any. */
  paragraphOf(keyPointId: string): string | undefined;
  /** The kinds of answer the passage can give (a person, a time, a place, a number). */
  answerTypes(id: string): ReadonlySet<AnswerType>;
  readonly size: number;
}

/**
 * Builds the MiniSearch index of passages through its public API: each passage is analysed once
 * (see {@link indexTerms}) and MiniSearch splits the resulting term list on spaces.
 */
export function buildSearchIndex(passages: Iterable<IndexablePassage>): SearchIndex {
  const miniSearch = new MiniSearch<IndexedDocument>({
    fields: [TEXT_FIELD, QUESTIONS_FIELD],
    tokenize: termsOfField,
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
  });
  const normalizedTexts = new Map<string, string>();
  const documentOf = new Map<string, string>();
  const keyPoints = new Set<string>();
  const signatures = new Set<string>();
  const answerTypes = new Map<string, ReadonlySet<AnswerType>>();
  const questionTexts = new Map<string, readonly string[]>();
  // Each question's terms, made when a search first compares a member's question with them.
  const termsOfQuestions = new Map<string, readonly ReadonlySet<string>[]>();
  const questionTerms = (id: string): readonly ReadonlySet<string>[] => {
    let terms = termsOfQuestions.get(id);
    if (!terms) {
      terms = (questionTexts.get(id) ?? []).map((q) => new Set(indexTerms(normalize(q))));
      termsOfQuestions.set(id, terms);
    }
    return terms;
  };
  const documents: IndexedDocument[] = [];
  for (const passage of passages) {
    const text = normalize(passage.text);
    normalizedTexts.set(passage.id, text);
    if (passage.kind === 'key-point') keyPoints.add(passage.id);
    if (passage.kind === 'signature') signatures.add(passage.id);
    answerTypes.set(passage.id, heldTypes(passage.text, passage.kind === 'signature'));
    documentOf.set(passage.id, passage.documentId ?? '');
    const questions = passage.questions ?? [];
    questionTexts.set(passage.id, questions);
    documents.push({
      id: passage.id,
      text: indexTerms(text).join(' '),
      questions: indexTerms(normalize(questions.join('\n'))).join(' '),
    });
  }
  miniSearch.addAll(documents);
  // Every term indexed: a query term outside it matches nothing, and still costs MiniSearch a Map.
  const indexed = new Set(documents.flatMap((d) => [d.text, d.questions].flatMap(termsOfField)));
  // One query string, split on spaces, instead of a subquery per term: MiniSearch combines the
  // terms with OR in the same order either way (the same scores and ties), but a subquery each
  // costs it a copy of the options and a result Map per term.
  const searchOptions = { tokenize: termsOfField };
  const search = (terms: Iterable<string>): SearchResult[] => {
    let query = '';
    for (const term of terms) if (indexed.has(term)) query = query === '' ? term : `${query} ${term}`;
    return query === '' ? [] : miniSearch.search(query, searchOptions);
  };
  let summarised: Map<string, string> | undefined;
  const sentences = new Map<string, readonly string[]>();
  const sentenceTerms = new Map<string, readonly ReadonlySet<string>[]>();
  return {
    // Found on first use (only ties need it), among the paragraphs of the key point's own document.
    paragraphOf: (id) => {
      summarised ??= summarisedParagraphs(normalizedTexts, keyPoints, documentOf);
      return summarised.get(id);
    },
    sentences: (id) => {
      let list = sentences.get(id);
      if (!list) {
        list = (normalizedTexts.get(id) ?? '').replace(/\s+/g, '').split(/(?<=[。.!?])/);
        sentences.set(id, list);
      }
      return list;
    },
    sentenceTerms: (id) => {
      let list = sentenceTerms.get(id);
      if (!list) {
        list = (normalizedTexts.get(id) ?? '').split(/(?<=[。.!?])/).map((t) => new Set(indexTerms(t)));
        sentenceTerms.set(id, list);
      }
      return list;
    },
    miniSearch,
    search,
    questionTerms,
    normalized: (id) => normalizedTexts.get(id) ?? '',
    isKeyPoint: (id) => keyPoints.has(id),
    isSignature: (id) => signatures.has(id),
    answerTypes: (id) => answerTypes.get(id) ?? new Set(),
    size: documents.length,
  };
}

/** The two-character bigrams of a text (lone characters, often grammar, left out). */
const bigramSet = (text: string) => new Set(cjkGrams(text).filter((g) => g.length === 2));

/**
 * For each key point, the paragraph of its own document with the sentence closest to it: most
 * shared bigrams, each weighted by how rare it is among the paragraphs (厳正 and 薬機 tell which
 * paragraph kp2 sums up; 医薬 and 品質, in half of them, do not). A whole paragraph would favour
 * the longest.
 */
function summarisedParagraphs(
  texts: ReadonlyMap<string, string>,
  keyPoints: ReadonlySet<string>,
  documentOf: ReadonlyMap<string, string>,
) {
  const result = new Map<string, string>();
  for (const kp of keyPoints) {
    const paragraphs = [...texts]
      .filter(([id]) => !keyPoints.has(id) && documentOf.get(id) === documentOf.get(kp))
      .map(([id, text]) => ({ id, grams: bigramSet(text), sentences: text.split(/(?<=。)/).map(bigramSet) }));
    const rarity = (gram: string) =>
      Math.log(1 + paragraphs.length / Math.max(1, paragraphs.filter((p) => p.grams.has(gram)).length));
    const own = [...bigramSet(texts.get(kp) ?? '')];
    let best: { id: string; shared: number } | undefined;
    for (const { id, sentences } of paragraphs) {
      for (const sentence of sentences) {
        const shared = own.reduce((sum, gram) => sum + (sentence.has(gram) ? rarity(gram) : 0), 0);
        if (!best || shared > best.shared) best = { id, shared };
      }
    }
    if (best) result.set(kp, best.id);
  }
  return result;
}
