import type { types } from '@slack/bolt';
import type {
  Answer,
  DocumentTopics,
  FullTextAnswer,
  KeyPointsAnswer,
  Language,
  NoMatchAnswer,
  Quote,
  SearchAnswer,
  TopicsAnswer,
  UsageAnswer,
} from '../../src/answer.js';
import { documentStatusText } from '../../src/citation.js';
import { type Emphasis, MESSAGES } from '../../src/messages.js';
import { ACTION, encodeActionValue, encodeFeedbackValue } from './actions.js';
import { escapeMrkdwn, SECTION_TEXT_LIMIT } from './mrkdwn.js';
import { quoteRichText, richTextLine } from './rich-text.js';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** A Slack message: blocks, and the plain `text` Slack shows in notifications and where blocks cannot be. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** Slack's limit on blocks in one message. */
export const MAX_BLOCKS = 50;

/** Where a rendered answer goes, which decides its buttons. */
export interface RenderOptions {
  /** Ephemeral answers (the slash command) get the Share button; public ones do not need it. */
  readonly shareable?: boolean;
  /** The Slack user id of the member who shared the answer into the channel. */
  readonly sharedBy?: string;
}

/** The labels of the buttons the bot puts on its messages, in both languages. */
export const LABELS = {
  share: 'チャンネルに共有 / Share in channel',
  next: '次の候補 / Next result',
  copy: 'コピー用テキスト / Copy as text',
  copyAll: 'すべてコピー / Copy all',
  topics: '目次 / Topics',
  keyPoints: '要点 / Key points',
} as const;

/** Slack-only texts (what the slash command and mentions do), in each language; the rest is src/messages.ts. */
export const SLACK_TEXT = {
  ja: {
    onlyYou: '自分にだけ表示され、「チャンネルに共有」で全員に見せられます。',
    elsewhere: 'チャンネルでメンションするとスレッドで、このアプリへのDMではそのまま答えます。',
    feedbackThanks: 'ご意見ありがとうございます。回答の改善に使います。',
    helpful: 'この引用は質問に答えている',
    notHelpful: 'この引用は質問に答えていない',
  },
  en: {
    onlyYou: 'Only you see the answer; “Share in channel” shows it to everyone.',
    elsewhere: 'Mention the bot in a channel to get the answer in the thread, or send it a direct message.',
    feedbackThanks: 'Thank you: your feedback helps improve the answers.',
    helpful: 'This quote answers the question',
    notHelpful: 'This quote does not answer the question',
  },
} as const satisfies Record<Language, Record<string, string>>;

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
// For mrkdwn that echoes what a member typed: `verbatim` stops Slack from turning a bare address,
// #channel or @name in it into a link or mention (the text is escaped as well).
const echoSection = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text, verbatim: true },
});
const echoContext = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text, verbatim: true }],
});
const header = (text: string): KnownBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: text.slice(0, 150), emoji: false },
});
/** A button that carries a query and offset (see actions.ts). */
export const button = (text: string, actionId: string, query: string, offset: number): Button => ({
  type: 'button',
  text: { type: 'plain_text', text, emoji: false },
  action_id: actionId,
  value: encodeActionValue({ query, offset }),
});

/** Several lines of mrkdwn as few sections as fit, never splitting a line (lines are short). */
export function linesToSections(lines: readonly string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current !== '' && current.length + 1 + line.length > SECTION_TEXT_LIMIT) {
      blocks.push(section(current));
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') blocks.push(section(current));
  return blocks;
}

/**
 * One quote: the verbatim passage as rich_text quotes (matched terms bold, journal names italic,
 * addresses as links; no markup, nothing invisible), then the citation and the paragraph's own
 * references, both copy-ready.
 */
export function quoteBlocks(quote: Quote, language: Language): KnownBlock[] {
  const { passage } = quote;
  const blocks: KnownBlock[] = quoteRichText(passage.text, quote.highlights, passage.styles);
  blocks.push(
    context(`${language === 'ja' ? '出典' : 'Source'}: ${escapeMrkdwn(quote.citation.text[language])}`),
  );
  const superseded = quote.citation.superseded?.note[language];
  if (superseded !== undefined) blocks.push(context(`*${escapeMrkdwn(superseded)}*`));
  if (passage.references.length > 0) {
    const label = `${MESSAGES[language].references}: `;
    const pieces = passage.references.map((text, i) => ({ text, styles: passage.referenceStyles[i] ?? [] }));
    blocks.push(richTextLine(label, pieces, ' / '));
  }
  return blocks;
}

/**
 * 👍/👎 under a quote (Slack's feedback buttons). Each button carries the passage, its direction
 * and the question, so a press is logged without any state kept here.
 */
function feedbackBlock(quote: Quote, query: string, language: Language): KnownBlock {
  const text = SLACK_TEXT[language];
  const half = (emoji: string, label: string, value: 'up' | 'down') => ({
    text: { type: 'plain_text' as const, text: emoji, emoji: true },
    accessibility_label: label,
    value: encodeFeedbackValue({ passage: quote.passage.id, value, query }),
  });
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTION.feedback,
        positive_button: half('👍', text.helpful, 'up'),
        negative_button: half('👎', text.notHelpful, 'down'),
      },
    ],
  };
}

/** Quote blocks and feedback for as many quotes as fit in `budget` blocks, dividers between them. */
function quotesWithin(answer: SearchAnswer | KeyPointsAnswer, budget: number): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const quote of answer.quotes) {
    const next = [
      ...(blocks.length > 0 ? [{ type: 'divider' } as KnownBlock] : []),
      ...quoteBlocks(quote, answer.language),
      feedbackBlock(quote, answer.query, answer.language),
    ];
    if (blocks.length + next.length > budget) break;
    blocks.push(...next);
  }
  return blocks;
}

/** The plain fallback for a list of quotes: escaped, since Slack parses `text` as mrkdwn too. */
function quotesFallback(quotes: readonly Quote[], language: Language): string {
  return quotes
    .map((q) => {
      const superseded = q.citation.superseded?.note[language];
      const note = superseded === undefined ? '' : `\n${escapeMrkdwn(superseded)}`;
      return `${escapeMrkdwn(q.passage.text)}\n— ${escapeMrkdwn(q.citation.text[language])}${note}`;
    })
    .join('\n\n');
}

function topicLines(topics: readonly DocumentTopics[], language: Language): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const doc of topics) {
    for (const s of doc.sections) {
      const heading = language === 'ja' ? `${s.heading}（${s.headingEn}）` : `${s.headingEn} (${s.heading})`;
      blocks.push(
        ...linesToSections([
          `*${escapeMrkdwn(heading)}*`,
          ...s.entries.map((e) => `${e.paragraph}. ${escapeMrkdwn(e.firstSentence)}`),
        ]),
      );
    }
  }
  return blocks;
}

/** Who shared a message into the channel, as a mention (for any message the bot shares on a member's behalf). */
export function shareNote(sharedBy: string | undefined): KnownBlock[] {
  // Only a well-formed user id goes into markup, so a forged payload cannot inject a mention.
  return sharedBy && /^[UW][A-Z0-9]{2,}$/.test(sharedBy)
    ? [context(`<@${sharedBy}> が共有しました / shared`)]
    : [];
}

/** Caps a message at Slack's 50 blocks, keeping the actions row last. */
function capBlocks(blocks: KnownBlock[], actions: KnownBlock | undefined): KnownBlock[] {
  const room = MAX_BLOCKS - (actions ? 1 : 0);
  const kept = blocks.length > room ? [...blocks.slice(0, room - 1), context('…')] : blocks;
  return actions ? [...kept, actions] : kept;
}

function actionsBlock(buttons: Button[]): KnownBlock | undefined {
  return buttons.length > 0 ? { type: 'actions', elements: buttons } : undefined;
}

/** Bold in mrkdwn, for the catalogue's emphasis. */
const bold: Emphasis = (text) => `*${text}*`;

/** The share button, for answers shown only to the member who asked. */
const shareButtons = (answer: Answer, options: RenderOptions): Button[] =>
  options.shareable ? [button(LABELS.share, ACTION.share, answer.query, 0)] : [];

function renderSearch(answer: SearchAnswer, options: RenderOptions): SlackMessage {
  const ja = answer.language === 'ja';
  const query = escapeMrkdwn(answer.query);
  const shown = answer.quotes.length;
  const first = answer.offset + 1;
  const range = shown > 1 ? `${first}–${answer.offset + shown}` : `${first}`;
  const head = echoContext(
    ja
      ? `「${query}」に該当する箇所 ${range}/${answer.total}件`
      : `Passage ${range} of ${answer.total} for “${query}”`,
  );
  const m = MESSAGES[answer.language];
  const notes = answer.unmatched.length > 0 ? [echoContext(escapeMrkdwn(m.unmatched(answer.unmatched)))] : [];
  const buttons: Button[] = [];
  if (options.shareable) buttons.push(button(LABELS.share, ACTION.share, answer.query, answer.offset));
  if (answer.total > answer.offset + shown) {
    buttons.push(button(LABELS.next, ACTION.next, answer.query, answer.offset + shown));
  }
  buttons.push(
    button(LABELS.copy, ACTION.copy, answer.query, answer.offset),
    button(LABELS.copyAll, ACTION.copyAll, answer.query, 0),
  );
  const fixed = [head, ...shareNote(options.sharedBy), ...notes];
  const body = quotesWithin(answer, MAX_BLOCKS - fixed.length - 1);
  return {
    text: quotesFallback(answer.quotes, answer.language),
    blocks: capBlocks([...fixed, ...body], actionsBlock(buttons)),
  };
}

function renderKeyPoints(answer: KeyPointsAnswer, options: RenderOptions): SlackMessage {
  const title = answer.language === 'ja' ? '見解の要点 / Key points' : 'Key points / 要点';
  const buttons = [
    ...shareButtons(answer, options),
    button(LABELS.copy, ACTION.copy, answer.query, 0),
    button(LABELS.copyAll, ACTION.copyAll, answer.query, 0),
  ];
  const fixed = [header(title), ...shareNote(options.sharedBy)];
  const body = quotesWithin(answer, MAX_BLOCKS - fixed.length - 1);
  return {
    text: `${title}\n\n${quotesFallback(answer.quotes, answer.language)}`,
    blocks: capBlocks([...fixed, ...body], actionsBlock(buttons)),
  };
}

function renderNoMatch(answer: NoMatchAnswer): SlackMessage {
  const m = MESSAGES[answer.language];
  const message = m.noMatch(escapeMrkdwn(answer.query));
  const offer =
    answer.language === 'ja'
      ? m.suggest('`/jsev 目次`', '`/jsev 要点`')
      : m.suggest('`/jsev topics`', '`/jsev key points`');
  const actions = actionsBlock([
    button(LABELS.topics, `${ACTION.ask}_topics`, '目次', 0),
    button(LABELS.keyPoints, `${ACTION.ask}_key_points`, '要点', 0),
  ]);
  // `text` is what notifications and screen readers read, and Slack links addresses in it: it says
  // that nothing was found without repeating what the member typed.
  return {
    text: `${m.noMatch()}\n${offer}`,
    blocks: capBlocks([echoSection(message), context(offer)], actions),
  };
}

function renderTopics(answer: TopicsAnswer, options: RenderOptions): SlackMessage {
  const ja = answer.language === 'ja';
  const lang = answer.language;
  const title = ja ? '目次 / Topics' : 'Topics / 目次';
  const blocks: KnownBlock[] = [header(title), ...shareNote(options.sharedBy)];
  const documents = answer.topics.map((t) => t.document);
  for (const { document: d } of answer.topics) {
    const status = documentStatusText(d, documents, lang);
    blocks.push(context(escapeMrkdwn(`${d.issuer[lang]}「${d.title}」（${d.date}）— ${status}`)));
  }
  blocks.push(...topicLines(answer.topics, lang));
  blocks.push(
    context(
      ja
        ? '段落の本文は `/jsev &lt;キーワード&gt;` で原文のまま引用します。'
        : 'Ask `/jsev &lt;keyword&gt;` to quote a paragraph verbatim.',
    ),
  );
  return { text: title, blocks: capBlocks(blocks, actionsBlock(shareButtons(answer, options))) };
}

function renderFullText(answer: FullTextAnswer, options: RenderOptions): SlackMessage {
  const ja = answer.language === 'ja';
  const title = ja ? '見解の全文 / Full text' : 'Full text / 全文';
  const lines = answer.documents.map((d) => {
    const status = documentStatusText(d, answer.documents, answer.language);
    const about = `${d.issuer[answer.language]}、${ja ? d.dateAsWritten : d.date} — ${status}`;
    return `<${d.url}|${escapeMrkdwn(d.title)}>\n${escapeMrkdwn(about)}`;
  });
  return {
    text: `${title}\n${answer.documents.map((d) => `${escapeMrkdwn(d.title)} ${d.url}`).join('\n')}`,
    blocks: capBlocks(
      [header(title), ...shareNote(options.sharedBy), ...linesToSections(lines)],
      actionsBlock(shareButtons(answer, options)),
    ),
  };
}

/** How to ask, in the query's language: the command, the keywords, a few examples, mentions and DMs. */
function renderUsage(answer: UsageAnswer): SlackMessage {
  // The placeholders are written escaped (&lt; &gt;), as Slack asks of all mrkdwn and of `text`:
  // a raw `<…>` is read as a link or mention.
  const ja = answer.language === 'ja';
  const m = MESSAGES[answer.language];
  const { usage } = answer;
  const how = `\`/jsev &lt;${m.placeholder}&gt;\` — ${SLACK_TEXT[answer.language].onlyYou}`;
  const commands = usage.commands.map(
    (c) => `\`/jsev ${ja ? c.keyword : c.en}\` — ${escapeMrkdwn(c.description[answer.language])}`,
  );
  const examples = usage.examples.map((e) => `\`/jsev ${escapeMrkdwn(e)}\``);
  return {
    text: `${m.howToAsk}: /jsev &lt;${m.placeholder}&gt;`,
    blocks: [
      section(m.welcome(bold)),
      ...linesToSections([`*${m.howToAsk}*`, how, ...commands]),
      section(`*${m.examples}*\n${examples.join('\n')}`),
      context(SLACK_TEXT[answer.language].elsewhere),
    ],
  };
}

function renderKind(answer: Answer, options: RenderOptions): SlackMessage {
  switch (answer.kind) {
    case 'answer':
      return renderSearch(answer, options);
    case 'key-points':
      return renderKeyPoints(answer, options);
    case 'no-match':
      return renderNoMatch(answer);
    case 'topics':
      return renderTopics(answer, options);
    case 'full-text':
      return renderFullText(answer, options);
    case 'usage':
      return renderUsage(answer);
  }
}

/** The message with a note before its buttons (and in its fallback), still within 50 blocks. */
function withNote(message: SlackMessage, note: string): SlackMessage {
  const last = message.blocks.at(-1);
  const actions = last?.type === 'actions' ? [last] : [];
  const rest = actions.length > 0 ? message.blocks.slice(0, -1) : message.blocks;
  const room = MAX_BLOCKS - actions.length - 1;
  return {
    text: `${message.text}\n${note}`,
    blocks: [...rest.slice(0, room), context(note), ...actions],
  };
}

/**
 * Renders one of the engine's answers as a Slack message (Block Kit). Pure: the same answer gives
 * the same message. Every piece of user or corpus text is escaped; quotes are verbatim. When the
 * input was cut, a note says how much was read.
 */
export function renderBlocks(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const message = renderKind(answer, options);
  if (answer.inputCut === undefined) return message;
  return withNote(message, escapeMrkdwn(MESSAGES[answer.language].inputCut(answer.inputCut)));
}
