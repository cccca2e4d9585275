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

  it.each(kinds.flatMap((k) => k.patterns.map((p) => [k.kind, p] as const)))(
    'name a kind of request, not one question: a %s pattern catches two questions of the bank at least (%s)',
    (_kind, pattern) => {
      const re = new RegExp(pattern, 'u');
      const caught = loadCorpus().unanswerable.filter((u) => re.test(normalize(u.q)));
      expect(caught.length).toBeGreaterThanOrEqual(2);
    },
  );

  it('take a recommended clinic for a request of where to go, not a recommendation about clinics', () => {
    expect(check(normalize('Can you recommend a good clinic for exosome therapy?'))).toBe('where-to-get');
    expect(
      check(normalize('What does the society recommend for EV products before they reach clinics?')),
    ).toBe(undefined);
  });

  it('fire on few reviewed questions, those the statement answers: an aside of a long one at most', () => {
    const questions = loadCorpus().passages.flatMap((p) => p.questions);
    const caught = questions.filter((q) => check(normalize(q)) !== undefined);
    // The kind is one feature of the judge, so a question whose aside names a price is still answered.
    expect(caught.length / questions.length).toBeLessThan(0.02);
  });

  it('do not fire on every word that contains 会員 or 入会, nor on where to read the statement', () => {
    expect(check(normalize('会員向けの見解ですか'))).toBeUndefined();
    expect(check(normalize('新入会員です。学会はエクソソーム療法をどう見ていますか'))).toBeUndefined();
    expect(check(normalize('where can i read the statement?'))).toBeUndefined();
  });

  it('do not take a member introducing themselves as a postdoc for a search for a position', () => {
    expect(
      check(normalize('I am a postdoc who just joined. What does the statement say about GMP?')),
    ).toBeUndefined();
    expect(check(normalize('ポスドクです。見解はGMPについて何と言っていますか'))).toBeUndefined();
    expect(check(normalize('海外のポスドク先を探しています'))).toBe('publishing-and-careers');
  });

  it('do not take a cosmetic clinic, which the statement discusses, for cosmetics', () => {
    expect(check(normalize('Are cosmetic clinics offering exosome drips within the law?'))).toBeUndefined();
  });
});
