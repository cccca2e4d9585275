import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithOffsets } from '../../../src/text/normalize.js';

describe('normalize', () => {
  it('folds half-width katakana and full-width Latin', () => {
    expect(normalize('ｴｸｿｿｰﾑとＧＭＰ')).toBe('エクソソームとgmp');
  });

  it('maps every normalised character back to the original it came from', () => {
    const original = 'ｶﾞｲﾄﾞ㍻EV';
    const norm = normalizeWithOffsets(original);
    expect(norm.text).toBe('ガイド平成ev');
    const at = norm.text.indexOf('平成');
    expect(original.slice(norm.starts[at], norm.ends[at + 1])).toBe('㍻');
    expect(original.slice(norm.starts[0], norm.ends[0])).toBe('ｶﾞ');
  });
});
