// The --suggest report for a person: each group of questions with its likely passage (or gap), the
// candidates with the judge's probability and the words found where, and what to do.
import { ADVICE, EXPLAIN_HINT, type Report } from './unanswered-report.js';
import type { SuggestedCandidate, SuggestedGroup, Suggestions, Verdict } from './unanswered-suggest.js';

/** What became of the patch: written to a file with so many lines, or not written (nothing to add). */
export interface PatchOutcome {
  readonly file: string;
  readonly written: boolean;
}

type Describe = (id: string) => string | undefined;

const named = (id: string, describe: Describe): string => {
  const opening = describe(id);
  return opening === undefined ? id : `${id} 「${opening}」`;
};

const list = (words: readonly string[]): string => (words.length === 0 ? '—' : words.join(', '));

function candidateLines(c: SuggestedCandidate, verdict: Verdict): string[] {
  const marks = [
    ...(verdict.kind === 'passage' && verdict.passage === c.id ? ['likely'] : []),
    ...(c.shown ? ['shown'] : []),
    ...(c.answers ? ['answers'] : []),
  ];
  return [
    `       ${c.id}  ${c.probability}${marks.length > 0 ? `  (${marks.join(', ')})` : ''}`,
    `         in its text: ${list(c.inText)} | only in its questions: ${list(c.inQuestions)} | not found: ${list(c.notFound)}`,
  ];
}

function verdictLine(group: SuggestedGroup, floor: number, describe: Describe): string {
  const { verdict } = group;
  switch (verdict.kind) {
    case 'passage':
      return `likely passage: ${named(verdict.passage, describe)}, probability ${verdict.probability}`;
    case 'answered':
      return `answered now by ${verdict.by}`;
    case 'gap':
      return verdict.scope === undefined
        ? `gap: no ${group.passageShown === undefined ? '' : 'other '}passage reaches ${floor}`
        : `gap: a kind of request the statement never answers, "${verdict.scope}"`;
  }
}

function groupLines(group: SuggestedGroup, suggestions: Suggestions, describe: Describe): string[] {
  const lines = [`  ${group.count}× ${group.question}`];
  for (const variant of group.variants)
    lines.push(`     near-duplicate: ${variant.count}× ${variant.question}`);
  if (group.passageShown !== undefined)
    lines.push(`     passage shown: ${named(group.passageShown, describe)}`);
  for (const comment of group.comments) lines.push(`     comment: ${JSON.stringify(comment)}`);
  lines.push(`     ${verdictLine(group, suggestions.floor, describe)}`);
  if (group.candidates.length > 0) {
    lines.push('     candidates, by the judge’s probability:');
    for (const c of group.candidates) lines.push(...candidateLines(c, group.verdict));
  }
  lines.push(`     → ${group.advice}`);
  return lines;
}

/** The suggestions for a person, with the counts of questions not logged and where the patch went. */
export function formatSuggestions(
  report: Report,
  suggestions: Suggestions,
  patch: PatchOutcome,
  describe: Describe = () => undefined,
): string {
  const out = [
    `Suggestions: the judge answers from ${suggestions.threshold}; a passage is proposed from ${suggestions.floor}, half that.`,
  ];
  for (const [source, title] of [
    ['unanswered', 'Questions the statement did not answer'],
    ['disliked', 'Answers marked 👎'],
  ] as const) {
    const groups = suggestions.groups.filter((g) => g.source === source);
    const asked = groups.reduce((sum, g) => sum + g.count, 0);
    out.push('', `${title}: ${asked}, in ${groups.length} group(s)`);
    for (const group of groups) out.push(...groupLines(group, suggestions, describe));
  }
  const { unanswered, disliked } = report.notLogged;
  if (unanswered > 0)
    out.push('', `${unanswered} unanswered, question not logged → ${ADVICE.unansweredNotLogged}`);
  if (disliked > 0) out.push('', `${disliked} 👎, question not logged → ${ADVICE.downNotLogged}`);
  const count = suggestions.additions.length;
  out.push(
    '',
    patch.written
      ? `Patch: ${count} question(s) to add, written to ${patch.file} (never applied here; its opening says how to review it)`
      : ADVICE.noAdditions,
    `(${report.linesRead} log lines read)`,
    EXPLAIN_HINT,
  );
  return `${out.join('\n')}\n`;
}
