import type { types } from '@slack/bolt';
import type { Answer } from '../../src/answer.js';
import { copyAllText, copyReadyText } from '../../src/citation.js';
import { ACTION } from './actions.js';
import { button, LABELS, type SlackMessage, shareNote } from './blocks.js';
import { escapeMrkdwn, SECTION_TEXT_LIMIT, splitForSections } from './mrkdwn.js';

const FENCE = '```';

/** Plain text as code blocks, so Slack shows it unformatted and copyable; long text split across sections. */
function codeBlocks(plain: string): types.KnownBlock[] {
  // Slack decodes &amp; &lt; &gt; inside code blocks too, so escaping keeps the text exact.
  const room = SECTION_TEXT_LIMIT - 2 * (FENCE.length + 1);
  return splitForSections(plain, room).map(({ start, end }) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `${FENCE}\n${escapeMrkdwn(plain.slice(start, end))}\n${FENCE}` },
  }));
}

const fenced = (plain: string) => `${FENCE}\n${escapeMrkdwn(plain)}\n${FENCE}`;

/**
 * The "Copy as text" message: each quote shown, with its citation, in code blocks of its own.
 * Undefined for answers that have no quotes.
 */
export function renderCopyMessage(answer: Answer): SlackMessage | undefined {
  if (answer.kind !== 'answer' && answer.kind !== 'key-points') return undefined;
  const blocks = answer.quotes.flatMap((q) => codeBlocks(copyReadyText([q], answer.language)));
  return { text: fenced(copyReadyText(answer.quotes, answer.language)), blocks };
}

/** Where a "copy all" message goes: to the member alone (with a Share button), or shared by them. */
export interface CopyAllOptions {
  readonly shareable?: boolean;
  readonly sharedBy?: string;
}

/**
 * The "Copy all" message: every quote of the answer (give it every result: `askAll`) as the core's
 * one copy-ready block, in code blocks; shown to the member with a Share button, or shared in the
 * channel. Undefined for answers that have no quotes.
 */
export function renderCopyAllMessage(all: Answer, options: CopyAllOptions = {}): SlackMessage | undefined {
  const plain = copyAllText(all);
  if (plain === undefined) return undefined;
  const share: types.KnownBlock[] = options.shareable
    ? [{ type: 'actions', elements: [button(LABELS.share, ACTION.shareCopyAll, all.query, 0)] }]
    : [];
  return { text: fenced(plain), blocks: [...shareNote(options.sharedBy), ...codeBlocks(plain), ...share] };
}
