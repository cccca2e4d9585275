// The one catalogue of what the bot says in its own words, in Japanese and English. Every front end
// renders from it, adding only its platform's markup (how a command is written, what is bold), so a
// wording is changed in one place. Quotes and citations are not here: they are the statement's.
import type { Language } from './answer.js';
import type { DocumentStatus } from './corpus/types.js';

/** Marks a word as emphasised in a front end's markup (`*…*` in mrkdwn, nothing in plain text). */
export type Emphasis = (text: string) => string;

const plain: Emphasis = (text) => text;

/** Every fixed text a member sees, in one language. */
export interface Catalogue {
  readonly botName: string;
  /** The first line a member reads when the bot joins their chat. */
  readonly greeting: string;
  /** What the bot does, for a member meeting it: the first thing help and the App Home say. */
  readonly welcome: (em?: Emphasis) => string;
  /** An invitation to ask, with an example question. */
  readonly invite: (example: string) => string;
  /** The heading of the usage text. */
  readonly usageTitle: string;
  readonly howToAsk: string;
  /** What goes after the command, e.g. `/jsev <keyword or question>`. */
  readonly placeholder: string;
  readonly commands: string;
  readonly examples: string;
  /** The statement does not cover the query (or, without it, what the member asked). */
  readonly noMatch: (query?: string) => string;
  /** Where to look instead, given how this front end writes the topics and key points requests. */
  readonly suggest: (topics: string, keyPoints: string) => string;
  /** Query terms the statement does not contain. */
  readonly unmatched: (terms: readonly string[]) => string;
  /** The input was longer than the engine reads. */
  readonly inputCut: (characters: number) => string;
  /** The answer could not be delivered (the platform refused or failed). */
  readonly apology: string;
  /** The label before a passage's own references (what it cites). */
  readonly references: string;
  /** A document's status in a word, for the table of contents and the full text. */
  readonly status: Readonly<Record<DocumentStatus, string>>;
  /**
   * The line under every quote of a superseded document (and beside it in 目次 and 全文):
   * superseded on `date` (as {@link writtenDate} writes it) by the document titled `title`.
   */
  readonly superseded: (date: string, title: string, titleEn: string) => string;
}

/** The catalogue in Japanese and in English. */
export const MESSAGES: Record<Language, Catalogue> = {
  ja: {
    botName: 'JSEV見解ボット',
    greeting: 'JSEV見解ボットへようこそ',
    welcome: (em = plain) =>
      `日本細胞外小胞学会（JSEV）の見解から、質問に該当する箇所を${em('原文のまま')}、出典つきで引用します。要約や言い換えはしません。`,
    invite: (example) => `キーワードか質問を送ってください（例: ${example}）。`,
    usageTitle: 'JSEV見解ボットの使い方',
    howToAsk: '使い方',
    placeholder: 'キーワードまたは質問',
    commands: 'コマンド',
    examples: '例',
    noMatch: (query) =>
      `${query === undefined ? '' : `「${query}」について、`}見解には該当する記述が見つかりませんでした。`,
    suggest: (topics, keyPoints) => `見解が扱っている内容は${topics}、要点は${keyPoints}で確認できます。`,
    unmatched: (terms) => `※ 見解に含まれない語: ${terms.join('、')}`,
    inputCut: (characters) => `※ 入力が長いため、最初の${characters}文字だけを読みました。`,
    apology: '申し訳ありません。回答をお届けできませんでした。しばらくしてからもう一度お試しください。',
    references: '引用文献',
    status: { current: '現行', superseded: '旧版' },
    superseded: (date, title) => `※ 旧版: ${date}付の「${title}」に置き換えられています。`,
  },
  en: {
    botName: 'JSEV statement bot',
    greeting: 'Welcome to the JSEV statement bot',
    welcome: (em = plain) =>
      `Quotes the Japanese Society for Extracellular Vesicles (JSEV) position statement ${em('verbatim')}, with its citation. It never paraphrases.`,
    invite: (example) => `Send a keyword or a question (e.g. ${example}).`,
    usageTitle: 'How to use the JSEV statement bot',
    howToAsk: 'How to ask',
    placeholder: 'keyword or question',
    commands: 'Commands',
    examples: 'Examples',
    noMatch: (query) => `The statement does not address ${query === undefined ? 'this' : `“${query}”`}.`,
    suggest: (topics, keyPoints) => `Try ${topics} for what it covers, or ${keyPoints} for its key points.`,
    unmatched: (terms) => `Note: the statement does not contain: ${terms.join(', ')}`,
    inputCut: (characters) => `Note: only the first ${characters} characters of your message were read.`,
    apology: 'Sorry, the answer could not be delivered. Please try again shortly.',
    references: 'References',
    status: { current: 'current', superseded: 'superseded' },
    superseded: (date, title, titleEn) => `Note: superseded on ${date} by "${title}" [${titleEn}].`,
  },
};

/**
 * The short note a member gets when their answer could not be delivered, in both languages (where
 * delivery fails, the question's language is not at hand).
 */
export const APOLOGY = `${MESSAGES.ja.apology} / ${MESSAGES.en.apology}`;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A YYYY-MM-DD date as each language writes it in a citation: 2023年12月25日, 25 December 2023. */
export function writtenDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return language === 'ja' ? `${year}年${month}月${day}日` : `${day} ${MONTHS[month - 1]} ${year}`;
}
