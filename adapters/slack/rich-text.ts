// Quotes as Block Kit rich_text: the published text itself in text elements, styled by structure
// (bold, italic, link) instead of mrkdwn markup, so what a member copies is the text, char for char.
// https://docs.slack.dev/reference/block-kit/blocks/rich-text-block
import type { types } from '@slack/bolt';
import type { Highlight } from '../../src/answer.js';
import { splitRanges } from './mrkdwn.js';

type RichTextElement = types.RichTextElement;

/**
 * How the published text styles a span (an italic journal name, a link), in UTF-16 offsets. The
 * same shape as the corpus's `TextStyle`; declared here so that a corpus without styles still renders.
 */
export interface TextSpanStyle {
  readonly start: number;
  readonly end: number;
  readonly style: 'italic' | 'link';
  readonly url?: string;
}

/**
 * Characters of text per rich_text block. Slack documents no limit for rich_text text; we hold each
 * block to the 3,000 characters of a section's text, which Slack documents and accepts.
 */
export const RICH_TEXT_LIMIT = 3000;

/** The passage's italics and links, or none when the corpus gives none. */
export function passageStyles(passage: object): readonly TextSpanStyle[] {
  const { styles } = passage as { styles?: readonly TextSpanStyle[] };
  return styles ?? [];
}

/** The italics and links of each of the passage's references, in order (none when not given). */
export function referenceStyles(passage: object): readonly (readonly TextSpanStyle[] | undefined)[] {
  const { referenceStyles: found } = passage as { referenceStyles?: readonly (readonly TextSpanStyle[])[] };
  return found ?? [];
}

interface Mark {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly url: string | undefined;
}

/** The offsets where any highlight or style starts or ends, within [start, end], in order. */
function boundaries(spans: readonly { start: number; end: number }[], start: number, end: number): number[] {
  const cuts = new Set([start, end]);
  for (const s of spans) {
    if (s.start > start && s.start < end) cuts.add(s.start);
    if (s.end > start && s.end < end) cuts.add(s.end);
  }
  return [...cuts].sort((a, b) => a - b);
}

function markAt(
  text: string,
  at: number,
  highlights: readonly Highlight[],
  styles: readonly TextSpanStyle[],
): Mark {
  const covers = (s: { start: number; end: number }) => s.start <= at && at < s.end;
  const link = styles.find((s) => s.style === 'link' && covers(s));
  return {
    bold: highlights.some(covers),
    italic: styles.some((s) => s.style === 'italic' && covers(s)),
    // A link without a url is an address printed in the text: it points at itself.
    url: link ? (link.url ?? text.slice(link.start, link.end)) : undefined,
  };
}

function element(text: string, mark: Mark): RichTextElement {
  const style = {
    ...(mark.bold ? { bold: true } : {}),
    ...(mark.italic ? { italic: true } : {}),
  };
  const styled = Object.keys(style).length > 0 ? { style } : {};
  return mark.url !== undefined
    ? { type: 'link', url: mark.url, text, ...styled }
    : { type: 'text', text, ...styled };
}

/**
 * Text elements for `text.slice(start, end)`: one element per run of the same styling, so that the
 * elements' texts joined are exactly that slice. Highlights are bold, italic spans italic, link
 * spans `link` elements pointing at their url.
 */
function styledElements(
  text: string,
  highlights: readonly Highlight[],
  styles: readonly TextSpanStyle[],
  start = 0,
  end = text.length,
): RichTextElement[] {
  const cuts = boundaries([...highlights, ...styles], start, end);
  const elements: RichTextElement[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    if (to > from) elements.push(element(text.slice(from, to), markAt(text, from, highlights, styles)));
  }
  return elements;
}

/**
 * A quote as rich_text blocks: each a `rich_text_quote` of at most {@link RICH_TEXT_LIMIT}
 * characters, split after a sentence where possible and never inside a character. All the
 * blocks' text elements joined give the passage back exactly.
 */
export function quoteRichText(
  text: string,
  highlights: readonly Highlight[],
  styles: readonly TextSpanStyle[],
  limit = RICH_TEXT_LIMIT,
): types.RichTextBlock[] {
  return splitRanges(text, (start, end) => end - start <= limit).map(({ start, end }) => ({
    type: 'rich_text',
    elements: [{ type: 'rich_text_quote', elements: styledElements(text, highlights, styles, start, end) }],
  }));
}

/** One line of styled texts (a label, then pieces with their own styles), as a rich_text section. */
export function richTextLine(
  label: string,
  pieces: readonly { text: string; styles: readonly TextSpanStyle[] }[],
  separator: string,
): types.RichTextBlock {
  const elements: RichTextElement[] = [{ type: 'text', text: label }];
  pieces.forEach((piece, i) => {
    if (i > 0) elements.push({ type: 'text', text: separator });
    elements.push(...styledElements(piece.text, [], piece.styles));
  });
  return { type: 'rich_text', elements: [{ type: 'rich_text_section', elements }] };
}
