import type { Highlight } from '../../src/answer.js';

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

const ZWSP = '\u200B';

/**
 * Bold in mrkdwn. Slack only recognises `*x*` at word boundaries, which Japanese text has none of,
 * so zero-width spaces around the asterisks make the boundaries without a visible change.
 */
function bold(escapedText: string): string {
  return `${ZWSP}*${escapedText}*${ZWSP}`;
}

/**
 * Escaped mrkdwn for `text.slice(start, end)` with the highlighted spans in bold. Highlights are
 * clipped to the range, so a passage split across sections keeps its bold on both sides.
 * Leading and trailing white space stays outside the asterisks (Slack ignores `* x*`).
 */
export function renderHighlighted(
  text: string,
  highlights: readonly Highlight[],
  start = 0,
  end = text.length,
): string {
  let out = '';
  let at = start;
  for (const h of highlights) {
    const from = Math.max(h.start, at);
    const to = Math.min(h.end, end);
    if (to <= from) continue;
    const span = text.slice(from, to);
    const core = span.trim();
    if (core === '') continue;
    const lead = span.length - span.trimStart().length;
    const trail = span.length - span.trimEnd().length;
    out += escapeMrkdwn(text.slice(at, from + lead)) + bold(escapeMrkdwn(core));
    at = to - trail;
  }
  return out + escapeMrkdwn(text.slice(at, end));
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

function isCodePointBoundary(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return !(code >= 0xdc00 && code <= 0xdfff); // not the low half of a surrogate pair
}

/**
 * Splits a passage into consecutive ranges whose rendered mrkdwn fits in `limit` characters,
 * breaking after a sentence where possible and never inside a character. Concatenating the ranges
 * gives the passage back exactly.
 */
export function splitForSections(
  text: string,
  highlights: readonly Highlight[],
  limit: number = SECTION_TEXT_LIMIT,
): { start: number; end: number }[] {
  const fits = (start: number, end: number) =>
    renderHighlighted(text, highlights, start, end).length <= limit;
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    if (fits(start, text.length)) {
      ranges.push({ start, end: text.length });
      break;
    }
    // The longest prefix that fits, by binary search on code unit offsets (rendering grows with length).
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
    // Prefer a sentence end unless it would leave the section mostly empty.
    if (sentenceEnd !== undefined && sentenceEnd - start > (end - start) / 2) end = sentenceEnd;
    ranges.push({ start, end });
    start = end;
  }
  return ranges;
}
