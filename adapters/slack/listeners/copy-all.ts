import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { logRequest } from '../../../src/request-log.js';
import { askAll } from '../../../src/retriever.js';
import { ACTION, decodeActionValue } from '../actions.js';
import type { SlackMessage } from '../blocks.js';
import { type CopyAllOptions, renderCopyAllMessage } from '../copy-text.js';
import { post } from './actions.js';
import type { ListenerDeps } from './deps.js';

/**
 * "Copy all" under an answer: every quote of it (all results, not only the one shown) as one
 * copy-ready block, shown only to the member; its Share button posts the block in the channel.
 */
export function register(app: App, { retriever, log, queries }: ListenerDeps): void {
  // Not through the answer memo: that holds one page (one quote) per entry, this is every result.
  const copyAll = (surface: string, query: string, options: CopyAllOptions): SlackMessage | undefined => {
    const all = askAll(retriever, query);
    logRequest(log, all, { platform: 'slack', surface, queries });
    return renderCopyAllMessage(all, options);
  };

  app.action<BlockAction<ButtonAction>>(ACTION.copyAll, async ({ ack, action, respond }) => {
    await ack();
    const value = decodeActionValue(action.value);
    const message = value && copyAll('copy-all', value.query, { shareable: true });
    if (message)
      await post(log, respond, { response_type: 'ephemeral', replace_original: false, ...message });
  });

  app.action<BlockAction<ButtonAction>>(ACTION.shareCopyAll, async ({ ack, action, body, respond }) => {
    await ack();
    const value = decodeActionValue(action.value);
    const message = value && copyAll('share-copy-all', value.query, { sharedBy: body.user.id });
    // Post publicly first; the member's ephemeral copy goes only once the public one is there.
    if (
      message &&
      (await post(log, respond, { response_type: 'in_channel', replace_original: false, ...message }))
    ) {
      await post(log, respond, { delete_original: true });
    }
  });
}
