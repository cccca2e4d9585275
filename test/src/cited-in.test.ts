import { describe, expect, it } from 'vitest';
import { citedInLookup } from '../../src/cited-in.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { normalize } from '../../src/text/normalize.js';

const corpus = loadCorpus();
const citedIn = citedInLookup(corpus.passages);
const keys = (question: string) => citedIn(normalize(question)).map((p) => p.key);

describe('citedInLookup', () => {
  it('finds the paragraph whose references name the author a question asks the citation of', () => {
    expect(keys('Lohan 2017 is cited in the statement: in what context?')).toEqual(['p5']);
    expect(keys('Fernández-Francosの論文はどの文脈で引用されていますか')).toEqual(['p2']);
  });

  it('reads an author typed without accents or by one of two surnames', () => {
    expect(keys('Where does the statement cite Lotvall?')).toEqual(['p5']);
    expect(keys('Francos 2021 はどこで引用されていますか')).toEqual(['p2']);
  });

  it('finds nothing when the question names an author without asking of the citation', () => {
    expect(keys('What did Lohan et al. find about allogeneic MSCs?')).toEqual([]);
  });

  it('finds nothing for a citation asked of a work the statement does not cite', () => {
    expect(keys('Where does the statement cite Smith et al.?')).toEqual([]);
  });

  it('takes no name from a reference without an author (a web address, 報告書9頁)', () => {
    expect(keys('Which PMDA files does the statement cite, www or pdf?')).toEqual([]);
  });
});
