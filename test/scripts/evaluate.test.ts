import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Evaluation, evaluate, formatEvaluation, readLabelledQueries } from '../../scripts/evaluate.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createRetriever } from '../../src/retriever.js';

const fixture = (name: string) => new URL(`../fixtures/eval/${name}`, import.meta.url);
const corpus = loadCorpus();
const retriever = createRetriever(corpus);
const anchors = JSON.parse(readFileSync(fixture('anchors.json'), 'utf8'));
const score = (name: string): Evaluation =>
  evaluate(retriever, corpus.passages, anchors, readLabelledQueries(fixture(name)));
const dev = score('dev.jsonl');
const natural = score('dev-natural.jsonl');

describe('search quality on the keyword dev set', () => {
  it('ranks a right passage first for at least 95% of queries', () => {
    expect(dev.overall.hit1, formatEvaluation('dev', dev)).toBeGreaterThanOrEqual(0.95);
  });

  it('rejects every off-topic query', () => {
    expect(dev.rejected.rejected).toBe(dev.rejected.n);
  });
});

describe('search quality on natural questions (dev-natural)', () => {
  it('ranks a right passage first for at least 85% of questions', () => {
    expect(natural.overall.hit1, formatEvaluation('dev-natural', natural)).toBeGreaterThanOrEqual(0.85);
  });

  it('rejects every off-topic question', () => {
    expect(natural.rejected.n).toBeGreaterThan(0);
    expect(natural.rejected.rejected, formatEvaluation('dev-natural', natural)).toBe(natural.rejected.n);
  });
});

describe('what the evaluation quotes', () => {
  it('is verbatim for every query of both sets', () => {
    expect(dev.nonVerbatim + natural.nonVerbatim).toBe(0);
  });
});
