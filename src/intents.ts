import type { Language, UsageInfo } from './answer.js';
import { normalize } from './text/normalize.js';

export type Intent = 'usage' | 'key-points' | 'topics' | 'full-text';

// Whole-query keywords only: 「要点を教えて」 is a search, 「要点」 is the intent.
const KEYWORDS: Record<Intent, readonly string[]> = {
  usage: ['', 'help', 'ヘルプ', '使い方', 'つかいかた', 'usage', 'h'],
  'key-points': ['要点', 'key points', 'key point', 'keypoints', 'summary', 'ポイント', 'ようてん'],
  topics: ['目次', 'topics', 'topic', 'contents', 'table of contents', 'toc', 'もくじ'],
  'full-text': ['全文', 'full text', 'fulltext', 'full', 'pdf', 'ぜんぶん', 'source'],
};

/** The keyword a member would type for an intent, in each language (what its answer's `query` says). */
export const INTENT_KEYWORD: Record<Intent, Record<Language, string>> = {
  usage: { ja: 'help', en: 'help' },
  'key-points': { ja: '要点', en: 'key points' },
  topics: { ja: '目次', en: 'topics' },
  'full-text': { ja: '全文', en: 'full text' },
};

/** The shared intent a query names, if it is one of the keywords (ignoring width, case and ?). */
export function detectIntent(query: string): Intent | undefined {
  const key = normalize(query)
    .replace(/^[\s/-]+|[\s?!.。]+$/gu, '')
    .replace(/\s+/g, ' ');
  for (const [intent, words] of Object.entries(KEYWORDS) as [Intent, readonly string[]][]) {
    if (words.includes(key)) return intent;
  }
  return undefined;
}

// Question frames: how something is asked, not what. Matched on normalised text (NFKC, lower case)
// and removed before the query is analysed, so 「…と考えていいですか」 or "does the society think"
// neither adds words the statement lacks nor matches its own 考え or 理解.
const QUESTION_FRAMES: readonly RegExp[] = [
  // …と考えていいですか / …と思っていいの / …と理解して良いでしょうか
  /(と|って)(考え|かんがえ|思っ|おもっ|理解し|捉え|とらえ)て(も)?(いい|良い|よい|大丈夫|問題ない)/g,
  // …という理解で合ってますか / …という認識で正しいですか
  /(という|との|って)(理解|認識|解釈|考え)で(合って|あって|正しい|いい|良い|よい|間違いない)/g,
  // …について教えてください / …を知りたい / …を説明して
  /(について|に関して|に関する|のこと)?(を|が)?(教えて|おしえて|知りたい|しりたい|説明して|解説して)(ください|下さい|くれ|ほしい|欲しい|もらえ(ます|る)|いただけ(ます|る))?/g,
  // …と聞きました / …と言われています / …と見ていますか (what someone heard or thinks of it)
  /(と|って)(聞き|聞い|きき|きい|言われ|いわれ)/g,
  /(は|が)?(どう|どのように|どんなふうに)?(見て|考えて|思って|捉えて|みて|かんがえて|おもって)(い)?(ます|る|ますか|るの)/g,
  // Politeness: お願いします, 恐れ入りますが (恐れ is the statement's word for a fear), すみません
  /(よろしく)?お願い(します|いたします|致します|したい|できますか)?|恐れ入ります(が)?|すみません(が)?|失礼(です|します)が|(して)?(頂|いただ|戴)け(ます|ません|る)(か)?/g,
  // English frames: who is asked and how, not what.
  // (contractions are already folded: "I'd like to know" arrives as "i like to know")
  /\bi (would |want to |wanted to |am trying to )?(like to )?(know|ask|understand|learn)\b|\bi was wondering\b|\bdo you know\b/g,
  /\b(can|could|would) you (please )?(tell|explain|show)( me| us)?( about)?\b/g,
  /\b(what|how) (does|do|did) (jsev|the society|the statement|it|they) (say|think|state|write)( about| on)?\b/g,
  /\baccording to\b/g,
  /\bis it true that\b/g,
  /\bi (heard|read|was told) that\b/g,
];

/** The query without its question frame (see QUESTION_FRAMES). Input is normalised. */
export function stripQuestionFrames(normalized: string): string {
  let text = normalized;
  for (const frame of QUESTION_FRAMES) text = text.replace(frame, ' ');
  return text;
}

/** Japanese unless the query is written in Latin letters only. */
export function detectLanguage(query: string): Language {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(query)) return 'ja';
  return /\p{Script=Latin}/u.test(query) ? 'en' : 'ja';
}

/** What the usage text lists: the keywords and a few example questions. */
export const USAGE: UsageInfo = {
  examples: ['上清液', 'EV製剤は医薬品ですか', 'Is exosome therapy effective?'],
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
      description: { ja: '全文の入手先', en: 'where to read the whole statement' },
    },
    { keyword: 'help', en: 'help', description: { ja: 'この使い方', en: 'this help' } },
  ],
};
