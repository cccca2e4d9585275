import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.js';
import { analyzeQuery } from '../../../src/search/query.js';
import { buildVocabulary, specificityOf } from '../../../src/search/vocabulary.js';
import { normalize } from '../../../src/text/normalize.js';

const corpus = loadCorpus();
const vocabulary = buildVocabulary({
  glossary: corpus.glossary,
  synonyms: corpus.synonyms,
  lexicon: corpus.lexicon,
  texts: corpus.passages.map((p) => normalize(p.text)),
});
const labels = (query: string) => analyzeQuery(query, vocabulary).concepts.map((c) => c.label);

describe('analyzeQuery', () => {
  it('reads an acronym typed in capitals with two letters swapped as the statement’s (PMAD is PMDA)', () => {
    const forms = (q: string) =>
      analyzeQuery(q, vocabulary).concepts.flatMap((c) => c.alternatives.map((a) => a.text));
    expect(forms('PMAD 報告書')).toContain('pmda');
    expect(forms('AMDE の研究班')).toContain('amed');
  });

  it('takes the society’s own name typed in capitals (JSEV) for itself, not for a mistyped ISEV', () => {
    const forms = analyzeQuery('JSEV', vocabulary).concepts.flatMap((c) => c.alternatives.map((a) => a.text));
    expect(forms).not.toContain('isev');
    expect(forms).toContain('日本細胞外小胞学会');
  });

  it('takes a known acronym as typed, and a word typed in lower case for no acronym', () => {
    const forms = (q: string) =>
      analyzeQuery(q, vocabulary).concepts.flatMap((c) => c.alternatives.map((a) => a.text));
    expect(forms('AMED')).not.toContain('pmda');
    expect(forms('amde')).not.toContain('amed');
  });

  it('keeps a term of Latin letters and kanji typed together as one concept', () => {
    expect(labels('iPS細胞の研究')).toEqual(expect.arrayContaining(['ips細胞']));
    expect(labels('iPS細胞の研究')).not.toContain('細胞');
  });

  it('drops question frames of both languages', () => {
    expect(labels('EV製剤は細胞治療と考えていいですか')).not.toContain('考');
    expect(labels('According to JSEV, can you tell me about GMP?')).not.toContain('according');
  });

  it('reads corpus words out of a question typed in kana', () => {
    const concept = analyzeQuery('りじちょうはだれ', vocabulary).concepts[0];
    expect(concept?.alternatives.map((a) => a.text)).toContain('理事長');
  });

  it('reads the long-vowel mark of a word in hiragana as part of it, not as a word of its own', () => {
    expect(labels('GMPぐれーど いるの')).toContain('ぐれーど');
    expect(labels('GMPぐれーど いるの')).not.toContain('ー');
  });

  it('reaches a corpus word through its misconversion, weighed below the word as typed', () => {
    const concept = analyzeQuery('規正', vocabulary).concepts[0];
    const form = concept?.alternatives.find((a) => a.text === '規制');
    expect(form?.weight).toBeLessThan(1);
  });

  it('respells a misconverted word inside a compound the vocabulary does not know', () => {
    const concept = analyzeQuery('品質監理', vocabulary).concepts[0];
    expect(concept?.alternatives.map((a) => a.text)).toContain('品質管理');
  });

  it('reads an everyday word written with kana inside as a whole, bridging to the statement’s term', () => {
    const concept = analyzeQuery('上澄みは薬ですか', vocabulary).concepts[0];
    expect(concept?.label).toBe('上澄み');
    expect(concept?.alternatives.find((a) => a.text === '上清液')?.bridge).toBe(true);
  });

  it('leaves a variant spelling alone inside the word it stands for', () => {
    expect(labels('販売ってどうなの')).toContain('販売');
    expect(labels('販売ってどうなの')).not.toContain('販販売');
  });

  it('does not take an ordinary adjective for the G of GMP', () => {
    expect(labels('a good sushi restaurant')).not.toContain('good');
    expect(labels('good manufacturing practice')).toEqual(['good manufacturing practice']);
  });

  it('never reads a question frame in kana as a corpus word', () => {
    const texts = analyzeQuery('EV製品はどうなるの', vocabulary).concepts.flatMap((c) =>
      c.alternatives.map((a) => a.text),
    );
    expect(texts).not.toContain('ドナー');
  });

  it('corrects a misspelt glossary word before looking up phrases', () => {
    const concept = analyzeQuery('supernatnat', vocabulary).concepts[0];
    expect(concept?.alternatives.map((a) => a.text)).toContain('上清液');
  });
});

describe('specificityOf', () => {
  it('rates a common word low, a word IPADIC lacks high, and a lone kanji at most 0.3', () => {
    expect(specificityOf('研究', -413)).toBeLessThan(0.2);
    expect(specificityOf('単離', null)).toBeGreaterThan(0.8);
    expect(specificityOf('国', 7871)).toBeLessThanOrEqual(0.3);
  });

  it('rates a compound at least fairly specific whatever its parts cost', () => {
    expect(specificityOf('臨床研究', 3000)).toBeGreaterThanOrEqual(0.7);
  });
});
