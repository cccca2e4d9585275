import { describe, expect, it } from 'vitest';
import { PLAIN_STYLE, renderText } from '../../../adapters/cli/render-text.js';
import {
  INPUT_CUT,
  NO_MATCH,
  NO_MATCH_EN,
  SEARCH,
  SEARCH_TWO_UNMATCHED,
  TOPICS,
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

  it('ends with how many characters were read when the input was cut', () => {
    expect(renderText(INPUT_CUT).endsWith('※ 入力が長いため、最初の500文字だけを読みました。\n')).toBe(true);
    expect(renderText(SEARCH)).not.toContain('入力が長いため');
  });
});
