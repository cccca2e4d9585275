// A question often comes with sentences about the asker and what they need it for (テレビ局の者です。
// "Science reporter here." そのまま引用できる一文をいただきたいです。): they say who asks and how, not
// what. Searched with the question, they are words the statement lacks, and the judge takes the
// question for one it does not answer.

import type { NamesATerm } from '../intents.js';

const SENTENCES = /(?<=[。.!?！？\n])\s*/u;
// A sentence that asks (a question mark, or a Japanese question's か at its end) is the question.
const ASKS = /(?:[?？]|か[。.]?)\s*$/u;

/** Whether a piece reads as a sentence (grammar in kana, or several words), not a lone word typed after the question. */
const isASentence = (piece: string): boolean =>
  /\p{Script=Hiragana}/u.test(piece) || (piece.match(/\p{Script=Latin}+/gu)?.length ?? 0) >= 2;

/**
 * The question without its sentences that name none of the statement's terms and ask nothing, when
 * another sentence names one; otherwise the question as it is.
 */
export function focusOnTheQuestion(query: string, namesATerm: NamesATerm): string {
  const sentences = query.split(SENTENCES).filter((s) => s.trim() !== '');
  if (sentences.length < 2) return query;
  const naming = sentences.map((s) => namesATerm(s));
  if (!naming.some(Boolean)) return query;
  const kept = sentences.filter((s, i) => naming[i] || ASKS.test(s) || !isASentence(s));
  return kept.length === sentences.length ? query : kept.join(' ');
}
