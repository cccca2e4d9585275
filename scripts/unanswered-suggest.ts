// `npm run unanswered -- --suggest`: for each group of questions the statement did not answer, or
// whose answer was marked 👎, the passage a reviewer would most likely pick (by the fitted judge's
// probability, as `npm run ask -- --explain` shows it), or a gap for a future statement; and the
// `questions:` lines to add, for a patch the reviewer reads before applying it.
import type { Explanation } from '../src/explain.js';
import { bigramSimilarity, NEAR_TWIN } from './data/near-twins.js';
import { oneLine, type QuestionAddition } from './questions-patch.js';
import { ADVICE, normalizeQuestion, type Report } from './unanswered-report.js';

/**
 * A passage is proposed when the judge gives it at least half its bar. Measured with the judge of
 * 2026-12-07 (bar 0.71) on the reviewed questions, each searched with its own fold held out: of the
 * 100 the judge misses, half the bar proposes a passage for 49, the right one for 33 (and the right
 * one is among the 3 candidates shown for 40); it proposes one for 39 of the 464 questions of
 * corpus/unanswerable.yaml the judge turns down (8%), which the reviewer turns down too. A third of
 * the bar would propose 64 (44 right) but 61 wrong ones for the bank. The floor moves with the bar
 * when the judge is fitted again.
 */
export const FLOOR_SHARE = 0.5;

/** Candidates shown for each group: the proposal and the next ones a reviewer may prefer. */
const SHOWN = 3;

/** A candidate passage and how the question's words were found in it. */
export interface SuggestedCandidate {
  readonly id: string;
  readonly probability: number;
  /** Whether the judge answers with it now (its probability reaches the bar). */
  readonly answers: boolean;
  /** The passage a 👎 was given to. */
  readonly shown: boolean;
  /** The question's words found in the passage's text. */
  readonly inText: readonly string[];
  /** Found only in the passage's reviewed questions. */
  readonly inQuestions: readonly string[];
  /** Found in neither. */
  readonly notFound: readonly string[];
}

/** What the suggestion is: a passage to add the question to, an answer it gets now, or a gap. */
export type Verdict =
  | { readonly kind: 'passage'; readonly passage: string; readonly probability: number }
  /** Answered now by a passage or a whole-statement intent: the corpus or judge changed since. */
  | { readonly kind: 'answered'; readonly by: string }
  /** No passage reaches the floor; `scope` names the kind of request the statement never answers. */
  | { readonly kind: 'gap'; readonly scope?: string };

/** A group of questions asked in nearly the same words, with the same suggestion. */
export interface SuggestedGroup {
  readonly source: 'unanswered' | 'disliked';
  /** The most asked question of the group, as first written. */
  readonly question: string;
  /** How often the group was asked in all (its variants included). */
  readonly count: number;
  /** Near-duplicates merged into the group, each with its count. */
  readonly variants: readonly { readonly question: string; readonly count: number }[];
  /** For a 👎: the passage that was shown, and what members wrote with it. */
  readonly passageShown?: string;
  readonly comments: readonly string[];
  readonly candidates: readonly SuggestedCandidate[];
  readonly verdict: Verdict;
  readonly advice: string;
}

/** Every group's suggestion, and the `questions:` lines to add. */
export interface Suggestions {
  /** The judge's bar to answer, and the floor a proposed passage must reach. */
  readonly threshold: number;
  readonly floor: number;
  readonly groups: readonly SuggestedGroup[];
  readonly additions: readonly QuestionAddition[];
}

/** What suggestions need of the corpus: each passage's document, key and reviewed questions. */
export interface PassageRef {
  readonly id: string;
  readonly documentId: string;
  readonly key: string;
  readonly questions: readonly string[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function candidatesOf(e: Explanation, shown: string | undefined): SuggestedCandidate[] {
  return [...e.candidates]
    .sort((a, b) => b.probability - a.probability)
    .map((c) => {
      const labels = (where: string) => c.found.filter((f) => f.in === where).map((f) => f.label);
      return {
        id: c.id,
        probability: c.probability,
        answers: c.answers,
        shown: c.id === shown,
        inText: labels('text'),
        inQuestions: labels('questions'),
        notFound: labels('nowhere'),
      };
    });
}

/** The verdict for one question: an answer now, a passage at or above the floor, or a gap. */
function verdictOf(
  e: Explanation,
  candidates: readonly SuggestedCandidate[],
  floor: number,
  disliked: boolean,
): Verdict {
  if (e.scope !== undefined) return { kind: 'gap', scope: e.scope };
  if (!disliked) {
    if (e.intent !== undefined) return { kind: 'answered', by: e.intent };
    const answering = e.candidates.find((c) => c.answers);
    if (answering !== undefined) return { kind: 'answered', by: answering.id };
  }
  // After a 👎, another passage than the one shown, even one the judge answers with too.
  const best = candidates.find((c) => !c.shown);
  if (best !== undefined && best.probability >= floor)
    return { kind: 'passage', passage: best.id, probability: best.probability };
  return { kind: 'gap' };
}

function adviceFor(source: SuggestedGroup['source'], verdict: Verdict): string {
  if (verdict.kind === 'passage') return ADVICE.suggestPassage;
  if (verdict.kind === 'answered') return ADVICE.answeredNow;
  if (verdict.scope !== undefined) return ADVICE.gapOutOfScope;
  return source === 'disliked' ? ADVICE.gapAfterDown : ADVICE.gap;
}

/** A group of the report with its question logged: what is suggested for. */
type Asked = Pick<SuggestedGroup, 'source' | 'question' | 'count' | 'comments'> & { passageShown?: string };

function askedGroups(report: Report): Asked[] {
  return [
    ...report.unanswered.map(
      (g): Asked => ({ source: 'unanswered', question: g.question, count: g.count, comments: [] }),
    ),
    ...report.disliked.flatMap((g): Asked[] =>
      g.question === null
        ? []
        : [
            {
              source: 'disliked',
              question: g.question,
              count: g.count,
              passageShown: g.passage,
              comments: g.comments,
            },
          ],
    ),
  ];
}

const verdictKey = (v: Verdict): string =>
  v.kind === 'passage'
    ? `passage ${v.passage}`
    : v.kind === 'answered'
      ? `answered ${v.by}`
      : `gap ${v.scope ?? ''}`;

/**
 * Near-duplicates become one group: a question joins the first group (most asked first) of the same
 * source, passage shown and verdict whose question is a near-twin of it: character-bigram Jaccard of
 * at least 0.5 after NFKC, lower case and no white space, the measure the corpus's clean-data check
 * uses for near-twins. Groups are then ordered by their total count.
 */
function mergeNearDuplicates(groups: readonly SuggestedGroup[]): SuggestedGroup[] {
  const merged: {
    group: SuggestedGroup;
    variants: SuggestedGroup['variants'][number][];
    comments: Set<string>;
  }[] = [];
  for (const group of groups) {
    const home = merged.find(
      (m) =>
        m.group.source === group.source &&
        m.group.passageShown === group.passageShown &&
        verdictKey(m.group.verdict) === verdictKey(group.verdict) &&
        bigramSimilarity(m.group.question, group.question) >= NEAR_TWIN,
    );
    if (home === undefined) merged.push({ group, variants: [], comments: new Set(group.comments) });
    else {
      home.variants.push({ question: group.question, count: group.count });
      for (const comment of group.comments) home.comments.add(comment);
    }
  }
  const sourceOrder = (g: SuggestedGroup) => (g.source === 'unanswered' ? 0 : 1);
  return merged
    .map(({ group, variants, comments }) => ({
      ...group,
      count: group.count + variants.reduce((sum, v) => sum + v.count, 0),
      variants,
      comments: [...comments],
    }))
    .sort((a, b) => sourceOrder(a) - sourceOrder(b) || b.count - a.count);
}

/** The comment beside a suggested question: how often, how likely, and which words were found where. */
function noteOf(group: SuggestedGroup, threshold: number): string {
  const candidate = group.candidates.find(
    (c) => group.verdict.kind === 'passage' && c.id === group.verdict.passage,
  );
  const asked =
    group.source === 'disliked'
      ? `👎 on ${group.passageShown} ${group.count}×`
      : `unanswered ${group.count}×`;
  const parts = [
    `${asked}${group.variants.length > 0 ? ` in ${group.variants.length + 1} wordings` : ''}`,
    `probability ${candidate?.probability} (bar ${threshold})`,
  ];
  const words = (label: string, list: readonly string[] | undefined) =>
    list === undefined || list.length === 0 ? [] : [`${label}: ${list.join(', ')}`];
  parts.push(
    ...words('in its text', candidate?.inText),
    ...words('only in its questions', candidate?.inQuestions),
    ...words('not found', candidate?.notFound),
  );
  return parts.join('; ');
}

/** One line for each group a passage may answer, unless the passage already holds the question. */
function additionsOf(
  groups: readonly SuggestedGroup[],
  passages: ReadonlyMap<string, PassageRef>,
  threshold: number,
): QuestionAddition[] {
  const added = new Set<string>();
  return groups.flatMap((group) => {
    const passage = group.verdict.kind === 'passage' ? passages.get(group.verdict.passage) : undefined;
    if (passage === undefined) return [];
    const asked = normalizeQuestion(group.question);
    const key = `${passage.id}\n${asked}`;
    if (added.has(key) || passage.questions.some((q) => normalizeQuestion(q) === asked)) return [];
    added.add(key);
    const { documentId } = passage;
    return [
      { documentId, key: passage.key, question: oneLine(group.question), note: noteOf(group, threshold) },
    ];
  });
}

/**
 * Suggestions for every group of the report whose question was logged, from `explain` (the
 * retriever's: the real search and judge), and the `questions:` lines to add to `passages`. A
 * passage is proposed from `floorShare` of the judge's bar.
 */
export function suggest(
  report: Report,
  explain: (question: string) => Explanation,
  passages: readonly PassageRef[],
  floorShare = FLOOR_SHARE,
): Suggestions {
  const { threshold } = explain('');
  const floor = round(threshold * floorShare);
  const groups = askedGroups(report).map((asked): SuggestedGroup => {
    const e = explain(asked.question);
    const candidates = candidatesOf(e, asked.passageShown);
    const verdict = verdictOf(e, candidates, floor, asked.source === 'disliked');
    const advice = adviceFor(asked.source, verdict);
    return { ...asked, variants: [], candidates: candidates.slice(0, SHOWN), verdict, advice };
  });
  const merged = mergeNearDuplicates(groups);
  const byId = new Map(passages.map((p) => [p.id, p]));
  return { threshold, floor, groups: merged, additions: additionsOf(merged, byId, threshold) };
}
