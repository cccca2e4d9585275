import { describe, expect, it } from 'vitest';
import { readingKey } from '../../../src/text/reading.js';
import { romajiToKana } from '../../../src/text/romaji.js';

const english = (word: string) => ['no', 'is', 'the', 'therapy', 'exosome'].includes(word);

describe('romajiToKana', () => {
  it('reads a romaji question as kana, leaving words in capitals as typed', () => {
    expect(romajiToKana('ima no gijutsu de EV dake wo tanri suru', english)).toBe(
      'いま の ぎじゅつ で EV だけ を たんり する',
    );
  });

  it('leaves English alone', () => {
    expect(romajiToKana('is exosome therapy safe', english)).toBeUndefined();
    expect(romajiToKana('what is the evidence', english)).toBeUndefined();
  });
});

describe('readingKey', () => {
  it('makes long vowels written ー, doubled or with う meet', () => {
    expect(readingKey('えくそそーむ')).toBe(readingKey('えくそそおむ'));
    expect(readingKey('りじちょう')).toBe(readingKey('りじちょー'));
  });
});
