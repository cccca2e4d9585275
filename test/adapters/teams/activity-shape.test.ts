import nock from 'nock';
import { afterEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../../src/log.js';
import { captureLogLines } from '../../helpers/log-lines.js';
import { messageActivity, postActivity, UNAUTHENTICATED_ENV, useTeamsServer } from './helpers.js';

const capture = captureLogLines();
const server = useTeamsServer(UNAUTHENTICATED_ENV, createLogger({ level: 'info' }, capture.sink));
afterEach(() => {
  capture.clear();
});

// All but the last three failed their turn inside botbuilder before the shape check (an error line,
// no reply); the fuzz test (test/property/teams-activities.property.test.ts) found the first four.
// The next two were answered, from no one or with attachments of no kind: Teams sends neither.
const MALFORMED: [string, Record<string, unknown>][] = [
  ['an entity without a type', { entities: [{ mentioned: { id: 'x' } }] }],
  ['a mention that names no one', { entities: [{ type: 'mention', mentioned: null, text: '<at>x</at>' }] }],
  ['a channelId that is not text', { channelId: [] }],
  ['an empty type', { type: '' }],
  ['a conversation without an id', { conversation: { conversationType: 'personal' } }],
  ['no recipient', { recipient: undefined }],
  ['a member added who is null', { type: 'conversationUpdate', membersAdded: [null] }],
  ['an invoke name that is an object', { type: 'invoke', name: { toString: 1 } }],
  ['no sender', { from: undefined }],
  ['attachments that are not a list', { attachments: 'card' }],
  // This one ended in a 500: logging the refused serviceUrl called String() on it, which threw.
  ['a serviceUrl that is an object', { serviceUrl: { toString: 1 } }],
];

describe('an activity whose fields botbuilder would read unchecked', () => {
  test.each(MALFORMED)(
    'with %s is refused with 400 and one warn line, before any turn',
    async (_what, fields) => {
      const connector = nock('https://smba.trafficmanager.net').post(/.*/).reply(200, {});

      const response = await postActivity(server.url, { ...messageActivity(), ...fields });

      expect(response.status).toBe(400);
      expect(capture.lines.filter((l) => l.msg === 'teams: request refused')).toMatchObject([
        { level: 40, error: 'not a Bot Framework activity' },
      ]);
      expect(capture.errorsLogged()).toEqual([]);
      expect(connector.isDone()).toBe(false);
      nock.cleanAll();
    },
  );
});
