// English words of the intents mistyped (statment, sumary, sined): read as the word they miss by a
// letter or two, so a hurried "JSEV statment sumary pls" still asks for the key points.

import { DOCUMENT_WORDS, INTENT_CUES } from './intent-words.js';
import { editDistance, typoAllowance } from './text/english.js';
import { timesSaid } from './text/english-rarity.js';
import { ENGLISH_STOPWORDS } from './text/stopwords.js';

/** The English words the intents' cues and document words spell out (five letters or more). */
function spelledWords(patterns: readonly RegExp[]): Set<string> {
  const words = new Set<string>();
  for (const pattern of patterns)
    for (const word of pattern.source.match(/(?<![\\[\]A-Za-z=])[a-z]{5,}/gu) ?? []) words.add(word);
  return words;
}

const KNOWN = spelledWords([
  ...INTENT_CUES.flatMap((i) => [...i.cues, ...(i.also ?? [])]),
  ...DOCUMENT_WORDS,
]);

/** A word said this rarely in ordinary English (or never) may be a typo; one said more is a word (sinned). */
const TYPO_AT_MOST = 10;

/** The known word a typed one misses by a typo (same first letter), if it is not a word itself. */
function intendedWord(word: string): string | undefined {
  const allowance = typoAllowance(word.length);
  if (allowance === 0 || KNOWN.has(word) || ENGLISH_STOPWORDS.has(word)) return undefined;
  if (timesSaid(word) > TYPO_AT_MOST) return undefined;
  let best: string | undefined;
  let bestDistance = allowance + 1;
  for (const known of KNOWN) {
    if (known[0] !== word[0]) continue;
    const d = editDistance(word, known, bestDistance - 1);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** The text with each mistyped intent word respelled; the same text when none is. */
export function withIntentWordsRespelled(text: string): string {
  return text.replace(/\p{Script=Latin}+/gu, (word) => intendedWord(word) ?? word);
}
