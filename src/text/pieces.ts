// A question is often several pieces: sentences, clauses that end an aside (院生ですが、, 難しいので、,
// 恐縮ですけど、, 学生に読ませる前に、, 記事にするにあたって、), and what follows a colon ("Health
// reporter for an online outlet: …") or an introduction ("TV producer here, …").

// A sentence ends at 。, ! or ?, or at a full stop before a space or Japanese (記者です．学会は), not
// one of an abbreviation ("Fernández-Francos et al. 2021", e.g.) nor inside a number or an address
// (1.5, jsev.jp).
const SENTENCE_END = String.raw`(?<=[。!?！？\n])\s*|(?<=(?<!\b(?:al|e\.g|i\.e|dr|prof|vs|fig|no|mr|ms|mrs|st))\.)\s+|(?<=[.．])(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])`;
const SENTENCES = new RegExp(SENTENCE_END, 'u');
const PIECES = new RegExp(
  String.raw`${SENTENCE_END}|(?<=(?:が|ので|けど|けれど|けれども|前に|ために|ため|にあたって|にあたり|際に|際は|うえで|上で)[、,])\s*|(?<=[いたるだなすう]ので)(?=[^\sすしはもあ、,。.!?！？])|(?<=[:：])\s+|(?<=\b(?:here|speaking)[,—–])\s*`,
  'u',
);

/** The sentences of a text, empty ones left out. */
export function sentencesOf(text: string): string[] {
  return text.split(SENTENCES).filter((s) => s.trim() !== '');
}

/** The sentences, aside clauses and colon-led parts of a text, empty ones left out. */
export function piecesOf(text: string): string[] {
  return withQuotesWhole(text.split(PIECES).filter((s) => s.trim() !== ''));
}

const QUOTE_MARK = /[「」『』]/u;

/** How many quotations a piece opens and leaves open (「 and 『 less 」 and 』). */
function quotesLeftOpen(piece: string): number {
  if (!QUOTE_MARK.test(piece)) return 0;
  let open = 0;
  for (const c of piece) {
    if (c === '「' || c === '『') open++;
    else if (c === '」' || c === '』') open--;
  }
  return open;
}

/** Pieces cut inside a quotation (「…使いたいので精製してほしい」) joined again: what others said is one piece. */
function withQuotesWhole(pieces: string[]): string[] {
  const joined: string[] = [];
  let open = 0;
  for (const piece of pieces) {
    if (open > 0) joined[joined.length - 1] += piece;
    else joined.push(piece);
    open += quotesLeftOpen(piece);
  }
  return joined;
}

// A question mark, or a Japanese question's か at its end.
const ENDS_AS_A_QUESTION = /(?:[?？]|か[。.]?)\s*$/u;
// A Japanese request or question in polite form (教えてください, 知りたいです, 書かれていますか,
// 部分をお願いします, 確認したいです).
const JAPANESE_REQUEST =
  /教え|ください|下さい|いただ|頂|ほしい|欲しい|知りたい|でしょう|ますか|ですか|のか|お願い|願え|もらえ|くれま|くれる|たいです|ませんか/u;
// An English question or request opens with its question word, auxiliary or imperative.
const ENGLISH_REQUEST =
  /^\W*(?:what|how|why|where|when|which|who|whose|does|do|did|is|are|was|were|can|could|should|would|will|has|have|please|tell me|explain)\b/iu;

/** Whether a piece ends as a question does: a question mark, or か. */
export const endsAsAQuestion = (piece: string): boolean => ENDS_AS_A_QUESTION.test(piece);

/** Whether a piece asks or requests something, rather than telling who asks, why or for whom. */
export function asksSomething(piece: string): boolean {
  return endsAsAQuestion(piece) || JAPANESE_REQUEST.test(piece) || ENGLISH_REQUEST.test(piece);
}

// A sentence that says who asks (ラジオの健康番組の構成作家です。, 通信社の者です, "Science reporter
// here.", "I'm a nurse at a clinic."): whatever words its trade names, it asks nothing of them.
const INTRODUCTION = [
  /(?:者|員|生|医|師|士|家|手|担当|デスク|ディレクター|プロデューサー|ライター|リサーチャー|エディター|キャスター|編集部|スタッフ|社|局|(?:学部|修士|博士|大学院|[mdb])\s?[0-9一二三四五六]年?)(?:です|でございます|と申します|をしています|をしております)[。.!！\s]*$/iu,
  /^\W*(?:i am|i'm|im)\b[^.?!;,]{0,40}\b(?:reporter|journalist|producer|editor|writer|researcher|student|postdoc|nurse|doctor|physician|clinician|pharmacist|scientist|technician|member)s?\b(?:\s+(?:at|with|in|from|for|on)\b[^.?!;,]{0,40})?[.!\s]*$/iu,
  /^\W*[^.?!]*\b(?:reporter|journalist|producer|editor|writer|researcher|student|postdoc|nurse|doctor|physician|clinician|pharmacist|scientist|desk) here\W*$/iu,
];

/** Whether a piece only says who is asking: their trade, their desk, what they are. */
export const introducesTheAsker = (piece: string): boolean =>
  INTRODUCTION.some((pattern) => pattern.test(piece.trim()));

// Words that refer to what was said before: この点, その段落, 該当箇所, そういう製品, "that kind of product".
const POINTS_BACK =
  /この点|その点|この件|その件|その(?:段落|部分|箇所|くだり|文)|該当(?:する)?(?:箇所|部分|段落)|この(?:よう|手|種)|その(?:よう|手|種)|こういう|そういう|こうした|そうした|こういった|そういった|\b(?:that|this|these|those|such)(?: kinds? of| sorts? of| types? of)? (?:products?|practices?|clinics?|things?|vials?|treatments?|therap(?:y|ies)|claims?|cases?|points?|issues?|situations?|paragraphs?|parts?|passages?|sections?)\b/iu;

/** The words of a piece that point back to what was said before it (その段落, that kind of product), if any. */
export const pointsBackAt = (piece: string): string | undefined => POINTS_BACK.exec(piece)?.[0];

/** Whether a piece reads as a sentence (grammar in kana, or several words), not a lone word typed after the question. */
export const isASentence = (piece: string): boolean =>
  /\p{Script=Hiragana}/u.test(piece) || (piece.match(/\p{Script=Latin}+/gu)?.length ?? 0) >= 2;
