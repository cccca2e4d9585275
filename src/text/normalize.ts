/** A normalised string and, for each of its UTF-16 units, the range of the original it came from. */
export interface NormalizedText {
  readonly text: string;
  /** `starts[i]`..`ends[i]` is the original range that produced `text[i]`. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/**
 * Search normalisation: NFKC (ｴｸｿｿｰﾑ → エクソソーム, ＧＭＰ → GMP) then lower case.
 * Used for indexing, where only the result matters.
 */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// A base character and what NFKC may fold into it: combining marks and half-width (semi-)voiced marks.
const CLUSTER = /[^\p{M}\uFF9E\uFF9F][\p{M}\uFF9E\uFF9F]*|[\p{M}\uFF9E\uFF9F]+/gsu;

/**
 * The same normalisation as {@link normalize}, keeping a map back to the original offsets, because
 * NFKC changes lengths (ｶﾞ → ガ, ㍻ → 平成) and highlights must point into the verbatim text.
 */
export function normalizeWithOffsets(text: string): NormalizedText {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(CLUSTER)) {
    const start = match.index;
    const end = start + match[0].length;
    const folded = normalize(match[0]);
    out += folded;
    for (let i = 0; i < folded.length; i++) {
      starts.push(start);
      ends.push(end);
    }
  }
  return { text: out, starts, ends };
}
