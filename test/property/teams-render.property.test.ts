import { formatText } from 'adaptivecards/lib/text-formatters.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { echoOf, inertTemplating, renderCard } from '../../adapters/teams/card.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../adapters/teams/card-types.js';
import { MESSAGES } from '../../adapters/teams/messages.js';
import { renderPlainText } from '../../adapters/teams/plain-text.js';
import { renderSearchResults } from '../../adapters/teams/search-extension.js';
import type { Answer } from '../../src/answer.js';
import type { TextStyle } from '../../src/corpus/types.js';
import { anyQuery, RUNS, retriever } from './arbitraries.js';

/** Teams refuses a message (card and fallback text together) over about 28 KB. */
const MAX_MESSAGE_BYTES = 28 * 1024;
/** The element types the bot may send: none of them interprets Markdown (TextBlock would). */
const ALLOWED_TYPES = new Set(['AdaptiveCard', 'RichTextBlock', 'TextRun', 'Container']);
const ACTION_TYPES = new Set(['Action.Submit', 'Action.ShowCard', 'Action.OpenUrl']);

/** Where a link in the statement's own text points: the url it names, or the address it prints. */
const linkTargets = (text: string, styles: readonly TextStyle[]) =>
  styles.filter((s) => s.style === 'link').map((s) => s.url ?? text.slice(s.start, s.end));
/** Every URL the corpus holds: its documents' and the links in its passages and references. */
const corpusUrls = new Set([
  ...retriever().corpusInfo.documents.map((d) => d.url),
  ...retriever()
    .allQuotes()
    .flatMap(({ passage: p }) => [
      ...linkTargets(p.text, p.styles),
      ...p.references.flatMap((ref, i) => linkTargets(ref, p.referenceStyles[i] ?? [])),
    ]),
]);
const usage = retriever().ask('help');
/** Every button title the bot may show: fixed labels and the usage examples, never a member's text. */
const fixedTitles = new Set<string>([
  ...Object.values(MESSAGES).flatMap((m) =>
    Object.values(m).filter((v): v is string => typeof v === 'string'),
  ),
  ...(usage.kind === 'usage' ? usage.usage.examples : []),
]);

interface Node {
  readonly [key: string]: unknown;
}

/** Visits every object in a card, actions and shown cards included. */
function walk(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) for (const v of value) walk(v, visit);
  else if (typeof value === 'object' && value !== null) {
    visit(value as Node);
    for (const v of Object.values(value)) walk(v, visit);
  }
}

/** The message the bot posts for an answer: the card and the plain-text summary beside it. */
function activityOf(answer: Answer): unknown {
  return {
    type: 'message',
    summary: renderPlainText(answer),
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(answer) }],
  };
}

/** An answer for any query, as a chat asks (one quote, any offset) or the search box (up to 25). */
const answers: fc.Arbitrary<Answer> = fc
  .tuple(anyQuery, fc.integer({ min: 0, max: 12 }), fc.constantFrom(1, 1, 25))
  .map(([query, offset, limit]) => retriever().ask(query, { offset, limit }));

function cardsOf(answer: Answer): AdaptiveCard[] {
  const cards = [renderCard(answer)];
  const search = renderSearchResults(answer).composeExtension;
  if (search.type === 'result') cards.push(...search.attachments.map((a) => a.content));
  return cards;
}

describe('Adaptive Card rendering of any answer to any query', () => {
  it('is a version 1.5 card of RichTextBlocks, TextRuns and Containers only (nothing that reads Markdown)', () => {
    fc.assert(
      fc.property(answers, (answer) => {
        for (const card of cardsOf(answer)) {
          expect(card.version).toBe('1.5');
          walk(card, (node) => {
            if (typeof node.type !== 'string' || node.type.startsWith('application/')) return;
            if (ACTION_TYPES.has(node.type)) return;
            expect(ALLOWED_TYPES.has(node.type), `element type ${node.type}`).toBe(true);
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the posted message (card and summary) within 28 KB, and each search result card too', () => {
    fc.assert(
      fc.property(answers, (answer) => {
        if (answer.kind === 'answer' && answer.quotes.length <= 1) {
          expect(Buffer.byteLength(JSON.stringify(activityOf(answer)))).toBeLessThanOrEqual(
            MAX_MESSAGE_BYTES,
          );
        }
        for (const card of cardsOf(answer).slice(1)) {
          expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
        }
      }),
      { numRuns: RUNS },
    );
    // Intents are answered whole in a chat, whatever was asked around them.
    for (const intent of ['要点', '目次', '全文', 'help', 'key points', 'topics']) {
      const size = Buffer.byteLength(JSON.stringify(activityOf(retriever().ask(intent, { limit: 1 }))));
      expect(size, intent).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    }
  });

  it('puts the query only in TextRuns and button data: never in a title or a URL', () => {
    fc.assert(
      fc.property(answers, (answer) => {
        for (const card of cardsOf(answer)) {
          walk(card, (node) => {
            if (typeof node.title === 'string') expect(fixedTitles.has(node.title), node.title).toBe(true);
            if (typeof node.url === 'string') expect(corpusUrls.has(node.url), node.url).toBe(true);
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('shows the query as typed (its first 60 or so characters), Markdown included, with only a zero-width space between adjacent braces', () => {
    fc.assert(
      fc.property(answers, (answer) => {
        if ((answer.kind !== 'answer' && answer.kind !== 'no-match') || answer.query === '') return;
        const card = renderCard(answer);
        const runs: string[] = [];
        walk(card, (node) => {
          if (node.type === 'TextRun' && typeof node.text === 'string') runs.push(node.text);
        });
        const shown = inertTemplating(answer.query);
        const echoed = echoOf(answer.query);
        expect(runs.some((text) => text.includes(echoed))).toBe(true);
        expect(shown.startsWith(echoed.replace(/…$/, ''))).toBe(true);
        expect(echoed.replace(/\u200B/g, '').length).toBeLessThanOrEqual(61);
        // What is shown is the query with one U+200B per pair of adjacent braces, and nothing else.
        const zwsp = /\u200B/g;
        expect(shown.length - answer.query.length).toBe((answer.query.match(/\{(?=\{)/g) ?? []).length);
        expect(shown.replace(zwsp, '')).toBe(answer.query.replace(zwsp, ''));
        expect(shown).not.toContain('{{');
        // The renderer's date/time templating must leave every run as it is.
        for (const text of runs) expect(formatText(answer.language, text)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('quotes the statement verbatim: no statement text holds `{{`, so none needs a zero-width space', () => {
    for (const quote of retriever().allQuotes()) {
      expect(quote.passage.text).not.toContain('{{');
      expect(inertTemplating(quote.passage.text)).toBe(quote.passage.text);
      for (const ref of quote.passage.references) expect(ref).not.toContain('{{');
    }
    const answer = retriever().ask('上清液', { limit: 1 });
    if (answer.kind !== 'answer') throw new Error('expected an answer');
    const quote = answer.quotes[0];
    const runs: string[] = [];
    walk(renderCard(answer), (node) => {
      if (node.type === 'RichTextBlock' && Array.isArray(node.inlines)) {
        runs.push(node.inlines.map((r: { text?: string }) => r.text ?? '').join(''));
      }
    });
    expect(runs).toContain(quote?.passage.text);
  });
});
