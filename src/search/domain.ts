import type { DomainVocabulary } from '../corpus/domain.js';
import { foldEnglish } from '../text/english.js';
import { memoize } from '../text/memo.js';
import { normalize } from '../text/normalize.js';
import { LATIN_RUN } from '../text/script.js';
import type { SubjectSignals } from './search.js';

/** Counts the names and cues of the statement's subject in a text (see corpus/domain.yaml). */
export interface SubjectDetector {
  /** Distinct names and cues found, longest first, never two in the same place. */
  (text: string): SubjectSignals;
  /** Whether a word or phrase is itself a name of the subject (exosome, 上清液). */
  isName(label: string): boolean;
}

type Matcher = (text: string, words: readonly string[]) => number;

const foldedWords = (text: string): string[] => foldedWordsOfNormalized(normalize(text));

/** The Latin words of a normalised text, folded: `match` of a global pattern gives strings, not match objects. */
function foldedWordsOfNormalized(normalized: string): string[] {
  const words = normalized.match(LATIN_RUN) ?? [];
  for (let i = 0; i < words.length; i++) words[i] = foldEnglish(words[i] as string);
  return words;
}

/**
 * Counts distinct items of a list in a text, longest first and never two in one place: Japanese
 * (and mixed) items anywhere in the text without white space, all-Latin items as whole words.
 */
function listMatcher(items: readonly string[]): Matcher {
  const isLatin = (item: string) => /^[\p{Script=Latin}\p{N}\s'’-]+$/u.test(item);
  const latin = new Map<string, string[][]>();
  for (const words of items.filter(isLatin).map(foldedWords)) {
    const first = words[0];
    if (first !== undefined) latin.set(first, [...(latin.get(first) ?? []), words]);
  }
  for (const list of latin.values()) list.sort((a, b) => b.length - a.length);
  const japanese = items
    .filter((item) => !isLatin(item))
    .map((item) => normalize(item).replace(/\s+/gu, ''))
    .sort((a, b) => b.length - a.length);
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // One pass: the alternation tries the longest item first at each place, and a match is not re-read.
  const pattern = japanese.length === 0 ? undefined : new RegExp(japanese.map(escapeRegExp).join('|'), 'gu');
  // Every question is counted twice (as typed and as read): the distinct items found are counted in
  // the list of matches itself rather than a Set, and the matches read as strings, not match objects.
  return (squashed, words) => {
    const found: string[] = (pattern ? squashed.match(pattern) : null) ?? [];
    let distinct = 0;
    for (let i = 0; i < found.length; i++) if (found.indexOf(found[i] as string) === i) distinct++;
    for (let i = 0; i < words.length; ) {
      const phrase = latin.get(words[i] as string)?.find((w) => w.every((x, k) => words[i + k] === x));
      const joined = phrase?.join(' ');
      if (joined !== undefined && !found.includes(joined)) {
        found.push(joined);
        distinct++;
      }
      i += phrase?.length ?? 1;
    }
    return distinct;
  };
}

/** Builds the subject detector once per corpus. */
export function subjectDetector(vocabulary: DomainVocabulary): SubjectDetector {
  const names = listMatcher([...vocabulary.names.ja, ...vocabulary.names.en]);
  const cues = listMatcher([...vocabulary.cues.ja, ...vocabulary.cues.en]);
  const count = (text: string): SubjectSignals => {
    const normalized = normalize(text);
    const squashed = normalized.replace(/\s+/gu, '');
    const words = foldedWordsOfNormalized(normalized);
    return { names: names(squashed, words), cues: cues(squashed, words) };
  };
  // The same forms recur from question to question: each is judged once.
  const isName = memoize((label: string) => count(label).names > 0);
  return Object.assign(count, { isName });
}
