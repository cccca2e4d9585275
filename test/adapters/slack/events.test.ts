import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createRecorder, requestFields } from '../../helpers/recorder.js';
import { BOT_USER_ID, eventBody, postEvent, SLACK_API, useHarness } from './harness.js';

const harness = useHarness();

/**
 * Answers up to `times` calls of a Web API method and records the fields of each as it is answered:
 * a listener works after Slack's ack, so a test waits for the call itself.
 */
function recordCalls(method: string, times = 1) {
  const calls = createRecorder<Record<string, unknown>>();
  nock(SLACK_API)
    .post(`/api/${method}`)
    .times(times)
    .reply((_uri, body) => {
      calls.record(requestFields(body));
      return [200, { ok: true, ts: '1700000009.000100' }];
    });
  return calls;
}

/** The Web API client sends blocks as a JSON string inside the form body. */
const blocksOf = (body: Record<string, unknown> | undefined) => String(body?.blocks ?? '');

/** A member's @mention of the bot in #general asking `query`, sent at `ts`. */
const mention = (query: string, ts: string) => ({
  type: 'app_mention',
  user: 'U0MEMBER',
  text: `<@${BOT_USER_ID}> ${query}`,
  ts,
  channel: 'C0GENERAL',
  event_ts: ts,
});

/** A direct message `text` in the bot's DM, sent at `ts` by a member unless `sender` says otherwise. */
const directMessage = (
  ts: string,
  sender: Record<string, string> = { user: 'U0MEMBER' },
  text = '上清液',
) => ({
  type: 'message',
  channel_type: 'im',
  ...sender,
  text,
  ts,
  channel: 'D0MEMBER',
  event_ts: ts,
});

// To show an event was ignored, a test sends another one after it and waits for that one's answer.
// The bot decides to ignore an event (or starts answering it) as soon as it has acknowledged it, with
// no network call in between, and the next event is only sent once the acknowledgement has arrived;
// so an answer to the ignored event would have reached Slack first.
describe('mentions and DMs', () => {
  it('answers an @mention in the thread, without the mention in the query', async () => {
    const posts = recordCalls('chat.postMessage');
    const event = mention('上清液', '1700000000.000500');
    const res = await postEvent(harness.url, eventBody(event, 'EvMention1'));
    expect(res.status).toBe(200);
    const [body] = await posts.atLeast(1, 'the answer');
    expect(body).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000500' });
    expect(blocksOf(body)).toContain('細胞培養上清液');
  });

  it('posts once for a mention Slack retries with the same event_id', async () => {
    const posts = recordCalls('chat.postMessage', 3);
    const body = eventBody(mention('要点', '1700000000.000600'), 'EvRetried1');
    await postEvent(harness.url, body);
    const retry = await postEvent(harness.url, body, {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    await postEvent(harness.url, eventBody(mention('GMP', '1700000000.000610'), 'EvAfterRetry1'));
    const answers = await posts.atLeast(2, 'the answers to the mention and to the next one');
    expect(answers.map((a) => a.thread_ts)).toEqual(['1700000000.000600', '1700000000.000610']);
  });

  it('answers a DM in the DM', async () => {
    const posts = recordCalls('chat.postMessage');
    const event = directMessage('1700000000.000700');
    await postEvent(harness.url, eventBody(event, 'EvDm1'));
    const [body] = await posts.atLeast(1, 'the answer');
    expect(body).toMatchObject({ channel: 'D0MEMBER' });
    expect(body?.thread_ts).toBeUndefined();
    expect(blocksOf(body)).toContain('細胞培養上清液');
  });

  it('ignores its own messages in a DM', async () => {
    const posts = recordCalls('chat.postMessage', 2);
    const own = directMessage('1700000000.000800', { bot_id: 'B0JSEVBOT', user: BOT_USER_ID });
    expect((await postEvent(harness.url, eventBody(own, 'EvDmSelf'))).status).toBe(200);
    const next = directMessage('1700000000.000810', { user: 'U0MEMBER' }, 'GMP');
    await postEvent(harness.url, eventBody(next, 'EvDmAfterSelf'));
    const [first] = await posts.atLeast(1, 'the answer to the member');
    expect(blocksOf(first)).toContain('Good Manufacturing Practice');
    expect(posts.items).toHaveLength(1);
  });
});

describe('App Home', () => {
  it('publishes the onboarding view with the key points when a member opens it', async () => {
    const publishes = recordCalls('views.publish');
    const event = {
      type: 'app_home_opened',
      user: 'U0MEMBER',
      channel: 'D0MEMBER',
      tab: 'home',
      event_ts: '1700000000.000900',
    };
    await postEvent(harness.url, eventBody(event, 'EvHome1'));
    const [body] = await publishes.atLeast(1, 'the Home view');
    expect(body?.user_id).toBe('U0MEMBER');
    const view = JSON.parse(String(body?.view)) as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(view);
    expect(json).toContain('令和5年12月時点で');
    expect(json).toContain('Quotes the Japanese Society');
    expect(json).toContain('目次 / Topics');
  });
});
