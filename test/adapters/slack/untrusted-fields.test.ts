// Listeners read only fields whose types they have checked (issue 18): an event or a press missing
// what Slack always sends is ignored or answered plainly, never a "Slack handler failed" error line.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.js';
import { captureLogLines } from '../../helpers/log-lines.js';
import { useDirectSlack } from './direct.js';
import { BOT_USER_ID, eventBody, postEvent, startHarness, testConfig } from './harness.js';

const slack = useDirectSlack();
const { capture, deliver } = slack;
const calls = (method: string) => slack.direct.calls.items.filter((c) => c.method === method);
const notUnderstood = () => capture.lines.filter((l) => l.msg === 'Slack event not understood');

const mention = { type: 'app_mention', user: 'U0MEMBER', ts: '1700000000.000100', event_ts: '1' };

describe('an event whose fields are not what Slack sends', () => {
  it('an app_mention without text or channel posts nothing, logs one warn line and no error', async () => {
    await deliver(mention);

    expect(slack.direct.calls.items).toEqual([]);
    expect(notUnderstood()).toMatchObject([{ level: 40, event: 'app_mention' }]);
    expect(capture.errorsLogged()).toEqual([]);
  });

  it('an app_mention whose channel is an object posts nothing and logs no error', async () => {
    await deliver({ ...mention, text: `<@${BOT_USER_ID}> 上清液`, channel: { id: 'C0GENERAL' } });

    expect(slack.direct.calls.items).toEqual([]);
    expect(capture.errorsLogged()).toEqual([]);
  });

  it('an app_mention whose text is a number posts nothing and logs no error', async () => {
    await deliver({ ...mention, text: 42, channel: 'C0GENERAL' });

    expect(slack.direct.calls.items).toEqual([]);
    expect(capture.errorsLogged()).toEqual([]);
  });

  it('an app_mention with a channel but no text is answered in its thread with how to ask', async () => {
    await deliver({ ...mention, channel: 'C0GENERAL' });

    const [post] = calls('chat.postMessage');
    expect(post?.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000100' });
    expect(String(post?.body.blocks)).toContain('/jsev');
    expect(capture.errorsLogged()).toEqual([]);
  });

  it('a DM whose text is an object posts nothing and logs no error', async () => {
    await deliver({ type: 'message', channel_type: 'im', channel: 'D0MEMBER', user: 'U0MEMBER', text: {} });

    expect(slack.direct.calls.items).toEqual([]);
    expect(capture.errorsLogged()).toEqual([]);
  });

  it('an app_home_opened without a user publishes nothing and logs no error', async () => {
    await deliver({ type: 'app_home_opened', tab: 'home', channel: 'D0MEMBER', event_ts: '1' });

    expect(calls('views.publish')).toEqual([]);
    expect(capture.errorsLogged()).toEqual([]);
  });
});

describe('a command whose fields are not what Slack sends', () => {
  it('/jsev without a text field is answered with how to ask', async () => {
    const acks: unknown[] = [];
    await slack.direct.slack.app.processEvent({
      body: { command: '/jsev', user_id: 'U0MEMBER', channel_id: 'C0GENERAL', team_id: 'T0TEAM' },
      ack: async (response) => {
        acks.push(response);
      },
    });

    expect(JSON.stringify(acks)).toContain('/jsev');
    expect(capture.errorsLogged()).toEqual([]);
  });
});

describe('over HTTP, signed', () => {
  it('an app_mention without text or channel is acknowledged with 200 and logs no error', async () => {
    const log = captureLogLines();
    const harness = await startHarness(testConfig(), createLogger({ level: 'info' }, log.sink));
    try {
      const res = await postEvent(harness.url, eventBody(mention, 'EvNoTextNoChannel'));
      expect(res.status).toBe(200);
      await log.untilLogged(
        'the event refused by its listener',
        (l) => l.msg === 'Slack event not understood',
      );
      expect(log.errorsLogged()).toEqual([]);
    } finally {
      await harness.close();
      nock.cleanAll();
    }
  });
});
