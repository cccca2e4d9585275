import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.js';
import { buildSearchIndex, GRAM_FIELD, MINISEARCH_OPTIONS, WORD_FIELD } from '../../../src/search/index.js';
import { decodeTerm, encodeTerm } from '../../../src/search/terms.js';
import { cjkGrams, words } from '../../../src/text/analyze.js';
import { normalize } from '../../../src/text/normalize.js';

const passages = loadCorpus().passages;

describe('buildSearchIndex', () => {
  it('answers exactly like a MiniSearch index built with addAll', () => {
    // Guards the shortcut of filling MiniSearch's term tree directly against a change of its internals.
    const reference = new MiniSearch<{ id: string; word: string; gram: string }>({
      ...MINISEARCH_OPTIONS,
      tokenize: (text: string) => (text === '' ? [] : text.split('\u0000')),
    } as never);
    reference.addAll(
      passages.map((p) => {
        const text = normalize(p.text);
        return {
          id: p.id,
          word: words(text).map(encodeTerm).join('\u0000'),
          gram: cjkGrams(text).map(encodeTerm).join('\u0000'),
        };
      }),
    );
    const ours = buildSearchIndex(passages).miniSearch;
    for (const term of ['上清', '清液', 'ev', 'gmp', '医薬品', 'エクソソーム', 'pmda']) {
      const query = { queries: [encodeTerm(term)], fields: [GRAM_FIELD, WORD_FIELD] };
      const strip = (results: { id: string; score: number }[]) =>
        results.map((r) => [r.id, r.score.toFixed(6)]);
      expect(strip(ours.search(query)), term).toEqual(strip(reference.search(query)));
    }
  });

  it('indexes each passage once', () => {
    expect(buildSearchIndex(passages).size).toBe(11);
  });
});

describe('encodeTerm', () => {
  it('round-trips Japanese terms and leaves ASCII as it is', () => {
    expect(decodeTerm(encodeTerm('上清液'))).toBe('上清液');
    expect(encodeTerm('gmp')).toBe('gmp');
  });
});
