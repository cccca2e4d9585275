import { describe, expect, it } from 'vitest';
import { PLAIN_STYLE, renderText } from '../../../adapters/cli/render-text.js';
import {
  FULL_TEXT_VERSIONS,
  INPUT_CUT,
  NO_MATCH,
  NO_MATCH_EN,
  SEARCH,
  SEARCH_SUPERSEDED,
  SEARCH_SUPERSEDED_EN,
  SEARCH_TWO_UNMATCHED,
  TOPICS,
  TOPICS_VERSIONS,
  USAGE_EN,
  USAGE_JA,
} from '../../fixtures/answers.js';

describe('renderText', () => {
  it('prints the quote with highlighted terms and the citation', () => {
    expect(renderText(SEARCH, PLAIN_STYLE)).toMatchSnapshot();
  });

  it('says plainly when the statement does not cover a question', () => {
    expect(renderText(NO_MATCH)).toMatchInlineSnapshot(`
      "「寿司」について、見解には該当する記述が見つかりませんでした。
      見解が扱っている内容は「目次」、要点は「要点」で確認できます。
      "
    `);
    expect(renderText(NO_MATCH_EN)).toContain('The statement does not address “sushi recipes”.');
  });

  it('prints the table of contents with first sentences', () => {
    expect(renderText(TOPICS)).toMatchSnapshot();
  });

  it('prints usage in the language asked', () => {
    expect(renderText(USAGE_JA)).toContain('使い方: npm run ask -- <キーワードまたは質問>');
    expect(renderText(USAGE_EN)).toContain('How to ask: npm run ask -- <keyword or question>');
  });

  it('notes the terms the statement does not contain', () => {
    expect(renderText(SEARCH_TWO_UNMATCHED)).toContain('※ 見解に含まれない語: ワクチン');
  });

  it('says under the citation that a quote comes from a superseded document, and by what', () => {
    expect(renderText(SEARCH_SUPERSEDED)).toMatchSnapshot();
    expect(renderText(SEARCH_SUPERSEDED_EN)).toContain('\n  Note: superseded on 25 December 2023 by "');
  });

  it('names each document of the table of contents with its date and status', () => {
    const text = renderText(TOPICS_VERSIONS);
    expect(text).toContain(
      '細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解（令和5年12月1日）\n  ※ 旧版: ',
    );
    expect(text).toContain(
      '細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解（令和5年12月25日）\n  現行\n',
    );
  });

  it('names each document of the full text with its date and status', () => {
    expect(renderText(FULL_TEXT_VERSIONS)).toMatchSnapshot();
  });

  it('ends with how many characters were read when the input was cut', () => {
    expect(renderText(INPUT_CUT).endsWith('※ 入力が長いため、最初の500文字だけを読みました。\n')).toBe(true);
    expect(renderText(SEARCH)).not.toContain('入力が長いため');
  });
});
