import type { Morpheme } from './kuromoji.js';
import { toHiragana } from './lexicon.js';

/** A word IPADIC reads like a corpus word: a likely misconversion of it (製材 typed for 製剤). */
export interface Homophone {
  readonly typed: string;
  readonly corpusWord: string;
  readonly reading: string;
}

const KANJI_ONLY = /^[\p{sc=Han}々]+$/u;
const NOUN = /^名詞,(一般|サ変接続|形容動詞語幹)/;

/**
 * IPADIC nouns of kanji that read exactly like a corpus word of kanji and differ from it in one
 * character, in place (規正 for 規制, 製材 for 製剤): the misconversions a kana-kanji converter
 * offers. A homophone that shares no character (高価 for 効果) is a different word, not a typo;
 * one the statement or the glossary uses itself, or `dropped` by review, is left out.
 */
export function homophonesOf(
  corpusWords: ReadonlyMap<string, string>,
  dictionary: Iterable<Morpheme>,
  known: { has(word: string): boolean },
  dropped: ReadonlySet<string>,
): Homophone[] {
  const byReading = new Map<string, string[]>();
  for (const [word, reading] of corpusWords) {
    if (!KANJI_ONLY.test(word) || [...word].length < 2) continue;
    byReading.set(reading, [...(byReading.get(reading) ?? []), word]);
  }
  const found = new Map<string, Homophone>();
  for (const entry of dictionary) {
    if (!entry.reading || !NOUN.test(entry.pos) || !KANJI_ONLY.test(entry.surface)) continue;
    const typed = entry.surface;
    if (known.has(typed) || dropped.has(typed) || found.has(typed)) continue;
    const reading = toHiragana(entry.reading);
    const word = byReading.get(reading)?.find((w) => differsInOne(w, typed));
    if (word) found.set(typed, { typed, corpusWord: word, reading });
  }
  return [...found.values()].sort((a, b) => (a.typed < b.typed ? -1 : a.typed > b.typed ? 1 : 0));
}

/** Same length, one character different in place. */
function differsInOne(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++;
  return diff === 1;
}
