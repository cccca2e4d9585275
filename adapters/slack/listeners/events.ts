import type { App, webApi } from '@slack/bolt';
import { z } from 'zod';
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

/** Whether an event was sent by a bot (another app, a workflow, an integration): never answered. */
function isFromBot(event: Readonly<Record<string, unknown>>): boolean {
  return (
    (typeof event.bot_id === 'string' && event.bot_id !== '') ||
    (typeof event.bot_profile === 'object' && event.bot_profile !== null) ||
    event.subtype === 'bot_message'
  );
}

/** What a listener reads of a mention or DM, once each field has the type Slack gives it. */
const messageFields = z.looseObject({
  channel: z.string().min(1),
  // Slack sends the text of every mention and DM; without one, the member asked nothing.
  text: z.string().default(''),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
  user: z.string().optional(),
});

/**
 * The fields of a mention or DM that is to be answered, or undefined (and a log line saying why)
 * for one from a bot, or one whose fields are not of the types Slack sends.
 */
function toAnswer(log: Logger, event: Readonly<Record<string, unknown>>) {
  if (isFromBot(event)) {
    // Two bots that answer each other would never stop.
    log.debug({ event: event.type, botId: event.bot_id }, 'event from a bot ignored');
    return undefined;
  }
  const fields = messageFields.safeParse(event);
  if (!fields.success) log.warn({ event: event.type }, 'Slack event not understood');
  return fields.data;
}

/** @mentions answered in their thread, direct messages in the DM; never a bot's. */
export function register(app: App, { answer, log }: ListenerDeps): void {
  app.event('app_mention', async ({ event, client, context }) => {
    const mention = toAnswer(log, event as unknown as Record<string, unknown>);
    // In a DM the message event answers; answering the mention too would post twice.
    if (!mention || mention.channel.startsWith('D')) return;
    const { answer: found } = answer('mention', queryFromMessage(mention.text, context.botUserId));
    const thread = mention.thread_ts ?? mention.ts;
    const where = { channel: mention.channel, ...(thread ? { thread_ts: thread } : {}), user: mention.user };
    await postAnswer(log, client, 'mention', where, renderBlocks(found));
  });

  app.event('message', async ({ event, client, context }) => {
    // Only what a person writes in a DM: no edits or joins (subtypes), nothing from a bot.
    const fields = event as unknown as Record<string, unknown>;
    if (fields.channel_type !== 'im' || (fields.subtype !== undefined && !isFromBot(fields))) return;
    const dm = toAnswer(log, fields);
    if (!dm) return;
    const { answer: found } = answer('dm', queryFromMessage(dm.text, context.botUserId));
    await postAnswer(log, client, 'dm', { channel: dm.channel, user: dm.user }, renderBlocks(found));
  });
}
