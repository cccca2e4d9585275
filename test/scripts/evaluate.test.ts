import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, readLabelledQueries } from '../../scripts/evaluate.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createRetriever } from '../../src/retriever.js';

const fixture = (name: string) => new URL(`../fixtures/eval/${name}`, import.meta.url);
const corpus = loadCorpus();
const result = evaluate(
  createRetriever(corpus),
  corpus.passages,
  JSON.parse(readFileSync(fixture('anchors.json'), 'utf8')),
  readLabelledQueries(fixture('dev.jsonl').pathname),
);

describe('search quality on the dev set', () => {
  it('ranks a right passage first for at least 95% of queries', () => {
    expect(result.overall.hit1).toBeGreaterThanOrEqual(0.95);
  });

  it('rejects every off-topic query', () => {
    expect(result.categories.find((c) => c.category === 'none')?.hit1).toBe(1);
  });
});
