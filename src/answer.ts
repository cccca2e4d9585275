import type { DocumentMeta, DocumentStatus, Passage, PassageKind } from './corpus/types.js';
import type { Explanation } from './explain.js';

/** A span of the verbatim passage text to highlight, as UTF-16 offsets (`text.slice(start, end)`). */
export interface Highlight {
  readonly start: number;
  readonly end: number;
}

/** A copy-ready citation of one passage. */
export interface Citation {
  readonly title: string;
  readonly issuer: string;
  /** YYYY-MM-DD */
  readonly date: string;
  /** The section heading as written (要点, 見解と提言). */
  readonly section: string;
  /** 1-based paragraph (or key point) number within the section. */
  readonly paragraph: number;
  readonly url: string;
  /** The whole citation as one line, in Japanese and in English. */
  readonly text: { readonly ja: string; readonly en: string };
  /** Whether the document is the society's current position or was replaced by a later one. */
  readonly status: DocumentStatus;
  /**
   * For a superseded document: the id of the one that replaces it, and the line every front end
   * shows with the quote ("superseded on DATE by TITLE"), in Japanese and in English.
   */
  readonly superseded?: {
    readonly by: string;
    readonly note: { readonly ja: string; readonly en: string };
  };
}

/** One quoted passage. `passage.text` is verbatim; front ends must not alter it. */
export interface Quote {
  readonly passage: Passage;
  readonly document: DocumentMeta;
  readonly citation: Citation;
  /** Relevance, higher is better; 1 for quotes that are not search results (key points). */
  readonly score: number;
  readonly highlights: readonly Highlight[];
}

export type Language = 'ja' | 'en';

/** A paragraph in the table of contents: where it is and its first sentence, verbatim. */
interface TopicEntry {
  readonly passageId: string;
  /** Key point, paragraph or signature: front ends label them differently (第1項, 第1段落, 署名). */
  readonly kind: PassageKind;
  readonly paragraph: number;
  readonly firstSentence: string;
}

interface TopicSection {
  readonly heading: string;
  readonly headingEn: string;
  readonly entries: readonly TopicEntry[];
}

export interface DocumentTopics {
  readonly document: DocumentMeta;
  readonly sections: readonly TopicSection[];
}

/** Intent keywords every front end shares, for usage texts and suggestions. */
export interface UsageInfo {
  readonly examples: readonly string[];
  readonly commands: readonly {
    readonly keyword: string;
    readonly en: string;
    readonly description: { readonly ja: string; readonly en: string };
  }[];
}

/** What every answer carries: the query as read, its language, and whether the input was cut. */
interface AnswerBase {
  readonly query: string;
  readonly language: Language;
  /** Characters read, present only when the input was cut (longer input is cut before analysis). */
  readonly inputCut?: number;
}

/** Passages that answer the query, best first. */
export interface SearchAnswer extends AnswerBase {
  readonly kind: 'answer';
  readonly quotes: readonly Quote[];
  readonly offset: number;
  /** All relevant passages (for "next result"). */
  readonly total: number;
  /** Query terms the statement does not contain. */
  readonly unmatched: readonly string[];
}

/** The statement does not cover the query; `topics` says what it does cover. */
export interface NoMatchAnswer extends AnswerBase {
  readonly kind: 'no-match';
  readonly topics: readonly DocumentTopics[];
}

/** How to ask: the keywords and a few examples. */
export interface UsageAnswer extends AnswerBase {
  readonly kind: 'usage';
  readonly usage: UsageInfo;
}

/** The statement's key points, verbatim, with citations. */
export interface KeyPointsAnswer extends AnswerBase {
  readonly kind: 'key-points';
  readonly quotes: readonly Quote[];
}

/** The table of contents: each section's paragraphs and their first sentences. */
export interface TopicsAnswer extends AnswerBase {
  readonly kind: 'topics';
  readonly topics: readonly DocumentTopics[];
}

/** Where to read each whole document. */
export interface FullTextAnswer extends AnswerBase {
  readonly kind: 'full-text';
  readonly documents: readonly DocumentMeta[];
}

/** Everything the core can say to a member. Front ends render it; none of them searches. */
export type Answer =
  | SearchAnswer
  | NoMatchAnswer
  | UsageAnswer
  | KeyPointsAnswer
  | TopicsAnswer
  | FullTextAnswer;

export interface AskOptions {
  /** Maximum quotes to return (default 3). */
  readonly limit?: number;
  /** Skip this many relevant passages (for "next result"). */
  readonly offset?: number;
}

/** The one entry point every front end calls. */
export interface Retriever {
  /** Answers a member's query: an intent (help, 要点, 目次, 全文) or a search. Never throws for any string. */
  ask(query: string, options?: AskOptions): Answer;
  /** The key points, as a member asking 要点 (or "key points" in English) gets them. */
  keyPoints(language?: Language): KeyPointsAnswer;
  /** The table of contents, as a member asking 目次 (or "topics") gets it. */
  topics(language?: Language): TopicsAnswer;
  /** How to ask, as a member asking help gets it. */
  usage(language?: Language): UsageAnswer;
  /** How a question is read and judged, candidate by candidate (for `npm run ask -- --explain`). */
  explain(query: string): Explanation;
  /** Every passage with its citation, in document order (for review, `npm run corpus`). */
  allQuotes(): readonly Quote[];
  /** Documents and their content hash, for /healthz. */
  readonly corpusInfo: { readonly hash: string; readonly documents: readonly DocumentMeta[] };
}
