import { normalize } from '../text/normalize.js';
import { toHiragana } from '../text/script.js';
import type { Vocabulary } from './vocabulary.js';

// Prefixes that point at a thing rather than name it (貴学会 your society, 本見解 this statement,
// 当学会, 同委員会): the word after them is what is asked.
const DEICTIC_PREFIX = /^(貴|本|当|同|弊|御|我が|各)/u;

/** A run with a pointing prefix, as the glossary word it points at (貴学会 → 学会), if it knows that word. */
export function withoutPrefix(run: string, vocabulary: Vocabulary): string | undefined {
  if (vocabulary.japanese.has(run)) return undefined;
  const rest = run.replace(DEICTIC_PREFIX, '');
  return rest !== run && rest.length >= 2 && vocabulary.japanese.has(rest) ? rest : undefined;
}

/**
 * Corpus words of the same length that a run of three characters or more differs from in one kanji:
 * the converter's wrong kanji for the right reading (薬期法 → 薬機法, 培養上生 → 培養上清). Only
 * for a run the corpus does not use itself.
 */
export function oneKanjiOff(run: string, vocabulary: Vocabulary): string[] {
  const chars = [...run];
  if (chars.length < 3 || vocabulary.isCorpusWord(run)) return [];
  const kanji = (c: string | undefined) => c !== undefined && /^\p{Script=Han}$/u.test(c);
  return vocabulary.corpusWordsOfLength(chars.length).filter((word) => {
    const other = [...word];
    const differ = chars.flatMap((c, i) => (c === other[i] ? [] : [i]));
    const at = differ[0] ?? -1;
    return differ.length === 1 && kanji(chars[at]) && kanji(other[at]);
  });
}

/** Katakana the corpus does not write (セイザイ for 製剤) as hiragana, to be read into corpus words. */
export function katakanaAsKana(run: string, vocabulary: Vocabulary): string | undefined {
  if (!/^[\p{Script=Katakana}ー]{3,}$/u.test(run) || vocabulary.isCorpusWord(run)) return undefined;
  return toHiragana(normalize(run));
}

// Small kana typed or heard as large ones, and the long-vowel mark, often left out or added.
const SMALL = 'ァィゥェォッャュョヮ';
const LARGE = 'アイウエオツヤユヨワ';

/**
 * A key under which katakana spellings of one word meet: voiced and plain kana (ゾ and ソ), small
 * and large (ォ and オ), with and without ー. エクソゾーム and エクソソム both meet エクソソーム.
 */
export function katakanaKey(katakana: string): string {
  return katakana
    .normalize('NFD')
    .replace(/[\u3099\u309a]/gu, '')
    .replace(/[ァィゥェォッャュョヮ]/gu, (c) => LARGE[SMALL.indexOf(c)] ?? c)
    .replace(/ー/gu, '');
}
