import { describe, expect, it } from 'vitest';
import { editDistance, foldContractions, foldEnglish } from '../../../src/text/english.js';

describe('foldContractions', () => {
  it('expands n’t and drops ’s, ’re and the plural possessive', () => {
    expect(foldContractions("isn't what's jsev's they're cells' can't")).toBe(
      'is not what jsev they cells can not',
    );
  });
});

describe('foldEnglish', () => {
  it('folds plurals and inflections to one stem', () => {
    expect(foldEnglish('vesicles')).toBe(foldEnglish('vesicle'));
    expect(foldEnglish('isolated')).toBe(foldEnglish('isolating'));
    expect(foldEnglish('therapies')).toBe('therapy');
  });
});

describe('editDistance', () => {
  it('counts a dropped letter and a swap of neighbours as one edit each', () => {
    expect(editDistance('foward', 'forward', 2)).toBe(1);
    expect(editDistance('safety', 'saftey', 2)).toBe(1);
  });

  it('gives up above the bound', () => {
    expect(editDistance('slack', 'password', 1)).toBe(2);
  });
});
