import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inertTemplating, quoteRuns, renderCard } from '../../../adapters/teams/card.js';
import { renderPlainText } from '../../../adapters/teams/plain-text.js';
import type { Answer } from '../../../src/answer.js';
import { anyQuery, RUNS } from '../../property/arbitraries.js';
import { richTextBlocks, sharedRetriever, supernatantParagraph } from './helpers.js';

describe('the answer card', () => {
  test('highlights the matched terms as bold, highlighted TextRuns that join back to the verbatim text', () => {
    const answer = sharedRetriever().ask('上清液', { limit: 1 });
    if (answer.kind !== 'answer' || !answer.quotes[0]) throw new Error('expected an answer');

    const runs = quoteRuns(answer.quotes[0]);

    expect(runs.map((r) => r.text).join('')).toBe(supernatantParagraph());
    expect(runs.filter((r) => r.highlight).map((r) => r.text)).toContain('細胞培養上清液');
    expect(runs.filter((r) => r.highlight).every((r) => r.weight === 'Bolder')).toBe(true);
  });

  test("lists the paragraph's own references", () => {
    const card = renderCard(sharedRetriever().ask('上清液', { limit: 1 }));

    expect(richTextBlocks(card)).toContain('Fernández-Francos S et al., *Int J Mol Sci.*, 3576, 2021.');
  });

  test('offers the next result, copy-ready text and the source', () => {
    const card = renderCard(sharedRetriever().ask('上清液', { limit: 1 }));

    expect(card.actions?.[0]).toEqual({
      type: 'Action.Submit',
      title: '次の結果',
      data: { action: 'next', query: '上清液', offset: 1 },
    });
    const copy = card.actions?.find((a) => a.type === 'Action.ShowCard');
    expect(copy?.type === 'Action.ShowCard' && richTextBlocks(copy.card)[0]).toBe(
      `${supernatantParagraph()}\n\n日本細胞外小胞学会「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」（2023年12月25日）見解と提言 第2段落 https://jsev.jp/docs/jsev_ev_treatment_2023122501.pdf`,
    );
  });

  test('offers no next result on the last passage', () => {
    const last = sharedRetriever().ask('上清液', { limit: 1, offset: 2 });

    expect(renderCard(last).actions?.map((a) => a.type)).toEqual(['Action.ShowCard', 'Action.OpenUrl']);
  });

  test('is an Adaptive Card 1.5 that does not change (snapshot)', () => {
    expect(renderCard(sharedRetriever().ask('上清液', { limit: 1 }))).toMatchSnapshot();
  });
});

describe('the cards for the shared intents', () => {
  test.each([
    ['help', 'How to use the JSEV statement bot'],
    ['要点', '見解の要点'],
    ['目次', '目次'],
    ['全文', '全文'],
  ])('%s is answered with a card headed %s', (query, heading) => {
    expect(richTextBlocks(renderCard(sharedRetriever().ask(query)))[0]).toBe(heading);
  });
});

describe('the table of contents (目次)', () => {
  test('names the key points 第1項/第2項, as answers cite them, and paragraphs 第n段落', () => {
    const blocks = richTextBlocks(renderCard(sharedRetriever().ask('目次')));

    expect(blocks.filter((b) => b.startsWith('第1項')).length).toBe(1);
    expect(blocks.some((b) => b.startsWith('第2項'))).toBe(true);
    expect(blocks.filter((b) => /^第\d+段落/.test(b))).toHaveLength(8);
  });

  test('shows the signature as the signature, not as a paragraph', () => {
    const blocks = richTextBlocks(renderCard(sharedRetriever().ask('目次')));

    const signature = blocks.indexOf('署名');
    expect(signature).toBeGreaterThan(0);
    expect(blocks[signature + 1]).toMatch(/^日本細胞外小胞学会/);
    expect(blocks.join('\n')).not.toMatch(/第9段落/);
  });

  test('in English, names key points and paragraphs the same way', () => {
    const blocks = richTextBlocks(renderCard(sharedRetriever().ask('topics')));

    expect(blocks.some((b) => b.startsWith('point 1'))).toBe(true);
    expect(blocks.some((b) => b.startsWith('paragraph 1'))).toBe(true);
  });
});

describe('the plain text beside every card (summary, fallbackText)', () => {
  test.each([
    '上清液 <at>everyone</at> **click** https://evil.example',
    'ビットコイン <at>everyone</at> **click** https://evil.example',
  ])('never carries what the member typed: %s', (query) => {
    const answer = sharedRetriever().ask(query, { limit: 1 });
    const card = renderCard(answer);

    for (const text of [renderPlainText(answer), card.fallbackText ?? '']) {
      expect(text).not.toContain('evil.example');
      expect(text).not.toContain('<at>');
      expect(text).not.toContain('**click**');
    }
  });
  test('for any query, is the same whatever the member typed (the query never reaches it)', () => {
    fc.assert(
      fc.property(anyQuery, fc.integer({ min: 0, max: 5 }), (query, offset) => {
        const answer = sharedRetriever().ask(query, { limit: 1, offset });
        const retyped = { ...answer, query: 'a different question' } as Answer;
        expect(renderPlainText(answer)).toBe(renderPlainText(retyped));
        expect(renderCard(answer).fallbackText).toBe(renderCard(retyped).fallbackText);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a query holding Adaptive Card text functions', () => {
  test('gets a zero-width space between every two adjacent braces, and no other change', () => {
    expect(inertTemplating('{{DATE(2017-02-14T06:08:39Z, SHORT)}}')).toBe(
      '{\u200B{DATE(2017-02-14T06:08:39Z, SHORT)}}',
    );
    expect(inertTemplating('{{{x')).toBe('{\u200B{\u200B{x');
    expect(inertTemplating('{ x } {}')).toBe('{ x } {}');
  });

  test('is echoed inert in the no-match card, while the button still carries the query as typed', () => {
    const query = 'sushi {{TIME(2017-02-14T06:08:39Z)}}';
    const card = renderCard(sharedRetriever().ask(query));
    expect(JSON.stringify(card.body)).not.toContain('{{');
    expect(richTextBlocks(card).join('\n')).toContain('sushi {\u200B{TIME(2017-02-14T06:08:39Z)}}');
  });
});
