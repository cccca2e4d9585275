// Evaluation queries must never leak into the corpus's reviewed data: a form, question or pattern
// written from a test query makes the test measure itself. This module finds such copies.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Items at or above this character-bigram Jaccard similarity with a query are near-twins of it. */
export const NEAR_TWIN = 0.5;
/**
 * A query sentence at least this long (squashed) found inside a longer item is a copy, whatever the
 * Jaccard; a keyword query (PMDA report) inside a reviewed question is just the word it names.
 */
const CONTAINED_QUERY = 20;

/** NFKC, lower case, no white space: the form both sides are compared in. */
export const squash = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

function bigrams(text: string): Set<string> {
  const chars = [...text];
  const grams = new Set<string>();
  if (chars.length === 1) grams.add(text);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** Character-bigram Jaccard similarity of two squashed texts, 0..1. */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Character-bigram Jaccard similarity of two texts after NFKC, lower case and no white space, 0..1. */
export function bigramSimilarity(a: string, b: string): number {
  return jaccard(bigrams(squash(a)), bigrams(squash(b)));
}

/** One string of reviewed data, and where it stands. */
export interface DataItem {
  readonly file: string;
  readonly text: string;
  /**
   * A term (a technical translation, a name of the subject): it may be a near-twin of a keyword
   * query, as culture supernatant is of culture supernatants, but never the query itself.
   */
  readonly term?: boolean;
}

/** One evaluation query. */
export interface EvalQuery {
  readonly set: string;
  readonly q: string;
}

export interface NearTwin {
  readonly item: DataItem;
  readonly query: EvalQuery;
  readonly similarity: number;
}

/**
 * The items that are an evaluation query, a near-twin of one (Jaccard ≥ 0.5 of character bigrams
 * after NFKC, lower case, no white space), or that contain a whole query of 20 characters or more;
 * for a term, only the query itself.
 */
export function findNearTwins(items: readonly DataItem[], queries: readonly EvalQuery[]): NearTwin[] {
  const prepared = queries.map((query) => {
    const text = squash(query.q);
    return { query, text, grams: bigrams(text) };
  });
  const twins: NearTwin[] = [];
  for (const item of items) {
    const text = squash(item.text);
    if (text === '') continue;
    const grams = bigrams(text);
    for (const q of prepared) {
      const similarity = jaccard(grams, q.grams);
      const contained = q.text.length >= CONTAINED_QUERY && text.includes(q.text);
      const twin = item.term ? text === q.text : similarity >= NEAR_TWIN || contained;
      if (twin) twins.push({ item, query: q.query, similarity });
    }
  }
  return twins;
}

/** Every query of every labelled set (`*.jsonl`) in the given folders that exist, each once. */
export function readEvalQueries(folders: readonly string[]): EvalQuery[] {
  const queries: EvalQuery[] = [];
  const seen = new Set<string>();
  for (const folder of folders.filter((f) => existsSync(f))) {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(folder, name), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const q = (JSON.parse(line) as { q: string }).q;
        if (!seen.has(q)) queries.push({ set: name, q });
        seen.add(q);
      }
    }
  }
  return queries;
}
