import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { BOT_USER_ID, eventBody, postEvent, SLACK_API, useHarness, waitFor } from './harness.js';

const harness = useHarness();

const settle = () => new Promise((r) => setTimeout(r, 150));

function expectPost(method: string) {
  const bodies: Record<string, unknown>[] = [];
  const scope = nock(SLACK_API)
    .post(`/api/${method}`, (body) => {
      bodies.push(body);
      return true;
    })
    .reply(200, { ok: true, ts: '1700000009.000100' });
  return { scope, bodies };
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

/** A direct message 上清液 in the bot's DM, sent at `ts` by a member unless `sender` says otherwise. */
const directMessage = (ts: string, sender: Record<string, string> = { user: 'U0MEMBER' }) => ({
  type: 'message',
  channel_type: 'im',
  ...sender,
  text: '上清液',
  ts,
  channel: 'D0MEMBER',
  event_ts: ts,
});

describe('mentions and DMs', () => {
  it('answers an @mention in the thread, without the mention in the query', async () => {
    const { scope, bodies } = expectPost('chat.postMessage');
    const event = mention('上清液', '1700000000.000500');
    const res = await postEvent(harness.url, eventBody(event, 'EvMention1'));
    expect(res.status).toBe(200);
    await waitFor(scope);
    expect(bodies[0]).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000500' });
    expect(blocksOf(bodies[0])).toContain('細胞培養上清液');
  });

  it('posts once for a mention Slack retries with the same event_id', async () => {
    const { scope, bodies } = expectPost('chat.postMessage');
    const extra = nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: true });
    const event = mention('要点', '1700000000.000600');
    const body = eventBody(event, 'EvRetried1');
    await postEvent(harness.url, body);
    const retry = await postEvent(harness.url, body, {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    await waitFor(scope);
    await settle();
    expect(bodies).toHaveLength(1);
    expect(extra.isDone()).toBe(false);
  });

  it('answers a DM in the DM', async () => {
    const { scope, bodies } = expectPost('chat.postMessage');
    const event = directMessage('1700000000.000700');
    await postEvent(harness.url, eventBody(event, 'EvDm1'));
    await waitFor(scope);
    expect(bodies[0]).toMatchObject({ channel: 'D0MEMBER' });
    expect(bodies[0]?.thread_ts).toBeUndefined();
    expect(blocksOf(bodies[0])).toContain('細胞培養上清液');
  });

  it('ignores its own messages in a DM', async () => {
    const { scope } = expectPost('chat.postMessage');
    const event = directMessage('1700000000.000800', { bot_id: 'B0JSEVBOT', user: BOT_USER_ID });
    await postEvent(harness.url, eventBody(event, 'EvDmSelf'));
    await settle();
    expect(scope.isDone()).toBe(false);
  });
});

describe('App Home', () => {
  it('publishes the onboarding view with the key points when a member opens it', async () => {
    const { scope, bodies } = expectPost('views.publish');
    const event = {
      type: 'app_home_opened',
      user: 'U0MEMBER',
      channel: 'D0MEMBER',
      tab: 'home',
      event_ts: '1700000000.000900',
    };
    await postEvent(harness.url, eventBody(event, 'EvHome1'));
    await waitFor(scope);
    expect(bodies[0]?.user_id).toBe('U0MEMBER');
    const view = JSON.parse(String(bodies[0]?.view)) as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(view);
    expect(json).toContain('令和5年12月時点で');
    expect(json).toContain('Quotes the Japanese Society');
    expect(json).toContain('目次 / Topics');
  });
});
