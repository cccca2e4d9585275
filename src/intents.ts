import type { Language, UsageInfo } from './answer.js';
import { withIntentWordsRespelled } from './intent-typos.js';
import { DOCUMENT_WORDS, INTENT_CUES, type WholeIntent } from './intent-words.js';
import { foldContractions } from './text/english.js';
import { stripQuestionFrames } from './text/frames.js';
import { normalize } from './text/normalize.js';
import { introducesTheAsker, isASentence, piecesOf, pointsBackAt } from './text/pieces.js';
import { ENGLISH_STOPWORDS } from './text/stopwords.js';

export type { WholeIntent } from './intent-words.js';

export type Intent = 'usage' | 'key-points' | 'topics' | 'full-text';

// A query that is exactly one of these keywords names the intent, whatever its words look like.
const KEYWORDS: Record<Intent, readonly string[]> = {
  usage: ['', 'help', 'h', '?'],
  'key-points': ['要点'],
  topics: ['目次', 'もくじ'],
  'full-text': ['全文', 'ぜんぶん', 'full'],
};

/** The keyword a member would type for an intent, in each language (what its answer's `query` says). */
export const INTENT_KEYWORD: Record<Intent, Record<Language, string>> = {
  usage: { ja: 'help', en: 'help' },
  'key-points': { ja: '要点', en: 'key points' },
  topics: { ja: '目次', en: 'topics' },
  'full-text': { ja: '全文', en: 'full text' },
};

/** Reads a question's words: lower case, romaji as kana, words typed without spaces split (see readQuestion). */
export type QuestionReader = (query: string) => string;

const plainReading: QuestionReader = (query) => foldContractions(normalize(query));

/**
 * What a question asks of the statement as a whole, if that is all it asks: its key points, its
 * topics, the full text (where to read it, its title or date), who issued it, or how to ask. The
 * words for these are found inside any question frame, with particles, punctuation, in English,
 * kana or romaji (「要点だけ知りたい」, "key points of JSEV's position, please",
 * "youten dake shiritai"); anything else the question names (EV製剤の要点) makes it a search.
 */
export function detectIntent(
  query: string,
  read: QuestionReader = plainReading,
  namesATerm?: NamesATerm,
): WholeIntent | undefined {
  const nfkc = query.normalize('NFKC');
  const key = normalize(nfkc)
    .replace(/^[\s/-]+|[\s?!.。？！]+$/gu, '')
    .replace(/\s+/g, ' ');
  for (const [intent, words] of Object.entries(KEYWORDS) as [Intent, readonly string[]][]) {
    if (words.includes(key)) return intent;
  }
  // Kana words read from romaji come apart (だれ が だした): cues are matched across the spaces, and
  // as spaced too, where a space is where a word starts (kenkai youten: けんかい ようてん).
  const reading = read(query);
  const spaced = stripQuestionFrames(reading);
  const text = withoutSpacesInKana(spaced);
  const found =
    intentOf(text) ??
    (spaced === text ? undefined : intentOf(spaced)) ??
    // Pieces are cut before frames are stripped: a frame may hold the が、 an aside ends with.
    (namesATerm ? intentOfOneSentence(withoutSpacesInKana(reading), namesATerm) : undefined);
  if (found !== undefined || !/\p{Script=Latin}{5}/u.test(text)) return found;
  // English intent words mistyped (statment, sumary): read as the words they miss.
  const respelled = withIntentWordsRespelled(text);
  return respelled === text ? undefined : intentOf(respelled);
}

/**
 * Whether a sentence names a term of the statement (GMP, 上清液, supernatant), beyond the statement
 * itself and its issuer: the retriever answers it from its vocabulary.
 */
export type NamesATerm = (sentence: string) => boolean;

/**
 * A question in several sentences or clauses where one asks for the statement as a whole and the
 * others say who asks, why or for whom, naming none of its terms beyond the statement and its
 * subject ("When was it published? Our journal club wants the date.", 留学生です。日本語が
 * まだ難しいので、見解の要点を…, "I just joined as a postdoc, the EV field is new to me. …"):
 * that one piece's intent.
 */
function intentOfOneSentence(text: string, namesATerm: NamesATerm): WholeIntent | undefined {
  const pieces = piecesOf(text).flatMap((piece) => piece.split(PURPOSE));
  if (pieces.length < 2) return undefined;
  // A lone word typed beside the question (ヌヘヰ) is asked, not an aside about the asker; a greeting
  // (Hi!) or an ellipsis is nothing asked.
  const aside = (piece: string) =>
    introducesTheAsker(piece) ||
    (!namesATerm(withoutDocumentWords(piece)) && (isASentence(piece) || onlyNamesTheStatement(piece)));
  for (const [i, piece] of pieces.entries()) {
    // その段落を教えて asks for the paragraph the piece before describes: a search.
    if (i > 0 && pointsBackAt(piece) !== undefined) continue;
    const intent = intentOf(stripQuestionFrames(piece));
    if (intent !== undefined && pieces.every((other, j) => j === i || aside(other))) return intent;
  }
  return undefined;
}

// A phrase of purpose or role before the request (予習として、, 速報用に, リスナー向けに): for whom or
// what the asker wants it, an aside as a clause is. 学会として (as the society) is part of the request.
const PURPOSE =
  /(?<=(?:(?<!学会|本会)として|用に|向けに)[、,]?)(?=\p{Script=Han}|\p{Script=Katakana}|\p{Script=Hiragana})/u;

/** A text with the spaces between Japanese words removed (romaji read into kana comes apart). */
const withoutSpacesInKana = (text: string): string =>
  text.replace(/(?<=[^\p{Script=Latin}\p{N}\s])\s+(?=[^\p{Script=Latin}\p{N}\s])/gu, '');

// Each document word with the kana that follow it: the okurigana of a verb left alone (きたい of
// 書きたい) would be read as another word (期待).
const DOCUMENT_WORDS_AND_KANA = DOCUMENT_WORDS.map(
  (words) => new RegExp(`(?:${words.source})\\p{Script=Hiragana}*`, words.flags),
);

/** A text without the words that only name the statement, its subject, or who is asking. */
function withoutDocumentWords(text: string): string {
  let rest = text;
  for (const words of DOCUMENT_WORDS_AND_KANA) rest = rest.replace(words, ' ');
  return rest;
}

/** The intent whose cues the text holds, when the rest of it only names the statement or is grammar. */
function intentOf(text: string): WholeIntent | undefined {
  let rest = text;
  let named: WholeIntent | undefined;
  for (const { intent, cues, also } of INTENT_CUES) {
    const before = named;
    for (const cue of cues) {
      rest = rest.replace(cue, (...match) => {
        named ??= intent;
        // A cue of two words keeps the words between them (see SPAN in intent-words.ts), in a
        // group named keep (keep2 for a cue written in both orders).
        const groups = match.at(-1) as Record<string, string | undefined> | string;
        if (typeof groups !== 'object') return ' ';
        return ` ${groups.keep ?? ''} ${groups.keep2 ?? ''} `;
      });
    }
    if (before === undefined && named === intent)
      for (const words of also ?? []) rest = rest.replace(words, ' ');
  }
  return named !== undefined && onlyNamesTheStatement(rest) ? named : undefined;
}

/** Whether what is left of a question, its cues removed, only names the statement or is grammar. */
function onlyNamesTheStatement(rest: string): boolean {
  const text = withoutDocumentWords(rest);
  if (/[\p{Script=Han}\p{Script=Katakana}\p{N}]/u.test(text)) return false;
  return [...text.matchAll(/\p{Script=Latin}+/gu)].every((m) => ENGLISH_STOPWORDS.has(m[0]));
}

/** Japanese unless the query is written in Latin letters only. */
export function detectLanguage(query: string): Language {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(query)) return 'ja';
  return /\p{Script=Latin}/u.test(query) ? 'en' : 'ja';
}

/** What the usage text lists: the keywords and a few example questions. */
export const USAGE: UsageInfo = {
  examples: ['上清液', 'EV製剤の品質管理', 'What does the statement say about GMP?'],
  commands: [
    {
      keyword: '要点',
      en: 'key points',
      description: { ja: '見解の要点（2項目）', en: 'the two key points' },
    },
    {
      keyword: '目次',
      en: 'topics',
      description: { ja: '段落ごとの目次', en: 'the sections and paragraphs' },
    },
    {
      keyword: '全文',
      en: 'full text',
      description: { ja: '全文の入手先', en: 'the full text: its title, date and link' },
    },
    { keyword: 'help', en: 'help', description: { ja: 'この使い方', en: 'this help' } },
  ],
};
