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

  it('indexes the reviewed questions in their own field, never in the text field', () => {
    const index = buildSearchIndex([{ id: 'a', text: '上清液', questions: ['エクソソームとは'] }]);
    const [result] = index.miniSearch.search('エクソソーム');
    expect(result?.match.エクソソーム).toEqual([QUESTIONS_FIELD]);
    expect(index.miniSearch.search('上清液')[0]?.match.上清液).toEqual([TEXT_FIELD]);
  });
});

describe('indexTerms', () => {
  it('gives words, Latin words accent-folded and kanji/katakana bigrams, none with white space', () => {
    const terms = indexTerms('細胞培養上清液 fernández');
    expect(terms).toEqual(expect.arrayContaining(['細胞', 'fernandez', '上清', '清液']));
    expect(terms.every((t) => !/\s/.test(t))).toBe(true);
  });
});
