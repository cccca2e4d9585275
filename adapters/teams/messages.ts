import type { Language } from '../../src/answer.js';
import type { PassageKind } from '../../src/corpus/types.js';
import { MESSAGES as CATALOGUE } from '../../src/messages.js';

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
    copyAll: 'すべてコピー',
    copyAllHeading: (count: number) => `すべての引用のコピー用テキスト（${count}件）`,
    source: '原文（PDF）',
    keyPoints: '見解の要点',
    suggestKeyPoints: '要点',
    topics: '目次',
    fullText: '全文',
    fullTextIntro: '見解の全文は学会のサイトで PDF として公開されています。',
    paragraph: (n: number) => `第${n}段落`,
    point: (n: number) => `第${n}項`,
    searchHint: 'キーワードを入力すると、見解から該当する段落を探します（例: 上清液）。',
    // Plain-text summaries (notifications, fallbackText) never repeat what the member typed.
    resultPlain: (from: number, to: number, total: number) =>
      from === to
        ? `見解の記述（${from}件目／全${total}件）`
        : `見解の記述（${from}〜${to}件目／全${total}件）`,
    topicsBrief: (sections: string) => `見解の目次: ${sections}。`,
    composeCardNote: '挿入された引用カードには返信しません。',
  },
  en: {
    resultOf: (query: string, from: number, to: number, total: number) =>
      `What the statement says about "${query}" (${from}–${to} of ${total})`,
    resultOfOne: (query: string, at: number, total: number) =>
      `What the statement says about "${query}" (${at} of ${total})`,
    references: 'References cited in this paragraph',
    next: 'Next result',
    copy: 'Copy-ready text',
    copyAll: 'Copy all',
    copyAllHeading: (count: number) => `Copy-ready text of every quote (${count})`,
    source: 'Source (PDF)',
    keyPoints: 'Key points of the statement',
    suggestKeyPoints: 'Key points (要点)',
    topics: 'Topics (目次)',
    fullText: 'Full text (全文)',
    fullTextIntro: "The whole statement is published as a PDF on the society's website.",
    paragraph: (n: number) => `paragraph ${n}`,
    point: (n: number) => `point ${n}`,
    searchHint: 'Type a keyword to find the paragraphs of the statement about it (e.g. 上清液).',
    resultPlain: (from: number, to: number, total: number) =>
      from === to
        ? `What the statement says (${from} of ${total})`
        : `What the statement says (${from}–${to} of ${total})`,
    topicsBrief: (sections: string) => `Topics of the statement: ${sections}.`,
    composeCardNote: 'The bot does not reply to an inserted quote card.',
  },
} as const satisfies Record<Language, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)[Language];

/**
 * How a passage is named in the table of contents, the way citations name it: key points by
 * 第n項, paragraphs by 第n段落; the signature has no number (its section heading, 署名, names it).
 */
export function entryLabel(
  entry: { readonly kind: PassageKind; readonly paragraph: number },
  m: Messages,
): string | undefined {
  switch (entry.kind) {
    case 'key-point':
      return m.point(entry.paragraph);
    case 'paragraph':
      return m.paragraph(entry.paragraph);
    case 'signature':
      return undefined;
  }
}

export function messagesFor(language: Language): Messages {
  return MESSAGES[language];
}

/** Catalogue sentences joined as each language writes them (no space between Japanese ones). */
export function sentences(language: Language, ...parts: string[]): string {
  return parts.join(language === 'ja' ? '' : ' ');
}

/** What the bot does and an invitation to ask with `example`: how the welcome and the usage card open. */
export function introduction(language: Language, example: string): string {
  const m = CATALOGUE[language];
  return sentences(language, m.welcome(), m.invite(example));
}

/** The reply to a message that holds only an inserted quote card: not a question, and how to ask one. */
export function composeCardHint(language: Language, example: string): string {
  return sentences(language, MESSAGES[language].composeCardNote, CATALOGUE[language].invite(example));
}
