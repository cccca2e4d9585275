import type { types } from '@slack/bolt';
import type { Retriever } from '../../src/answer.js';
import { documentStatusText } from '../../src/citation.js';
import { MESSAGES } from '../../src/messages.js';
import { linesToSections, quoteBlocks, SLACK_TEXT } from './blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Slack's limit on blocks in a Home tab view. */
const MAX_HOME_BLOCKS = 100;

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
  const keyPoints = retriever.keyPoints();
  const topics = retriever.topics();
  const { usage } = retriever.usage();
  const { ja, en } = MESSAGES;
  const documents = retriever.corpusInfo.documents;
  const blocks: types.KnownBlock[] = [
    header(`${ja.botName} / ${en.botName}`),
    section([ja.welcome((t) => `*${t}*`), `_${en.welcome()}_`].join('\n')),
    ...linesToSections(
      documents.map(
        (d) =>
          `• <${d.url}|${escapeMrkdwn(d.title)}>（${escapeMrkdwn(d.dateAsWritten)}）— ${escapeMrkdwn(documentStatusText(d, documents, 'ja'))}`,
      ),
    ),
    divider,
    header(`${ja.howToAsk} / ${en.howToAsk}`),
    section(
      [
        `\`/jsev &lt;${ja.placeholder}&gt;\` — ${SLACK_TEXT.ja.onlyYou}`,
        `_${SLACK_TEXT.en.onlyYou}_`,
        SLACK_TEXT.ja.elsewhere,
        `_${SLACK_TEXT.en.elsewhere}_`,
      ].join('\n'),
    ),
  ];
  blocks.push(
    ...linesToSections([
      ...usage.commands.map(
        (c) =>
          `\`/jsev ${c.keyword}\` (${escapeMrkdwn(c.en)}) — ${escapeMrkdwn(c.description.ja)} / _${escapeMrkdwn(c.description.en)}_`,
      ),
      `${ja.examples} / ${en.examples}: ${usage.examples.map((e) => `\`/jsev ${escapeMrkdwn(e)}\``).join('  ')}`,
    ]),
  );
  blocks.push(divider, header('見解の要点 / Key points'));
  for (const quote of keyPoints.quotes) blocks.push(...quoteBlocks(quote, 'ja'));
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
  return { type: 'home', blocks: blocks.slice(0, MAX_HOME_BLOCKS) };
}
