// A question often comes with sentences about the asker and what they need it for (テレビ局の者です。
// "Science reporter here." そのまま引用できる一文をいただきたいです。): they say who asks and how, not
// what. Searched with the question, they are words the statement lacks, and the judge takes the
// question for one it does not answer.

import type { NamesATerm } from '../intents.js';
import {
  asksSomething,
  endsAsAQuestion,
  introducesTheAsker,
  isASentence,
  piecesOf,
  pointsBackAt,
  sentencesOf,
} from '../text/pieces.js';

/**
 * The question without its sentences that name none of the statement's terms and ask nothing, when
 * another sentence names one; otherwise the question as it is.
 */
export function focusOnTheQuestion(query: string, namesATerm: NamesATerm): string {
  const sentences = sentencesOf(query);
  if (sentences.length < 2) return query;
  const naming = sentences.map((s) => namesATerm(s));
  if (!naming.some(Boolean)) return query;
  const kept = sentences.filter((s, i) => naming[i] || endsAsAQuestion(s) || !isASentence(s));
  return kept.length === sentences.length ? query : kept.join(' ');
}

/**
 * The pieces of a question that ask (歯周病のセミナーの案内が届くのですが、学会は自由診療をどう見て
 * いますか: its second clause), when others only tell of the asker: what the question needs the
 * statement to hold. When those pieces name no term of the statement (見解ではどう書かれていますか),
 * the piece before them says what is asked (先輩に「上清はEV製剤ではない」と言われたのですが、), then
 * the one before that, while some piece is left out. Undefined when all of it asks.
 */
export function askingPart(query: string, namesATerm: (part: string) => boolean): string | undefined {
  const all = piecesOf(query);
  // Who asks (記者です, "I'm a reporter at a daily paper") is never what is asked.
  const pieces = all.filter((piece) => !introducesTheAsker(piece));
  if (pieces.length === 0) return undefined;
  if (pieces.length === 1) return pieces.length < all.length ? pieces[0] : undefined;
  // A lone word typed beside the question (ヌヘヰ) is asked too.
  const asks = (piece: string) => asksSomething(piece) || !isASentence(piece);
  const first = pieces.findIndex(asks);
  if (first === -1) return undefined;
  const asking = pieces.filter((p, i) => i >= first && asks(p));
  // A question that points back (この点, that kind of product) and names nothing else asks of the
  // piece before it too.
  const head = pieces[first] as string;
  const pointer = pointsBackAt(head);
  const pointsBack = pointer !== undefined && !namesATerm(head.replace(pointer, ' '));
  const start = first > 0 && pointsBack ? first - 1 : first;
  for (let from = start; from >= 0; from--) {
    const part = [...pieces.slice(from, first), ...asking].join(' ');
    if (asking.length + (first - from) === pieces.length)
      return pieces.length < all.length ? part : undefined;
    if (namesATerm(part)) return part;
  }
  return undefined;
}
