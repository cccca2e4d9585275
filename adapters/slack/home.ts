import type { types } from '@slack/bolt';
import type { Retriever } from '../../src/answer.js';
import { linesToSections, quoteBlocks } from './blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Slack's limit on blocks in a Home tab view. */
export const MAX_HOME_BLOCKS = 100;

const header = (text: string): types.KnownBlock => ({
  type: 'header',
  text: { type: 'plain_text', text, emoji: false },
});
const section = (text: string): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const divider: types.KnownBlock = { type: 'divider' };

/**
 * The App Home tab, for members meeting the bot for the first time: what it is, the statement's key
 * points (verbatim, with citations), its topics and how to ask, in Japanese with English.
 * Everything comes from the engine, so the tab follows the corpus.
 */
export function renderHome(retriever: Retriever): types.HomeView {
  const keyPoints = retriever.ask('要点');
  const topics = retriever.ask('目次');
  const usage = retriever.ask('help');
  const documents = retriever.corpusInfo.documents;
  const blocks: types.KnownBlock[] = [
    header('JSEV見解ボット / JSEV statement bot'),
    section(
      [
        '日本細胞外小胞学会（JSEV）の見解から、質問に該当する箇所を*原文のまま*、出典つきで引用します。要約や言い換えはしません。',
        '_Quotes the Japanese Society for Extracellular Vesicles’ position statement verbatim, with its citation. It never paraphrases._',
      ].join('\n'),
    ),
    ...linesToSections(
      documents.map((d) => `• <${d.url}|${escapeMrkdwn(d.title)}>（${escapeMrkdwn(d.dateAsWritten)}）`),
    ),
    divider,
    header('使い方 / How to ask'),
    section(
      [
        '`/jsev &lt;キーワードまたは質問&gt;` — 自分にだけ表示されます。「チャンネルに共有」で全員に見せられます。',
        '_Only you see the answer; “Share in channel” shows it to everyone._',
        'チャンネルでメンションするとスレッドで、このアプリへのDMではそのまま答えます。',
        '_Mention the bot in a channel to get the answer in the thread, or send it a direct message._',
      ].join('\n'),
    ),
  ];
  if (usage.kind === 'usage') {
    blocks.push(
      ...linesToSections([
        ...usage.usage.commands.map(
          (c) =>
            `\`/jsev ${c.keyword}\` (${escapeMrkdwn(c.en)}) — ${escapeMrkdwn(c.description.ja)} / _${escapeMrkdwn(c.description.en)}_`,
        ),
        `例 / Examples: ${usage.usage.examples.map((e) => `\`/jsev ${escapeMrkdwn(e)}\``).join('  ')}`,
      ]),
    );
  }
  if (keyPoints.kind === 'key-points') {
    blocks.push(divider, header('見解の要点 / Key points'));
    for (const quote of keyPoints.quotes) blocks.push(...quoteBlocks(quote, 'ja'));
  }
  if (topics.kind === 'topics') {
    blocks.push(divider, header('目次 / Topics'));
    for (const doc of topics.topics) {
      for (const s of doc.sections) {
        blocks.push(
          ...linesToSections([
            `*${escapeMrkdwn(`${s.heading}（${s.headingEn}）`)}*`,
            ...s.entries.map((e) => `${e.paragraph}. ${escapeMrkdwn(e.firstSentence)}`),
          ]),
        );
      }
    }
  }
  return { type: 'home', blocks: blocks.slice(0, MAX_HOME_BLOCKS) };
}
