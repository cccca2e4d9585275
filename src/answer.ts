import type { DocumentMeta, Passage, PassageKind } from './corpus/types.js';

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
export interface TopicEntry {
  readonly passageId: string;
  /** Key point, paragraph or signature: front ends label them differently (第1項, 第1段落, 署名). */
  readonly kind: PassageKind;
  readonly paragraph: number;
  readonly firstSentence: string;
}

export interface TopicSection {
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

/**
 * Everything the core can say to a member. Front ends render it; none of them searches.
 * - `answer`: passages that answer the query, best first; `total` counts all relevant passages
 *   (for "next result"), `unmatched` lists query terms the statement does not contain.
 * - `no-match`: the statement does not cover the query; `topics` says what it does cover.
 */
export type Answer =
  | {
      readonly kind: 'answer';
      readonly query: string;
      readonly language: Language;
      readonly quotes: readonly Quote[];
      readonly offset: number;
      readonly total: number;
      readonly unmatched: readonly string[];
    }
  | {
      readonly kind: 'no-match';
      readonly query: string;
      readonly language: Language;
      readonly topics: readonly DocumentTopics[];
    }
  | { readonly kind: 'usage'; readonly query: string; readonly language: Language; readonly usage: UsageInfo }
  | {
      readonly kind: 'key-points';
      readonly query: string;
      readonly language: Language;
      readonly quotes: readonly Quote[];
    }
  | {
      readonly kind: 'topics';
      readonly query: string;
      readonly language: Language;
      readonly topics: readonly DocumentTopics[];
    }
  | {
      readonly kind: 'full-text';
      readonly query: string;
      readonly language: Language;
      readonly documents: readonly DocumentMeta[];
    };

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
  /** Every passage with its citation, in document order (for review, `npm run corpus`). */
  allQuotes(): readonly Quote[];
  /** Documents and their content hash, for /healthz. */
  readonly corpusInfo: { readonly hash: string; readonly documents: readonly DocumentMeta[] };
}
