// Properties that failed on the adapters before their fixes (docs/reliability.md, "Fixed since"): button
// values over 2,000 characters (adapters/slack/actions.ts), raw `<placeholder>`s in the bot's own
// Slack texts (adapters/slack/blocks.ts), and `{{DATE(…)}}` in a query rendered as a date by Teams
// (adapters/teams/card.ts).
import { formatText } from 'adaptivecards/lib/text-formatters.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../adapters/slack/blocks.js';
import { renderCard } from '../../adapters/teams/card.js';
import { anyQuery, ODD_CHARACTERS, RUNS, retriever, STATEMENT_WORDS } from './arbitraries.js';

/** Queries of up to 500 characters that JSON escapes heavily (controls, lone surrogates, quotes). */
const escapeHeavy = fc
  .tuple(
    fc.constantFrom(...STATEMENT_WORDS),
    fc.constantFrom('\u0001', '\u001F', '\uD800', '"', '\\', ...ODD_CHARACTERS),
    fc.integer({ min: 1, max: 600 }),
  )
  .map(([word, odd, n]) => `${word} ${odd.repeat(n)}`);

describe('Slack buttons', () => {
  it('carry a value of at most 2,000 characters for any query', () => {
    fc.assert(
      fc.property(fc.oneof(anyQuery, escapeHeavy), fc.integer({ min: 0, max: 5 }), (query, offset) => {
        const message = renderBlocks(retriever().ask(query, { offset, limit: 1 }), { shareable: true });
        for (const block of message.blocks) {
          if (block.type !== 'actions') continue;
          for (const e of block.elements)
            if (e.type === 'button') expect((e.value ?? '').length).toBeLessThanOrEqual(2000);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('Slack fixed texts', () => {
  it('hold no unescaped < other than a shared-by mention and links to the statement', () => {
    const urls = new Set(retriever().corpusInfo.documents.map((d) => d.url));
    for (const query of ['help', 'ヘルプ', '', '目次', 'topics', '要点', '全文', '上清液', 'sushi']) {
      const message = renderBlocks(retriever().ask(query), { shareable: true });
      const texts = [
        message.text,
        ...message.blocks.flatMap((b) =>
          b.type === 'section'
            ? [b.text?.text ?? '']
            : b.type === 'context'
              ? b.elements.map((e) => ('text' in e ? e.text : ''))
              : [],
        ),
      ];
      for (const text of texts) {
        const stray = text.replace(/<([^<>|]*)(\|[^<>]*)?>/g, (whole, target: string) =>
          urls.has(target) ? '' : whole,
        );
        expect(stray, query).not.toContain('<');
      }
    }
  });
});

describe('Teams cards', () => {
  it('show a query holding {{DATE(…)}} or {{TIME(…)}} as typed, not as a formatted date', () => {
    const template = fc.constantFrom(
      '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
      '{{DATE(2017-02-14T06:08:39Z)}}',
      '{{TIME(2017-02-14T06:08:39+09:00)}}',
      '{{DATE(1999-12-31T23:59:59-05:00, LONG)}}',
    );
    fc.assert(
      fc.property(fc.constantFrom(...STATEMENT_WORDS, 'sushi'), template, (word, t) => {
        const answer = retriever().ask(`${word} ${t}`, { limit: 1 });
        const runs: string[] = [];
        JSON.stringify(renderCard(answer), (key, value: unknown) => {
          if (key === 'text' && typeof value === 'string') runs.push(value);
          return value;
        });
        for (const text of runs) expect(formatText(answer.language, text)).toBe(text);
      }),
      { numRuns: 50 },
    );
  });
});
