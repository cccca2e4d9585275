import type { Language } from '../../src/answer.js';

/**
 * The labels and headings only the Teams front end shows, in both languages a member may ask in; what
 * every front end says (no-match, usage, notes) is in src/messages.ts.
 */
export const MESSAGES = {
  ja: {
    resultOf: (query: string, from: number, to: number, total: number) =>
      `「${query}」に関する記述（${from}〜${to}件目／全${total}件）`,
    resultOfOne: (query: string, at: number, total: number) =>
      `「${query}」に関する記述（${at}件目／全${total}件）`,
    references: 'この段落が引用している文献',
    next: '次の結果',
    copy: 'コピー用テキスト',
    source: '原文（PDF）',
    keyPoints: '見解の要点',
    suggestKeyPoints: '要点',
    topics: '目次',
    fullText: '全文',
    fullTextIntro: '見解の全文は学会のサイトで PDF として公開されています。',
    paragraph: (n: number) => `第${n}段落`,
    point: (n: number) => `第${n}項`,
    searchHint: 'キーワードを入力すると、見解から該当する段落を探します（例: 上清液）。',
  },
  en: {
    resultOf: (query: string, from: number, to: number, total: number) =>
      `What the statement says about "${query}" (${from}–${to} of ${total})`,
    resultOfOne: (query: string, at: number, total: number) =>
      `What the statement says about "${query}" (${at} of ${total})`,
    references: 'References cited in this paragraph',
    next: 'Next result',
    copy: 'Copy-ready text',
    source: 'Source (PDF)',
    keyPoints: 'Key points of the statement',
    suggestKeyPoints: 'Key points (要点)',
    topics: 'Topics (目次)',
    fullText: 'Full text (全文)',
    fullTextIntro: "The whole statement is published as a PDF on the society's website.",
    paragraph: (n: number) => `paragraph ${n}`,
    point: (n: number) => `point ${n}`,
    searchHint: 'Type a keyword to find the paragraphs of the statement about it (e.g. 上清液).',
  },
} as const satisfies Record<Language, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)[Language];

export function messagesFor(language: Language): Messages {
  return MESSAGES[language];
}
