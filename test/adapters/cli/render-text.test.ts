import { describe, expect, it } from 'vitest';
import { PLAIN_STYLE, renderText } from '../../../adapters/cli/render-text.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { createRetriever } from '../../../src/retriever.js';

const retriever = createRetriever(loadCorpus());

describe('renderText', () => {
  it('prints the quote with highlighted terms and the citation', () => {
    expect(renderText(retriever.ask('上清液', { limit: 1 }), PLAIN_STYLE)).toMatchSnapshot();
  });

  it('says plainly when the statement does not cover a question', () => {
    expect(renderText(retriever.ask('寿司'))).toMatchInlineSnapshot(`
      "「寿司」について、見解には該当する記述が見つかりませんでした。
      見解が扱っている内容は「目次」、要点は「要点」で確認できます。
      "
    `);
  });

  it('prints the table of contents with first sentences', () => {
    expect(renderText(retriever.ask('目次'))).toMatchSnapshot();
  });

  it('prints usage for an empty query', () => {
    expect(renderText(retriever.ask(''))).toContain('使い方');
  });
});
