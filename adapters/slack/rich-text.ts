// Quotes as Block Kit rich_text: the published text itself in text elements, styled by structure
// (bold, italic, link) instead of mrkdwn markup, so what a member copies is the text, char for char.
// https://docs.slack.dev/reference/block-kit/blocks/rich-text-block
import type { types } from '@slack/bolt';
import type { Highlight } from '../../src/answer.js';
import type { TextStyle } from '../../src/corpus/types.js';
import { type StyledRun, styledRuns } from '../../src/runs.js';
import { splitRanges } from './mrkdwn.js';

type RichTextElement = types.RichTextElement;

/**
 * Characters of text per rich_text block. Slack documents no limit for rich_text text; we hold each
 * block to the 3,000 characters of a section's text, which Slack documents and accepts.
 */
export const RICH_TEXT_LIMIT = 3000;

function element(run: StyledRun): RichTextElement {
  const style = {
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italic: true } : {}),
  };
  const styled = Object.keys(style).length > 0 ? { style } : {};
  return run.url !== undefined
    ? { type: 'link', url: run.url, text: run.text, ...styled }
    : { type: 'text', text: run.text, ...styled };
}

/**
 * Text elements for `text.slice(start, end)`: one element per styled run (highlights bold, italic
 * spans italic, link spans `link` elements pointing at their url), so that the elements' texts
 * joined are exactly that slice.
 */
function styledElements(
  text: string,
  highlights: readonly Highlight[],
  styles: readonly TextStyle[],
  start = 0,
  end = text.length,
): RichTextElement[] {
  return styledRuns(text, highlights, styles, start, end).map(element);
}

/**
 * A quote as rich_text blocks: each a `rich_text_quote` of at most {@link RICH_TEXT_LIMIT}
 * characters, split after a sentence where possible and never inside a character. All the
 * blocks' text elements joined give the passage back exactly.
 */
export function quoteRichText(
  text: string,
  highlights: readonly Highlight[],
  styles: readonly TextStyle[],
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
  pieces: readonly { text: string; styles: readonly TextStyle[] }[],
  separator: string,
): types.RichTextBlock {
  const elements: RichTextElement[] = [{ type: 'text', text: label }];
  pieces.forEach((piece, i) => {
    if (i > 0) elements.push({ type: 'text', text: separator });
    elements.push(...styledElements(piece.text, [], piece.styles));
  });
  return { type: 'rich_text', elements: [{ type: 'rich_text_section', elements }] };
}
