import nock from 'nock';
import { describe, expect, test } from 'vitest';
import { copyAllText } from '../../../src/citation.js';
import { askAll } from '../../../src/retriever.js';
import {
  BOT_ID,
  cardOf,
  expectReply,
  messageActivity,
  postActivity,
  richTextBlocks,
  sharedRetriever,
  supernatantParagraph,
  TENANT_ID,
  UNAUTHENTICATED_ENV,
  useTeamsServer,
} from './helpers.js';

const server = useTeamsServer(UNAUTHENTICATED_ENV);

describe('a message to the bot', () => {
  test('is answered with a card quoting the paragraph on 細胞培養上清液 verbatim, with its citation', async () => {
    const { scope, replies } = expectReply('a:personal-conversation-id', '1712345678901');

    const response = await postActivity(server.url, messageActivity({ text: '上清液' }));

    expect(response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
    const blocks = richTextBlocks(cardOf(replies[0]));
    expect(blocks).toContain(supernatantParagraph());
    expect(blocks.join('\n')).toContain(
      '日本細胞外小胞学会「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」（2023年12月25日）見解と提言 第2段落 https://jsev.jp/docs/jsev_ev_treatment_2023122501.pdf',
    );
  });

  test('carries a plain-text fallback with the quote and citation next to the card', async () => {
    const { replies } = expectReply('a:personal-conversation-id', '1712345678901');

    await postActivity(server.url, messageActivity({ text: '上清液' }));

    expect(replies[0]?.summary).toContain(supernatantParagraph());
    expect(replies[0]?.summary).toContain('見解と提言 第2段落');
  });

  test("carries neither in the summary nor in the card's fallbackText what the member typed", async () => {
    const { replies } = expectReply('a:personal-conversation-id', '1712345678901');
    const typed = 'ビットコイン [click here](https://evil.example)';

    await postActivity(server.url, messageActivity({ text: typed }));

    const card = cardOf(replies[0]) as { fallbackText?: string };
    expect(replies[0]?.summary).toContain('見解には該当する記述が見つかりませんでした');
    for (const text of [replies[0]?.summary, card.fallbackText]) {
      expect(text).not.toContain('evil.example');
      expect(text).not.toContain('ビットコイン');
    }
  });

  test('in a channel, is answered without the @mention being part of the question', async () => {
    const conversationId = '19:general@thread.tacv2;messageid=1712345678901';
    const { scope, replies } = expectReply(conversationId, '1712345678902');
    const mention = '<at>jsev-bot</at>';

    await postActivity(
      server.url,
      messageActivity({
        id: '1712345678902',
        text: `${mention} 上清液`,
        conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
        entities: [{ type: 'mention', text: mention, mentioned: { id: BOT_ID, name: 'jsev-bot' } }],
        channelData: {
          teamsChannelId: '19:general@thread.tacv2',
          teamsTeamId: '19:team@thread.tacv2',
          tenant: { id: TENANT_ID },
        },
      }),
    );

    expect(scope.isDone()).toBe(true);
    const blocks = richTextBlocks(cardOf(replies[0]));
    expect(blocks[0]).toBe('「上清液」に関する記述（1件目／全3件）');
    expect(blocks).toContain(supernatantParagraph());
  });

  test('pressing "next result" answers with the following passage', async () => {
    const { replies } = expectReply('a:personal-conversation-id', '1712345678903');

    await postActivity(
      server.url,
      messageActivity({
        id: '1712345678903',
        text: undefined,
        value: { action: 'next', query: '上清液', offset: 1 },
      }),
    );

    const blocks = richTextBlocks(cardOf(replies[0]));
    expect(blocks[0]).toBe('「上清液」に関する記述（2件目／全3件）');
    expect(blocks).not.toContain(supernatantParagraph());
  });

  test('pressing "copy all" answers with every quote of the question as one block, the text the CLI prints', async () => {
    const { replies } = expectReply('a:personal-conversation-id', '1712345678904');

    await postActivity(
      server.url,
      messageActivity({
        id: '1712345678904',
        text: undefined,
        value: { action: 'copy-all', query: '上清液' },
      }),
    );

    const expected = copyAllText(askAll(sharedRetriever(), '上清液'));
    expect(expected?.match(/見解と提言 第\d段落/g)?.length).toBeGreaterThan(1);
    const blocks = richTextBlocks(cardOf(replies[0]));
    expect(blocks).toEqual(['すべての引用のコピー用テキスト（3件）', expected]);
    expect(replies[0]?.channelData?.feedbackLoopEnabled).toBeUndefined();
  });

  test('about something the statement does not cover says so honestly and suggests 目次 and 要点', async () => {
    const { replies } = expectReply('a:personal-conversation-id', '1712345678901');

    await postActivity(server.url, messageActivity({ text: 'ビットコイン' }));

    const card = cardOf(replies[0]);
    expect(richTextBlocks(card)[0]).toContain(
      '「ビットコイン」について、見解には該当する記述が見つかりませんでした',
    );
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: '目次', data: { action: 'ask', query: '目次' } },
      { type: 'Action.Submit', title: '要点', data: { action: 'ask', query: '要点' } },
    ]);
  });

  test('in English about something not covered is answered in English', async () => {
    const { replies } = expectReply('a:personal-conversation-id', '1712345678901');

    await postActivity(server.url, messageActivity({ text: 'bitcoin price' }));

    expect(richTextBlocks(cardOf(replies[0]))[0]).toContain(
      'The statement does not address “bitcoin price”.',
    );
  });
});

describe('a request the bot refuses before botbuilder sees it', () => {
  test('names a serviceUrl outside the allowlist: 403 and no call to that host', async () => {
    const internal = nock('http://internal.example').post(/.*/).reply(200, {});

    const response = await postActivity(
      server.url,
      messageActivity({ serviceUrl: 'http://internal.example/' }),
    );

    expect(response.status).toBe(403);
    expect(internal.isDone()).toBe(false);
  });

  test('names a serviceUrl that only starts like an allowed host: 403 and no call', async () => {
    const lookalike = nock('https://smba.trafficmanager.net.evil.example').post(/.*/).reply(200, {});

    const response = await postActivity(
      server.url,
      messageActivity({ serviceUrl: 'https://smba.trafficmanager.net.evil.example/' }),
    );

    expect(response.status).toBe(403);
    expect(lookalike.isDone()).toBe(false);
  });

  test('has a body over 256 KB: 413 and no reply', async () => {
    const { scope } = expectReply('a:personal-conversation-id', '1712345678901');

    const response = await postActivity(server.url, messageActivity({ text: 'x'.repeat(300 * 1024) }));

    expect(response.status).toBe(413);
    expect(scope.isDone()).toBe(false);
  });

  test('is not JSON: 400', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });

    expect(response.status).toBe(400);
  });

  test('is not a POST: 405', async () => {
    const response = await fetch(server.url);

    expect(response.status).toBe(405);
  });
});

describe('with a tenant allowlist', () => {
  test('a message from another tenant gets 403 and no reply', async () => {
    await server.restart({ ...UNAUTHENTICATED_ENV, TEAMS_ALLOWED_TENANTS: 'another-tenant' });
    const { scope } = expectReply('a:personal-conversation-id', '1712345678901');

    const response = await postActivity(server.url, messageActivity());

    expect(response.status).toBe(403);
    expect(scope.isDone()).toBe(false);
  });

  test('a message from an allowed tenant is answered', async () => {
    await server.restart({ ...UNAUTHENTICATED_ENV, TEAMS_ALLOWED_TENANTS: TENANT_ID });
    const { scope } = expectReply('a:personal-conversation-id', '1712345678901');

    const response = await postActivity(server.url, messageActivity());

    expect(response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
  });
});
