import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.js';
import { copyAllText, copyReadyText, documentStatusText } from '../../src/citation.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { askAll, createRetriever } from '../../src/retriever.js';
import { NO_MATCH, SEARCH, SEARCH_EN, SEARCH_TWO_UNMATCHED } from '../fixtures/answers.js';

const p2 = SEARCH.quotes[0];
if (!p2) throw new Error('fixture changed: SEARCH has no quote');

describe('copyReadyText', () => {
  it('writes the passage verbatim, then its citation and the references it cites', () => {
    expect(copyReadyText([p2], 'ja')).toBe(
      `${p2.passage.text}\n\n${p2.citation.text.ja}\n引用文献: Fernández-Francos S et al., Int J Mol Sci., 3576, 2021.`,
    );
  });

  it('writes the citation and the references label in the language asked, the passage as published', () => {
    const [quote] = SEARCH_EN.quotes;
    const text = copyReadyText(SEARCH_EN.quotes, 'en');
    expect(text.startsWith(`${quote?.passage.text}\n\n${quote?.citation.text.en}\nReferences: `)).toBe(true);
  });

  it('separates quotes by a blank line, in the order given', () => {
    const [a, b] = SEARCH_TWO_UNMATCHED.quotes;
    if (!a || !b) throw new Error('fixture changed');
    expect(copyReadyText([a, b], 'ja')).toBe(`${copyReadyText([a], 'ja')}\n\n${copyReadyText([b], 'ja')}`);
  });

  it('adds the superseded line under the citation of a quote from a superseded document', () => {
    const versions = createRetriever(
      loadCorpus(fileURLToPath(new URL('../fixtures/corpus-versions', import.meta.url))),
    );
    const old = versions.allQuotes().find((q) => q.passage.id === 'jsev-2023-12-01/p4');
    if (!old) throw new Error('fixture changed');
    expect(copyReadyText([old], 'ja')).toBe(
      `${old.passage.text}\n\n${old.citation.text.ja}\n※ 旧版: 2023年12月25日付の「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」に置き換えられています。`,
    );
  });
});

describe('copyAllText', () => {
  it('is every quote of the answer with every result, in ranked order', () => {
    const retriever = createRetriever(loadCorpus());
    const whole = askAll(retriever, '上清液') as Answer & { kind: 'answer' };
    expect(whole.quotes.length).toBeGreaterThan(1);
    expect(copyAllText(whole)).toBe(copyReadyText(whole.quotes, 'ja'));
  });

  it('is nothing for an answer that quotes nothing', () => {
    expect(copyAllText(NO_MATCH)).toBeUndefined();
  });
});

describe('documentStatusText', () => {
  it('calls a current document current in the language asked', () => {
    const [document] = SEARCH.quotes.map((q) => q.document);
    if (!document) throw new Error('fixture changed');
    expect(documentStatusText(document, [document], 'ja')).toBe('現行');
    expect(documentStatusText(document, [document], 'en')).toBe('current');
  });

  it('says when and by what a superseded document was replaced', () => {
    const documents = loadCorpus(
      fileURLToPath(new URL('../fixtures/corpus-versions', import.meta.url)),
    ).documents.map((d) => d.meta);
    const [old] = documents;
    if (!old) throw new Error('fixture changed');
    expect(documentStatusText(old, documents, 'en')).toMatch(/^Note: superseded on 25 December 2023 by "/);
  });
});
