import MiniSearch from 'minisearch';
import { cjkGrams, words } from '../text/analyze.js';
import { normalize } from '../text/normalize.js';

/** What the index needs of a passage. */
export interface IndexablePassage {
  readonly id: string;
  /** The verbatim text: what is quoted, and the main way in. */
  readonly text: string;
  /** Reviewed questions the passage answers: a further way in, never quoted or highlighted. */
  readonly questions?: readonly string[];
  readonly kind?: string;
}

export const TEXT_FIELD = 'text';
export const QUESTIONS_FIELD = 'questions';
export type Field = typeof TEXT_FIELD | typeof QUESTIONS_FIELD;

/**
 * One entry of the index: a passage's text, or one of its reviewed questions (a document of its
 * own, so that a member's question is compared with each reviewed question, not with the bag of
 * all their words). Index terms are space-separated.
 */
interface IndexedDocument {
  readonly id: string;
  readonly passage: string;
  readonly text: string;
  readonly questions: string;
}

/** Separates a passage id from a question's number in the ids of question entries. */
const QUESTION_SEPARATOR = '\n';

/**
 * The terms a normalised text is indexed by: its words (Intl.Segmenter words of kanji/katakana
 * runs, Latin words accent-folded) and the bigrams of its kanji/katakana runs, which find 上清液
 * inside 細胞培養上清液 although Japanese writes no spaces. Terms never contain white space.
 */
export function indexTerms(normalized: string): string[] {
  return [...words(normalized), ...cjkGrams(normalized)];
}

export interface SearchIndex {
  readonly miniSearch: MiniSearch<IndexedDocument>;
  /** The passage an index entry belongs to (itself, or the passage whose question it is). */
  passageOf(entryId: string): string;
  /** The passage's text, normalised as queries are (NFKC, lower case). */
  normalized(id: string): string;
  /** Whether the passage is a key point (the society's conclusion in one sentence). */
  isKeyPoint(id: string): boolean;
  /** The paragraph a key point sums up (the one sharing most of its bigrams), if any. */
  paragraphOf(keyPointId: string): string | undefined;
  readonly size: number;
}

/**
 * Builds the MiniSearch index of passages through its public API: each passage is analysed once
 * (see {@link indexTerms}) and MiniSearch splits the resulting term list on spaces.
 */
export function buildSearchIndex(passages: Iterable<IndexablePassage>): SearchIndex {
  const miniSearch = new MiniSearch<IndexedDocument>({
    fields: [TEXT_FIELD, QUESTIONS_FIELD],
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
  });
  const normalizedTexts = new Map<string, string>();
  const keyPoints = new Set<string>();
  const documents: IndexedDocument[] = [];
  for (const passage of passages) {
    const text = normalize(passage.text);
    normalizedTexts.set(passage.id, text);
    if (passage.kind === 'key-point') keyPoints.add(passage.id);
    documents.push({ id: passage.id, passage: passage.id, text: indexTerms(text).join(' '), questions: '' });
    (passage.questions ?? []).forEach((question, n) => {
      documents.push({
        id: `${passage.id}${QUESTION_SEPARATOR}${n}`,
        passage: passage.id,
        text: '',
        questions: indexTerms(normalize(question)).join(' '),
      });
    });
  }
  miniSearch.addAll(documents);
  const summarised = summarisedParagraphs(normalizedTexts, keyPoints);
  return {
    paragraphOf: (id) => summarised.get(id),
    miniSearch,
    passageOf: (entryId) => entryId.split(QUESTION_SEPARATOR)[0] ?? entryId,
    normalized: (id) => normalizedTexts.get(id) ?? '',
    isKeyPoint: (id) => keyPoints.has(id),
    size: normalizedTexts.size,
  };
}

/** For each key point, the other passage sharing the largest share of its bigrams: the paragraph it sums up. */
function summarisedParagraphs(texts: ReadonlyMap<string, string>, keyPoints: ReadonlySet<string>) {
  const grams = new Map([...texts].map(([id, text]) => [id, new Set(cjkGrams(text))]));
  const result = new Map<string, string>();
  for (const kp of keyPoints) {
    const own = grams.get(kp) ?? new Set<string>();
    let best: { id: string; shared: number } | undefined;
    for (const [id, other] of grams) {
      if (keyPoints.has(id)) continue;
      let shared = 0;
      for (const g of own) if (other.has(g)) shared++;
      if (!best || shared > best.shared) best = { id, shared };
    }
    if (best) result.set(kp, best.id);
  }
  return result;
}
