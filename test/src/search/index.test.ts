import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.js';
import { buildSearchIndex, indexTerms, QUESTIONS_FIELD, TEXT_FIELD } from '../../../src/search/index.js';

const passages = loadCorpus().passages;

describe('buildSearchIndex', () => {
  it('indexes each passage once', () => {
    expect(buildSearchIndex(passages).size).toBe(passages.length);
  });

  it('finds a Japanese word inside a longer compound through its bigrams', () => {
    const index = buildSearchIndex(passages);
    const ids = index.miniSearch.search({ queries: ['上清', '清液'], combineWith: 'AND' }).map((r) => r.id);
    expect(ids).toContain('jsev-2023-12-25/p2');
  });

  it('indexes the reviewed questions in their own field and keeps each question’s terms apart', () => {
    const index = buildSearchIndex([
      { id: 'a', text: '上清液', questions: ['エクソソームとは', '精製の方法'] },
    ]);
    const [result] = index.miniSearch.search('ソソ');
    expect(result?.id).toBe('a');
    expect(result?.match.ソソ).toEqual([QUESTIONS_FIELD]);
    expect(index.miniSearch.search('上清')[0]?.match.上清).toEqual([TEXT_FIELD]);
    expect(index.questionTerms('a').map((terms) => terms.has('精製'))).toEqual([false, true]);
  });
});

describe('indexTerms', () => {
  it('gives kanji/katakana bigrams and Latin words accent-folded, each once, none with white space', () => {
    const terms = indexTerms('細胞培養上清液 fernández 上清');
    expect(terms).toEqual(expect.arrayContaining(['細胞', 'fernandez', '上清', '清液']));
    expect(terms.filter((t) => t === '上清')).toHaveLength(1);
    expect(terms.every((t) => !/\s/.test(t))).toBe(true);
  });
});
