import type {
  Answer,
  AskOptions,
  Citation,
  DocumentTopics,
  KeyPointsAnswer,
  Language,
  Quote,
  Retriever,
  SearchAnswer,
  TopicsAnswer,
  UsageAnswer,
} from './answer.js';
import { citePassage } from './citation.js';
import { citedInLookup } from './cited-in.js';
import { bundledJudge } from './corpus/judge-file.js';
import type { Corpus } from './corpus/load.js';
import type { DocumentMeta, Passage } from './corpus/types.js';
import { explainOutcome } from './explain.js';
import { highlightsFor } from './highlight.js';
import { detectIntent, detectLanguage, INTENT_KEYWORD, USAGE } from './intents.js';
import { keyPointAsked } from './key-point-asked.js';
import { createJudge } from './search/judge.js';
import { namesStatementTerm, readQuestion } from './search/query.js';
import { byWhatAnswersBest, TIE } from './search/rank.js';
import { createSearcher, type Searcher } from './search/searcher.js';
import { cutInput } from './text/cut.js';
import { type NormalizedText, normalize, normalizeWithOffsets } from './text/normalize.js';

const DEFAULT_LIMIT = 3;
/**
 * Longer input is cut before analysis, at a sentence or word boundary: no question to the statement
 * needs more, and work stays bounded. The answer says how many characters were read (`inputCut`).
 */
export const MAX_QUERY_LENGTH = 500;

/** The first sentence of a passage, verbatim (up to its first 。, or its first line). */
function firstSentence(text: string): string {
  const end = text.indexOf('。');
  const line = text.split('\n')[0] ?? text;
  return end === -1 ? line : text.slice(0, end + 1);
}

/** Each document's sections with their paragraphs' first sentences: the table of contents. */
function tableOfContents(corpus: Corpus): DocumentTopics[] {
  return corpus.documents.map((doc) => ({
    document: doc.meta,
    sections: doc.sections.map((section) => ({
      heading: section.heading,
      headingEn: section.headingEn,
      entries: doc.passages
        .filter((p) => p.section.id === section.id)
        .map((p) => ({
          passageId: p.id,
          kind: p.kind,
          paragraph: p.paragraph,
          firstSentence: firstSentence(p.text),
        })),
    })),
  }));
}

/**
 * The answers that need no search (key points, topics, usage), each named by the keyword a member
 * would type for it in the language asked.
 */
function fixedAnswers(
  corpus: Corpus,
  plainQuote: (passage: Passage) => Quote,
): Pick<Retriever, 'keyPoints' | 'topics' | 'usage'> {
  const topics = tableOfContents(corpus);
  // The key points of the current position: a superseded document's are found by search, marked so.
  const current = new Set(corpus.documents.filter((d) => d.meta.status === 'current').map((d) => d.meta.id));
  const keyPointQuotes = corpus.passages
    .filter((p) => p.kind === 'key-point' && current.has(p.documentId))
    .map(plainQuote);
  return {
    keyPoints: (language: Language = 'ja'): KeyPointsAnswer => {
      const query = INTENT_KEYWORD['key-points'][language];
      return { kind: 'key-points', query, language, quotes: keyPointQuotes };
    },
    topics: (language: Language = 'ja'): TopicsAnswer => {
      const query = INTENT_KEYWORD.topics[language];
      return { kind: 'topics', query, language, topics };
    },
    usage: (language: Language = 'ja'): UsageAnswer => {
      const query = INTENT_KEYWORD.usage[language];
      return { kind: 'usage', query, language, usage: USAGE };
    },
  };
}

/**
 * Hits with a current document's passages before a superseded document's wherever their scores tie
 * (within {@link TIE} of the best of their run), each run otherwise in the search's order: on equal
 * evidence the current position comes first. Stable, and a no-op when nothing is superseded.
 */
export function currentFirst<H extends { readonly id: string; readonly score: number }>(
  hits: readonly H[],
  superseded: (passageId: string) => boolean,
): H[] {
  const ordered: H[] = [];
  for (let start = 0; start < hits.length; ) {
    let top = (hits[start] as H).score;
    let end = start + 1;
    for (; end < hits.length && (hits[end] as H).score >= top * (1 - TIE); end++) {
      top = Math.max(top, (hits[end] as H).score);
    }
    const run = hits.slice(start, end);
    ordered.push(...run.filter((h) => !superseded(h.id)), ...run.filter((h) => superseded(h.id)));
    start = end;
  }
  return ordered;
}

/** A key point that says what should be done (…審査が行われるべきである, 求める, 推奨する). */
const RECOMMENDS = /べき|求め|推奨|提言|必要がある/u;

/**
 * The key points with those that say what should be done first: what a member asking what the
 * society recommends wants to read before the rest.
 */
function recommendingFirst(answer: KeyPointsAnswer): KeyPointsAnswer {
  const first = answer.quotes.filter((q) => RECOMMENDS.test(q.passage.text));
  return { ...answer, quotes: [...first, ...answer.quotes.filter((q) => !first.includes(q))] };
}

/** The key point a question names (要点の2つ目), or all of them when it names none or one there is not. */
function theOneAsked(answer: KeyPointsAnswer, asked: number | 'last' | undefined): KeyPointsAnswer {
  const quote =
    asked === 'last' ? answer.quotes.at(-1) : asked === undefined ? undefined : answer.quotes[asked - 1];
  return quote === undefined ? answer : { ...answer, quotes: [quote] };
}

/**
 * The passage each document names in its front matter for a question of it as a whole: what the
 * society is and does (`aboutTheIssuer`), what prompted the document (`occasion`).
 */
function namedPassages(
  documents: readonly DocumentMeta[],
  field: 'aboutTheIssuer' | 'occasion',
  passages: ReadonlyMap<string, Passage>,
): Passage[] {
  return documents.flatMap((d) => {
    const id = d[field];
    const passage = id === undefined ? undefined : passages.get(id);
    return passage ? [passage] : [];
  });
}

/** An answer quoting fixed passages (the signature, a passage a document names): the whole of them, nothing unmatched. */
function quoting(quotes: SearchAnswer['quotes'], query: string, language: Language): SearchAnswer {
  return { kind: 'answer', query, language, quotes, offset: 0, total: quotes.length, unmatched: [] };
}

/** What answering a search needs, built once from the corpus. */
interface SearchContext {
  readonly searcher: Searcher;
  readonly passages: ReadonlyMap<string, Passage>;
  /** Whether a passage belongs to a superseded document. */
  readonly superseded: (passageId: string) => boolean;
  readonly plainQuote: (passage: Passage) => Quote;
  readonly normalizedText: (passage: Passage) => NormalizedText;
}

/** The passages the judge says answer a query, with highlights; undefined when none does. */
function searchAnswer(
  context: SearchContext,
  query: string,
  language: Language,
  options: AskOptions,
): SearchAnswer | undefined {
  const outcome = context.searcher(query);
  const hits = currentFirst(
    byWhatAnswersBest(
      outcome.hits.filter((hit) => hit.answers),
      outcome.analyzed.concepts.length,
    ),
    context.superseded,
  );
  if (hits.length === 0) return undefined;
  const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const found = new Set(hits.flatMap((hit) => hit.matched.map((m) => m.concept)));
  const quotes = hits.slice(offset, offset + limit).map((hit): Quote => {
    const passage = context.passages.get(hit.id) as Passage;
    return {
      ...context.plainQuote(passage),
      score: Math.round(hit.score * 1000) / 1000,
      highlights: highlightsFor(context.normalizedText(passage), hit),
    };
  });
  return {
    kind: 'answer',
    query,
    language,
    quotes,
    offset,
    total: hits.length,
    // A lone kanji left over (言 of 言えるんでしょうか) is the stem of a verb, not a word to report.
    unmatched: outcome.analyzed.concepts
      .filter((c) => !found.has(c) && !c.meta && [...c.label].length > 1)
      .map((c) => c.label),
  };
}

/**
 * How a passage is quoted, each made on first use and shared by every answer after: its document,
 * its citation (which depends on the corpus alone), and the offsets of its normalised text for
 * highlights.
 */
function quoteMaker(documents: ReadonlyMap<string, DocumentMeta>) {
  const documentOf = (passage: Passage): DocumentMeta => documents.get(passage.documentId) as DocumentMeta;
  const successorOf = (document: DocumentMeta): DocumentMeta | undefined =>
    document.supersededBy === undefined ? undefined : documents.get(document.supersededBy);
  const citations = new Map<string, Citation>();
  const citationOf = (passage: Passage): Citation => {
    let citation = citations.get(passage.id);
    if (!citation) {
      citation = citePassage(passage, documentOf(passage), successorOf(documentOf(passage)));
      citations.set(passage.id, citation);
    }
    return citation;
  };
  const plainQuote = (passage: Passage): Quote => ({
    passage,
    document: documentOf(passage),
    citation: citationOf(passage),
    score: 1,
    highlights: [],
  });
  const normalized = new Map<string, NormalizedText>();
  const normalizedText = (passage: Passage): NormalizedText => {
    let norm = normalized.get(passage.id);
    if (!norm) {
      norm = normalizeWithOffsets(passage.text);
      normalized.set(passage.id, norm);
    }
    return norm;
  };
  return { documentOf, plainQuote, normalizedText };
}

/**
 * Creates the retriever every front end calls: it indexes the corpus once and answers queries
 * with verbatim quotes and citations, or with an intent (help, 要点, 目次, 全文), or says honestly
 * that the statement does not cover the question.
 */
export function createRetriever(corpus: Corpus): Retriever {
  const documents = new Map<string, DocumentMeta>(corpus.documents.map((d) => [d.meta.id, d.meta]));
  const searcher = createSearcher(corpus, createJudge(corpus.judge ?? bundledJudge()));

  const { documentOf, plainQuote, normalizedText } = quoteMaker(documents);
  const passages = new Map<string, Passage>(corpus.passages.map((p) => [p.id, p]));
  const superseded = (passageId: string): boolean =>
    documentOf(passages.get(passageId) as Passage).status === 'superseded';
  const context: SearchContext = { searcher, passages, superseded, plainQuote, normalizedText };
  const { keyPoints, topics: topicsAnswer, usage } = fixedAnswers(corpus, plainQuote);
  const { topics } = topicsAnswer();
  const read = (question: string) => readQuestion(question, searcher.vocabulary);
  const namesATerm = (sentence: string) => namesStatementTerm(sentence, searcher.vocabulary);
  // Who issued it: the signature of the current position, in the words it was signed with.
  const signatures = corpus.passages
    .filter((p) => p.kind === 'signature' && !superseded(p.id))
    .map(plainQuote);
  const current = [...documents.values()].filter((d) => d.status === 'current');
  const aboutTheIssuer = namedPassages(current, 'aboutTheIssuer', passages).map(plainQuote);
  const occasion = namedPassages(current, 'occasion', passages).map(plainQuote);
  const citedIn = citedInLookup(corpus.passages.filter((p) => !superseded(p.id)));

  function ask(rawQuery: string, options: AskOptions = {}): Answer {
    const input = cutInput(String(rawQuery ?? ''), MAX_QUERY_LENGTH);
    const answer = answerTo(input.text, options);
    return input.cut === undefined ? answer : { ...answer, inputCut: input.cut };
  }

  function answerTo(query: string, options: AskOptions): Answer {
    const language = detectLanguage(query);
    switch (detectIntent(query, read, namesATerm)) {
      case 'usage':
        return { ...usage(language), query };
      case 'key-points':
        return { ...theOneAsked(keyPoints(language), keyPointAsked(read(query))), query };
      case 'recommendations':
        return { ...recommendingFirst(keyPoints(language)), query };
      case 'topics':
        return { ...topicsAnswer(language), query };
      case 'full-text':
        return { kind: 'full-text', query, language, documents: [...documents.values()] };
      case 'issuer':
        return quoting(signatures, query, language);
      case 'society':
        // A corpus that marks no passage about its issuer searches the question instead.
        if (aboutTheIssuer.length > 0) return quoting(aboutTheIssuer, query, language);
        break;
      case 'occasion':
        if (occasion.length > 0) return quoting(occasion, query, language);
        break;
      case undefined:
        break;
    }
    // Where the statement cites a work it names; what the work found is not the statement's to say.
    const normalizedQuery = normalize(query);
    const citing = citedIn(normalizedQuery);
    if (citing.length > 0 && searcher.outOfScope(normalizedQuery) === undefined)
      return quoting(citing.map(plainQuote), query, language);
    return searchAnswer(context, query, language, options) ?? { kind: 'no-match', query, language, topics };
  }

  return {
    ask,
    explain: (query) => {
      const text = cutInput(String(query ?? ''), MAX_QUERY_LENGTH).text;
      return explainOutcome(text, detectIntent(text, read, namesATerm), searcher(text));
    },
    keyPoints,
    topics: topicsAnswer,
    usage,
    allQuotes: () => corpus.passages.map(plainQuote),
    corpusInfo: { hash: corpus.hash, documents: [...documents.values()] },
  };
}

/**
 * The answer to `query` with every result, not one page: what "copy all" quotes. A search is asked
 * again with a limit covering its `total` (the retriever returns 3 unless told), other answers are
 * already whole.
 */
export function askAll(retriever: Retriever, query: string): Answer {
  const answer = retriever.ask(query);
  if (answer.kind !== 'answer' || answer.total <= answer.quotes.length) return answer;
  return retriever.ask(query, { limit: answer.total });
}
