// Bots don't answer bots (issue 18): two bots that answer each other would never stop.
import nock from 'nock';
import { afterEach, describe, expect, test } from 'vitest';
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
const server = useTeamsServer(UNAUTHENTICATED_ENV, createLogger({ level: 'debug' }, capture.sink));
afterEach(() => {
  capture.clear();
});

const ignored = () => capture.lines.filter((l) => l.msg === 'teams: activity from a bot ignored');

const BOT_ACCOUNTS: [string, Record<string, unknown>][] = [
  ['whose role is bot', { id: '29:looks-like-a-member', name: 'Other', role: 'bot' }],
  ['whose id is a Teams bot id (28:)', { id: '28:other-bot-app-id', name: 'Other bot' }],
];

describe('an activity from another bot', () => {
  test.each(BOT_ACCOUNTS)(
    'a message from an account %s gets 200, no reply and a debug line',
    async (_how, from) => {
      const connector = nock('https://smba.trafficmanager.net').post(/.*/).reply(200, {});

      const response = await postActivity(server.url, messageActivity({ from }));

      expect(response.status).toBe(200);
      expect(connector.isDone()).toBe(false);
      expect(ignored()).toMatchObject([{ level: 20, type: 'message' }]);
      nock.cleanAll();
    },
  );

  test('a search invoke from a bot gets 200 with no results', async () => {
    const response = await postActivity(
      server.url,
      messageActivity({
        type: 'invoke',
        name: 'composeExtension/query',
        from: { id: '28:other-bot-app-id' },
        value: { commandId: 'searchQuote', parameters: [{ name: 'query', value: '上清液' }] },
      }),
    );

    expect(response).toEqual({ status: 200, body: '' });
    expect(ignored()).toHaveLength(1);
  });

  test("does not stop the bot answering a member's next message", async () => {
    await postActivity(server.url, messageActivity({ from: { id: '28:other-bot-app-id' } }));
    const { scope } = expectReply('a:personal-conversation-id', '1712345678901');

    const response = await postActivity(server.url, messageActivity());

    expect(response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
  });
});
