import type { TextStyle } from './types.js';

/** Text as published with its italics and links kept beside it, as spans. */
export interface StyledText {
  readonly text: string;
  readonly styles: readonly TextStyle[];
}

// The inline Markdown a corpus body may use: a backslash escape, an autolink `<https://…>`, a link
// `[text](url)`, and italics `*text*` or `_text_` (an underscore only outside a word, so snake_case
// stays text). Anything else is the published text itself.
const INLINE =
  /\\(?<escaped>[\\`*_[\]()<>])|<(?<autolink>(?:https?|mailto):[^\s<>]+)>|\[(?<label>[^\]\n]+)\]\((?<href>[^)\s]+)\)|\*(?<star>[^\s*](?:[^*\n]*[^\s*])?)\*|(?<![\p{L}\p{N}])_(?<under>[^\s_](?:[^_\n]*[^\s_])?)_(?![\p{L}\p{N}])/gu;

/**
 * Turns a passage written with inline Markdown into its plain published text and the spans that
 * style it: italics (journal names) and links, at UTF-16 offsets into the plain text.
 */
export function parseInline(markdown: string): StyledText {
  let text = '';
  const styles: TextStyle[] = [];
  let last = 0;
  for (const match of markdown.matchAll(INLINE)) {
    text += markdown.slice(last, match.index);
    last = match.index + match[0].length;
    const { escaped, autolink, label, href, star, under } = match.groups ?? {};
    const start = text.length;
    if (escaped !== undefined) {
      text += escaped;
    } else if (autolink !== undefined) {
      text += autolink;
      styles.push({ start, end: text.length, style: 'link', url: autolink });
    } else if (label !== undefined && href !== undefined) {
      text += label;
      styles.push({ start, end: text.length, style: 'link', url: href });
    } else {
      text += star ?? under ?? '';
      styles.push({ start, end: text.length, style: 'italic' });
    }
  }
  return { text: text + markdown.slice(last), styles };
}

/** The styles that fall within `text.slice(start, end)`, at offsets relative to `start`. */
export function stylesWithin(styles: readonly TextStyle[], start: number, end: number): TextStyle[] {
  return styles
    .filter((s) => s.start < end && s.end > start)
    .map((s) => ({ ...s, start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start }));
}
