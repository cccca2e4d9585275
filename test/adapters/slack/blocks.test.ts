import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../../adapters/slack/blocks.js';
import { escapeMrkdwn, SECTION_TEXT_LIMIT } from '../../../adapters/slack/mrkdwn.js';
import type { Answer, Quote } from '../../../src/answer.js';
import { retriever } from './harness.js';

type Block = { type: string; text?: { type: string; text: string }; elements?: { text?: string }[] };

const sections = (blocks: readonly unknown[]) =>
  (blocks as Block[]).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');

/** What a member sees of quote mrkdwn: bold markers and escapes removed. */
const visible = (mrkdwn: string) =>
  mrkdwn
    .replaceAll('\u200B*', '')
    .replaceAll('*\u200B', '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

function answerFor(query: string): Extract<Answer, { kind: 'answer' }> {
  const answer = retriever().ask(query, { limit: 1 });
  if (answer.kind !== 'answer') throw new Error(`expected an answer for ${query}`);
  return answer;
}

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
    expect(renderBlocks(answerFor('上清液'), { shareable: true })).toMatchSnapshot();
  });

  it('quotes every passage verbatim once the bold markers are removed', () => {
    for (const quote of retriever().allQuotes()) {
      const highlights = [{ start: 0, end: Math.min(4, quote.passage.text.length) }];
      const message = renderBlocks(withQuote({ ...quote, highlights }));
      expect(visible(sections(message.blocks).join(''))).toBe(quote.passage.text);
    }
  });

  it('wraps matched terms in bold with zero-width spaces so Slack renders bold inside Japanese text', () => {
    const [text] = sections(renderBlocks(answerFor('上清液')).blocks);
    expect(text).toContain('\u200B*細胞培養上清液*\u200B');
  });

  it('keeps the longest passage within 3,000 characters a section and 50 blocks', () => {
    const longest = [...retriever().allQuotes()].sort(
      (a, b) => b.passage.text.length - a.passage.text.length,
    )[0] as Quote;
    const message = renderBlocks(withQuote(longest), { shareable: true });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const text of sections(message.blocks)) expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
  });

  it('splits a passage too long for one section across sections without cutting a character', () => {
    const [base] = retriever().allQuotes() as Quote[];
    if (!base) throw new Error('no quotes');
    const text = '細胞外小胞&<EV>は😀。'.repeat(700);
    const highlights = Array.from({ length: 700 }, (_, i) => ({ start: i * 15, end: i * 15 + 4 }));
    const message = renderBlocks(withQuote({ ...base, passage: { ...base.passage, text }, highlights }));
    const parts = sections(message.blocks);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
      expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(visible(parts.join(''))).toBe(text);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });

  it('escapes a query so <!channel> and <https://evil|公式> stay text', () => {
    const answer: Answer = { ...answerFor('上清液'), query: '<!channel> <https://evil|公式> 上清液' };
    // Button values are data Slack returns to us, never rendered; everything else is shown.
    const json = JSON.stringify(renderBlocks(answer), (key, v) => (key === 'value' ? undefined : v));
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<https://evil');
    expect(json).toContain('&lt;!channel&gt; &lt;https://evil|公式&gt;');
  });

  it('cites in English for an English query', () => {
    const answer = retriever().ask('culture supernatant', { limit: 1 });
    expect(answer.language).toBe('en');
    expect(JSON.stringify(renderBlocks(answer))).toContain('Views and recommendations');
  });

  it('offers Next result only while more passages remain', () => {
    const first = answerFor('上清液');
    const ids = (a: Answer) => JSON.stringify(renderBlocks(a, { shareable: true }));
    expect(ids(first)).toContain('jsev_next');
    const last = retriever().ask('上清液', { offset: first.total - 1, limit: 1 });
    expect(ids(last)).not.toContain('jsev_next');
    expect(ids(last)).toContain('jsev_share');
  });

  it('says plainly in Japanese that 寿司 is not covered and offers 目次 and 要点', () => {
    const message = renderBlocks(retriever().ask('寿司'));
    expect(message.text).toContain('見解には該当する記述が見つかりませんでした');
    expect(message.text).toContain('/jsev 目次');
    expect(message.text).toContain('/jsev 要点');
  });

  it('says so in English for an English query the statement does not cover', () => {
    const message = renderBlocks(retriever().ask('sushi recipes'));
    expect(message.text).toContain('The statement does not address');
  });

  it('keeps every intent within Slack limits', () => {
    for (const query of ['', 'help', '要点', '目次', '全文', 'key points', 'topics']) {
      const message = renderBlocks(retriever().ask(query), { shareable: true });
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      for (const text of sections(message.blocks))
        expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
      expect(message.text.length).toBeGreaterThan(0);
    }
  });

  it('lists the two key points verbatim for 要点', () => {
    const answer = retriever().ask('要点');
    if (answer.kind !== 'key-points') throw new Error('expected key points');
    const shown = visible(sections(renderBlocks(answer).blocks).join(''));
    for (const quote of answer.quotes) expect(shown).toContain(quote.passage.text);
  });

  it('escapes user text in the plain fallback too', () => {
    expect(escapeMrkdwn('a & <b> c')).toBe('a &amp; &lt;b&gt; c');
    const answer: Answer = { kind: 'no-match', query: '<!here>', language: 'ja', topics: [] };
    expect(renderBlocks(answer).text).not.toContain('<!here>');
  });
});
