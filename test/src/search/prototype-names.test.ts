import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.js';
import { createRetriever } from '../../../src/retriever.js';

const retriever = createRetriever(loadCorpus());

// Found by test/property/slack-member-text.property.test.ts: `constructor@a.aa 上清液` threw
// "match[term]?.includes is not a function", so the member got no answer and an error was logged.
describe('a question holding the name of a property every object has', () => {
  it.each([
    'constructor 上清液',
    'constructor@a.aa 上清液',
    '__proto__ 上清液',
    'toString EV製剤',
    'valueOf 安全性',
  ])('(%s) is judged like any other word, without throwing', (query) => {
    // The word is one the statement does not use: the judge may or may not quote beside it.
    expect(['answer', 'no-match']).toContain(retriever.ask(query, { limit: 1 }).kind);
  });
});
