import type { DomainVocabulary } from '../corpus/domain.js';
import { foldEnglish } from '../text/english.js';
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

const foldedWords = (text: string): string[] =>
  [...normalize(text).matchAll(LATIN_RUN)].map((m) => foldEnglish(m[0]));

/**
 * Counts distinct items of a list in a text, longest first and never twice in one place: Japanese
 * (and mixed) items anywhere in the text without white space, all-Latin items as whole words.
 */
function listMatcher(items: readonly string[]): Matcher {
  const latin = items
    .filter((item) => /^[\p{Script=Latin}\p{N}\s'’-]+$/u.test(item))
    .map(foldedWords)
    .filter((w) => w.length > 0)
    .sort((a, b) => b.length - a.length);
  const japanese = items
    .filter((item) => !/^[\p{Script=Latin}\p{N}\s'’-]+$/u.test(item))
    .map((item) => normalize(item).replace(/\s+/gu, ''))
    .sort((a, b) => b.length - a.length);
  return (squashed, words) => {
    let count = 0;
    let rest = squashed;
    for (const item of japanese) {
      if (!rest.includes(item)) continue;
      count++;
      rest = rest.split(item).join('\u0000');
    }
    const used = words.map(() => false);
    for (const item of latin) {
      for (let i = 0; i + item.length <= words.length; i++) {
        if (item.every((w, k) => words[i + k] === w && !used[i + k])) {
          count++;
          for (let k = 0; k < item.length; k++) used[i + k] = true;
          break;
        }
      }
    }
    return count;
  };
}

/** Builds the subject detector once per corpus. */
export function subjectDetector(vocabulary: DomainVocabulary): SubjectDetector {
  const names = listMatcher([...vocabulary.names.ja, ...vocabulary.names.en]);
  const cues = listMatcher([...vocabulary.cues.ja, ...vocabulary.cues.en]);
  const count = (text: string): SubjectSignals => {
    const squashed = normalize(text).replace(/\s+/gu, '');
    const words = foldedWords(text);
    return { names: names(squashed, words), cues: cues(squashed, words) };
  };
  return Object.assign(count, { isName: (label: string) => count(label).names > 0 });
}
