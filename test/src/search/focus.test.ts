import { describe, expect, it } from 'vitest';
import { askingPart, focusOnTheQuestion } from '../../../src/search/focus.js';

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

describe('askingPart', () => {
  it('is the clause that asks when the clause before it only tells of the asker', () => {
    expect(askingPart('歯周病のセミナーの案内が届くのですが、上清液は薬ですか。', namesATerm)).toBe(
      '上清液は薬ですか。',
    );
  });

  it('is the English question after a sentence about the asker', () => {
    expect(askingPart('I teach dentistry at a seminar. Is supernatant a drug?', namesATerm)).toBe(
      'Is supernatant a drug?',
    );
  });

  it('is a polite Japanese request that ends without a question mark', () => {
    expect(askingPart('卒論で扱っています。上清液について教えてください。', namesATerm)).toBe(
      '上清液について教えてください。',
    );
  });

  it('takes in the piece before when the one that asks names no term of the statement', () => {
    expect(
      askingPart(
        '卒論です。先輩に上清液は薬じゃないと言われたのですが、見解ではどう書かれていますか？',
        namesATerm,
      ),
    ).toBe('先輩に上清液は薬じゃないと言われたのですが、 見解ではどう書かれていますか？');
  });

  it('takes in the piece before when the one that asks points back to it (that kind of product)', () => {
    expect(
      askingPart(
        "I'm a clinician. A supplier sells me supernatant for research use. Does the statement say anything about that kind of product?",
        (part) => /supernatant|product/u.test(part),
      ),
    ).toBe(
      'A supplier sells me supernatant for research use. Does the statement say anything about that kind of product?',
    );
  });

  it('does not take in the piece before when the one pointing back names its own term (こうした上清液)', () => {
    expect(
      askingPart('業者から購入しています。見解では、こうした上清液はどういう位置付けですか。', namesATerm),
    ).toBe('見解では、こうした上清液はどういう位置付けですか。');
  });

  it('leaves out who asks, whatever words of the statement their trade holds', () => {
    expect(askingPart('上清液の番組の構成作家です。GMPは必要ですか？', namesATerm)).toBe('GMPは必要ですか？');
    expect(askingPart('上清液の番組の構成作家です。見解の要点は？', namesATerm)).toBe('見解の要点は？');
  });

  it('is undefined when no piece names a term short of the whole question', () => {
    expect(askingPart('上清液を扱っています。値段はいくらですか？', namesATerm)).toBeUndefined();
  });

  it('is undefined when every piece asks', () => {
    expect(askingPart('上清液は薬ですか？GMPは必要ですか？', namesATerm)).toBeUndefined();
  });

  it('is undefined for a question of one piece', () => {
    expect(askingPart('上清液は薬ですか', namesATerm)).toBeUndefined();
  });
});
