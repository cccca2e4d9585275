import type { Answer, Quote } from '../../src/answer.js';

/** One result of the CLI's JSON contract. */
export interface JsonResult {
  readonly id: string;
  readonly text: string;
  readonly score: number;
  readonly highlights: readonly { readonly start: number; readonly end: number }[];
  /** Italics (journal names) and links of the published text, at UTF-16 offsets like highlights. */
  readonly styles: readonly {
    readonly start: number;
    readonly end: number;
    readonly style: 'italic' | 'link';
    readonly url?: string;
  }[];
  readonly citation: JsonCitation;
  readonly references: readonly string[];
}

/** A citation in the CLI's JSON contract: its status, and for a superseded document the id replacing it. */
type JsonCitation = Omit<Quote['citation'], 'superseded'> & {
  readonly superseded_by: string | null;
};

function citationToJson({ superseded, ...citation }: Quote['citation']): JsonCitation {
  return { ...citation, superseded_by: superseded?.by ?? null };
}

/** A quote in the CLI's JSON contract: verbatim text, score, highlight and style offsets, citation, references. */
export function quoteToJson(quote: Quote): JsonResult {
  return {
    id: quote.passage.id,
    text: quote.passage.text,
    score: quote.score,
    highlights: quote.highlights.map(({ start, end }) => ({ start, end })),
    styles: quote.passage.styles.map((s) => ({ ...s })),
    citation: citationToJson(quote.citation),
    references: quote.passage.references,
  };
}

/** The intents an answer may name in JSON: a search names none. */
type JsonIntent = 'key-points' | 'topics' | 'full-text' | 'usage';

/**
 * `{"query", "intent"?, "results", "copy_text"}`: the quotes that answer the query (the key points
 * for 要点), `[]` when nothing is relevant or the query names another intent; `intent` names the
 * intent that answered (absent for a search); `copy_text` is the "copy all" block of every result
 * (`copyAllText` of the whole answer), null when nothing is quoted.
 */
export function answerToJson(
  answer: Answer,
  copyText: string | undefined,
): { query: string; intent?: JsonIntent; results: JsonResult[]; copy_text: string | null } {
  const quotes = answer.kind === 'answer' || answer.kind === 'key-points' ? answer.quotes : [];
  const intent = answer.kind === 'answer' || answer.kind === 'no-match' ? undefined : answer.kind;
  return {
    query: answer.query,
    ...(intent === undefined ? {} : { intent }),
    results: quotes.map(quoteToJson),
    copy_text: copyText ?? null,
  };
}
