import { CJK_RUN, foldLatin, HAS_CJK, IS_CJK_START, TERM_RUN } from './script.js';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * Character bigrams of each kanji/katakana run (a run of one character gives that character), so
 * that 上清液 is found inside 細胞培養上清液 although Japanese writes no spaces. Input is normalised.
 */
export function cjkGrams(normalized: string): string[] {
  const grams: string[] = [];
  for (const match of normalized.matchAll(CJK_RUN)) pushGrams(match[0], grams);
  return grams;
}

/** Bigrams of one run (the run itself when it is one character). */
export function pushGrams(run: string, grams: string[]): string[] {
  if (run.length === 1) grams.push(run);
  for (let i = 0; i + 1 < run.length; i++) grams.push(run.slice(i, i + 2));
  return grams;
}

/**
 * Dictionary words (Intl.Segmenter) that contain kanji or katakana, and Latin words and numbers
 * (accents folded). Hiragana-only words are grammar and are left out. Input is normalised.
 */
export function words(normalized: string): string[] {
  const out: string[] = [];
  for (const segment of segmenter.segment(normalized)) {
    if (!segment.isWordLike) continue;
    const word = segment.segment;
    if (HAS_CJK.test(word)) out.push(word);
  }
  for (const match of normalized.matchAll(TERM_RUN)) {
    if (!IS_CJK_START.test(match[0])) out.push(foldLatin(match[0]));
  }
  return out;
}

/** Segmenter words with their offsets, for query analysis. */
export function segmentWords(normalized: string): { word: string; index: number }[] {
  const out: { word: string; index: number }[] = [];
  for (const segment of segmenter.segment(normalized)) {
    if (segment.isWordLike) out.push({ word: segment.segment, index: segment.index });
  }
  return out;
}
