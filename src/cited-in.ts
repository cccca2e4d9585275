// A member preparing a journal club asks where the statement cites a work ("Lohan 2017 is cited in
// the statement — in what context?", Fernández-Francosの論文はどの文脈で引用されていますか): the
// answer is the paragraph that cites it, whose reference list names it. What the work itself found
// is another question (out of scope), and a question naming an author without asking of the
// citation is searched as any other.

import type { Passage } from './corpus/types.js';

// Words that ask about the statement citing something, on normalised text (NFKC, lower case).
const ASKS_OF_THE_CITATION =
  /引用|文脈|言及|出典|参照|挙げ|根拠として|\bcit(?:e|es|ed|ing|ation)\b|\bcontext\b|\bmention(?:s|ed)?\b|\brefer(?:s|red|ences?)?\b/u;

// A reference as the statement writes it: surname(s), then initials (Lötvall J, et al. / Gouveia de
// Andrade AV, et al. / Fernández-Francos S et al.).
const AUTHOR = /^(.+?) \p{Lu}{1,2}(?:,| et al)/u;

/** A text folded for matching names: accents dropped (Lötvall → lotvall), lower case. */
const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a reference's first author that name it alone (fernandez, francos; not de). */
function authorWords(reference: string): string[] {
  const author = AUTHOR.exec(reference)?.[1];
  if (author === undefined) return [];
  return fold(author)
    .split(/[\s-]+/u)
    .filter((word) => word.length >= 4);
}

/** Finds, for a question, the passages whose own references it names when it asks of the citation. */
export type CitedIn = (normalized: string) => Passage[];

/**
 * Makes the lookup from the passages' reference lists, once. A reference without an author (a web
 * address, 報告書9頁) names no one and is never matched.
 */
export function citedInLookup(passages: readonly Passage[]): CitedIn {
  const byWord = new Map<string, Passage[]>();
  for (const passage of passages) {
    for (const word of new Set(passage.references.flatMap(authorWords))) {
      byWord.set(word, [...(byWord.get(word) ?? []), passage]);
    }
  }
  return (normalized) => {
    if (!ASKS_OF_THE_CITATION.test(normalized)) return [];
    const named = new Set<Passage>();
    for (const word of fold(normalized).match(/\p{Script=Latin}+/gu) ?? []) {
      for (const passage of byWord.get(word) ?? []) named.add(passage);
    }
    return [...named];
  };
}
