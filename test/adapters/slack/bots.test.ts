// Bots don't answer bots (issue 18): two bots that answer mentions would talk to each other forever.
import { describe, expect, it } from 'vitest';
import { useDirectSlack } from './direct.js';
import { BOT_USER_ID } from './harness.js';

const slack = useDirectSlack();
const { capture, deliver } = slack;
const ignored = () => capture.lines.filter((l) => l.msg === 'event from a bot ignored');

/** Another app's @mention of this bot in #general, marked as a bot's the way `marks` says. */
const botMention = (marks: Record<string, unknown>) => ({
  type: 'app_mention',
  text: `<@${BOT_USER_ID}> 上清液`,
  channel: 'C0GENERAL',
  ts: '1700000000.000300',
  event_ts: '1700000000.000300',
  ...marks,
});

/** A message to this bot's DM from another app, marked the way `marks` says. */
const botDirectMessage = (marks: Record<string, unknown>) => ({
  type: 'message',
  channel_type: 'im',
  channel: 'D0OTHERBOT',
  text: '上清液',
  ts: '1700000000.000400',
  event_ts: '1700000000.000400',
  ...marks,
});

const BOT_MARKS: [string, Record<string, unknown>][] = [
  ['a bot_id', { bot_id: 'B0OTHERBOT', user: 'U0OTHERBOT' }],
  ['a bot_profile and no bot_id', { bot_profile: { id: 'B0OTHERBOT', name: 'other' }, user: 'U0OTHERBOT' }],
  ['the subtype bot_message', { subtype: 'bot_message', username: 'a webhook' }],
];

describe('an event from another bot', () => {
  it.each(BOT_MARKS)(
    'an @mention carrying %s is not answered, and a debug line says why',
    async (_mark, marks) => {
      await deliver(botMention(marks));

      expect(slack.direct.calls.items).toEqual([]);
      expect(ignored()).toMatchObject([{ level: 20, event: 'app_mention' }]);
    },
  );

  it.each(BOT_MARKS)('a DM carrying %s is not answered, and a debug line says why', async (_mark, marks) => {
    await deliver(botDirectMessage(marks));

    expect(slack.direct.calls.items).toEqual([]);
    expect(ignored()).toMatchObject([{ level: 20, event: 'message' }]);
  });

  it('does not stop the bot answering the member who mentions it next', async () => {
    await deliver(botMention({ bot_id: 'B0OTHERBOT' }));
    await deliver(botMention({ user: 'U0MEMBER', ts: '1700000000.000500' }));

    expect(slack.direct.calls.items.map((c) => c.body.thread_ts)).toEqual(['1700000000.000500']);
  });
});
