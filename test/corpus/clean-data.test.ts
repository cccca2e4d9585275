import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusDataItems } from '../../scripts/data/corpus-items.js';
import { type EvalQuery, findNearTwins, readEvalQueries } from '../../scripts/data/near-twins.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The project's copies of the sets, the blind sets, and the shared originals where they are mounted.
const queries = readEvalQueries([here('../fixtures/eval'), here('../../../shared/eval')]);

describe('the corpus data and the evaluation sets', () => {
  it('reads the evaluation queries and the corpus data', () => {
    expect(queries.length).toBeGreaterThan(100);
    expect(corpusDataItems(`${root}corpus`, root).length).toBeGreaterThan(500);
  });

  it('holds no evaluation query and no near-twin of one', () => {
    const twins = findNearTwins(corpusDataItems(`${root}corpus`, root), queries);
    const report = twins.map(
      (t) => `${t.item.file}: "${t.item.text}" ~ ${t.query.set}: "${t.query.q}" (${t.similarity.toFixed(2)})`,
    );
    expect(report).toEqual([]);
  });

  it('finds a copied query, a near-twin and a quoted query as copies', () => {
    const query: EvalQuery = { set: 'x.jsonl', q: '学会はエクソソーム療法をどう考えていますか' };
    const items = [
      { file: 'a', text: '学会は エクソソーム療法を どう考えていますか？' },
      { file: 'b', text: '学会はエクソソーム療法をどう考えているのですか' },
      { file: 'c', text: `記者: ${query.q} と聞かれたら` },
      { file: 'd', text: 'EV製剤は医薬品ですか' },
    ];
    expect(findNearTwins(items, [query]).map((t) => t.item.file)).toEqual(['a', 'b', 'c']);
  });
});
