import type { types } from '@slack/bolt';
import type { Answer } from '../../src/answer.js';
import { copyReadyText } from '../../src/citation.js';
import type { SlackMessage } from './blocks.js';
import { escapeMrkdwn, SECTION_TEXT_LIMIT, splitForSections } from './mrkdwn.js';

const FENCE = '```';

/**
 * The "Copy as text" message: the quotes and citations in code blocks, so Slack shows them
 * unformatted and copyable. Long text is split across sections, each its own code block.
 * Undefined for answers that have no quotes.
 */
export function renderCopyMessage(answer: Answer): SlackMessage | undefined {
  if (answer.kind !== 'answer' && answer.kind !== 'key-points') return undefined;
  const plain = copyReadyText(answer.quotes, answer.language);
  // Slack decodes &amp; &lt; &gt; inside code blocks too, so escaping keeps the text exact.
  const room = SECTION_TEXT_LIMIT - 2 * (FENCE.length + 1);
  const blocks: types.KnownBlock[] = splitForSections(plain, room).map(({ start, end }) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `${FENCE}\n${escapeMrkdwn(plain.slice(start, end))}\n${FENCE}` },
  }));
  return { text: `${FENCE}\n${escapeMrkdwn(plain)}\n${FENCE}`, blocks };
}
