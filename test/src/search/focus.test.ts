import { describe, expect, it } from 'vitest';
import { focusOnTheQuestion } from '../../../src/search/focus.js';

// A stand-in for the vocabulary's check: these words are the statement's terms.
const namesATerm = (sentence: string) => /上清液|GMP|supernatant/u.test(sentence);

describe('focusOnTheQuestion', () => {
  it('leaves out a sentence about the asker that names no term of the statement', () => {
    expect(focusOnTheQuestion('テレビ局の者です。上清液は薬ですか。', namesATerm)).toBe('上清液は薬ですか。');
  });

  it('leaves out a request for a quote that asks nothing', () => {
    expect(focusOnTheQuestion('Is supernatant a drug? I need a line to quote.', namesATerm)).toBe(
      'Is supernatant a drug?',
    );
  });

  it('keeps a sentence that asks, though it names no term', () => {
    expect(focusOnTheQuestion('GMPの話です。それは必要ですか？', namesATerm)).toBe(
      'GMPの話です。それは必要ですか？',
    );
  });

  it('keeps every sentence when none names a term', () => {
    expect(focusOnTheQuestion('記者です。効くんですか。', namesATerm)).toBe('記者です。効くんですか。');
  });

  it('keeps a lone word typed after the question: it is asked, not an aside', () => {
    expect(focusOnTheQuestion('上清液は薬ですか？ ヌヘヰ', namesATerm)).toBe('上清液は薬ですか？ ヌヘヰ');
  });

  it('keeps a question of one sentence as it is', () => {
    expect(focusOnTheQuestion('記者ですが上清液は薬ですか', namesATerm)).toBe('記者ですが上清液は薬ですか');
  });
});
