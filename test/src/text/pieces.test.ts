import { describe, expect, it } from 'vitest';
import {
  asksSomething,
  introducesTheAsker,
  piecesOf,
  pointsBackAt,
  sentencesOf,
} from '../../../src/text/pieces.js';

describe('piecesOf', () => {
  it('splits sentences, the clause an aside ends with, and what follows a colon', () => {
    expect(piecesOf('院生ですが、上清液は薬ですか。Reporter here: is it a drug?')).toEqual([
      '院生ですが、',
      '上清液は薬ですか。',
      'Reporter here:',
      'is it a drug?',
    ]);
  });

  it('ends an introduction at "here,": what follows is the request', () => {
    expect(piecesOf('Radio producer here, we need the key points')).toEqual([
      'Radio producer here,',
      'we need the key points',
    ]);
  });

  it('ends no sentence at the full stop of an abbreviation, a number or an address', () => {
    expect(piecesOf('What did Lohan et al. 2017 find? See jsev.jp, v1.5 e.g. here.')).toEqual([
      'What did Lohan et al. 2017 find?',
      'See jsev.jp, v1.5 e.g. here.',
    ]);
  });

  it('ends a sentence at a full stop typed before Japanese without a space', () => {
    expect(piecesOf('記者です．学会はGMPをどう見ていますか')).toEqual([
      '記者です．',
      '学会はGMPをどう見ていますか',
    ]);
  });
});

describe('piecesOf a reason clause typed without a comma', () => {
  it('ends the aside at ので after a verb or adjective', () => {
    expect(piecesOf('忙しいのでざっくり要点だけ教えて')).toEqual(['忙しいので', 'ざっくり要点だけ教えて']);
  });

  it('does not cut のでしょうか, ものです or ものではない', () => {
    expect(piecesOf('上清液は薬なのでしょうか')).toEqual(['上清液は薬なのでしょうか']);
    expect(piecesOf('研究用のものですか')).toEqual(['研究用のものですか']);
    expect(piecesOf('承認されたものではないので、注意が必要')).toEqual([
      '承認されたものではないので、',
      '注意が必要',
    ]);
  });

  it('keeps what others said in quotation marks whole', () => {
    expect(piecesOf('「使いたいので精製してほしい」と言われました。どう書かれていますか')).toEqual([
      '「使いたいので精製してほしい」と言われました。',
      'どう書かれていますか',
    ]);
  });
});

describe('sentencesOf', () => {
  it('splits sentences only, not the clauses of one', () => {
    expect(sentencesOf('院生ですが、上清液は薬ですか。Thanks.')).toEqual([
      '院生ですが、上清液は薬ですか。',
      'Thanks.',
    ]);
  });
});

describe('piecesOf a clause of purpose', () => {
  it('ends an aside at 前に、 or にあたって、 as at ので、', () => {
    expect(piecesOf('学生に読ませる前に、見解の目次を見たい')).toEqual([
      '学生に読ませる前に、',
      '見解の目次を見たい',
    ]);
    expect(piecesOf('記事にするにあたって、要点を知りたい')).toEqual([
      '記事にするにあたって、',
      '要点を知りたい',
    ]);
  });
});

describe('asksSomething', () => {
  it.each([
    ['上清液は薬ですか', 'a Japanese question ending in か'],
    ['学会の考えを教えてください。', 'a polite Japanese request'],
    ['what does it say about GMP', 'an English question without its mark'],
    ['Is it a drug?', 'an English question'],
    ['設立の経緯が書いてある部分をお願いします。', 'a request ending in お願いします'],
    ['該当箇所を確認したいです', 'a want stated politely'],
  ])('is true of %s (%s)', (piece) => {
    expect(asksSomething(piece)).toBe(true);
  });

  it.each([['学部4年で、卒論で培養上清を扱っています。'], ['I run a small EV core facility.']])(
    'is false of a sentence that tells of the asker: %s',
    (piece) => {
      expect(asksSomething(piece)).toBe(false);
    },
  );
});

describe('introducesTheAsker', () => {
  it.each([
    ['ラジオの健康番組の構成作家です。'],
    ['通信社の者です'],
    ['製薬会社で研究員をしています。'],
    ["I'm a health reporter at a daily paper."],
    ['Science reporter here.'],
    ['研究室でEVの精製をやっている学部4年です。'],
  ])('reads %s as saying who asks', (piece) => {
    expect(introducesTheAsker(piece)).toBe(true);
  });

  it.each([
    ['上清液は研究用の試薬です。'],
    ['EV製剤は医薬品ですか'],
    ["I'm asking about GMP."],
    ['設立は2014年です。'],
  ])('reads %s as no introduction', (piece) => {
    expect(introducesTheAsker(piece)).toBe(false);
  });
});

describe('pointsBackAt', () => {
  it.each([
    ['その段落を教えてください'],
    ['該当箇所を教えて'],
    ['Does it say anything about that kind of product?'],
  ])('finds what %s points back with', (piece) => {
    expect(pointsBackAt(piece)).toBeDefined();
  });

  it('finds nothing in a question that names what it asks', () => {
    expect(pointsBackAt('上清液の段落を教えてください')).toBeUndefined();
  });
});
