import { foldLatin } from './script.js';

// English contractions and possessives: "isn't" is "is not", "what's" is "what is", "JSEV's" is
// "JSEV". Left alone they become junk terms (isn, t, s) that match stray letters in references.
const NOT = /\b(\p{Script=Latin}+)n['’]t\b/gu;
const CLITIC = /\b(\p{Script=Latin}+)['’](?:s|re|ve|ll|d|m)\b/gu;
const TRAILING_APOSTROPHE = /\b(\p{Script=Latin}+s)['’](?=\s|$|\p{P})/gu;

/** Expands contractions and drops possessive endings, so only the words themselves remain. */
export function foldContractions(text: string): string {
  return text
    .replace(NOT, (_, stem: string) => `${stem === 'ca' ? 'can' : stem === 'wo' ? 'will' : stem} not`)
    .replace(CLITIC, '$1')
    .replace(TRAILING_APOSTROPHE, '$1');
}

/**
 * A light English stem, applied to queries and glossary phrases alike so that either side may use
 * any form: vesicles → vesicle, therapies → therapy, EVs → ev, isolated/isolating/isolate → isolat,
 * signed → sign, purified → purify. Only for matching; never shown.
 */
export function foldEnglish(word: string): string {
  let w = foldLatin(word);
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length >= 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * Edit distance (insertions, deletions, substitutions and swaps of neighbours), giving up above
 * `max`: enough to tell a typo of a known word (foward, colaborating) from another word.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] as number) + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** The typos tolerated in a word of this length: none below five letters, two from eight. */
export function typoAllowance(length: number): number {
  return length < 5 ? 0 : length < 8 ? 1 : 2;
}

/** A Latin word this long that no vocabulary knows may be several typed without spaces. */
const RUN_TOGETHER = 8;
/** …and is taken for several when one of them is a function word, or when it is this long. */
const LONG_RUN = 12;
/** More pieces than this is not a phrase typed without spaces but a chance split. */
const MAX_PIECES = 5;

/**
 * Splits Latin words typed without spaces (whosignedthestatement → who signed the statement) into
 * known words, fewest pieces first, when every piece is a word `isKnown` accepts (two letters at
 * least) and one is a function word or the word is long. Other words are returned as they are.
 * Input is lower case.
 */
export function splitRunTogether(
  text: string,
  isKnown: (word: string) => boolean,
  isFunctionWord: (word: string) => boolean,
): string {
  return text.replace(/\p{Script=Latin}+/gu, (word) => {
    if (word.length < RUN_TOGETHER || isKnown(word)) return word;
    // headline is not head line: a word of content pieces only is split when it is long.
    const pieces = fewestPieces(word, isKnown);
    return pieces && (word.length >= LONG_RUN || pieces.some(isFunctionWord)) ? pieces.join(' ') : word;
  });
}

/** The split of `word` into the fewest known words, or undefined when there is none. */
function fewestPieces(word: string, isKnown: (word: string) => boolean): string[] | undefined {
  // best[i]: the fewest known words that make word.slice(0, i).
  const best: (string[] | undefined)[] = [[]];
  for (let end = 2; end <= word.length; end++) {
    for (let start = Math.max(0, end - 20); start <= end - 2; start++) {
      const before = best[start];
      if (!before || before.length >= MAX_PIECES) continue;
      const piece = word.slice(start, end);
      const current = best[end];
      if (isKnown(piece) && (!current || current.length > before.length + 1)) best[end] = [...before, piece];
    }
  }
  const found = best[word.length];
  return found && found.length > 1 ? found : undefined;
}
