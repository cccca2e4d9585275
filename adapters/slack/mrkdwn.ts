/** Slack's limit on the text of one section block (and of most text objects). */
export const SECTION_TEXT_LIMIT = 3000;

/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` only, as Slack asks. This is what keeps user text
 * from becoming markup: `<!channel>` pings nobody and `<https://evil|公式>` is no link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undoes {@link escapeMrkdwn}: Slack sends message text (mentions, DMs) escaped this way. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Code unit offsets where a chunk may end: after 。 or a line break, or else between code points. */
function preferredBreaks(text: string, start: number, end: number): number[] {
  const breaks: number[] = [];
  for (let i = start; i < end; i += 1) {
    const c = text[i];
    if (c === '。' || c === '\n' || (c === '.' && text[i + 1] === ' ')) breaks.push(i + 1);
  }
  return breaks;
}

/** Whether `at` is not between the two halves of a surrogate pair (a lone half is a character too). */
function isCodePointBoundary(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/**
 * Splits text into consecutive ranges that each satisfy `fits(start, end)`, breaking after a
 * sentence where possible and never inside a character. `fits` must hold for shorter ranges
 * whenever it holds for a longer one from the same start. Concatenating the ranges gives the
 * text back exactly.
 */
export function splitRanges(
  text: string,
  fits: (start: number, end: number) => boolean,
): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    if (fits(start, text.length)) {
      ranges.push({ start, end: text.length });
      break;
    }
    // The longest prefix that fits, by binary search on code unit offsets.
    let lo = start + 1;
    let hi = text.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(start, mid)) lo = mid;
      else hi = mid - 1;
    }
    let end = lo;
    while (end > start + 1 && !isCodePointBoundary(text, end)) end -= 1;
    const sentenceEnd = preferredBreaks(text, start, end).pop();
    // Prefer a sentence end unless it would leave the chunk mostly empty.
    if (sentenceEnd !== undefined && sentenceEnd - start > (end - start) / 2) end = sentenceEnd;
    ranges.push({ start, end });
    start = end;
  }
  return ranges;
}

/** Ranges of `text` whose escaped mrkdwn fits in `limit` characters (see {@link splitRanges}). */
export function splitForSections(
  text: string,
  limit: number = SECTION_TEXT_LIMIT,
): { start: number; end: number }[] {
  return splitRanges(text, (start, end) => escapeMrkdwn(text.slice(start, end)).length <= limit);
}
