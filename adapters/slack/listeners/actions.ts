import type {
  App,
  BlockAction,
  ButtonAction,
  FeedbackButtonsAction,
  RespondArguments,
  RespondFn,
} from '@slack/bolt';
import { detectLanguage } from '../../../src/intents.js';
import { describeError, type Logger } from '../../../src/log.js';
import { logFeedback } from '../../../src/request-log.js';
import { ACTION, decodeActionValue, decodeFeedbackValue } from '../actions.js';
import { renderBlocks, SLACK_TEXT } from '../blocks.js';
import { renderCopyMessage } from '../copy-text.js';
import type { ListenerDeps, Remembered } from './deps.js';

/**
 * Posts through the action's response_url and says whether Slack took it. Bolt's respond() rejects
 * for a refusal, a timeout (outbound.ts) or a response_url outside Slack's hosts: logged here once.
 */
export async function post(log: Logger, respond: RespondFn, message: RespondArguments): Promise<boolean> {
  try {
    const res = await respond(message);
    if (!res.ok) log.warn({ status: res.status }, 'response_url refused the message');
    return res.ok;
  } catch (error) {
    log.warn({ err: describeError(error) }, 'response_url post failed');
    return false;
  }
}

/**
 * Shows an answer in place of an ephemeral message (its remembered rendering: each press would
 * otherwise render it again), or in the thread of a public one.
 */
async function showAnswer(
  log: Logger,
  body: BlockAction,
  respond: RespondFn,
  found: Remembered,
): Promise<void> {
  if (body.container?.is_ephemeral === true) {
    await post(log, respond, { replace_original: true, ...found.ephemeral });
    return;
  }
  const thread = body.message?.thread_ts ?? body.message?.ts;
  await post(log, respond, {
    response_type: 'in_channel',
    replace_original: false,
    ...(thread ? { thread_ts: thread } : {}),
    ...renderBlocks(found.answer),
  });
}

/**
 * A 👍/👎 press: one `feedback` log line (the question only under LOG_QUERIES=all), and a thank-you
 * only the member sees. Nothing is posted to the channel.
 */
function registerFeedback(app: App, { log, queries }: ListenerDeps): void {
  app.action<BlockAction<FeedbackButtonsAction>>(ACTION.feedback, async ({ ack, action, respond }) => {
    await ack();
    const feedback = decodeFeedbackValue(action.value);
    if (!feedback) return;
    logFeedback(log, { platform: 'slack', surface: 'button', ...feedback }, queries);
    const thanks = SLACK_TEXT[detectLanguage(feedback.query)].feedbackThanks;
    await post(log, respond, { response_type: 'ephemeral', replace_original: false, text: thanks });
  });
}

/** The buttons on answers: share in channel, next result, a suggested query, copy as text, feedback. */
export function register(app: App, deps: ListenerDeps): void {
  const { answer, log } = deps;
  registerFeedback(app, deps);
  const ask = (surface: string, query: string, offset: number) => answer(surface, query, offset).answer;

  app.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, action, body, respond }) => {
    await ack();
    const value = decodeActionValue(action.value);
    if (!value) return;
    const message = renderBlocks(ask('share', value.query, value.offset), { sharedBy: body.user.id });
    // Post publicly first; the ephemeral copy goes only once the public one is there.
    if (await post(log, respond, { response_type: 'in_channel', replace_original: false, ...message })) {
      await post(log, respond, { delete_original: true });
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION.next, async ({ ack, action, body, respond }) => {
    await ack();
    const value = decodeActionValue(action.value);
    if (value) await showAnswer(log, body, respond, answer('next', value.query, value.offset));
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTION.ask}`),
    async ({ ack, action, body, respond }) => {
      await ack();
      const value = decodeActionValue(action.value);
      if (value) await showAnswer(log, body, respond, answer('suggestion', value.query, value.offset));
    },
  );

  app.action<BlockAction<ButtonAction>>(ACTION.copy, async ({ ack, action, respond }) => {
    await ack();
    const value = decodeActionValue(action.value);
    const message = value && renderCopyMessage(ask('copy', value.query, value.offset));
    if (message)
      await post(log, respond, { response_type: 'ephemeral', replace_original: false, ...message });
  });
}
