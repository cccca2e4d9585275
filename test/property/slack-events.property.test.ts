// Any request the Slack screen admits (the shapes of body-shape.ts, with any values of the types
// Slack uses, or none) goes through the real Bolt app without a listener throwing or an error line:
// events (mentions, DMs, the Home tab, any other), button presses and slash commands, from members
// and from bots. Bodies go straight to App.processEvent, as in Socket Mode, where no screen applies.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeActionValue, encodeFeedbackValue } from '../../adapters/slack/actions.js';
import { isSlackBody } from '../../adapters/slack/body-shape.js';
import { createLogger } from '../../src/log.js';
import { type DirectSlack, eventCallback, startDirectSlack } from '../adapters/slack/direct.js';
import { BOT_USER_ID, RESPONSE_HOST } from '../adapters/slack/harness.js';
import { captureLogLines } from '../helpers/log-lines.js';
import { anyQuery, RUNS } from './arbitraries.js';

const capture = captureLogLines();
/** Numbers each generated delivery, so that none is taken for a retry or a replay of another. */
let deliveries = 0;
let direct: DirectSlack;
beforeAll(async () => {
  direct = await startDirectSlack(createLogger({ level: 'debug' }, capture.sink));
});
afterAll(() => direct.close());

/** A field Slack may send as text, or leave out; sometimes text it never sends. */
const maybe = (...plausible: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...plausible) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );

/** A message's text: a question, a mention of the bot before one, or anything. */
const text = fc.oneof(
  anyQuery,
  anyQuery.map((q) => `<@${BOT_USER_ID}> ${q}`),
  fc.constant(undefined),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** What marks an event as a bot's (or nothing, for a member's). */
const botMarks = fc.oneof(
  { weight: 5, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.record({ bot_id: maybe('B0OTHERBOT', '') }) },
  { weight: 1, arbitrary: fc.record({ bot_profile: fc.jsonValue({ maxDepth: 1 }) }) },
);

const event = fc
  .tuple(
    fc.record(
      {
        type: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom('app_mention', 'message', 'app_home_opened') },
          { weight: 1, arbitrary: fc.constantFrom('reaction_added', 'member_joined_channel') },
          { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
        ),
        text,
        user: maybe('U0MEMBER', BOT_USER_ID, 'W0MEMBER'),
        channel: fc.oneof(
          { weight: 5, arbitrary: maybe('C0GENERAL', 'D0MEMBER', 'G0PRIVATE') },
          { weight: 1, arbitrary: fc.record({ id: fc.string() }) },
        ),
        channel_type: maybe('im', 'channel', 'group', 'mpim'),
        subtype: fc.option(maybe('bot_message', 'message_changed', 'channel_join', 'file_share'), {
          nil: undefined,
          freq: 2,
        }),
        ts: maybe('1700000000.000100'),
        thread_ts: maybe('1700000000.000050'),
        tab: maybe('home', 'home', 'messages'),
        item: fc.oneof(fc.constant(undefined), fc.record({ type: fc.string() })),
      },
      // Each of these may still be undefined (absent once sent); the rest are often left out.
      { requiredKeys: ['type', 'text', 'user', 'channel', 'ts'] },
    ),
    botMarks,
  )
  .map(([fields, marks]) => ({ ...fields, ...marks }));

/** A button value: one of ours (a query and offset, or feedback), or anything. */
const buttonValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(anyQuery, fc.nat(30)).map(([query, offset]) => encodeActionValue({ query, offset })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(anyQuery, fc.constantFrom('up', 'down') as fc.Arbitrary<'up' | 'down'>)
      .map(([query, value]) => encodeFeedbackValue({ passage: 'jsev-2023-12-25/p2', value, query })),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const press = fc.record(
  {
    type: fc.constant('block_actions'),
    user: fc.record({ id: fc.oneof(fc.constantFrom('U0MEMBER', 'W0MEMBER'), fc.string({ maxLength: 12 })) }),
    team: fc.oneof(fc.constant(null), fc.record({ id: maybe('T0TEAM') })),
    // A press's trigger_id is new each time (a repeated one is a replay, skipped before any listener).
    trigger_id: fc.nat().map((n) => `1.2.${n}.${++deliveries}`),
    response_url: maybe(
      `${RESPONSE_HOST}/actions/T0TEAM/1/token`,
      `${RESPONSE_HOST}/actions/T0TEAM/2/token`,
      'http://169.254.169.254/',
    ),
    container: fc.oneof(
      fc.constant(undefined),
      fc.record({ is_ephemeral: fc.boolean() }, { requiredKeys: [] }),
    ),
    message: fc.oneof(
      fc.constant(undefined),
      fc.record({ ts: maybe('1700000000.000200'), thread_ts: maybe('1') }),
    ),
    actions: fc.array(
      fc.record({
        type: fc.constantFrom('button', 'feedback_buttons', 'static_select'),
        action_id: fc.oneof(
          {
            weight: 4,
            arbitrary: fc.constantFrom(
              'jsev_share',
              'jsev_next',
              'jsev_copy',
              'jsev_ask_topics',
              'jsev_feedback',
            ),
          },
          { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
        ),
        value: buttonValue,
        action_ts: maybe('1700000001.000001'),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  },
  { requiredKeys: ['type', 'user', 'trigger_id', 'actions'] },
);

/** A slash command: a form of text fields, /jsev or another, with or without its text. */
const command = fc.record(
  {
    command: fc.oneof(fc.constant('/jsev'), fc.string({ maxLength: 8 })),
    text: fc.oneof(anyQuery, fc.string({ maxLength: 20 })),
    user_id: fc.constantFrom('U0MEMBER', ''),
    channel_id: fc.constantFrom('C0GENERAL', 'D0MEMBER', ''),
    team_id: fc.constantFrom('T0TEAM', ''),
    response_url: fc.constantFrom(`${RESPONSE_HOST}/commands/T0TEAM/1/token`, ''),
    trigger_id: fc.constantFrom('1.2.3', ''),
  },
  { requiredKeys: ['command'] },
);

/** JSON without its undefined fields, as the body Slack would send. */
const asSent = <T>(value: T): Record<string, unknown> => JSON.parse(JSON.stringify(value));

/** A mention, a Home tab opened and a Share press as Slack sends them: each reaches its listener. */
const ORDINARY = [
  {
    form: false,
    body: eventCallback(
      {
        type: 'app_mention',
        user: 'U0MEMBER',
        text: `<@${BOT_USER_ID}> 上清液`,
        channel: 'C0GENERAL',
        ts: '1.1',
      },
      'EvFuzzOrdinaryMention',
    ),
  },
  {
    form: false,
    body: eventCallback({ type: 'app_home_opened', user: 'U0MEMBER', tab: 'home' }, 'EvFuzzOrdinaryHome'),
  },
  {
    form: false,
    body: {
      type: 'block_actions',
      user: { id: 'U0MEMBER' },
      trigger_id: '1.2.ordinary',
      response_url: `${RESPONSE_HOST}/actions/T0TEAM/1/token`,
      container: { is_ephemeral: true },
      actions: [
        { type: 'button', action_id: 'jsev_share', value: encodeActionValue({ query: '上清液', offset: 0 }) },
      ],
    },
  },
];

describe('any Slack request the screen admits', () => {
  it('is handled without a listener throwing or an error line, events, presses and commands alike', async () => {
    const request = fc.oneof(
      {
        weight: 3,
        arbitrary: event.map((e) => ({
          form: false,
          body: asSent(eventCallback(e, `EvFuzz${++deliveries}`)),
        })),
      },
      { weight: 2, arbitrary: press.map((p) => ({ form: false, body: asSent(p) })) },
      { weight: 1, arbitrary: command.map((c) => ({ form: true, body: asSent(c) })) },
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ form, body }) => {
        fc.pre(isSlackBody(body, form));
        capture.clear();
        const acks: unknown[] = [];
        await direct.slack.app.processEvent({
          body,
          ack: async (response?: unknown) => {
            acks.push(response);
          },
        });
        expect(capture.errorsLogged()).toEqual([]);
        if (form && body.command === '/jsev') expect(acks).toHaveLength(1);
      }),
      { numRuns: RUNS, examples: ORDINARY.map((request) => [request]) },
    );
    // Not vacuous: generated requests reached the listeners that answer, publish and respond.
    const methods = new Set(direct.calls.items.map((c) => c.method));
    expect([...methods].sort()).toEqual(['chat.postMessage', 'response_url', 'views.publish']);
  });

  it('never answers an event that a bot sent, whatever else it carries', async () => {
    const fromBot = fc
      .tuple(
        event,
        fc.oneof(
          fc.record({ bot_id: fc.constant('B0OTHERBOT') }),
          fc.record({ bot_profile: fc.record({ id: fc.string() }) }),
          fc.record({ subtype: fc.constant('bot_message') }),
        ),
      )
      .map(([e, marks]) => asSent(eventCallback({ ...e, ...marks }, `EvFuzzBot${++deliveries}`)));
    await fc.assert(
      fc.asyncProperty(fromBot, async (body) => {
        fc.pre(isSlackBody(body, false));
        direct.calls.clear();
        await direct.process(body);
        expect(direct.calls.items.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
