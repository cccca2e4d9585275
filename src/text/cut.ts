// Made on first long input: most input is short, and start-up should not pay for them.
let segmenters: { sentences: Intl.Segmenter; words: Intl.Segmenter } | undefined;

// How far past the limit the segmenters look, to see whether a word or sentence crosses it.
const LOOKAHEAD = 64;

/** The input as read: the text, and how many characters of the input were read when it was cut. */
export interface ReadInput {
  readonly text: string;
  /** Present only when the input was longer than the limit: the length of `text` before trimming. */
  readonly cut?: number;
}

/** The last boundary at or before `max` among the segments of `text`. */
function lastBoundary(segmenter: Intl.Segmenter, text: string, max: number): number {
  let last = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    const end = index + segment.length;
    if (end > max) break;
    last = end;
  }
  return last;
}

/**
 * Cuts long input at a sentence boundary (when one falls in the second half of the limit) or
 * else at a word boundary, never inside a word or a character; a single word longer than the
 * limit is cut at a character boundary.
 */
export function cutInput(input: string, max: number): ReadInput {
  if (input.length <= max) return { text: input.trim() };
  segmenters ??= {
    sentences: new Intl.Segmenter('ja', { granularity: 'sentence' }),
    words: new Intl.Segmenter('ja', { granularity: 'word' }),
  };
  const { sentences, words } = segmenters;
  const window = input.slice(0, max + LOOKAHEAD);
  let end = lastBoundary(sentences, window, max);
  if (end < max / 2) end = lastBoundary(words, window, max);
  if (end === 0) {
    end = max;
    // Never between the two halves of a surrogate pair.
    const code = input.charCodeAt(end);
    if (code >= 0xdc00 && code <= 0xdfff) end -= 1;
  }
  return { text: input.slice(0, end).trim(), cut: end };
}
