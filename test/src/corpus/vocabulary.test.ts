import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READING_OVERRIDES, SYNONYM_REVIEW } from '../../../scripts/vocabulary/review.js';
import { defaultCorpusDir, LEXICON_FILE, loadCorpus, SYNONYMS_FILE } from '../../../src/corpus/load.js';

// The generating script loads IPADIC and Sudachi's 14 MB dictionary: too slow for the suite, so these
// tests check that the committed files agree with the corpus as it is now (`npm run vocabulary --
// --check` compares them with a fresh extraction).
const corpus = loadCorpus();
const fold = (text: string): string => text.normalize('NFKC');
const glossaryJa = corpus.glossary.entries.flatMap((e) => e.ja);
const corpusText = fold(
  [
    ...corpus.passages.flatMap((p) => [p.text, ...p.questions]),
    ...glossaryJa,
    ...corpus.glossary.entries.flatMap((e) => e.variants),
  ].join('\n'),
);
const ownText = fold([...corpus.passages.map((p) => p.text), ...glossaryJa].join('\n'));
const fileText = (name: string): string => readFileSync(join(defaultCorpusDir(), name), 'utf8');
const JAPANESE_ONLY = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー々]+$/u;
/** A word as the text may inflect it: a verb or adjective (限る, 望ましい) without its kana ending. */
const stem = (word: string): string => fold(word).replace(/(?<=\p{sc=Han})\p{sc=Hiragana}+$/u, '');

describe('the lexicon', () => {
  it('says where it comes from and how to regenerate it', () => {
    expect(fileText(LEXICON_FILE)).toMatch(/^# [\s\S]*npm run vocabulary[\s\S]*IPADIC[\s\S]*\nwords: \|\n/);
  });

  it('holds only words the corpus uses (passages, questions, glossary)', () => {
    const foreign = corpus.lexicon.map((e) => e.surface).filter((s) => !corpusText.includes(stem(s)));
    expect(foreign).toEqual([]);
  });

  it('reads every Japanese glossary form (regenerate it after a glossary change)', () => {
    const read = new Set(corpus.lexicon.map((e) => e.surface));
    const unread = glossaryJa.filter((form) => JAPANESE_ONLY.test(form) && /[^\p{sc=Hiragana}]/u.test(form));
    expect(unread.filter((form) => !read.has(form))).toEqual([]);
  });

  it('lists each reading once, in the order the script writes', () => {
    const keys = corpus.lexicon.map((e) => `${e.surface}\t${e.reading}`);
    expect(keys).toEqual([...new Set(keys)].sort());
  });

  it('reads the society name in kana as members type it', () => {
    const readings = corpus.lexicon.filter((e) => e.surface === '日本細胞外小胞学会').map((e) => e.reading);
    expect(readings).toContain('にほんさいぼうがいしょうほうがっかい');
  });

  it('gives ordinary words a lower cost than technical ones', () => {
    const cost = (surface: string) => corpus.lexicon.find((e) => e.surface === surface)?.cost;
    expect(cost('内容')).toBeLessThan(cost('有効性') ?? 0);
    expect(cost('上清')).toBeUndefined();
  });

  it('uses every reviewed reading override', () => {
    const text = fold(corpus.lexicon.map((e) => e.surface).join('\n'));
    expect(Object.keys(READING_OVERRIDES).filter((word) => !text.includes(word))).toEqual([]);
  });
});

describe('the synonym groups', () => {
  it('name their source, licence and how to regenerate them', () => {
    const header = fileText(SYNONYMS_FILE).split('\ngroups:')[0];
    expect(header).toMatch(/Sudachi/);
    expect(header).toMatch(/Apache License 2\.0/);
    expect(header).toMatch(/npm run vocabulary/);
  });

  it('each hold a word of the statement or the glossary', () => {
    const loose = corpus.synonyms.filter((group) => !group.some((word) => ownText.includes(stem(word))));
    expect(loose).toEqual([]);
  });

  it('leave out every word review dropped', () => {
    const dropped = new Set(Object.values(SYNONYM_REVIEW.dropWords).flat());
    const groups = fileText(SYNONYMS_FILE).split('\n');
    for (const [id, words] of Object.entries(SYNONYM_REVIEW.dropWords)) {
      const line = groups.find((l) => l.endsWith(`# ${id}`)) ?? '';
      for (const word of words)
        expect(line, `${id} ${word}`).not.toMatch(new RegExp(`[\\[ "]${word}[",\\]]`));
    }
    expect(dropped.size).toBeGreaterThan(0);
  });

  it('leave out every group review dropped', () => {
    const text = fileText(SYNONYMS_FILE);
    for (const id of Object.keys(SYNONYM_REVIEW.dropGroups)) expect(text).not.toContain(`# ${id}`);
  });

  it('keep regulatory review apart from a patient judging', () => {
    expect(corpus.synonyms.filter((g) => g.includes('審査') && g.includes('判断'))).toEqual([]);
  });
});
