import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.js';
import { compileScope } from '../../../src/search/scope.js';
import { normalize } from '../../../src/text/normalize.js';

const kinds = loadCorpus().outOfScope;
const check = compileScope(kinds);

describe('the reviewed kinds of question the statement never answers', () => {
  it('are loaded from corpus/out-of-scope.yaml', () => {
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['cost', 'where-to-get', 'membership']));
  });

  it.each(kinds.flatMap((k) => k.examples.map((q) => [k.kind, q] as const)))(
    'catch a %s question: %s',
    (kind, q) => {
      expect(check(normalize(q))).toBe(kind);
    },
  );

  it.each(kinds.flatMap((k) => k.not.map((q) => [k.kind, q] as const)))(
    'let through a question that only looks like %s: %s',
    (_kind, q) => {
      expect(check(normalize(q))).toBeUndefined();
    },
  );

  it('let every reviewed question of the corpus through: those are questions the statement answers', () => {
    const caught = loadCorpus()
      .passages.flatMap((p) => p.questions)
      .filter((q) => check(normalize(q)) !== undefined);
    expect(caught).toEqual([]);
  });

  it('do not fire on every word that contains 会員, nor on where to read the statement', () => {
    expect(check(normalize('会員向けの見解ですか'))).toBeUndefined();
    expect(check(normalize('where can i read the statement?'))).toBeUndefined();
  });
});
