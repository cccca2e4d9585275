import { describe, expect, it } from 'vitest';
import { ACTION_VALUE_LIMIT, decodeActionValue, encodeActionValue } from '../../../adapters/slack/actions.js';
import { memoize } from '../../../adapters/slack/answer-cache.js';
import { queryFromMessage } from '../../../adapters/slack/app.js';
import { renderCopyMessage } from '../../../adapters/slack/copy-text.js';
import { EventDedupe } from '../../../adapters/slack/event-dedupe.js';
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

describe('message text', () => {
  it('loses the bot mention and Slack’s escaping', () => {
    expect(queryFromMessage('<@U0BOT> 上清液 &amp; EV', 'U0BOT')).toBe('上清液 & EV');
    expect(queryFromMessage('<@U0BOT|jsev> help', 'U0BOT')).toBe('help');
  });
});

describe('event dedupe', () => {
  it('recognises a repeated event id and forgets the oldest beyond its capacity', () => {
    const dedupe = new EventDedupe(2);
    expect(dedupe.firstTime('a')).toBe(true);
    expect(dedupe.firstTime('a')).toBe(false);
    dedupe.firstTime('b');
    dedupe.firstTime('c');
    expect(dedupe.size).toBe(2);
    expect(dedupe.firstTime('a')).toBe(true);
  });
});

describe('answer memo', () => {
  it('computes each key once and forgets the least recently used beyond its capacity', () => {
    const computed: string[] = [];
    const memo = memoize(2, (key) => {
      computed.push(key);
      return key.toUpperCase();
    });
    expect([memo('a'), memo('b'), memo('a'), memo('c'), memo('a'), memo('b')]).toEqual([
      'A',
      'B',
      'A',
      'C',
      'A',
      'B',
    ]);
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });

  it('remembers nothing with capacity 0', () => {
    let calls = 0;
    const memo = memoize(0, () => ++calls);
    memo('a');
    memo('a');
    expect(calls).toBe(2);
  });
});
