import { CJK_RUN } from './script.js';

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
