import type { types } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BLOCKS, quoteBlocks, renderBlocks, type SlackMessage } from '../../adapters/slack/blocks.js';
import { renderCopyMessage } from '../../adapters/slack/copy-text.js';
import { escapeMrkdwn, unescapeMrkdwn } from '../../adapters/slack/mrkdwn.js';
import { quoteRichText, RICH_TEXT_LIMIT } from '../../adapters/slack/rich-text.js';
import type { Answer } from '../../src/answer.js';
import type { TextStyle } from '../../src/corpus/types.js';
import { quotedText, quoteElements, quoteTextsByBlock } from '../adapters/slack/rich-text-reader.js';
import { anyQuery, ODD_CHARACTERS, RUNS, retriever } from './arbitraries.js';

/** Block Kit limits, from https://api.slack.com/reference/block-kit/blocks and …/block-elements. */
const LIMITS = {
  blocks: MAX_BLOCKS,
  sectionText: 3000,
  contextElements: 10,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  actionId: 255,
  actionElements: 25,
  buttonValue: 2000,
  /** Our own bound on a rich_text block's text (Slack documents none; a section's is 3,000). */
  richText: RICH_TEXT_LIMIT,
  contextActionsElements: 5,
  /** chat.postMessage truncates `text` beyond 40,000 characters. */
  messageText: 40_000,
} as const;

const MEMBER = 'U0MEMBER';
const corpusUrls = new Set(retriever().corpusInfo.documents.map((d) => d.url));

/** Where and how an answer is shown: ephemeral with Share, shared by a member (valid or forged id), or plain. */
const renderOptions = fc.constantFrom(
  {},
  { shareable: true },
  { sharedBy: MEMBER },
  { sharedBy: '<!channel>' },
  { sharedBy: 'U1|<!here>' },
);

/** Every mrkdwn string of a message (sections, context elements) and its `text`, which Slack parses too. */
function mrkdwnTexts(message: SlackMessage): string[] {
  const out = [message.text];
  for (const block of message.blocks) {
    if (block.type === 'section' && block.text?.type === 'mrkdwn') out.push(block.text.text);
    if (block.type === 'context') {
      for (const e of block.elements) if (e.type === 'mrkdwn') out.push(e.text);
    }
  }
  return out;
}

/**
 * The markup a message may carry: a mention of the member who shared it (a well-formed id only)
 * and links to the statement itself. Anything else starting with `<` would be a mention, a channel
 * ping or a link made from someone's text.
 */
function strayMarkup(text: string, sharedBy: string | undefined): string[] {
  const stripped = text.replace(/<([^<>|]*)(\|[^<>]*)?>/g, (whole, target: string) => {
    if (sharedBy && /^[UW][A-Z0-9]{2,}$/.test(sharedBy) && target === `@${sharedBy}`) return '';
    if (corpusUrls.has(target)) return '';
    return whole;
  });
  return stripped.match(/<[\s\S]{0,20}/g) ?? [];
}

function checkLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(message.text.length).toBeLessThanOrEqual(LIMITS.messageText);
  for (const block of message.blocks as types.KnownBlock[]) {
    switch (block.type) {
      case 'section':
        expect(block.text?.text.length ?? 0).toBeGreaterThan(0);
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
        break;
      case 'context':
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
        for (const e of block.elements) {
          if (e.type === 'mrkdwn' || e.type === 'plain_text') {
            expect(e.text.length).toBeGreaterThan(0);
            expect(e.text.length).toBeLessThanOrEqual(LIMITS.contextText);
          }
        }
        break;
      case 'header':
        expect(block.text.type).toBe('plain_text');
        expect(block.text.text.length).toBeGreaterThan(0);
        expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
        break;
      case 'actions':
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(LIMITS.actionElements);
        for (const e of block.elements) {
          expect(e.type).toBe('button');
          if (e.type !== 'button') continue;
          expect(e.text.type).toBe('plain_text');
          expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
          expect((e.action_id ?? '').length).toBeLessThanOrEqual(LIMITS.actionId);
          expect((e.value ?? '').length).toBeLessThanOrEqual(LIMITS.buttonValue);
        }
        break;
      case 'rich_text':
        for (const text of quoteTextsByBlock([block])) {
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(LIMITS.richText);
        }
        break;
      case 'context_actions':
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(LIMITS.contextActionsElements);
        for (const e of block.elements) {
          expect(e.type).toBe('feedback_buttons');
          if (e.type !== 'feedback_buttons') continue;
          for (const b of [e.positive_button, e.negative_button]) {
            expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
            expect(b.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
          }
        }
        break;
      case 'divider':
        break;
      default:
        throw new Error(`unexpected block type ${block.type}`);
    }
  }
}

/** An answer from the engine for any query, as each Slack surface asks for it. */
const answers: fc.Arbitrary<Answer> = fc
  .tuple(anyQuery, fc.integer({ min: 0, max: 12 }), fc.constantFrom(1, 3))
  .map(([query, offset, limit]) => retriever().ask(query, { offset, limit }));

describe('Slack rendering of any answer to any query', () => {
  it('never turns the query into a mention, a channel ping or a link', () => {
    fc.assert(
      fc.property(answers, renderOptions, (answer, options) => {
        const message = renderBlocks(answer, options);
        const sharedBy = 'sharedBy' in options ? options.sharedBy : undefined;
        for (const text of mrkdwnTexts(message)) expect(strayMarkup(text, sharedBy)).toEqual([]);
        const copy = renderCopyMessage(answer);
        if (copy) for (const text of mrkdwnTexts(copy)) expect(strayMarkup(text, undefined)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('shows the query escaped (&lt; &gt; &amp;) wherever it echoes it', () => {
    fc.assert(
      fc.property(answers, (answer) => {
        if ((answer.kind !== 'answer' && answer.kind !== 'no-match') || answer.query === '') return;
        const texts = mrkdwnTexts(renderBlocks(answer, { shareable: true }));
        expect(texts.some((t) => t.includes(escapeMrkdwn(answer.query)))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('stays within Block Kit limits: 50 blocks, 3,000-character sections, 10 context elements, 150-character headers', () => {
    fc.assert(
      fc.property(answers, renderOptions, (answer, options) => {
        checkLimits(renderBlocks(answer, options));
        const copy = renderCopyMessage(answer);
        if (copy) checkLimits(copy);
      }),
      { numRuns: RUNS },
    );
  });

  it('quotes every passage verbatim: its rich_text quote elements joined are the passage', () => {
    fc.assert(
      fc.property(answers, (answer) => {
        if (answer.kind !== 'answer' && answer.kind !== 'key-points') return;
        for (const quote of answer.quotes) {
          expect(quotedText(quoteBlocks(quote, answer.language))).toBe(quote.passage.text);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('puts no zero-width space anywhere in a quote, and gives every quote 👍/👎', () => {
    fc.assert(
      fc.property(answers, renderOptions, (answer, options) => {
        if (answer.kind !== 'answer' && answer.kind !== 'key-points') return;
        const { blocks } = renderBlocks(answer, options);
        const quoted = quotedText(blocks);
        expect(quoted).not.toContain('\u200B');
        const shown = answer.quotes.filter((q) => quoted.includes(q.passage.text));
        expect(shown).toHaveLength(answer.quotes.length);
        expect(blocks.filter((b) => b.type === 'context_actions')).toHaveLength(shown.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('copies quotes as text exactly: the code blocks, unescaped, are the passages and citations', () => {
    fc.assert(
      fc.property(answers, (answer) => {
        const copy = renderCopyMessage(answer);
        if (!copy || (answer.kind !== 'answer' && answer.kind !== 'key-points')) return;
        const joined = copy.blocks
          .map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''))
          .map((t) => unescapeMrkdwn(t.slice('```\n'.length, -'\n```'.length)))
          .join('');
        for (const quote of answer.quotes) {
          expect(joined).toContain(quote.passage.text);
          expect(joined).toContain(quote.citation.text[answer.language]);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** Sorted, non-overlapping spans of a text of `length` code units, from cut points. */
const spansOf = (length: number, cuts: readonly number[]) => {
  const points = [...new Set(cuts.map((c) => c % (length + 1)))].sort((a, b) => a - b);
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end > start) spans.push({ start, end });
  }
  return spans;
};

describe('rich_text quotes of any text, highlights and styles', () => {
  const text = fc
    .array(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.constantFrom(...ODD_CHARACTERS, '。', '\n'),
      ),
      {
        maxLength: 40,
      },
    )
    .map((parts) => parts.join(''));
  const cuts = fc.array(fc.nat(), { maxLength: 12 });

  it('give the text back exactly, bold exactly where highlighted, each block within its limit, no character cut', () => {
    fc.assert(
      fc.property(text, cuts, cuts, fc.integer({ min: 2, max: 60 }), (t, h, st, limit) => {
        const highlights = spansOf(t.length, h);
        const styles: TextStyle[] = spansOf(t.length, st).map((span, i) =>
          i % 2 === 0
            ? { ...span, style: 'italic' }
            : { ...span, style: 'link', url: 'https://example.org/' },
        );
        const blocks = quoteRichText(t, highlights, styles, limit);
        expect(quotedText(blocks)).toBe(t);
        const parts = quoteTextsByBlock(blocks);
        let edge = 0;
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0);
          expect(part.length).toBeLessThanOrEqual(limit);
          edge += part.length;
          // A block never ends between the halves of a surrogate pair.
          expect(/^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(t.slice(edge - 1, edge + 1))).toBe(false);
        }
        let at = 0;
        for (const block of blocks) {
          for (const e of quoteElements([block])) {
            const piece = e.text ?? '';
            const inHighlight = highlights.some((x) => x.start <= at && at < x.end);
            expect(e.style?.bold === true).toBe(inHighlight);
            at += piece.length;
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
