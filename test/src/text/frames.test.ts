import { describe, expect, it } from 'vitest';
import { stripQuestionFrames } from '../../../src/text/frames.js';
import { normalize } from '../../../src/text/normalize.js';

const words = (question: string) =>
  stripQuestionFrames(normalize(question))
    .split(/[\s?？]+/u)
    .filter(Boolean);

describe('question frames', () => {
  it('leave what is asked and drop how it is asked, in Japanese', () => {
    expect(words('上清液について教えてください')).toEqual(['上清液']);
  });

  it.each([
    ['Why was JSEV founded in the first place?', ['why', 'was', 'jsev', 'founded']],
    ['By the way, is GMP required?', [',', 'is', 'gmp', 'required']],
  ])('drop idioms that stress a question without adding to it: %s', (question, left) => {
    expect(words(question)).toEqual(left);
  });
});
