import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ADVICE,
  buildReport,
  formatReport,
  normalizeQuestion,
  parseLogLine,
  suggestionFor,
} from '../../scripts/unanswered-report.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/logs/${name}`, import.meta.url), 'utf8').split('\n');

describe('reading the logs', () => {
  it('takes a no-match request line with its query as an unanswered question', () => {
    const line = '{"level":30,"intent":"no-match","results":0,"query":"寿司","msg":"request"}';
    expect(parseLogLine(line)).toEqual({ kind: 'unanswered', query: '寿司' });
  });

  it('ignores answered requests, 👍 presses and other messages', () => {
    for (const line of [
      '{"intent":"answer","results":1,"query":"上清液","msg":"request"}',
      '{"passage":"jsev-2023-12-25/p2","value":"up","msg":"feedback"}',
      '{"intent":"no-match","msg":"listening"}',
    ])
      expect(parseLogLine(line)).toBeUndefined();
  });

  it('skips lines that are not JSON objects', () => {
    for (const line of ['> jsev-bot@0.1.0 start', '', 'null', '42', '{"msg":"request"'])
      expect(parseLogLine(line)).toBeUndefined();
  });

  it('counts the non-blank lines it read', () => {
    expect(buildReport(fixture('unanswered.jsonl')).linesRead).toBe(12);
  });
});

describe('questions the statement did not answer', () => {
  it('groups questions that differ only in width, case and spaces', () => {
    expect(normalizeQuestion(' Weather\u3000 ＦＯＲＥＣＡＳＴ ')).toBe('weather forecast');
    expect(normalizeQuestion('保険適用は\u3000されますか ')).toBe('保険適用はされますか');
    expect(normalizeQuestion('EV 製剤 ？')).toBe('ev製剤?');
    const groups = buildReport(fixture('unanswered.jsonl')).unanswered;
    expect(groups.find((g) => g.normalized === 'weather forecast')?.count).toBe(2);
  });

  it('lists the most frequent question first, keeping the first spelling seen', () => {
    const groups = buildReport(fixture('unanswered.jsonl')).unanswered;
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['保険適用はされますか', 3],
      ['Weather  Forecast', 2],
      ['寿司', 1],
    ]);
  });

  it('counts no-match lines without a query as not logged', () => {
    const report = buildReport(fixture('not-logged.jsonl'));
    expect(report.notLogged).toEqual({ unanswered: 2, disliked: 0 });
    expect(report.unanswered.map((g) => g.question)).toEqual(['寿司']);
  });

  it('suggests a glossary entry for a term and a passage question for a question', () => {
    expect(suggestionFor('寿司')).toBe('glossary');
    expect(suggestionFor('weather forecast')).toBe('glossary');
    expect(suggestionFor('保険適用はされますか')).toBe('questions');
    expect(suggestionFor('is it covered by insurance?')).toBe('questions');
  });
});

describe('answers marked 👎', () => {
  it('groups 👎 by normalised question and the passage shown, ignoring 👍', () => {
    const groups = buildReport(fixture('feedback.jsonl')).disliked;
    expect(groups.map((g) => [g.question, g.passage, g.count])).toEqual([
      ['上清液は安全ですか', 'jsev-2023-12-25/p2', 2],
      [null, 'jsev-2023-12-25/kp1', 2],
      ['上清液は安全ですか', 'jsev-2023-12-25/p5', 1],
    ]);
  });

  it("keeps what members wrote in Teams' feedback dialog with their 👎, each comment once", () => {
    const groups = buildReport(fixture('feedback.jsonl')).disliked;
    expect(groups.map((g) => g.comments)).toEqual([['安全性の段落ではなく効果の段落でした'], [], []]);
  });

  it('counts 👎 without a query as not logged and says how to log it', () => {
    const report = buildReport(fixture('feedback.jsonl'));
    expect(report.notLogged.disliked).toBe(2);
    expect(report.disliked.find((g) => g.question === null)?.advice).toBe(ADVICE.downNotLogged);
  });
});

describe('the report for a person', () => {
  const lines = [
    ...fixture('unanswered.jsonl'),
    ...fixture('not-logged.jsonl'),
    ...fixture('feedback.jsonl'),
  ];
  const text = formatReport(buildReport(lines), (id) =>
    id === 'jsev-2023-12-25/p2' ? '一方で、…' : undefined,
  );

  it('gives each group its count, its question and what to do', () => {
    expect(text).toContain(`  3× 保険適用はされますか\n     → ${ADVICE.questions}\n`);
    expect(text).toContain(`  2× 寿司\n     → ${ADVICE.glossary}\n`);
  });

  it('shows the passage a 👎 was given to, with its opening words when known', () => {
    expect(text).toContain('  2× 上清液は安全ですか\n     passage shown: jsev-2023-12-25/p2 「一方で、…」\n');
    expect(text).toContain('     passage shown: jsev-2023-12-25/kp1\n');
  });

  it('shows the comment written with a 👎 under the passage shown', () => {
    expect(text).toContain(
      '     passage shown: jsev-2023-12-25/p2 「一方で、…」\n     comment: "安全性の段落ではなく効果の段落でした"\n',
    );
  });

  it('counts questions not logged with the hint to set LOG_QUERIES', () => {
    expect(text).toContain('Questions the statement did not answer: 9\n');
    expect(text).toContain(`  2× (question not logged)\n     → ${ADVICE.unansweredNotLogged}\n`);
  });
});
