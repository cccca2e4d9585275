import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Evaluation, evaluate, formatEvaluation, readLabelledQueries } from '../../scripts/evaluate.js';
import { publishedText } from '../../scripts/published-text.js';
import type { Quote, Retriever } from '../../src/answer.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Passage } from '../../src/corpus/types.js';
import { createRetriever } from '../../src/retriever.js';

const fixture = (name: string) => new URL(`../fixtures/eval/${name}`, import.meta.url);
const corpus = loadCorpus();
const retriever = createRetriever(corpus);
const anchors = JSON.parse(readFileSync(fixture('anchors.json'), 'utf8'));
const score = (name: string): Evaluation =>
  evaluate(retriever, corpus.passages, anchors, readLabelledQueries(fixture(name)));
const dev = score('dev.jsonl');
const natural = score('dev-natural.jsonl');

// The dev sets are smoke tests, not targets (nothing is tuned on them; the judge is fitted on the
// reviewed data and measured by cross-validation, test/scripts/judge.test.ts): a fall below these
// floors means something broke, not that the data needs a form.
describe('search quality on the keyword dev set', () => {
  it('ranks a right passage first for at least 80% of queries', () => {
    expect(dev.overall.hit1, formatEvaluation('dev', dev)).toBeGreaterThanOrEqual(0.8);
  });

  it('rejects every off-topic query', () => {
    expect(dev.rejected.n).toBeGreaterThan(0);
    expect(dev.rejected.rejected, formatEvaluation('dev', dev)).toBe(dev.rejected.n);
  });
});

describe('search quality on natural questions (dev-natural)', () => {
  it('ranks a right passage first for at least 80% of questions', () => {
    expect(natural.overall.hit1, formatEvaluation('dev-natural', natural)).toBeGreaterThanOrEqual(0.8);
  });

  it('rejects every off-topic question', () => {
    expect(natural.rejected.n).toBeGreaterThan(0);
    expect(natural.rejected.rejected, formatEvaluation('dev-natural', natural)).toBe(natural.rejected.n);
  });
});

/** The retriever, with the first quote of every answer changed by `alter` (a fault to catch). */
function altering(alter: (passage: Passage) => Passage): Retriever {
  return {
    ...retriever,
    ask(query, options) {
      const answer = retriever.ask(query, options);
      if (answer.kind !== 'answer' || answer.quotes.length === 0) return answer;
      const [first, ...rest] = answer.quotes as [Quote, ...Quote[]];
      return { ...answer, quotes: [{ ...first, passage: alter(first.passage) }, ...rest] };
    },
  };
}

/** How many quotes the evaluation finds not verbatim on the keyword set, with the quotes altered. */
const nonVerbatimWith = (alter: (passage: Passage) => Passage): number =>
  evaluate(altering(alter), corpus.passages, anchors, readLabelledQueries(fixture('dev.jsonl'))).nonVerbatim;

describe('what the evaluation quotes', () => {
  it('is verbatim for every query of both sets', () => {
    expect(dev.nonVerbatim + natural.nonVerbatim).toBe(0);
  });

  it.each([
    [
      'its last character changed',
      (text: string) => `${text.slice(0, -1)}${text.endsWith('。') ? '.' : '。'}`,
    ],
    ['an invisible character inside', (text: string) => `${text.slice(0, 5)}\u200b${text.slice(5)}`],
    ['markup left in', (text: string) => `*${text}*`],
    ['a passage cut short', (text: string) => text.slice(0, -1)],
  ])('counts every answered query whose quote has %s', (_, alter) => {
    const answered = readLabelledQueries(fixture('dev.jsonl')).filter((q) => {
      const answer = retriever.ask(q.q, { limit: 10 });
      return answer.kind === 'answer' && answer.quotes.length > 0;
    }).length;
    expect(answered).toBeGreaterThan(0);
    expect(nonVerbatimWith((p) => ({ ...p, text: alter(p.text) }))).toBe(answered);
  });

  it('compares with the published text, not with the corpus: a corpus paragraph it words differently counts', () => {
    const p2 = corpus.passages.find((p) => p.key === 'p2')?.text ?? '';
    const reworded = publishedText().replace(p2, p2.replace('危惧', '懸念'));
    const queries = readLabelledQueries(fixture('dev.jsonl'));
    expect(evaluate(retriever, corpus.passages, anchors, queries, reworded).nonVerbatim).toBeGreaterThan(0);
  });

  it('counts a quote whose reference differs from the published one', () => {
    const withReference = (p: Passage) => p.references.length > 0;
    expect(corpus.passages.some(withReference)).toBe(true);
    expect(
      nonVerbatimWith((p) => (withReference(p) ? { ...p, references: [`${p.references[0]} `] } : p)),
    ).toBeGreaterThan(0);
  });
});
