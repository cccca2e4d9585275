import { describe, expect, it } from 'vitest';
import { bundledJudge } from '../../../src/corpus/judge-file.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { FEATURE_NAMES } from '../../../src/search/features.js';
import { createJudge } from '../../../src/search/judge.js';
import { createSearcher } from '../../../src/search/searcher.js';

const search = createSearcher(loadCorpus(), createJudge(bundledJudge()));

describe('the searcher’s out-of-scope check', () => {
  it('reads the kind of request in what is asked, not in an aside about the asker', () => {
    expect(
      search('読者から問い合わせがありました。学会はEV製剤の開発に前向きなのですか').scope,
    ).toBeUndefined();
    expect(
      search('I work in Osaka. What does the society say it will keep working on?').scope,
    ).toBeUndefined();
  });

  it('still reads it in a question that asks it', () => {
    expect(search('学会への問い合わせ先を教えてください').scope).toBe('contact');
  });
});

describe('the searcher’s reading of a question of the society’s view', () => {
  it('reads the view asked before the question frame that holds it is stripped (どういう立場)', () => {
    const hit = search('学会はGMPについてどういう立場なんでしょう?').hits[0];
    expect(hit?.features[FEATURE_NAMES.indexOf('asksTheSocietysView')]).toBe(1);
  });
});

describe('the searcher’s count of the pieces a question is typed in', () => {
  it('gives the judge how many sentences and aside clauses came beyond the first', () => {
    const feature = (q: string) => search(q).hits[0]?.features[FEATURE_NAMES.indexOf('pieces')];
    expect(feature('上清液は薬ですか')).toBe(0);
    expect(feature('院生です。研究で使っているのですが、上清液は薬ですか')).toBeCloseTo(2 / 3);
  });
});

describe('the searcher’s part that asks', () => {
  it('keeps the statement’s subject named in an aside beside the piece that asks of an attribute of it', () => {
    const { concepts } = search(
      '科学番組の者です。エクソソーム治療を特集するにあたり、有効性が確認されているか教えてください。',
    ).analyzed;
    expect(concepts.map((c) => c.label)).toEqual(expect.arrayContaining(['有効性', 'エクソソーム治療']));
  });
});
