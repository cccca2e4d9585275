import type { Language } from '../../src/answer.js';
import type { PassageKind } from '../../src/corpus/types.js';

/** Every fixed string the Teams front end shows, in both languages a member may ask in. */
export const MESSAGES = {
  ja: {
    resultOf: (query: string, from: number, to: number, total: number) =>
      `「${query}」に関する記述（${from}〜${to}件目／全${total}件）`,
    resultOfOne: (query: string, at: number, total: number) =>
      `「${query}」に関する記述（${at}件目／全${total}件）`,
    references: 'この段落が引用している文献',
    unmatched: (terms: string) => `見解に見当たらない語: ${terms}`,
    next: '次の結果',
    copy: 'コピー用テキスト',
    source: '原文（PDF）',
    keyPoints: '見解の要点',
    suggestKeyPoints: '要点',
    topics: '目次',
    fullText: '全文',
    fullTextIntro: '見解の全文は学会のサイトで PDF として公開されています。',
    noMatch: (query: string) =>
      `「${query}」について、見解には該当する記述が見つかりませんでした。見解に書かれていないことには答えられません。見解が扱っている内容は「目次」で、要点は「要点」で確認できます。`,
    usageTitle: 'JSEV 見解 bot の使い方',
    usageIntro:
      '日本細胞外小胞学会の見解から、質問に関係する段落をそのまま引用し、出典を添えて返します。キーワードや質問を送ってください。',
    commands: 'コマンド',
    examples: '例',
    paragraph: (n: number) => `第${n}段落`,
    point: (n: number) => `第${n}項`,
    searchHint: 'キーワードを入力すると、見解から該当する段落を探します（例: 上清液）。',
    // Plain-text summaries (notifications, fallbackText) never repeat what the member typed.
    resultPlain: (from: number, to: number, total: number) =>
      from === to
        ? `見解の記述（${from}件目／全${total}件）`
        : `見解の記述（${from}〜${to}件目／全${total}件）`,
    noMatchPlain:
      '見解には該当する記述が見つかりませんでした。見解に書かれていないことには答えられません。見解が扱っている内容は「目次」で、要点は「要点」で確認できます。',
    topicsBrief: (sections: string) =>
      `見解の目次: ${sections}。キーワードを入力すると、該当する段落を探します。`,
    welcomeTitle: 'JSEV 見解 bot へようこそ',
    welcomeIntro:
      '日本細胞外小胞学会の見解「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」から、質問に答える段落をそのまま引用し、出典を添えて返します。キーワードや質問を送ってください。',
    welcomeExampleLabel: '例えば',
    welcomeExample: 'EV製剤は医薬品ですか',
    composeCardHint:
      '挿入された引用カードには返信しません。質問はキーワードか文章で送ってください（例: 上清液）。',
  },
  en: {
    resultOf: (query: string, from: number, to: number, total: number) =>
      `What the statement says about "${query}" (${from}–${to} of ${total})`,
    resultOfOne: (query: string, at: number, total: number) =>
      `What the statement says about "${query}" (${at} of ${total})`,
    references: 'References cited in this paragraph',
    unmatched: (terms: string) => `Not found in the statement: ${terms}`,
    next: 'Next result',
    copy: 'Copy-ready text',
    source: 'Source (PDF)',
    keyPoints: 'Key points of the statement',
    suggestKeyPoints: 'Key points (要点)',
    topics: 'Topics (目次)',
    fullText: 'Full text (全文)',
    fullTextIntro: "The whole statement is published as a PDF on the society's website.",
    noMatch: (query: string) =>
      `The statement does not say anything about "${query}", and this bot only answers with what the statement says. See the topics (目次) for what it covers, or its key points (要点).`,
    usageTitle: 'How to use the JSEV statement bot',
    usageIntro:
      "Quotes the paragraphs of the Japanese Society for Extracellular Vesicles' statement that answer your question, verbatim, with a citation. Send a keyword or a question.",
    commands: 'Commands',
    examples: 'Examples',
    paragraph: (n: number) => `paragraph ${n}`,
    point: (n: number) => `point ${n}`,
    searchHint: 'Type a keyword to find the paragraphs of the statement about it (e.g. 上清液).',
    resultPlain: (from: number, to: number, total: number) =>
      from === to
        ? `What the statement says (${from} of ${total})`
        : `What the statement says (${from}–${to} of ${total})`,
    noMatchPlain:
      'The statement does not say anything about this, and this bot only answers with what the statement says. See the topics (目次) for what it covers, or its key points (要点).',
    topicsBrief: (sections: string) =>
      `Topics of the statement: ${sections}. Type a keyword to find the paragraphs about it.`,
    welcomeTitle: 'Welcome to the JSEV statement bot',
    welcomeIntro:
      "Quotes the paragraphs of the Japanese Society for Extracellular Vesicles' statement on medical practice using extracellular vesicles that answer your question, verbatim, with a citation. Send a keyword or a question.",
    welcomeExampleLabel: 'For example',
    welcomeExample: 'Is exosome therapy effective?',
    composeCardHint:
      'The bot does not reply to an inserted quote card. Send a keyword or a question (e.g. 上清液).',
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
