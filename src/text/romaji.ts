import { createRequire } from 'node:module';
import { memoize } from './memo.js';

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

// wanakana's reading of a word costs a parse: each word is read once.
const readsAsKana = memoize((word: string): boolean => {
  const { isKana, toKana } = load();
  return isKana(toKana(word));
});

/** Whether a lower-case word reads as romaji: every letter becomes kana. */
function isRomajiWord(word: string): boolean {
  if (word.length < 2 || NOT_HEPBURN.test(word)) return false;
  return readsAsKana(word);
}

// Particles that read as English too (no, to, de…): they neither make nor unmake a romaji question.
// English function words of four letters or fewer: they do mark a sentence as English.
const SHORT_ENGLISH = new Set(
  'a an the is are was were be been am do does did of in on at for and or but not it its this that what who how why when can will has have yet just any some my your our with from'.split(
    ' ',
  ),
);
const PARTICLES = new Set([
  'no',
  'wa',
  'ga',
  'wo',
  'o',
  'ni',
  'de',
  'to',
  'mo',
  'ka',
  'ne',
  'yo',
  'e',
  'ya',
  'na',
]);

/**
 * Turns a question typed in romaji (ima no gijutsu de EV dake wo tanri suru…) into hiragana, so it
 * can be read like one typed in kana. A text is taken as romaji when most of its lower-case words
 * that read either way are romaji and not English words (`isEnglish`); particles (no, de) and words
 * that are neither (pmda, ev) do not count. Words in capitals (EV, PMDA) are left as typed, and so
 * is a word that is not romaji. Returns undefined for any other text.
 */
export function romajiToKana(text: string, isEnglish: (word: string) => boolean): string | undefined {
  const words = [...text.matchAll(WORD)].map((m) => m[0]).filter((w) => w === w.toLowerCase());
  let romaji = 0;
  let english = 0;
  let longest = 0;
  for (const word of words) {
    if (PARTICLES.has(word)) continue;
    if (isRomajiWord(word) && !isEnglish(word)) {
      romaji++;
      longest = Math.max(longest, word.length);
    }
    // A short word the vocabulary knows is mostly a name (isev, gmp), not a sign of English.
    else if (isEnglish(word) && (word.length > 4 || SHORT_ENGLISH.has(word))) english++;
  }
  // One short word alone (date, made, sake) is as likely English as romaji.
  if (romaji === 0 || (romaji === 1 && longest < 5) || romaji < (romaji + english) * 0.6) return undefined;
  return text.replace(WORD, (w) => (w === w.toLowerCase() && isRomajiWord(w) ? load().toKana(w) : w));
}
