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
