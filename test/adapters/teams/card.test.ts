import { describe, expect, test } from 'vitest';
import { inertTemplating, quoteRuns, renderCard } from '../../../adapters/teams/card.js';
import {
  FULL_TEXT,
  INPUT_CUT,
  KEY_POINTS,
  NO_MATCH,
  NO_MATCH_EN,
  SEARCH,
  SEARCH_LAST,
  SEARCH_TWO_UNMATCHED,
  TOPICS,
  USAGE_EN,
  USAGE_JA,
} from '../../fixtures/answers.js';
import { richTextBlocks, supernatantParagraph } from './helpers.js';

describe('the answer card', () => {
  test('highlights the matched terms as bold, highlighted TextRuns that join back to the verbatim text', () => {
    const runs = quoteRuns(SEARCH.quotes[0] as (typeof SEARCH.quotes)[number]);

    expect(runs.map((r) => r.text).join('')).toBe(supernatantParagraph());
    expect(runs.filter((r) => r.highlight).map((r) => r.text)).toContain('細胞培養上清液');
    expect(runs.filter((r) => r.highlight).every((r) => r.weight === 'Bolder')).toBe(true);
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
      `${supernatantParagraph()}\n\n日本細胞外小胞学会「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」（2023年12月25日）見解と提言 第2段落 https://jsev.jp/docs/jsev_ev_treatment_2023122501.pdf`,
    );
  });

  test('offers no next result on the last passage', () => {
    expect(renderCard(SEARCH_LAST).actions?.map((a) => a.type)).toEqual([
      'Action.ShowCard',
      'Action.OpenUrl',
    ]);
  });

  test('is an Adaptive Card 1.5 that does not change (snapshot)', () => {
    expect(renderCard(SEARCH)).toMatchSnapshot();
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
