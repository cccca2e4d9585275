// Suggestions from the real search and judge (the bundled corpus and corpus/judge.json), on log lines
// written for these tests from the statement in other words than it uses. The logs are of a stricter
// day: the judge's weights as fitted, its bar raised to 0.99, so that these questions are missed
// whatever a refit does to the bar (the probabilities, and so the passages proposed, are the real ones).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/unanswered-report.js';
import { FLOOR_SHARE, type SuggestedGroup, suggest } from '../../scripts/unanswered-suggest.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createRetriever } from '../../src/retriever.js';

const corpus = loadCorpus();
const judge = corpus.judge;
if (judge === undefined) throw new Error('the bundled corpus has no judge.json: npm run fit');
const strict = createRetriever({ ...corpus, judge: { ...judge, threshold: 0.99 } });
const retriever = createRetriever(corpus);
const lines = readFileSync(new URL('../fixtures/logs/suggest.jsonl', import.meta.url), 'utf8').split('\n');
const report = buildReport(lines);
// With the bar so high, a passage is proposed from a fifth of it (the weights, not the bar, decide which).
const FLOOR = 0.2;
const suggestions = suggest(report, (q) => strict.explain(q), corpus.passages, FLOOR);
const group = (question: string): SuggestedGroup => {
  const found = suggestions.groups.find((g) => g.question === question);
  if (found === undefined) throw new Error(`no group for "${question}"`);
  return found;
};
const doc = (key: string) => `jsev-2023-12-25/${key}`;

describe('suggestions for questions the statement did not answer', () => {
  it('names the passage that answers each question the judge missed', () => {
    expect(
      [
        '報告書を出した専門の部会はどこに置かれたのですか',
        'Are lab reagents being given to patients as therapy?',
        'Why was the Japanese society started in 2014?',
        '品質評価の方法は確立していますか',
      ].map((q) => group(q).verdict),
    ).toEqual([
      { kind: 'passage', passage: doc('p1'), probability: expect.any(Number) },
      { kind: 'passage', passage: doc('p2'), probability: expect.any(Number) },
      { kind: 'passage', passage: doc('p8'), probability: expect.any(Number) },
      { kind: 'passage', passage: doc('p5'), probability: expect.any(Number) },
    ]);
  });

  it('proposes a passage from half the judge’s bar', () => {
    expect(suggestions.floor).toBe(Math.round(suggestions.threshold * FLOOR * 1000) / 1000);
    expect(suggest(report, (q) => strict.explain(q), corpus.passages).floor).toBe(
      Math.round(suggestions.threshold * FLOOR_SHARE * 1000) / 1000,
    );
    for (const g of suggestions.groups.filter((g) => g.verdict.kind === 'passage'))
      expect(g.candidates[0]?.probability).toBeGreaterThanOrEqual(suggestions.floor);
  });

  it('merges near-duplicate questions with the same likely passage into one group, most asked first', () => {
    const panel = group('報告書を出した専門の部会はどこに置かれたのですか');
    expect(panel.count).toBe(3);
    expect(panel.variants).toEqual([
      { question: '報告書をまとめた専門の部会はどこに置かれたの', count: 1 },
      { question: '報告書を出した専門の部会はどこに置かれたのですか？', count: 1 },
    ]);
    expect(suggestions.groups[0]).toBe(panel);
  });

  it("shows the top candidates with the judge's probability and where each word of the question was found", () => {
    const [best, ...others] = group('Are lab reagents being given to patients as therapy?').candidates;
    expect(best).toMatchObject({ id: doc('p2'), answers: false, shown: false });
    expect(best?.inText).toEqual(expect.arrayContaining(['lab reagents', 'therapy']));
    // Each word of the question is in one of the three lists, once.
    const words = retriever
      .explain('Are lab reagents being given to patients as therapy?')
      .concepts.map((c) => c.label);
    expect([...(best?.inText ?? []), ...(best?.inQuestions ?? []), ...(best?.notFound ?? [])].sort()).toEqual(
      [...words].sort(),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const c of others) expect(c.probability).toBeLessThanOrEqual(best?.probability ?? 0);
  });

  it('lists off-topic questions as gaps, naming the kind of request the scope check catches', () => {
    expect(group('明日の天気はどうですか').verdict).toEqual({ kind: 'gap' });
    const research = group('iPS細胞の研究の最新動向は');
    expect(research.verdict).toEqual({ kind: 'gap' });
    expect(research.candidates[0]?.probability).toBeLessThan(suggestions.floor);
    expect(group('エクソソーム点滴の料金は').verdict).toEqual({ kind: 'gap', scope: 'cost' });
    expect(group('How much does an exosome facial cost?').verdict).toEqual({ kind: 'gap', scope: 'cost' });
  });

  it('says a question is answered now when the judge answers it today, and adds nothing for it', () => {
    const today = suggest(report, (q) => retriever.explain(q), corpus.passages);
    const now = today.groups.find((g) => g.question === 'EVの薬は細胞治療ではないのですか');
    if (now === undefined) throw new Error('no group for the question answered now');
    expect(now.verdict).toEqual({ kind: 'answered', by: doc('p5') });
    expect(today.additions.map((a) => a.question)).not.toContain(now.question);
  });
});

describe('suggestions for answers marked 👎', () => {
  it('proposes another passage than the one shown, with the comment written with the 👎', () => {
    const review = group('臨床で使うEV製剤はどんな審査を受けるべき？');
    expect(review).toMatchObject({ source: 'disliked', passageShown: doc('kp2') });
    expect(review.comments).toEqual(['理由の書かれた段落が欲しかった']);
    expect(review.verdict).toMatchObject({ kind: 'passage', passage: doc('p6') });
  });

  it('lists a gap when no other passage than the one shown reaches the floor', () => {
    const supernatant = group('研究用試薬として流通していますか');
    expect(supernatant.verdict).toEqual({ kind: 'gap' });
    expect(supernatant.candidates.find((c) => c.shown)?.id).toBe(doc('p2'));
  });
});

describe('the questions to add', () => {
  it('adds the most asked wording of each group to its likely passage, with a note for the reviewer', () => {
    expect(suggestions.additions.map((a) => [a.key, a.question])).toEqual([
      ['p1', '報告書を出した専門の部会はどこに置かれたのですか'],
      ['p2', 'Are lab reagents being given to patients as therapy?'],
      ['p8', 'Why was the Japanese society started in 2014?'],
      ['p5', '品質評価の方法は確立していますか'],
      ['p6', '臨床で使うEV製剤はどんな審査を受けるべき？'],
    ]);
    expect(suggestions.additions[0]?.note).toMatch(
      /^unanswered 3× in 3 wordings; probability 0\.\d+ \(bar 0\.\d+\); in its text: .*部会/u,
    );
    expect(suggestions.additions[4]?.note).toMatch(/^👎 on jsev-2023-12-25\/kp2 1×; /u);
  });
});
