import { describe, expect, it } from 'vitest';
import { keyPointAsked } from '../../src/key-point-asked.js';

describe('keyPointAsked', () => {
  it.each([
    ['要点の1つ目は？', 1],
    ['見解の要点の2つ目を教えて', 2],
    ['2つ目のポイント', 2],
    ['要点1', 1],
    ['要点の二番目', 2],
    ['最初の要点', 1],
    ['最後の要点', 'last'],
    ['what is the second key point?', 2],
    ['key point 1', 1],
    ['the last key point', 'last'],
  ])('finds which key point %s names', (q, asked) => {
    expect(keyPointAsked(q)).toBe(asked);
  });

  it.each([['要点'], ['要点を2行で'], ['要点を3行くらいで'], ['key points please']])(
    'finds none in %s: a length is not a number',
    (q) => {
      expect(keyPointAsked(q)).toBeUndefined();
    },
  );
});
