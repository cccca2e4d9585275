import { describe, expect, it } from 'vitest';
import { Lru } from '../../../adapters/shared/lru.js';
import {
  ACTION_VALUE_LIMIT,
  decodeActionValue,
  decodeFeedbackValue,
  encodeActionValue,
  encodeFeedbackValue,
} from '../../../adapters/slack/actions.js';
import { renderCopyAllMessage, renderCopyMessage } from '../../../adapters/slack/copy-text.js';
import { queryFromMessage } from '../../../adapters/slack/listeners/events.js';
import { SECTION_TEXT_LIMIT, unescapeMrkdwn } from '../../../adapters/slack/mrkdwn.js';
import { copyAllText, copyReadyText } from '../../../src/citation.js';
import { askAll } from '../../../src/retriever.js';
import { NO_MATCH, SEARCH_TWO_UNMATCHED } from '../../fixtures/answers.js';
import { retriever } from './harness.js';

describe('button values', () => {
  it('carry the query and offset there and back', () => {
    expect(decodeActionValue(encodeActionValue({ query: '上清液 "EV"', offset: 2 }))).toEqual({
      query: '上清液 "EV"',
      offset: 2,
    });
  });

  it('stay under Slack’s 2,000-character limit for the longest query the engine accepts', () => {
    expect(encodeActionValue({ query: '"\\'.repeat(250), offset: 99 }).length).toBeLessThanOrEqual(
      ACTION_VALUE_LIMIT,
    );
  });

  it('shorten a query that JSON escaping inflates past 2,000 characters to the longest prefix that fits', () => {
    const query = `上清液 ${'\u0001'.repeat(496)}`;
    const value = encodeActionValue({ query, offset: 3 });
    expect(value.length).toBeLessThanOrEqual(ACTION_VALUE_LIMIT);
    expect(value.length).toBeGreaterThan(ACTION_VALUE_LIMIT - 6);
    const decoded = decodeActionValue(value);
    expect(decoded?.offset).toBe(3);
    expect(query.startsWith(decoded?.query ?? '×')).toBe(true);
  });

  it('never shorten a query between the halves of a surrogate pair', () => {
    for (let pad = 0; pad < 12; pad += 1) {
      const query = `${'a'.repeat(pad % 2)}${'\u0001'.repeat(320 + pad)}${'𠮷'.repeat(90)}`;
      const decoded = decodeActionValue(encodeActionValue({ query, offset: 0 }))?.query ?? '';
      expect(encodeActionValue({ query, offset: 0 }).length).toBeLessThanOrEqual(ACTION_VALUE_LIMIT);
      expect(query.startsWith(decoded)).toBe(true);
      expect(decoded).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });

  it('are refused when malformed', () => {
    for (const raw of [
      '',
      'x',
      '{"q":1,"o":0}',
      '{"q":"a","o":-1}',
      '{"q":"a","o":1.5}',
      undefined,
      'null',
    ]) {
      expect(decodeActionValue(raw)).toBeUndefined();
    }
  });
});

describe('copy as text', () => {
  it('puts the verbatim quote and its citation in a code block', () => {
    const answer = retriever().ask('上清液', { limit: 1 });
    if (answer.kind !== 'answer') throw new Error('expected an answer');
    const message = renderCopyMessage(answer);
    const quote = answer.quotes[0];
    expect(message?.text.startsWith('```\n')).toBe(true);
    expect(message?.text).toContain(quote?.passage.text);
    expect(message?.text).toContain(quote?.citation.text.ja);
    expect(message?.text).not.toContain('\u200B');
  });
});

/** The text of a copy message's code blocks, unescaped and joined: what a member copies. */
const copied = (message: { blocks: readonly unknown[] } | undefined): string =>
  (message?.blocks ?? [])
    .map((b) => (b as { type: string; text?: { text: string } }).text?.text ?? '')
    .filter((t) => t.startsWith('```'))
    .map((t) => unescapeMrkdwn(t.slice('```\n'.length, -'\n```'.length)))
    .join('');

describe('copy as text of two quotes', () => {
  it('puts each quote shown in code blocks of its own', () => {
    const message = renderCopyMessage(SEARCH_TWO_UNMATCHED);
    expect(message?.blocks).toHaveLength(2);
    expect(copied(message)).toBe(SEARCH_TWO_UNMATCHED.quotes.map((q) => copyReadyText([q], 'ja')).join(''));
  });
});

describe('copy all', () => {
  it("shows the core's copy-ready block of every quote, then a Share button, only to the member", () => {
    expect(renderCopyAllMessage(SEARCH_TWO_UNMATCHED, { shareable: true })).toMatchSnapshot();
  });

  it("copies exactly the core's copy-all text, however long, within 3,000-character sections", () => {
    const all = askAll(retriever(), 'EV');
    const message = renderCopyAllMessage(all);
    expect(copyAllText(all)?.length).toBeGreaterThan(SECTION_TEXT_LIMIT);
    expect(copied(message)).toBe(copyAllText(all));
    for (const block of message?.blocks ?? []) {
      expect((block as { text?: { text: string } }).text?.text.length ?? 0).toBeLessThanOrEqual(
        SECTION_TEXT_LIMIT,
      );
    }
  });

  it('names the member who shared it, with no Share button', () => {
    const message = renderCopyAllMessage(SEARCH_TWO_UNMATCHED, { sharedBy: 'U0MEMBER' });
    expect(JSON.stringify(message?.blocks[0])).toContain('<@U0MEMBER> が共有しました');
    expect(JSON.stringify(message)).not.toContain('jsev_share_copy_all');
  });

  it('is nothing for an answer without quotes', () => {
    expect(renderCopyAllMessage(NO_MATCH)).toBeUndefined();
  });
});

describe('message text', () => {
  it('loses the bot mention and Slack’s escaping', () => {
    expect(queryFromMessage('<@U0BOT> 上清液 &amp; EV', 'U0BOT')).toBe('上清液 & EV');
    expect(queryFromMessage('<@U0BOT|jsev> help', 'U0BOT')).toBe('help');
  });
});

describe('LRU', () => {
  it('forgets the least recently used entry beyond its capacity', () => {
    const lru = new Lru<string>(2);
    lru.set('a', 'A');
    lru.set('b', 'B');
    expect(lru.get('a')).toBe('A');
    lru.set('c', 'C');
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
    expect(lru.size).toBe(2);
  });

  it('keeps nothing with capacity 0', () => {
    const lru = new Lru<string>(0);
    lru.set('a', 'A');
    expect(lru.get('a')).toBeUndefined();
  });
});

describe('feedback button values', () => {
  const p2 = 'jsev-2023-12-25/p2';

  it('carry the passage, up or down, and the question there and back', () => {
    const feedback = { passage: p2, value: 'down', query: '上清液 "EV"' } as const;
    expect(decodeFeedbackValue(encodeFeedbackValue(feedback))).toEqual(feedback);
  });

  it('shorten a question that JSON escaping inflates, keeping the passage and direction', () => {
    const query = `上清液 ${'\u0001'.repeat(496)}`;
    const value = encodeFeedbackValue({ passage: p2, value: 'up', query });
    expect(value.length).toBeLessThanOrEqual(ACTION_VALUE_LIMIT);
    const decoded = decodeFeedbackValue(value);
    expect(decoded).toMatchObject({ passage: p2, value: 'up' });
    expect(query.startsWith(decoded?.query ?? '×')).toBe(true);
  });

  it('reject what Slack could not have sent back: no passage, another direction, not JSON', () => {
    expect(decodeFeedbackValue('{"p":"","v":"up","q":""}')).toBeUndefined();
    expect(decodeFeedbackValue(`{"p":"${p2}","v":"sideways","q":""}`)).toBeUndefined();
    expect(decodeFeedbackValue('up')).toBeUndefined();
    expect(decodeFeedbackValue(undefined)).toBeUndefined();
  });
});
