import { describe, expect, it } from 'vitest';
import { homophonesOf } from '../../scripts/vocabulary/homophones.js';
import type { Morpheme } from '../../scripts/vocabulary/kuromoji.js';
import { toHiragana, worthReading } from '../../scripts/vocabulary/lexicon.js';
import { groupsTouching } from '../../scripts/vocabulary/synonyms.js';

const item = (midashi: string, expandControl = 0) => ({ midashi, expandControl });
const groups = [
  { id: '000001', items: [item('審査'), item('判断'), item('審判')] },
  { id: '000002', items: [item('寿司'), item('鮨')] },
  { id: '000003', items: [item('効果'), item('効き目'), item('効能', 2), item('効き', 1)] },
  { id: '000006', items: [item('要点', 1), item('ポイント', 1), item('要所')] },
  { id: '000004', items: [item('生理'), item('月経')] },
  { id: '000005', items: [item('ＧＭＰ'), item('GMP'), item('適正製造規範')] },
];
const vocabulary = new Set(['審査', '効果', '生理', 'GMP', '要点']);
const none = { dropGroups: {}, dropWords: {} };

describe('groupsTouching', () => {
  it('keeps only the groups that hold a word of the corpus', () => {
    expect(groupsTouching(groups, vocabulary, none).map((g) => g.id)).toEqual([
      '000001',
      '000003',
      '000006',
      '000004',
      '000005',
    ]);
  });

  it('leaves out the words Sudachi says never to expand', () => {
    expect(groupsTouching(groups, vocabulary, none).find((g) => g.id === '000003')?.words).toEqual([
      '効果',
      '効き目',
    ]);
  });

  it('keeps a word Sudachi says is no trigger only when the corpus uses it', () => {
    expect(groupsTouching(groups, vocabulary, none).find((g) => g.id === '000006')?.words).toEqual([
      '要点',
      '要所',
    ]);
  });

  it('folds full-width forms and lists each word once', () => {
    expect(groupsTouching(groups, vocabulary, none).find((g) => g.id === '000005')?.words).toEqual([
      'GMP',
      '適正製造規範',
    ]);
  });

  it('drops the groups review dropped, and a group review left with one word', () => {
    const review = { dropGroups: { '000004': 'not menstruation' }, dropWords: { '000003': ['効き目'] } };
    expect(groupsTouching(groups, vocabulary, review).map((g) => g.id)).toEqual([
      '000001',
      '000006',
      '000005',
    ]);
  });

  it('drops a group whose only corpus word review dropped', () => {
    const review = { dropGroups: {}, dropWords: { '000001': ['審査'] } };
    expect(groupsTouching(groups, vocabulary, review).map((g) => g.id)).not.toContain('000001');
  });
});

describe('readings', () => {
  it('turn katakana into hiragana and keep the long-vowel mark', () => {
    expect(toHiragana('エクソソーム')).toBe('えくそそーむ');
  });

  it('are worth giving only to Japanese words with a kanji or katakana', () => {
    expect(['細胞外小胞', 'エクソソーム', 'こと', 'EV研究', 'GMP'].filter(worthReading)).toEqual([
      '細胞外小胞',
      'エクソソーム',
    ]);
  });
});

describe('homophonesOf', () => {
  const noun = (surface: string, reading: string): Morpheme => ({
    surface,
    pos: '名詞,一般,*,*',
    basicForm: surface,
    reading,
    cost: 5000,
  });
  const corpus = new Map([
    ['規制', 'きせい'],
    ['効果', 'こうか'],
  ]);
  const none = new Set<string>();

  it('takes a noun read like a corpus word and differing in one kanji for its misconversion', () => {
    const found = homophonesOf(corpus, [noun('規正', 'キセイ')], none, none);
    expect(found).toEqual([{ typed: '規正', corpusWord: '規制', reading: 'きせい' }]);
  });

  it('leaves out a homophone that shares no kanji with the corpus word', () => {
    expect(homophonesOf(corpus, [noun('高価', 'コウカ'), noun('帰省', 'キセイ')], none, none)).toEqual([]);
  });

  it('leaves out words the corpus uses and words review dropped', () => {
    const dictionary = [noun('規正', 'キセイ'), noun('規整', 'キセイ')];
    expect(homophonesOf(corpus, dictionary, new Set(['規正']), new Set(['規整']))).toEqual([]);
  });
});
