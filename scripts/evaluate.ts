import { readFileSync } from 'node:fs';
import type { Answer, Retriever } from '../src/answer.js';
import type { Passage } from '../src/corpus/types.js';
import { publishedText } from './published-text.js';

/**
 * One labelled query: `expect` lists anchor keys of passages that answer it, or `@full-text` /
 * `@topics` for a question the whole document answers; `[]` means nothing should be answered.
 */
export interface LabelledQuery {
  readonly q: string;
  readonly expect: readonly string[];
  readonly cat: string;
}

interface CategoryScore {
  readonly category: string;
  readonly n: number;
  readonly hit1: number;
  readonly hit3: number;
  readonly mrr: number;
}

export interface Evaluation {
  readonly categories: readonly CategoryScore[];
  readonly overall: CategoryScore;
  /** Off-topic queries (labelled `[]`) that got no answer, out of how many. */
  readonly rejected: { readonly n: number; readonly rejected: number };
  /**
   * Quotes that are not a whole paragraph of the published statement, char for char, or whose
   * reference is not a piece of it: must be 0.
   */
  readonly nonVerbatim: number;
  readonly failures: readonly {
    readonly q: string;
    readonly cat: string;
    readonly expect: readonly string[];
    readonly got: readonly string[];
  }[];
}

/** Reads a JSON-lines file of labelled queries. */
export function readLabelledQueries(file: string | URL): LabelledQuery[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledQuery);
}

const squash = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

/** Maps each passage id to the anchor key whose substring only it contains. */
function anchorPassages(passages: readonly Passage[], anchors: Record<string, string>): Map<string, string> {
  const byId = new Map<string, string>();
  for (const [key, substring] of Object.entries(anchors)) {
    if (key.startsWith('_')) continue;
    const owners = passages.filter((p) => squash(p.text).includes(squash(substring)));
    if (owners.length !== 1) throw new Error(`anchor ${key} matches ${owners.length} passages`);
    byId.set((owners[0] as Passage).id, key);
  }
  return byId;
}

/**
 * Scores a retriever on labelled queries: hit@1, hit@3 and MRR per category. A query labelled
 * `[]` scores 1 only when nothing is returned; any other query scores 0 when nothing is returned.
 * Every quote is also checked against `published` (the statement as published, see published-text.ts):
 * its text must be one of its paragraphs or list items, char for char, and each reference a piece of it.
 */
export function evaluate(
  retriever: Retriever,
  passages: readonly Passage[],
  anchors: Record<string, string>,
  queries: readonly LabelledQuery[],
  published: string = publishedText(),
): Evaluation {
  const keyOf = anchorPassages(passages, anchors);
  let nonVerbatim = 0;
  const rows = queries.map((query) => {
    const answer = retriever.ask(query.q, { limit: 10 });
    const quotes = answer.kind === 'answer' || answer.kind === 'key-points' ? answer.quotes : [];
    for (const { passage } of quotes)
      if (
        !isParagraphOf(published, passage.text) ||
        !passage.references.every((r) => isPieceOf(published, r))
      )
        nonVerbatim++;
    const got =
      quotes.length > 0 ? quotes.map((q) => keyOf.get(q.passage.id) ?? q.passage.id) : intentLabel(answer);
    if (query.expect.length === 0) {
      const ok = got.length === 0 ? 1 : 0;
      return { query, got, hit1: ok, hit3: ok, rr: ok };
    }
    const rank = got.findIndex((key) => query.expect.includes(key));
    return {
      query,
      got,
      hit1: rank === 0 ? 1 : 0,
      hit3: rank >= 0 && rank < 3 ? 1 : 0,
      rr: rank >= 0 ? 1 / (rank + 1) : 0,
    };
  });
  const score = (category: string, subset: typeof rows): CategoryScore => ({
    category,
    n: subset.length,
    hit1: mean(subset.map((r) => r.hit1)),
    hit3: mean(subset.map((r) => r.hit3)),
    mrr: mean(subset.map((r) => r.rr)),
  });
  const categories = [...new Set(rows.map((r) => r.query.cat))].map((cat) =>
    score(
      cat,
      rows.filter((r) => r.query.cat === cat),
    ),
  );
  const offTopic = rows.filter((r) => r.query.expect.length === 0);
  return {
    categories,
    overall: score('all', rows),
    rejected: { n: offTopic.length, rejected: offTopic.filter((r) => r.hit1 === 1).length },
    nonVerbatim,
    failures: rows
      .filter((r) => r.hit1 === 0)
      .map((r) => ({ q: r.query.q, cat: r.query.cat, expect: r.query.expect, got: r.got.slice(0, 3) })),
  };
}

/** The evaluation as the table `npm run eval` prints: categories, off-topic rejection, quotes, misses. */
export function formatEvaluation(name: string, result: Evaluation): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [`== ${name}`, 'category      n   hit@1  hit@3  MRR'];
  for (const c of [...result.categories, result.overall]) {
    lines.push(
      `${c.category.padEnd(12)} ${String(c.n).padStart(3)}  ${pct(c.hit1)}  ${pct(c.hit3)}  ${pct(c.mrr)}`,
    );
  }
  lines.push(`off-topic rejected: ${result.rejected.rejected}/${result.rejected.n}`);
  lines.push(`quotes not verbatim: ${result.nonVerbatim}`);
  for (const f of result.failures)
    lines.push(
      `miss [${f.cat}]: ${f.q}  expected ${f.expect.join('|') || '(nothing)'}  got ${f.got.join(',') || '(nothing)'}`,
    );
  return lines.join('\n');
}

/** An answer that quotes nothing but is one of the whole-document intents scores as `@<kind>`. */
function intentLabel(answer: Answer): string[] {
  return answer.kind === 'full-text' || answer.kind === 'topics' ? [`@${answer.kind}`] : [];
}

const isPieceOf = (published: string, text: string): boolean => text !== '' && published.includes(text);

/** Whether `text` is a whole paragraph or list item (`1. …`) of `published`: not cut short, nothing added. */
function isParagraphOf(published: string, text: string): boolean {
  if (text === '') return false;
  for (let at = published.indexOf(text); at >= 0; at = published.indexOf(text, at + 1)) {
    const startsLine = /(?:^|\n)(?:\d+\. )?$/.test(published.slice(0, at));
    const endsLine = /^(?:\n|$)/.test(published.slice(at + text.length));
    if (startsLine && endsLine) return true;
  }
  return false;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
