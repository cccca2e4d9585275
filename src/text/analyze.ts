import { CJK_RUN, foldLatin, IS_CJK_START, ONLY_CJK, ONLY_KATAKANA, TERM_RUN } from './script.js';

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
function pushGrams(run: string, grams: string[]): string[] {
  if (run.length === 1) grams.push(run);
  for (let i = 0; i + 1 < run.length; i++) grams.push(run.slice(i, i + 2));
  return grams;
}

// Kanji and katakana lie in U+3000..U+9FFF: a bigram of two such code units packs into one small
// integer, so indexing tallies bigrams without making a string for each occurrence.
const PACK_BASE = 0x3000;
const PACK_SPAN = 0x7000;

/**
 * Calls `visit` for each bigram (or lone character) of the kanji/katakana runs of a normalised
 * text, with a key that identifies it (an integer, or the gram itself outside the packed range) and
 * its offsets. Gives the same grams as {@link cjkGrams}.
 */
export function forEachGram(
  normalized: string,
  visit: (key: string | number, start: number, end: number) => void,
): void {
  for (const match of normalized.matchAll(CJK_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end - start === 1) {
      visit(normalized[start] as string, start, end);
      continue;
    }
    for (let i = start; i + 1 < end; i++) {
      const a = normalized.charCodeAt(i) - PACK_BASE;
      const b = normalized.charCodeAt(i + 1) - PACK_BASE;
      if (a >= 0 && a < PACK_SPAN && b >= 0 && b < PACK_SPAN) visit(a * PACK_SPAN + b, i, i + 2);
      else visit(normalized.slice(i, i + 2), i, i + 2);
    }
  }
}

/**
 * Whether a dictionary word is worth indexing as a word: kanji/katakana only (words mixed with
 * hiragana, like を通じて, are grammar around a term) and three characters or more (a two-character
 * word is exactly one bigram, already indexed in the gram field).
 */
export function isIndexedWord(word: string): boolean {
  return word.length >= 3 && ONLY_CJK.test(word);
}

/**
 * Whether a run needs the dictionary to find its words. A run of three characters is one word, and
 * so is a katakana run (a loanword); only longer runs with kanji (細胞培養上清液) are segmented.
 * Segmenting is the costliest step of indexing, so it is kept to the runs that need it.
 */
export function needsSegmentation(run: string): boolean {
  return run.length >= 4 && !ONLY_KATAKANA.test(run);
}

/** The words of one kanji/katakana run, as the index holds them. */
export function runWords(run: string): string[] {
  if (run.length < 3) return [];
  if (!needsSegmentation(run)) return [run];
  return segmentWords(run).filter(isIndexedWord);
}

/** Segmenter words of a text (Intl.Segmenter, word granularity). */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) out.push(segment.segment);
  return out;
}

/**
 * The words a passage is indexed by: {@link runWords} of each kanji/katakana run, and Latin words
 * and numbers (accents folded). Input is normalised.
 */
export function words(normalized: string): string[] {
  const out: string[] = [];
  const toSegment: string[] = [];
  for (const match of normalized.matchAll(TERM_RUN)) {
    const run = match[0];
    if (!IS_CJK_START.test(run)) out.push(foldLatin(run));
    else if (needsSegmentation(run)) toSegment.push(run);
    else if (run.length >= 3) out.push(run);
  }
  // One segmenter call per passage: 、 is a hard boundary, so the words are those of each run.
  if (toSegment.length > 0) out.push(...segmentWords(toSegment.join('、')).filter(isIndexedWord));
  return out;
}
