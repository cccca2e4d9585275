import { describe, expect, it } from 'vitest';
import { decodeFeedbackValue } from '../../../adapters/slack/actions.js';
import { renderBlocks } from '../../../adapters/slack/blocks.js';
import { escapeMrkdwn, SECTION_TEXT_LIMIT } from '../../../adapters/slack/mrkdwn.js';
import { RICH_TEXT_LIMIT } from '../../../adapters/slack/rich-text.js';
import type { Answer, Quote } from '../../../src/answer.js';
import {
  EVERY_KIND,
  FULL_TEXT_VERSIONS,
  INPUT_CUT,
  KEY_POINTS,
  NO_MATCH,
  NO_MATCH_EN,
  SEARCH,
  SEARCH_EN,
  SEARCH_LAST,
  SEARCH_SUPERSEDED,
  SEARCH_TWO_UNMATCHED,
  TOPICS_VERSIONS,
} from '../../fixtures/answers.js';
import { retriever } from './harness.js';
import { boldTexts, quotedText, quoteElements, quoteTextsByBlock } from './rich-text-reader.js';

type Block = { type: string; text?: { type: string; text: string }; elements?: { text?: string }[] };

const sections = (blocks: readonly unknown[]) =>
  (blocks as Block[]).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');

function withQuote(quote: Quote): Answer {
  return {
    kind: 'answer',
    query: 'test',
    language: 'ja',
    quotes: [quote],
    offset: 0,
    total: 1,
    unmatched: [],
  };
}

describe('renderBlocks', () => {
  it('renders the Block Kit of the 上清液 answer exactly as before', () => {
    expect(renderBlocks(SEARCH, { shareable: true })).toMatchSnapshot();
  });

  it('quotes every passage verbatim: the rich_text quote elements joined are the passage', () => {
    for (const quote of retriever().allQuotes()) {
      const highlights = [{ start: 0, end: Math.min(4, quote.passage.text.length) }];
      const message = renderBlocks(withQuote({ ...quote, highlights }));
      expect(quotedText(message.blocks)).toBe(quote.passage.text);
    }
  });

  it('shows matched terms as bold text elements, with no markup or zero-width space in the quote', () => {
    const { blocks } = renderBlocks(SEARCH);
    const bold = boldTexts(blocks);
    expect(bold.length).toBeGreaterThan(0);
    for (const text of bold) expect(text).toBe('細胞培養上清液');
    // The renderer adds nothing: the quote is the passage (whose own markup is the corpus's concern).
    expect(quotedText(blocks)).toBe(SEARCH.quotes[0]?.passage.text);
    expect(JSON.stringify(blocks)).not.toContain('\u200B');
    expect(sections(blocks)).toEqual([]);
  });

  it('shows a journal name in italics and an address as a link, the text unchanged', () => {
    const [base] = retriever().allQuotes() as Quote[];
    if (!base) throw new Error('no quotes');
    const text = 'Int J Mol Sci. 2023 を参照（https://example.org/a.pdf）。';
    const url = 'https://example.org/a.pdf';
    const passage = {
      ...base.passage,
      text,
      styles: [
        { start: 0, end: 14, style: 'italic' as const },
        { start: text.indexOf(url), end: text.indexOf(url) + url.length, style: 'link' as const, url },
      ],
    };
    const highlights = [{ start: 4, end: 7 }];
    const elements = quoteElements(renderBlocks(withQuote({ ...base, passage, highlights })).blocks);
    expect(elements.map((e) => e.text).join('')).toBe(text);
    expect(elements).toContainEqual({ type: 'text', text: 'Int ', style: { italic: true } });
    expect(elements).toContainEqual({ type: 'text', text: 'J M', style: { bold: true, italic: true } });
    expect(elements).toContainEqual({ type: 'link', url, text: url });
  });

  it('keeps the longest passage within 3,000 characters a rich_text block and 50 blocks', () => {
    const longest = [...retriever().allQuotes()].sort(
      (a, b) => b.passage.text.length - a.passage.text.length,
    )[0] as Quote;
    const message = renderBlocks(withQuote(longest), { shareable: true });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const text of quoteTextsByBlock(message.blocks))
      expect(text.length).toBeLessThanOrEqual(RICH_TEXT_LIMIT);
  });

  it('splits a passage too long for one block across rich_text blocks without cutting a character', () => {
    const [base] = retriever().allQuotes() as Quote[];
    if (!base) throw new Error('no quotes');
    const text = '細胞外小胞&<EV>は😀。'.repeat(700);
    const unit = text.length / 700;
    const highlights = Array.from({ length: 700 }, (_, i) => ({ start: i * unit, end: i * unit + 4 }));
    const message = renderBlocks(withQuote({ ...base, passage: { ...base.passage, text }, highlights }));
    const parts = quoteTextsByBlock(message.blocks);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(RICH_TEXT_LIMIT);
      expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(parts.join('')).toBe(text);
    expect(boldTexts(message.blocks).join('')).toBe('細胞外小'.repeat(700));
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });

  it('puts 👍/👎 feedback buttons under each quote, carrying the passage, the direction and the question', () => {
    const blocks = renderBlocks(SEARCH_TWO_UNMATCHED).blocks as unknown as {
      type: string;
      elements: {
        type: string;
        action_id: string;
        positive_button: { value: string };
        negative_button: { value: string };
      }[];
    }[];
    const feedback = blocks.filter((b) => b.type === 'context_actions');
    expect(feedback).toHaveLength(2);
    const [first] = feedback.map((b) => b.elements[0]);
    expect(first?.type).toBe('feedback_buttons');
    expect(first?.action_id).toBe('jsev_feedback');
    expect(decodeFeedbackValue(first?.positive_button.value)).toEqual({
      passage: SEARCH_TWO_UNMATCHED.quotes[0]?.passage.id,
      value: 'up',
      query: SEARCH_TWO_UNMATCHED.query,
    });
    expect(decodeFeedbackValue(first?.negative_button.value)?.value).toBe('down');
  });

  it('marks the mrkdwn that echoes the query verbatim, so Slack links or mentions nothing in it', () => {
    const [head] = renderBlocks(SEARCH).blocks as { elements?: { text: string; verbatim?: boolean }[] }[];
    expect(head?.elements?.[0]).toMatchObject({ text: expect.stringContaining('上清液'), verbatim: true });
    const [message] = renderBlocks(NO_MATCH).blocks as { text?: { verbatim?: boolean } }[];
    expect(message?.text?.verbatim).toBe(true);
  });

  it('escapes a query so <!channel> and <https://evil|公式> stay text', () => {
    const answer: Answer = { ...SEARCH, query: '<!channel> <https://evil|公式> 上清液' };
    // Button values are data Slack returns to us, never rendered; everything else is shown.
    const json = JSON.stringify(renderBlocks(answer), (key, v) => (key === 'value' ? undefined : v));
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<https://evil');
    expect(json).toContain('&lt;!channel&gt; &lt;https://evil|公式&gt;');
  });

  it('cites in English for an English query', () => {
    expect(JSON.stringify(renderBlocks(SEARCH_EN))).toContain('Views and recommendations');
  });

  it('offers Next result only while more passages remain', () => {
    const ids = (a: Answer) => JSON.stringify(renderBlocks(a, { shareable: true }));
    expect(ids(SEARCH)).toContain('jsev_next');
    expect(ids(SEARCH_LAST)).not.toContain('jsev_next');
    expect(ids(SEARCH_LAST)).toContain('jsev_share');
  });

  it('says plainly in Japanese that 寿司 is not covered and offers 目次 and 要点', () => {
    const message = renderBlocks(NO_MATCH);
    expect(message.text).toContain('見解には該当する記述が見つかりませんでした');
    expect(message.text).toContain('/jsev 目次');
    expect(message.text).toContain('/jsev 要点');
  });

  it('says so in English for an English query the statement does not cover', () => {
    const message = renderBlocks(NO_MATCH_EN);
    expect(message.text).toContain('The statement does not address');
  });

  it('keeps every kind of answer within Slack limits', () => {
    for (const answer of Object.values(EVERY_KIND)) {
      const message = renderBlocks(answer, { shareable: true });
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      for (const text of sections(message.blocks))
        expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
      expect(message.text.length).toBeGreaterThan(0);
    }
  });

  it('lists the two key points verbatim for 要点', () => {
    const shown = quotedText(renderBlocks(KEY_POINTS).blocks);
    for (const quote of KEY_POINTS.quotes) expect(shown).toContain(quote.passage.text);
  });

  it('escapes user text in the plain fallback too', () => {
    expect(escapeMrkdwn('a & <b> c')).toBe('a &amp; &lt;b&gt; c');
    const answer: Answer = { kind: 'no-match', query: '<!here>', language: 'ja', topics: [] };
    expect(renderBlocks(answer).text).not.toContain('<!here>');
  });

  it('notes the terms the statement does not contain', () => {
    const message = renderBlocks(SEARCH_TWO_UNMATCHED);
    expect(JSON.stringify(message.blocks)).toContain('※ 見解に含まれない語: ワクチン');
  });

  it('says how many characters were read when the input was cut, before the buttons', () => {
    const message = renderBlocks(INPUT_CUT, { shareable: true });
    const note = '※ 入力が長いため、最初の500文字だけを読みました。';
    expect(message.text).toContain(note);
    const [beforeLast, last] = message.blocks.slice(-2) as Block[];
    expect(beforeLast?.elements?.[0]?.text).toBe(note);
    expect(last?.type).toBe('actions');
    expect(JSON.stringify(renderBlocks(SEARCH))).not.toContain('入力が長いため');
  });

  it('offers Copy all beside Copy as text under every answer that quotes, key points too', () => {
    for (const answer of [SEARCH, SEARCH_LAST, KEY_POINTS]) {
      const actions = renderBlocks(answer, { shareable: true }).blocks.at(-1) as { elements?: unknown[] };
      const ids = (actions.elements as { action_id: string }[]).map((b) => b.action_id);
      expect(ids.slice(ids.indexOf('jsev_copy'))).toEqual(['jsev_copy', 'jsev_copy_all']);
    }
  });

  it('shows a superseded quote with a visible line saying by what and when it was replaced', () => {
    expect(renderBlocks(SEARCH_SUPERSEDED, { shareable: true })).toMatchSnapshot();
  });

  it('says a quote is superseded in the plain fallback too', () => {
    expect(renderBlocks(SEARCH_SUPERSEDED).text).toContain('※ 旧版: 2023年12月25日付の「');
  });

  it('names each document of the table of contents with its date and status', () => {
    const shown = JSON.stringify(renderBlocks(TOPICS_VERSIONS).blocks);
    expect(shown).toContain('（2023-12-01）— ※ 旧版: 2023年12月25日付の「');
    expect(shown).toContain('（2023-12-25）— 現行');
  });

  it('names each document of the full text with its date and status', () => {
    expect(renderBlocks(FULL_TEXT_VERSIONS)).toMatchSnapshot();
  });
});
