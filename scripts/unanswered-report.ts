// The press office's report: from the bot's JSON log lines, the questions the statement did not answer
// and the answers members marked 👎, grouped by normalised question, most frequent first.
import { normalize } from '../src/text/normalize.js';

/** A log line that matters to the report. */
export type LogEvent =
  | { readonly kind: 'unanswered'; readonly query?: string }
  | { readonly kind: 'down'; readonly passage: string; readonly query?: string; readonly comment?: string };

/** What the report suggests for a question the statement did not answer, from the question's shape. */
export type Suggestion = 'glossary' | 'questions';

interface UnansweredGroup {
  /** The question as first written by a member. */
  readonly question: string;
  readonly normalized: string;
  readonly count: number;
  readonly suggestion: Suggestion;
  readonly advice: string;
}

interface DislikedGroup {
  /** Null when the question was not logged (LOG_QUERIES other than `all`). */
  readonly question: string | null;
  readonly normalized: string | null;
  /** Id of the passage shown, e.g. `jsev-2023-12-25/p2`. */
  readonly passage: string;
  readonly count: number;
  /** What members wrote with their 👎 (a feedback dialog, logged under LOG_QUERIES=all), each once. */
  readonly comments: readonly string[];
  readonly advice: string;
}

export interface Report {
  readonly linesRead: number;
  readonly unanswered: readonly UnansweredGroup[];
  readonly disliked: readonly DislikedGroup[];
  /** Events whose question text is not in the logs. */
  readonly notLogged: { readonly unanswered: number; readonly disliked: number };
}

/** Where to see why a question got what it got, before changing anything. */
export const EXPLAIN_HINT =
  'To see how a question is read and judged (its words, where each matched, each passage\'s probability and the bar): npm run ask -- --explain "QUESTION"';

/** One source for every piece of advice the report prints. */
export const ADVICE = {
  questions:
    "If a passage answers it, add this question to that passage's `questions:` (corpus/*.md front matter) and run npm run fit. If the statement does not address it, change nothing: it is a gap for a future statement.",
  glossary:
    'If the statement says it in other words, add a glossary entry (corpus/glossary.yaml) linking the two. If the statement does not address it, change nothing: it is a gap for a future statement.',
  down: "Read the passage shown. If another passage answers the question, add the question to that passage's `questions:` (corpus/*.md front matter); if none does, or the passage shown was right, change nothing.",
  downNotLogged:
    'Read the passage shown. The questions were not logged: set LOG_QUERIES=all to see the questions behind 👎.',
  unansweredNotLogged:
    'Set LOG_QUERIES=unanswered (or all) to log the questions the statement does not answer.',
  // With --suggest: one piece of advice for each kind of suggestion.
  suggestPassage:
    'Read the likely passage: if it answers the question as asked, keep the line the patch adds to its `questions:`, then run npm run fit; if not, delete that line (another candidate may answer it: add it there by hand).',
  answeredNow:
    'Answered now (the corpus or the judge changed since it was logged): nothing to add. npm run ask -- "QUESTION" shows the answer.',
  gap: "No passage reaches the floor (half the judge's bar): a gap for a future statement; change nothing.",
  gapOutOfScope:
    'A kind of request the statement never answers (corpus/out-of-scope.yaml): a gap for a future statement; change nothing.',
  gapAfterDown:
    "No other passage reaches the floor (half the judge's bar): if the passage shown does not answer it either, it is a gap for a future statement; change nothing.",
  noAdditions: 'No passage to suggest a question for: no patch written.',
  /** The opening of the patch file (text before a diff's first file is ignored by git apply). */
  patch: `Suggested additions to the corpus's \`questions:\`, from npm run unanswered -- --suggest: nothing is
applied until you apply it. Apply it to a working copy (git apply <this file>), then review each added line
in git diff corpus/: keep it only if its passage answers the question as asked, and delete its # note
(how often it was asked, the judge's probability and bar, and the words found in the passage's text,
only in its reviewed questions, or not at all); delete the lines you turn down. Then npm run fit, and
npm test (test/corpus/clean-data.test.ts refuses a question that is a near-twin of an evaluation query).
If you delete lines from this file instead, apply it with git apply --recount.`,
} as const;

// A space counts only between two Latin letters or digits: Japanese is written without spaces, so
// 保険適用は　されますか and 保険適用はされますか are one question, while "weather forecast" keeps its space.
const INSIGNIFICANT_SPACE = / (?![\p{Script=Latin}\d])|(?<![\p{Script=Latin}\d]) /gu;

/** NFKC, lower case, white space folded (kept only between Latin words): how questions are grouped. */
export function normalizeQuestion(question: string): string {
  return normalize(question).replace(/\s+/gu, ' ').trim().replace(INSIGNIFICANT_SPACE, '');
}

// A question mark or a Japanese question ending, several words, or a long text reads as a question;
// anything shorter is a term, where a missing word (a glossary entry) is the likelier fix.
export function suggestionFor(normalized: string): Suggestion {
  const asks = /(?:[?？]|か)$/u.test(normalized);
  const long = normalized.split(' ').length >= 4 || [...normalized].length > 20;
  return asks || long ? 'questions' : 'glossary';
}

/** The event a JSON log line records, or undefined for any other line (including non-JSON text). */
export function parseLogLine(line: string): LogEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const fields = value as Record<string, unknown>;
  const query = typeof fields.query === 'string' && fields.query.trim() !== '' ? { query: fields.query } : {};
  if (fields.msg === 'request' && fields.intent === 'no-match') return { kind: 'unanswered', ...query };
  if (fields.msg === 'feedback' && fields.value === 'down' && typeof fields.passage === 'string') {
    const comment =
      typeof fields.comment === 'string' && fields.comment.trim() !== '' ? { comment: fields.comment } : {};
    return { kind: 'down', passage: fields.passage, ...query, ...comment };
  }
  return undefined;
}

interface Tally {
  readonly question: string | null;
  readonly normalized: string | null;
  readonly passage: string;
  count: number;
  readonly comments: Set<string>;
}

// Most frequent first; equal counts keep the order in which they first appeared in the logs.
const byCount = (tallies: Map<string, Tally>): Tally[] =>
  [...tallies.values()].sort((a, b) => b.count - a.count);

/** Accumulates log lines (streamed: the logs can be large) into a {@link Report}. */
export class ReportBuilder {
  #linesRead = 0;
  readonly #unanswered = new Map<string, Tally>();
  readonly #disliked = new Map<string, Tally>();
  readonly #notLogged = { unanswered: 0, disliked: 0 };

  /** Reads one line of a log; blank lines are not counted, non-JSON and unrelated lines are skipped. */
  add(line: string): void {
    if (line.trim() === '') return;
    this.#linesRead++;
    const event = parseLogLine(line);
    if (event !== undefined) this.addEvent(event);
  }

  addEvent(event: LogEvent): void {
    const passage = event.kind === 'down' ? event.passage : '';
    const comment = event.kind === 'down' ? event.comment : undefined;
    if (event.query === undefined) {
      if (event.kind === 'unanswered') this.#notLogged.unanswered++;
      else this.#notLogged.disliked++;
      if (event.kind === 'down') this.#count(this.#disliked, passage, null, passage, null, comment);
      return;
    }
    const target = event.kind === 'unanswered' ? this.#unanswered : this.#disliked;
    const normalized = normalizeQuestion(event.query);
    this.#count(target, `${passage}\n${normalized}`, event.query, passage, normalized, comment);
  }

  report(): Report {
    return {
      linesRead: this.#linesRead,
      unanswered: byCount(this.#unanswered).map((t) => {
        const normalized = t.normalized ?? '';
        const suggestion = suggestionFor(normalized);
        return {
          question: t.question ?? '',
          normalized,
          count: t.count,
          suggestion,
          advice: ADVICE[suggestion],
        };
      }),
      disliked: byCount(this.#disliked).map((t) => ({
        question: t.question,
        normalized: t.normalized,
        passage: t.passage,
        count: t.count,
        comments: [...t.comments],
        advice: t.question === null ? ADVICE.downNotLogged : ADVICE.down,
      })),
      notLogged: { ...this.#notLogged },
    };
  }

  #count(
    tallies: Map<string, Tally>,
    key: string,
    question: string | null,
    passage: string,
    normalized: string | null = null,
    comment: string | undefined = undefined,
  ): void {
    let tally = tallies.get(key);
    if (tally === undefined) {
      tally = { question, normalized, passage, count: 1, comments: new Set() };
      tallies.set(key, tally);
    } else tally.count++;
    if (comment !== undefined) tally.comments.add(comment);
  }
}

/** Builds the report of a whole set of lines. */
export function buildReport(lines: Iterable<string>): Report {
  const builder = new ReportBuilder();
  for (const line of lines) builder.add(line);
  return builder.report();
}

const total = (groups: readonly { readonly count: number }[]): number =>
  groups.reduce((sum, group) => sum + group.count, 0);

/**
 * The report for a person. `describePassage` may give a passage's opening words, so that the reader
 * sees which passage was shown without looking its id up.
 */
export function formatReport(
  report: Report,
  describePassage: (id: string) => string | undefined = () => undefined,
): string {
  const out: string[] = [];
  const unanswered = total(report.unanswered) + report.notLogged.unanswered;
  out.push(`Questions the statement did not answer: ${unanswered}`);
  for (const group of report.unanswered)
    out.push(`  ${group.count}× ${group.question}`, `     → ${group.advice}`);
  if (report.notLogged.unanswered > 0)
    out.push(
      `  ${report.notLogged.unanswered}× (question not logged)`,
      `     → ${ADVICE.unansweredNotLogged}`,
    );
  out.push('', `Answers marked 👎: ${total(report.disliked)}`);
  for (const group of report.disliked) {
    const opening = describePassage(group.passage);
    const shown = opening === undefined ? group.passage : `${group.passage} 「${opening}」`;
    out.push(
      `  ${group.count}× ${group.question ?? '(question not logged)'}`,
      `     passage shown: ${shown}`,
      ...group.comments.map((comment) => `     comment: ${JSON.stringify(comment)}`),
    );
    out.push(`     → ${group.advice}`);
  }
  out.push('', `(${report.linesRead} log lines read)`);
  out.push(EXPLAIN_HINT);
  return `${out.join('\n')}\n`;
}
