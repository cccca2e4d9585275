// The --suggest report as a person reads it, drawn from fixed suggestions (not the engine's, which
// move with each refit of the judge).
import { describe, expect, it } from 'vitest';
import { ADVICE, buildReport } from '../../scripts/unanswered-report.js';
import type { SuggestedGroup, Suggestions } from '../../scripts/unanswered-suggest.js';
import { formatSuggestions } from '../../scripts/unanswered-suggest-text.js';

const p = (key: string) => `jsev-2023-12-25/${key}`;
const candidate = (
  id: string,
  probability: number,
  more: Partial<SuggestedGroup['candidates'][number]> = {},
) => ({
  id,
  probability,
  answers: probability >= 0.74,
  shown: false,
  inText: ['上澄み'],
  inQuestions: [],
  notFound: ['打'],
  ...more,
});
const groups: SuggestedGroup[] = [
  {
    source: 'unanswered',
    question: '上澄みをそのまま打つのはEVの投与ですか',
    count: 3,
    variants: [{ question: '上澄みをそのまま打つのはEV投与ですか？', count: 1 }],
    comments: [],
    candidates: [candidate(p('p3'), 0.61), candidate(p('p2'), 0.2, { inText: [], inQuestions: ['上澄み'] })],
    verdict: { kind: 'passage', passage: p('p3'), probability: 0.61 },
    advice: ADVICE.suggestPassage,
  },
  {
    source: 'unanswered',
    question: 'エクソソーム美容液の値段',
    count: 1,
    variants: [],
    comments: [],
    candidates: [],
    verdict: { kind: 'gap', scope: 'cost' },
    advice: ADVICE.gapOutOfScope,
  },
  {
    source: 'disliked',
    question: '上清液は研究用ですか',
    count: 2,
    variants: [],
    passageShown: p('p2'),
    comments: ['ほかの段落も見たい'],
    candidates: [candidate(p('p2'), 0.9, { shown: true }), candidate(p('p3'), 0.2)],
    verdict: { kind: 'gap' },
    advice: ADVICE.gapAfterDown,
  },
];
const suggestions: Suggestions = {
  threshold: 0.74,
  floor: 0.37,
  groups,
  additions: [{ documentId: 'jsev-2023-12-25', key: 'p3', question: groups[0]?.question ?? '', note: 'n' }],
};
const report = buildReport([
  '{"msg":"request","intent":"no-match"}',
  '{"msg":"request","intent":"no-match"}',
]);
const openings = (id: string) => (id === p('p3') ? '上記のPMDA報告書にも…' : undefined);

describe('the --suggest report', () => {
  it('shows each group with its likely passage or gap, its candidates and what to do', () => {
    const text = formatSuggestions(
      report,
      suggestions,
      { file: 'suggested-questions.patch', written: true },
      openings,
    );
    expect(text).toMatchSnapshot();
  });

  it('says where the patch was written, or that none was', () => {
    const written = formatSuggestions(report, suggestions, { file: 'out.patch', written: true });
    expect(written).toContain('Patch: 1 question(s) to add, written to out.patch');
    const none = formatSuggestions(
      report,
      { ...suggestions, additions: [] },
      { file: 'out.patch', written: false },
    );
    expect(none).toContain(`\n${ADVICE.noAdditions}\n`);
  });

  it('counts questions that were not logged, with the hint to log them', () => {
    const text = formatSuggestions(report, suggestions, { file: 'x', written: false });
    expect(text).toContain(`2 unanswered, question not logged → ${ADVICE.unansweredNotLogged}`);
  });
});
