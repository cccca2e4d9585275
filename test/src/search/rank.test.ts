import { describe, expect, it } from 'vitest';
import { byWhatAnswersBest } from '../../../src/search/rank.js';

const hits = [
  { id: 'p4', probability: 0.81 },
  { id: 'p2', probability: 0.97 },
  { id: 'p3', probability: 0.9 },
];

describe('byWhatAnswersBest', () => {
  it('puts the passage the judge finds likeliest first for a question of several concepts', () => {
    expect(byWhatAnswersBest(hits, 4).map((h) => h.id)).toEqual(['p2', 'p3', 'p4']);
  });

  it('keeps the ranking for a keyword or two, which every passage holding them answers alike', () => {
    expect(byWhatAnswersBest(hits, 2).map((h) => h.id)).toEqual(['p4', 'p2', 'p3']);
  });

  it('leaves the hits it was given in their order', () => {
    byWhatAnswersBest(hits, 4);
    expect(hits.map((h) => h.id)).toEqual(['p4', 'p2', 'p3']);
  });
});
