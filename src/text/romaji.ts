import { createRequire } from 'node:module';

// wanakana is loaded on the first text that may be romaji: most questions are not, and start-up
// (the CLI's first answer) should not pay for it.
type Wanakana = { isKana(text: string): boolean; toKana(text: string): string };
let wanakana: Wanakana | undefined;
const load = (): Wanakana => {
  wanakana ??= createRequire(import.meta.url)('wanakana') as Wanakana;
  return wanakana;
};

// Hepburn romaji never uses these letters (c only in ch): a word with them is not romaji.
const NOT_HEPBURN = /[lqvx]|c(?!h)/;
const WORD = /\p{Script=Latin}+/gu;

/** Whether a lower-case word reads as romaji: every letter becomes kana. */
function isRomajiWord(word: string): boolean {
  if (word.length < 2 || NOT_HEPBURN.test(word)) return false;
  const { isKana, toKana } = load();
  return isKana(toKana(word));
}

/**
 * Turns a question typed in romaji (ima no gijutsu de EV dake wo tanri suru…) into hiragana, so it
 * can be read like one typed in kana. A text is taken as romaji when most of its lower-case words
 * are romaji and not English words (`isEnglish`); words in capitals (EV, PMDA) are left as typed.
 * Returns undefined for any other text.
 */
export function romajiToKana(text: string, isEnglish: (word: string) => boolean): string | undefined {
  const words = [...text.matchAll(WORD)].map((m) => m[0]).filter((w) => w === w.toLowerCase());
  if (words.length === 0) return undefined;
  const romaji = words.filter((w) => isRomajiWord(w) && !isEnglish(w));
  if (romaji.length === 0 || romaji.length < words.length * 0.6) return undefined;
  return text.replace(WORD, (w) => (w === w.toLowerCase() && isRomajiWord(w) ? load().toKana(w) : w));
}
