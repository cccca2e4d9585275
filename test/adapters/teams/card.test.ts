import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inertTemplating, quoteRuns, renderCard, renderCopyAllCard } from '../../../adapters/teams/card.js';
import type { AdaptiveCard, CardElement, TextRun } from '../../../adapters/teams/card-types.js';
import { renderPlainText } from '../../../adapters/teams/plain-text.js';
import type { Answer } from '../../../src/answer.js';
import { copyAllText } from '../../../src/citation.js';
import {
  EVERY_KIND,
  FULL_TEXT,
  FULL_TEXT_VERSIONS,
  INPUT_CUT,
  KEY_POINTS,
  NO_MATCH,
  NO_MATCH_EN,
  SEARCH,
  SEARCH_LAST,
  SEARCH_SUPERSEDED,
  SEARCH_SUPERSEDED_EN,
  SEARCH_TWO_UNMATCHED,
  TOPICS,
  TOPICS_EN,
  TOPICS_VERSIONS,
  USAGE_EN,
  USAGE_JA,
} from '../../fixtures/answers.js';
import { anyQuery, RUNS } from '../../property/arbitraries.js';
import { richTextBlocks, sharedRetriever, supernatantParagraph } from './helpers.js';

/** Every TextRun in the card's body, in order. */
function inlinesOf(card: AdaptiveCard): TextRun[] {
  const runs: TextRun[] = [];
  const visit = (element: CardElement): void => {
    if (element.type === 'RichTextBlock') runs.push(...element.inlines);
    else for (const item of element.items) visit(item);
  };
  for (const element of card.body) visit(element);
  return runs;
}

describe('the answer card', () => {
  test('highlights the matched terms as bold, highlighted TextRuns that join back to the verbatim text', () => {
    const runs = quoteRuns(SEARCH.quotes[0] as (typeof SEARCH.quotes)[number]);

    expect(runs.map((r) => r.text).join('')).toBe(supernatantParagraph());
    expect(runs.filter((r) => r.highlight).map((r) => r.text)).toContain('細胞培養上清液');
    expect(runs.filter((r) => r.highlight).every((r) => r.weight === 'Bolder')).toBe(true);
  });

  test('shows the journal name in italics, in the quote and in its reference', () => {
    const runs = inlinesOf(renderCard(SEARCH));

    const journal = runs.filter((r) => r.text === 'Int J Mol Sci.');
    expect(journal).toHaveLength(2);
    expect(journal.every((r) => r.italic === true)).toBe(true);
    expect(runs.filter((r) => r.italic).map((r) => r.text)).toEqual(['Int J Mol Sci.', 'Int J Mol Sci.']);
  });

  test('makes the address paragraph 1 prints a link that opens it, its text unchanged', () => {
    const p1 = sharedRetriever()
      .allQuotes()
      .find((q) => q.passage.key === 'p1');
    if (!p1) throw new Error('corpus changed: no passage p1');
    const address = 'https://www.pmda.go.jp/files/000249829.pdf';
    const runs = quoteRuns(p1);

    expect(runs.map((r) => r.text).join('')).toBe(p1.passage.text);
    expect(runs.filter((r) => r.selectAction)).toEqual([
      { type: 'TextRun', text: address, selectAction: { type: 'Action.OpenUrl', url: address } },
    ]);
  });

  test("lists the paragraph's own references", () => {
    const card = renderCard(SEARCH);

    expect(richTextBlocks(card)).toContain('Fernández-Francos S et al., Int J Mol Sci., 3576, 2021.');
  });

  test('offers the next result, copy-ready text and the source', () => {
    const card = renderCard(SEARCH);

    expect(card.actions?.[0]).toEqual({
      type: 'Action.Submit',
      title: '次の結果',
      data: { action: 'next', query: '上清液', offset: 1 },
    });
    const copy = card.actions?.find((a) => a.type === 'Action.ShowCard');
    expect(copy?.type === 'Action.ShowCard' && richTextBlocks(copy.card)[0]).toBe(
      `${supernatantParagraph()}\n\n日本細胞外小胞学会「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」（2023年12月25日）見解と提言 第2段落 https://jsev.jp/docs/jsev_ev_treatment_2023122501.pdf\n引用文献: Fernández-Francos S et al., Int J Mol Sci., 3576, 2021.`,
    );
  });

  test('offers no next result on the last passage', () => {
    expect(renderCard(SEARCH_LAST).actions?.map((a) => a.type)).toEqual([
      'Action.ShowCard',
      'Action.Submit',
      'Action.OpenUrl',
    ]);
  });

  test('offers Copy all beside the copy-ready text, asking for every quote of the question, key points too', () => {
    for (const answer of [SEARCH, SEARCH_LAST, KEY_POINTS]) {
      const titles = renderCard(answer).actions?.map((a) => a.title) ?? [];
      expect(
        titles.slice(titles.indexOf('コピー用テキスト'), titles.indexOf('コピー用テキスト') + 2),
      ).toEqual(['コピー用テキスト', 'すべてコピー']);
      const copyAll = renderCard(answer).actions?.find((a) => a.title === 'すべてコピー');
      expect(copyAll).toEqual({
        type: 'Action.Submit',
        title: 'すべてコピー',
        data: { action: 'copy-all', query: answer.query },
      });
    }
  });

  test('cuts the heading of a 2,000-character question to about 60 characters, at a word boundary', () => {
    const question = 'EV製剤の審査について教えてください '.repeat(100).slice(0, 2000);
    const [heading = ''] = richTextBlocks(renderCard({ ...SEARCH, query: question }));
    const echo = /^「(.*)」に関する記述/.exec(heading)?.[1] ?? '';
    expect(echo.endsWith('…')).toBe(true);
    expect(echo.length).toBeLessThanOrEqual(61);
    expect(echo.length).toBeGreaterThan(40);
    expect(question.startsWith(echo.slice(0, -1))).toBe(true);
    const wordEnds = [...new Intl.Segmenter('ja', { granularity: 'word' }).segment(question)].map(
      (w) => w.index + w.segment.length,
    );
    expect(wordEnds).toContain(echo.length - 1);
  });

  test('cuts a 2,000-character word between characters, never inside a surrogate pair', () => {
    const [heading = ''] = richTextBlocks(renderCard({ ...SEARCH, query: '𠮷'.repeat(1000) }));
    const echo = /^「(.*)」に関する記述/.exec(heading)?.[1] ?? '';
    expect(echo).toBe(`${'𠮷'.repeat(30)}…`);
  });

  test('repeats a question of 60 characters or fewer whole', () => {
    expect(richTextBlocks(renderCard(SEARCH))[0]).toBe('「上清液」に関する記述（1件目／全3件）');
  });

  test('says under the citation of a superseded quote by what and when it was replaced (snapshot)', () => {
    expect(renderCard(SEARCH_SUPERSEDED)).toMatchSnapshot();
  });

  test('says a quote is superseded in the plain-text fallback too', () => {
    expect(renderCard(SEARCH_SUPERSEDED_EN).fallbackText).toContain(
      '\nNote: superseded on 25 December 2023 by "',
    );
  });

  test('is an Adaptive Card 1.5 that does not change (snapshot)', () => {
    expect(renderCard(SEARCH)).toMatchSnapshot();
  });
});

describe('the copy-all card', () => {
  test("holds the core's copy-ready block of every quote in one TextRun, and as its fallback text", () => {
    const card = renderCopyAllCard(SEARCH_TWO_UNMATCHED);
    expect(card).toMatchSnapshot();
    expect(richTextBlocks(card ?? {})[1]).toBe(copyAllText(SEARCH_TWO_UNMATCHED));
    expect(card?.fallbackText).toBe(copyAllText(SEARCH_TWO_UNMATCHED));
  });

  test('is nothing for an answer without quotes', () => {
    expect(renderCopyAllCard(NO_MATCH)).toBeUndefined();
  });
});

describe('the cards for the shared intents', () => {
  test.each([
    ['usage (en)', USAGE_EN, 'How to use the JSEV statement bot'],
    ['usage (ja)', USAGE_JA, 'JSEV見解ボットの使い方'],
    ['key points', KEY_POINTS, '見解の要点'],
    ['topics', TOPICS, '目次'],
    ['full text', FULL_TEXT, '全文'],
  ] as const)('%s is answered with a card headed %s', (_kind, answer, heading) => {
    expect(richTextBlocks(renderCard(answer))[0]).toBe(heading);
  });

  test('no-match says so and points to 目次 and 要点, in the question’s language', () => {
    expect(richTextBlocks(renderCard(NO_MATCH))[0]).toBe(
      '「寿司」について、見解には該当する記述が見つかりませんでした。見解が扱っている内容は「目次」、要点は「要点」で確認できます。',
    );
    expect(richTextBlocks(renderCard(NO_MATCH_EN))[0]).toBe(
      'The statement does not address “sushi recipes”. Try the topics (目次) for what it covers, or the key points (要点) for its key points.',
    );
  });

  test('notes the terms the statement does not contain', () => {
    expect(richTextBlocks(renderCard(SEARCH_TWO_UNMATCHED))).toContain('※ 見解に含まれない語: ワクチン');
  });

  test('ends with how many characters were read when the input was cut, in the card and its fallback', () => {
    const card = renderCard(INPUT_CUT);
    const note = '※ 入力が長いため、最初の500文字だけを読みました。';
    expect(richTextBlocks(card).at(-1)).toBe(note);
    expect(card.fallbackText?.endsWith(note)).toBe(true);
    expect(JSON.stringify(renderCard(SEARCH))).not.toContain('入力が長いため');
  });
});

describe('both versions of the statement', () => {
  test('the table of contents names each with its date and status', () => {
    const blocks = richTextBlocks(renderCard(TOPICS_VERSIONS));
    expect(blocks).toContain('令和5年12月25日 — 現行');
    expect(blocks.find((b) => b.startsWith('令和5年12月1日 — '))).toMatch(
      /^令和5年12月1日 — ※ 旧版: 2023年12月25日付の「/,
    );
  });

  test('the full text names each with its date and status', () => {
    const blocks = richTextBlocks(renderCard(FULL_TEXT_VERSIONS));
    expect(blocks).toContain('現行');
    expect(blocks.some((b) => b.startsWith('※ 旧版: 2023年12月25日付の「'))).toBe(true);
    expect(blocks).toContain('日本細胞外小胞学会, 2023-12-01');
  });
});

describe('the table of contents (目次)', () => {
  test('names the key points 第1項/第2項, as answers cite them, and paragraphs 第n段落', () => {
    const blocks = richTextBlocks(renderCard(TOPICS));

    expect(blocks.filter((b) => b.startsWith('第1項')).length).toBe(1);
    expect(blocks.some((b) => b.startsWith('第2項'))).toBe(true);
    expect(blocks.filter((b) => /^第\d+段落/.test(b))).toHaveLength(8);
  });

  test('shows the signature as the signature, not as a paragraph', () => {
    const blocks = richTextBlocks(renderCard(TOPICS));

    const signature = blocks.indexOf('署名');
    expect(signature).toBeGreaterThan(0);
    expect(blocks[signature + 1]).toMatch(/^日本細胞外小胞学会/);
    expect(blocks.join('\n')).not.toMatch(/第9段落/);
  });

  test('in English, names key points and paragraphs the same way', () => {
    const blocks = richTextBlocks(renderCard(TOPICS_EN));

    expect(blocks.some((b) => b.startsWith('point 1'))).toBe(true);
    expect(blocks.some((b) => b.startsWith('paragraph 1'))).toBe(true);
  });
});

describe('the plain text beside every card (summary, fallbackText)', () => {
  const crafted = '上清液 <at>everyone</at> **click** https://evil.example';

  test.each([
    ['an answer', SEARCH],
    ['a no-match', NO_MATCH],
  ] as const)('never carries what the member typed: %s', (_kind, fixture) => {
    const answer: Answer = { ...fixture, query: crafted };
    const card = renderCard(answer);

    for (const text of [renderPlainText(answer), card.fallbackText ?? '']) {
      expect(text).not.toContain('evil.example');
      expect(text).not.toContain('<at>');
      expect(text).not.toContain('**click**');
    }
  });

  test('for any query and any kind of answer, is the same whatever the member typed', () => {
    fc.assert(
      fc.property(anyQuery, fc.constantFrom(...Object.values(EVERY_KIND)), (query, fixture) => {
        const typed = { ...fixture, query } as Answer;
        const retyped = { ...fixture, query: 'a different question' } as Answer;
        expect(renderPlainText(typed)).toBe(renderPlainText(retyped));
        expect(renderCard(typed).fallbackText).toBe(renderCard(retyped).fallbackText);
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
    const card = renderCard({ ...NO_MATCH_EN, query });
    expect(JSON.stringify(card.body)).not.toContain('{{');
    expect(richTextBlocks(card).join('\n')).toContain('sushi {\u200B{TIME(2017-02-14T06:08:39Z)}}');
  });
});
