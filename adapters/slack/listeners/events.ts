import type { App, webApi } from '@slack/bolt';
import { describeError, type Logger } from '../../../src/log.js';
import { APOLOGY } from '../../../src/messages.js';
import { renderBlocks, type SlackMessage } from '../blocks.js';
import { isAuthError } from '../errors.js';
import { stripMentions } from '../mentions.js';
import { unescapeMrkdwn } from '../mrkdwn.js';
import type { ListenerDeps } from './deps.js';

/** Strips mentions of the bot (and any leading mention) and Slack's escaping from message text. */
export function queryFromMessage(text: string | undefined, botUserId: string | undefined): string {
  return unescapeMrkdwn(stripMentions(text ?? '', botUserId)).trim();
}

interface Destination {
  readonly channel: string;
  readonly thread_ts?: string;
  readonly user?: string | undefined;
}

/**
 * Posts an answer to a mention or DM. If Slack will not take it (after the client's bounded
 * retries), the failure is logged once here, not rethrown (Bolt would log it again), and the
 * member gets a short ephemeral apology, unless the token is refused, when nothing can be posted.
 */
async function postAnswer(
  log: Logger,
  client: webApi.WebClient,
  surface: 'mention' | 'dm',
  where: Destination,
  message: SlackMessage,
): Promise<void> {
  const thread = where.thread_ts ? { thread_ts: where.thread_ts } : {};
  try {
    await client.chat.postMessage({ channel: where.channel, ...thread, ...message });
  } catch (error) {
    log.error(
      { err: describeError(error), method: 'chat.postMessage', surface },
      'Slack answer could not be posted',
    );
    if (isAuthError(error) || !where.user) return;
    try {
      await client.chat.postEphemeral({ channel: where.channel, user: where.user, ...thread, text: APOLOGY });
    } catch (apologyError) {
      // Slack is still down: the member sees no answer either way, and the failure is logged above.
      log.warn({ err: describeError(apologyError), surface }, 'Slack apology could not be posted');
    }
  }
}

/** @mentions answered in their thread, direct messages in the DM. */
export function register(app: App, { answer, log }: ListenerDeps): void {
  app.event('app_mention', async ({ event, client, context }) => {
    // In a DM the message event answers; answering the mention too would post twice.
    if (event.channel.startsWith('D')) return;
    const { answer: found } = answer('mention', queryFromMessage(event.text, context.botUserId));
    const where = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts, user: event.user };
    await postAnswer(log, client, 'mention', where, renderBlocks(found));
  });

  app.event('message', async ({ event, client, context }) => {
    // Only what a person writes in a DM: no edits, joins or bot messages (our own replies included).
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id) return;
    const { answer: found } = answer('dm', queryFromMessage(event.text, context.botUserId));
    const where = { channel: event.channel, user: event.user };
    await postAnswer(log, client, 'dm', where, renderBlocks(found));
  });
}
