import nock from 'nock';
import { describe, expect, test } from 'vitest';
import { welcomeExample } from '../../../adapters/teams/welcome.js';
import {
  BOT_ID,
  cardOf,
  expectReply,
  messageActivity,
  postActivity,
  richTextBlocks,
  sharedRetriever,
  TENANT_ID,
  UNAUTHENTICATED_ENV,
  useTeamsServer,
} from './helpers.js';

const server = useTeamsServer(UNAUTHENTICATED_ENV);

const MEMBER = { id: '29:member-aad-id', aadObjectId: 'member-aad-id' };

/** What Teams sends when a member installs the app in a personal chat: the bot joins the conversation. */
function botAdded(overrides: Record<string, unknown> = {}) {
  return messageActivity({
    type: 'conversationUpdate',
    id: 'install-1',
    text: undefined,
    membersAdded: [{ id: BOT_ID }],
    ...overrides,
  });
}

/** The installationUpdate Teams sends for the same install. */
function installationAdd() {
  return messageActivity({ type: 'installationUpdate', id: 'install-2', text: undefined, action: 'add' });
}

describe('installing the app in a personal chat', () => {
  test('is welcomed with what the bot does, the 要点 and 目次 buttons and an example question', async () => {
    const { scope, replies } = expectReply('a:personal-conversation-id', 'install-1');

    const response = await postActivity(server.url, botAdded());

    expect(response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
    const card = cardOf(replies[0]);
    expect(richTextBlocks(card)[0]).toBe('JSEV見解ボットへようこそ');
    expect((card.actions as { data: { query: string } }[]).map((a) => a.data.query)).toEqual([
      '要点',
      '目次',
      'EV製剤の品質管理',
    ]);
    expect(replies[0]?.summary).toContain('日本細胞外小胞学会（JSEV）の見解から');
  });

  test.each(['ja', 'en'] as const)('offers an example question the statement answers (%s)', (language) => {
    const example = welcomeExample(sharedRetriever().usage(language));

    expect(example).toBe(language === 'ja' ? 'EV製剤の品質管理' : 'What does the statement say about GMP?');
    expect(sharedRetriever().ask(example).kind).toBe('answer');
  });

  test('welcomes in English when Teams runs in English', async () => {
    const { replies } = expectReply('a:personal-conversation-id', 'install-1');

    await postActivity(server.url, botAdded({ locale: 'en-US' }));

    expect(richTextBlocks(cardOf(replies[0]))[0]).toBe('Welcome to the JSEV statement bot');
  });

  test('is welcomed once: the installationUpdate of the same install posts nothing', async () => {
    const { replies } = expectReply('a:personal-conversation-id', 'install-1');
    const second = nock('https://smba.trafficmanager.net')
      .post(/install-2/)
      .reply(200, {});

    await postActivity(server.url, botAdded());
    const response = await postActivity(server.url, installationAdd());

    expect(response.status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(second.isDone()).toBe(false);
  });
});

describe('no welcome', () => {
  test('when another member joins the personal conversation', async () => {
    const posted = nock('https://smba.trafficmanager.net').post(/.*/).reply(200, {});

    const response = await postActivity(server.url, botAdded({ membersAdded: [MEMBER] }));

    expect(response.status).toBe(200);
    expect(posted.isDone()).toBe(false);
  });

  test('when the bot is added to a group chat or a team (members did not ask for it)', async () => {
    const posted = nock('https://smba.trafficmanager.net').post(/.*/).reply(200, {});

    await postActivity(
      server.url,
      botAdded({
        conversation: {
          id: '19:group@thread.v2',
          conversationType: 'groupChat',
          isGroup: true,
          tenantId: TENANT_ID,
        },
      }),
    );

    expect(posted.isDone()).toBe(false);
  });
});
