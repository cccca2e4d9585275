// Sudachi's synonym dictionary (npm sudachi-synonyms-dictionary, Apache-2.0, from WorksApplications'
// SudachiDict synonyms.txt): the groups that touch the corpus's vocabulary, less what review dropped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface SudachiItem {
  /** 0: expand always; 1: only as itself; 2: never expand. */
  readonly expandControl: number;
  readonly midashi: string;
}
interface SudachiGroup {
  readonly id: string;
  readonly items: readonly SudachiItem[];
}

/** A group of words that mean the same, with its Sudachi group id for reviewers. */
export interface SynonymGroup {
  readonly id: string;
  readonly words: readonly string[];
}

/** What review removed: whole groups (id → why) and single words of a group (id → words). */
export interface SynonymReview {
  readonly dropGroups: Readonly<Record<string, string>>;
  readonly dropWords: Readonly<Record<string, readonly string[]>>;
}

/** Reads the package's JSON (14 MB): only the extraction script does this, never startup. */
export function readSudachiGroups(): SudachiGroup[] {
  // The package exports only its entry point; the JSON sits beside it.
  const entry = createRequire(import.meta.url).resolve('sudachi-synonyms-dictionary');
  const file = join(dirname(entry), 'sudachi-synonyms-dictionary.json');
  return JSON.parse(readFileSync(file, 'utf8')) as SudachiGroup[];
}

/**
 * The groups that hold a word of the corpus's vocabulary, each with the words Sudachi lets expand,
 * unique, NFKC-folded, less the reviewed drops; groups left with fewer than two words go. Sudachi's
 * expandControl 2 means "never expand"; 1 means "not a trigger" (an ambiguous word such as テスト or
 * ポイント): such a word stays only when the corpus uses it, as the word a question is led to.
 */
export function groupsTouching(
  groups: readonly SudachiGroup[],
  vocabulary: ReadonlySet<string>,
  review: SynonymReview,
): SynonymGroup[] {
  const kept: SynonymGroup[] = [];
  for (const group of groups) {
    if (review.dropGroups[group.id] !== undefined) continue;
    const dropped = new Set(review.dropWords[group.id] ?? []);
    const words = [
      ...new Set(
        group.items
          .map((item) => ({ word: item.midashi.normalize('NFKC'), control: item.expandControl }))
          .filter(({ word, control }) => control === 0 || (control === 1 && vocabulary.has(word)))
          .map(({ word }) => word),
      ),
    ].filter((word) => !dropped.has(word));
    if (words.length > 1 && words.some((word) => vocabulary.has(word))) kept.push({ id: group.id, words });
  }
  return kept;
}
