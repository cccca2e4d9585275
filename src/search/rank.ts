import { evidenceOf } from './evidence.js';
import type { SearchIndex } from './index.js';
import type { Concept } from './query.js';

/** Scores this close are a tie (see {@link rank}). */
export const TIE = 0.02;

/** What ranking needs of a passage that may answer. */
export interface Rankable {
  readonly id: string;
  readonly score: number;
  readonly bm25: number;
  /** How near the question is to the passage's nearest reviewed question (cosine, 0..1). */
  readonly near: number;
  /** How often the passage names what was asked: counted only when a tie needs it. */
  readonly mentions: () => number;
}

/** Nearness to reviewed questions this close is no reason to prefer one passage of a tie. */
const NEAR_TIE = 0.01;

/**
 * The largest share of what is asked (known concepts, weighted) that one sentence of the passage
 * holds, 0..1, each concept found in a sentence by the same rule as in the passage (all of a form,
 * or enough of what was typed): a passage that relates the things asked about (EV製剤 … 医薬品 in
 * one sentence) answers better than one that names them in different places, or names fewer.
 */
export function togetherness(
  sentences: readonly ReadonlySet<string>[],
  concepts: readonly Concept[],
  inText: readonly number[],
  weight: readonly number[],
  total: number,
): number {
  if (total <= 0) return 0;
  let best = 0;
  for (const terms of sentences) {
    let held = 0;
    for (let i = 0; i < concepts.length; i++) {
      if ((inText[i] ?? 0) > 0 && (weight[i] ?? 0) > 0 && evidenceOf(concepts[i] as Concept, terms) > 0)
        held += weight[i] ?? 0;
    }
    best = Math.max(best, held / total);
  }
  return best;
}

/**
 * How often a passage names what it holds of the query (weighted): between passages holding the
 * same evidence, the one that talks most about it (EV製剤 and 医薬品 three times each) ranks first.
 */
export function mentions(
  sentences: readonly string[],
  needles: readonly (readonly string[])[],
  evidence: readonly number[],
  weight: readonly number[],
): number {
  let count = 0;
  for (let i = 0; i < needles.length; i++) {
    if ((evidence[i] ?? 0) === 0) continue;
    let most = 0;
    for (const form of needles[i] ?? []) {
      let n = 0;
      for (const sentence of sentences) {
        for (let at = sentence.indexOf(form); at !== -1; at = sentence.indexOf(form, at + form.length)) n++;
      }
      most = Math.max(most, n);
    }
    count += most * (weight[i] ?? 0);
  }
  return count;
}

/**
 * Best first. Scores within 2% of the best of their group are a tie: among them the passage that
 * names what was asked most often comes first, then the one whose reviewed questions the question is
 * nearest (what each passage answers, in members' words: p2 is the one on cytokines, p5 names them
 * in passing), then MiniSearch's BM25 score of the text decides.
 * A key point and the paragraph it sums up often say the same: when they tie, the key point comes
 * first (the society's conclusion in one sentence) and the paragraph, with the reasons, next. A
 * signature ties on the society's name alone (学会, JSEV) and, short, wins BM25: unless the question
 * asks who (`asksWho`), it comes after the passages of its tie that say something.
 */
export function rank<T extends Rankable>(index: SearchIndex, hits: T[], asksWho = false): T[] {
  const signatureLast = (id: string) => (!asksWho && index.isSignature(id) ? 1 : 0);
  hits.sort((a, b) => b.score - a.score);
  const ranked: T[] = [];
  for (let start = 0; start < hits.length; ) {
    const top = (hits[start] as T).score;
    let end = start + 1;
    while (end < hits.length && (hits[end] as T).score >= top * (1 - TIE)) end++;
    const group = hits.slice(start, end);
    if (group.length > 1)
      group.sort(
        (a, b) =>
          signatureLast(a.id) - signatureLast(b.id) ||
          b.mentions() - a.mentions() ||
          (Math.abs(b.near - a.near) > NEAR_TIE ? b.near - a.near : 0) ||
          b.bm25 - a.bm25,
      );
    for (const keyPoint of group.filter((h) => index.isKeyPoint(h.id))) {
      const paragraph = group.findIndex((h) => h.id === index.paragraphOf(keyPoint.id));
      const at = group.indexOf(keyPoint);
      if (paragraph !== -1 && paragraph < at) group.splice(paragraph, 0, ...group.splice(at, 1));
    }
    ranked.push(...group);
    start = end;
  }
  return ranked;
}

/**
 * The hits that answer, the likeliest first (the judge weighs how near each passage's reviewed
 * questions are, which ranking does not), unless the query is one or two terms: every passage
 * holding them is as likely, and ranking (which names them most, BM25) tells them apart better.
 */
export function byWhatAnswersBest<T extends { readonly probability: number }>(
  hits: T[],
  concepts: number,
): T[] {
  return concepts <= KEYWORD_CONCEPTS ? hits : [...hits].sort((a, b) => b.probability - a.probability);
}

/** At most this many concepts, a query is a keyword or two, not a question. */
const KEYWORD_CONCEPTS = 2;
