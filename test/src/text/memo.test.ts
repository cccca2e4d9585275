import { describe, expect, it } from 'vitest';
import { memoize } from '../../../src/text/memo.js';

describe('a memoized function', () => {
  it('computes each key once and gives the same value again', () => {
    const seen: string[] = [];
    const upper = memoize((word: string) => {
      seen.push(word);
      return word.toUpperCase();
    });
    expect([upper('gmp'), upper('ev'), upper('gmp')]).toEqual(['GMP', 'EV', 'GMP']);
    expect(seen).toEqual(['gmp', 'ev']);
  });

  it('remembers that a key gave nothing', () => {
    let calls = 0;
    const none = memoize((_: string): string | undefined => {
      calls++;
      return undefined;
    });
    none('x');
    none('x');
    expect(calls).toBe(1);
  });
});
