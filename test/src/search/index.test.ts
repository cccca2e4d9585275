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

  it('indexes each reviewed question as its own entry, in the questions field, pointing back at its passage', () => {
    const index = buildSearchIndex([
      { id: 'a', text: '上清液', questions: ['エクソソームとは', '精製の方法'] },
    ]);
    const [question] = index.miniSearch.search('ソソ');
    expect(question?.match.ソソ).toEqual([QUESTIONS_FIELD]);
    expect(question && index.passageOf(question.id)).toBe('a');
    const [passage] = index.miniSearch.search('上清');
    expect(passage?.match.上清).toEqual([TEXT_FIELD]);
    expect(passage?.id).toBe('a');
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
