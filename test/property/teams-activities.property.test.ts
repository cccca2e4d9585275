// Any JSON posted to /api/messages (local development: no token needed, so this is what anyone who
// reaches the port can send) gets a status below 500 and writes no error line: messages, invokes,
// conversation updates and anything else, from members and from bots, with fields of any type.
import fc from 'fast-check';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import {
  BOT_ID,
  messageActivity,
  postActivity,
  startTeamsServer,
  TENANT_ID,
  type TestServer,
  UNAUTHENTICATED_ENV,
} from '../adapters/teams/helpers.js';
import { captureLogLines } from '../helpers/log-lines.js';
import { anyQuery, RUNS } from './arbitraries.js';

const capture = captureLogLines();
let server: TestServer;
let replies = 0;
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  server = await startTeamsServer(UNAUTHENTICATED_ENV, createLogger({ level: 'debug' }, capture.sink));
  nock('https://smba.trafficmanager.net')
    .persist()
    .post(/.*/)
    .reply(() => {
      replies += 1;
      return [200, { id: `reply-${replies}` }];
    });
});
afterEach(() => capture.clear());
afterAll(async () => {
  await server.close();
  nock.cleanAll();
});

/** A value of any JSON type, small; sometimes an object whose keys every object has (String() of it throws). */
const json = fc.oneof(
  { weight: 5, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom({ toString: 1 }, { valueOf: {}, toString: null }, { constructor: 'x' }),
  },
);
/** A field as Teams sends it, or left out. */
const field = <T>(plausible: fc.Arbitrary<T>) => fc.option(plausible, { nil: undefined, freq: 5 });

const member = { id: '29:member-aad-id', name: 'Member', aadObjectId: 'member-aad-id' };
const otherBot = { id: '28:other-bot-app-id', name: 'Other bot', role: 'bot' };

const searchValue = fc.record(
  {
    commandId: fc.constantFrom('searchQuote', 'other'),
    parameters: fc.array(fc.record({ name: fc.constantFrom('query', 'initialRun'), value: field(anyQuery) })),
    queryOptions: fc.record({ skip: field(fc.nat(40)), count: field(fc.nat(40)) }),
  },
  { requiredKeys: [] },
);

const feedbackValue = fc.record(
  {
    actionName: fc.constant('feedback'),
    actionValue: fc.record({ reaction: fc.constantFrom('like', 'dislike') }),
  },
  { requiredKeys: [] },
);

/** Card button data (next result, a suggestion). */
const cardData = fc.record(
  { action: fc.constantFrom('next', 'ask'), query: anyQuery, offset: fc.nat(30) },
  { requiredKeys: [] },
);

const mentionOfBot = {
  type: 'mention',
  mentioned: { id: BOT_ID, name: 'jsev-bot' },
  text: '<at>jsev-bot</at>',
};

/** An activity as Teams could send it: a message, an invoke or an update, from a member or a bot. */
const plausible = fc.record(
  {
    type: fc.constantFrom('message', 'invoke', 'conversationUpdate', 'installationUpdate', 'typing'),
    name: field(
      fc.constantFrom('composeExtension/query', 'message/submitAction', 'adaptiveCard/action', 'task/fetch'),
    ),
    value: field(fc.oneof(searchValue, feedbackValue, cardData)),
    text: field(
      fc.oneof(
        anyQuery,
        anyQuery.map((q) => `<at>jsev-bot</at> ${q}`),
      ),
    ),
    from: fc.constantFrom(member, member, otherBot),
    conversation: fc.constantFrom(
      { id: 'a:personal-conversation-id', conversationType: 'personal', tenantId: TENANT_ID },
      { id: '19:channel@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID },
    ),
    membersAdded: field(fc.array(fc.constantFrom(member, { id: BOT_ID }), { maxLength: 2 })),
    attachments: field(fc.array(fc.record({ contentType: fc.string() }), { maxLength: 2 })),
    entities: field(
      fc.array(fc.constantFrom(mentionOfBot, { type: 'clientInfo', locale: 'ja-JP' }), { maxLength: 2 }),
    ),
    locale: field(fc.constantFrom('ja-JP', 'en-US')),
    replyToId: field(fc.constant('reply-1')),
  },
  { requiredKeys: ['type', 'from', 'conversation'] },
);

/** Fields an activity carries, each of which may come with a value of the wrong type. */
const FIELDS = [
  'type',
  'name',
  'value',
  'text',
  'from',
  'recipient',
  'conversation',
  'channelData',
  'membersAdded',
  'attachments',
  'entities',
  'locale',
  'replyToId',
  'serviceUrl',
  'timestamp',
  'channelId',
] as const;

/** A plausible activity with at most two of its fields replaced by any JSON (or removed). */
const activity = fc
  .tuple(
    plausible,
    fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.option(json, { nil: undefined })), { maxLength: 2 }),
  )
  .map(([fields, junk]) => ({ ...messageActivity(), ...fields, ...Object.fromEntries(junk) }));

/** JSON without its undefined fields, as a client would post it. */
const asSent = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('any activity posted to the Teams endpoint', () => {
  it('gets a status below 500 and writes no error line', async () => {
    await fc.assert(
      fc.asyncProperty(activity, async (posted) => {
        capture.clear();
        const response = await postActivity(server.url, asSent(posted));
        expect(response.status).toBeLessThan(500);
        expect(capture.errorsLogged()).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: generated messages reached the bot, which answered some of them.
    expect(replies).toBeGreaterThan(0);
  });
});
