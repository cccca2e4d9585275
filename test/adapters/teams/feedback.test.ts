import nock from 'nock';
import { afterEach, describe, expect, test } from 'vitest';
import { feedbackOf } from '../../../adapters/teams/answered.js';
import { createLogger } from '../../../src/log.js';
import { captureLogLines } from '../../helpers/log-lines.js';
import {
  expectReply,
  messageActivity,
  postActivity,
  UNAUTHENTICATED_ENV,
  useTeamsServer,
} from './helpers.js';

const capture = captureLogLines();
const { sink, lines } = capture;
const server = useTeamsServer(UNAUTHENTICATED_ENV, createLogger({ level: 'info' }, sink));
afterEach(() => {
  capture.clear();
});

/** The invoke Teams sends when a member presses 👍 or 👎 under the bot's message `replyToId`. */
function feedbackInvoke(reaction: string, replyToId: string) {
  return messageActivity({
    type: 'invoke',
    name: 'message/submitAction',
    id: 'feedback-invoke-id',
    text: undefined,
    replyToId,
    value: {
      actionName: 'feedback',
      actionValue: { reaction, feedback: JSON.stringify({ feedbackText: 'a comment typed by the member' }) },
    },
  });
}

const feedbackLines = () => lines.filter((l) => l.msg === 'feedback');

/** Asks 上清液 and returns the answer as the connector received it; the connector names it `messageId`. */
async function answer(messageId: string, text = '上清液') {
  const { replies } = expectReply('a:personal-conversation-id', '1712345678901', undefined, messageId);
  await postActivity(server.url, messageActivity({ text }));
  return replies[0];
}

describe("Teams' feedback loop", () => {
  test('is enabled on an answer message', async () => {
    const reply = await answer('answer-1');

    expect(reply?.channelData).toEqual({ feedbackLoopEnabled: true });
  });

  test('is not offered when the statement does not cover the question (no passage to rate)', async () => {
    const reply = await answer('answer-2', 'ビットコイン');

    expect(reply?.channelData?.feedbackLoopEnabled).toBeUndefined();
  });

  test('a 👍 on an answer is acknowledged with 200, logged once with its passage, and posts nothing', async () => {
    await answer('answer-3');
    const posted = nock('https://smba.trafficmanager.net').post(/.*/).reply(200, {});

    const response = await postActivity(server.url, feedbackInvoke('like', 'answer-3'));

    expect(response.status).toBe(200);
    expect(posted.isDone()).toBe(false);
    expect(feedbackLines()).toHaveLength(1);
    expect(feedbackLines()[0]).toMatchObject({
      platform: 'teams',
      passage: 'jsev-2023-12-25/p2',
      value: 'up',
    });
  });

  test('a 👎 is logged as down', async () => {
    await answer('answer-4');

    await postActivity(server.url, feedbackInvoke('dislike', 'answer-4'));

    expect(feedbackLines()[0]).toMatchObject({ passage: 'jsev-2023-12-25/p2', value: 'down' });
  });

  test("logs neither the question nor the member's comment under the default LOG_QUERIES", async () => {
    await answer('answer-5');

    await postActivity(server.url, feedbackInvoke('dislike', 'answer-5'));

    const logged = JSON.stringify(feedbackLines());
    expect(logged).not.toContain('上清液');
    expect(logged).not.toContain('a comment typed by the member');
  });

  test("logs the question and the member's comment with the feedback under LOG_QUERIES=all", async () => {
    await server.restart({ ...UNAUTHENTICATED_ENV, LOG_QUERIES: 'all' });
    await answer('answer-6');

    await postActivity(server.url, feedbackInvoke('dislike', 'answer-6'));

    expect(feedbackLines()[0]).toMatchObject({
      passage: 'jsev-2023-12-25/p2',
      value: 'down',
      query: '上清液',
      comment: 'a comment typed by the member',
    });
  });

  test('logs no comment under LOG_QUERIES=unanswered: a rated passage was an answer', async () => {
    await server.restart({ ...UNAUTHENTICATED_ENV, LOG_QUERIES: 'unanswered' });
    await answer('answer-8');

    await postActivity(server.url, feedbackInvoke('dislike', 'answer-8'));

    expect(feedbackLines()).toHaveLength(1);
    expect(feedbackLines()[0]).not.toHaveProperty('comment');
  });

  test('on a message the bot no longer remembers is acknowledged, with no feedback line naming a wrong passage', async () => {
    const response = await postActivity(server.url, feedbackInvoke('like', 'sent-before-a-restart'));

    expect(response.status).toBe(200);
    expect(feedbackLines()).toHaveLength(0);
    expect(lines.map((l) => l.msg)).toContain('teams: feedback on an answer not remembered');
  });

  test('a submitAction that is not feedback gets 400 and no feedback line', async () => {
    const invoke = feedbackInvoke('like', 'answer-7');
    const response = await postActivity(server.url, { ...invoke, value: { actionName: 'other' } });

    expect(response.status).toBe(400);
    expect(feedbackLines()).toHaveLength(0);
  });
});

describe("the comment of Teams' feedback dialog", () => {
  const press = (feedback: unknown) =>
    feedbackOf({ actionName: 'feedback', actionValue: { reaction: 'dislike', feedback } }, 'm1');

  test('is read from the JSON text Teams sends', () => {
    expect(press(JSON.stringify({ feedbackText: '引用が古い' }))?.comment).toBe('引用が古い');
  });

  test('is read from the form object some clients send instead', () => {
    expect(press({ feedbackText: 'wrong passage' })?.comment).toBe('wrong passage');
  });

  test('is absent when the member wrote nothing, or the text is not the dialog’s', () => {
    expect(press(JSON.stringify({ feedbackText: '  ' }))).not.toHaveProperty('comment');
    expect(press('not json')).toEqual({ value: 'down', messageId: 'm1' });
  });

  test('is cut to 1,000 characters at a word boundary', () => {
    const comment = press(JSON.stringify({ feedbackText: 'word '.repeat(400) }))?.comment ?? '';
    expect(comment.length).toBeLessThanOrEqual(1000);
    expect(comment.endsWith('word')).toBe(true);
  });
});
