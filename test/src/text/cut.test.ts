import { describe, expect, it } from 'vitest';
import { cutInput } from '../../../src/text/cut.js';

describe('cutInput', () => {
  it('leaves input within the limit whole, trimmed, and says nothing was cut', () => {
    expect(cutInput('  上清液  ', 10)).toEqual({ text: '上清液' });
  });

  it('cuts at the end of a sentence when one falls in the second half of the limit', () => {
    const input = `${'あ'.repeat(30)}。${'い'.repeat(40)}`;
    expect(cutInput(input, 50)).toEqual({ text: `${'あ'.repeat(30)}。`, cut: 31 });
  });

  it('cuts between words, never inside one', () => {
    const input = 'exosome therapy effective '.repeat(4);
    const { text, cut } = cutInput(input, 30);
    expect(text).toBe('exosome therapy effective');
    expect(cut).toBeLessThanOrEqual(30);
  });

  it('never splits a surrogate pair when a single word is longer than the limit', () => {
    const { text } = cutInput('𠮷'.repeat(40), 11);
    expect(text.length).toBe(10);
    expect(text).toBe('𠮷'.repeat(5));
  });
});
