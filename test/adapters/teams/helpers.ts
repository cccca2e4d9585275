import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { teamsConfig } from '../../../adapters/teams/config.js';
import { createTeamsHandler } from '../../../adapters/teams/handler.js';
import type { Retriever } from '../../../src/answer.js';
import { loadConfig } from '../../../src/config.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { type Logger, silentLogger } from '../../../src/log.js';
import { createRetriever } from '../../../src/retriever.js';

export const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
export const APP_ID = '11111111-2222-3333-4444-555555555555';
export const TENANT_ID = '99999999-8888-7777-6666-555555555555';
export const BOT_ID = `28:${APP_ID}`;

let retriever: Retriever | undefined;
/** One retriever over the bundled corpus for every test (indexing it once keeps tests fast). */
export function sharedRetriever(): Retriever {
  retriever ??= createRetriever(loadCorpus());
  return retriever;
}

export interface TestServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Mounts the Teams handler at /api/messages on a loopback server on a free port. */
export async function startTeamsServer(
  env: Record<string, string>,
  logger: Logger = silentLogger(),
): Promise<TestServer> {
  const config = loadConfig({ NODE_ENV: 'test', ...env }, [teamsConfig]);
  const handler = createTeamsHandler({ retriever: sharedRetriever(), config, logger });
  const server: Server = createServer((req, res) => {
    if (req.url === '/api/messages') {
      handler(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    } else {
      res.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A fresh server for each test with the given environment, the network closed to all but loopback and
 * nock's interceptors cleared after each test. Read `url` inside tests; `restart` swaps the current
 * server for one with another environment.
 */
export function useTeamsServer(
  env: Record<string, string>,
  logger?: Logger,
): {
  readonly url: string;
  restart(env: Record<string, string>): Promise<void>;
} {
  let server: TestServer | undefined;
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  beforeEach(async () => {
    server = await startTeamsServer(env, logger);
  });
  afterEach(async () => {
    await server?.close();
    nock.cleanAll();
  });
  return {
    get url(): string {
      if (!server) throw new Error('the Teams server has not started yet');
      return server.url;
    },
    async restart(next) {
      await server?.close();
      server = await startTeamsServer(next, logger);
    },
  };
}

/** Environment of a bot without authentication (local development with the Agents Playground). */
export const UNAUTHENTICATED_ENV = { TEAMS_ALLOW_UNAUTHENTICATED: 'true' };

/** Environment of a single-tenant bot registered in Azure. */
export const AUTHENTICATED_ENV = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'test-client-secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TENANT_ID,
};

/** A Teams message activity as the channel posts it. */
export function messageActivity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: '1712345678901',
    timestamp: '2025-01-01T00:00:00.000Z',
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: '29:member-aad-id', name: 'Member', aadObjectId: 'member-aad-id' },
    conversation: { id: 'a:personal-conversation-id', conversationType: 'personal', tenantId: TENANT_ID },
    recipient: { id: BOT_ID, name: 'jsev-bot' },
    text: '上清液',
    textFormat: 'plain',
    locale: 'ja-JP',
    channelData: { tenant: { id: TENANT_ID } },
    ...overrides,
  };
}

/** POSTs an activity to the bot. */
export async function postActivity(
  url: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  return { status: response.status, body: await response.text() };
}

interface CardNode {
  readonly type?: string;
  readonly text?: string;
  readonly inlines?: readonly CardNode[];
  readonly items?: readonly unknown[];
  readonly body?: readonly unknown[];
}

/** The text of each RichTextBlock of a card, its TextRuns joined, in order (actions excluded). */
export function richTextBlocks(card: CardNode): string[] {
  const out: string[] = [];
  const visit = (node: CardNode): void => {
    if (node.type === 'RichTextBlock') out.push((node.inlines ?? []).map((r) => r.text ?? '').join(''));
    for (const child of [...(node.items ?? []), ...(node.body ?? [])]) visit(child as CardNode);
  };
  visit(card);
  return out;
}

/** The verbatim paragraph of the statement that discusses 細胞培養上清液 (見解と提言, paragraph 2). */
export function supernatantParagraph(): string {
  const quote = sharedRetriever()
    .allQuotes()
    .find((q) => q.passage.text.includes('「細胞培養上清液」を用いた基礎研究'));
  if (!quote) throw new Error('corpus changed: the paragraph on 細胞培養上清液 is missing');
  return quote.passage.text;
}

/** A message the bot sends, as the connector receives it. */
export interface ReplyActivity {
  type: string;
  text?: string;
  summary?: string;
  replyToId?: string;
  channelData?: Record<string, unknown>;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}

/**
 * Intercepts the reply the bot POSTs to the connector, as Teams would receive it; the connector
 * gives it the message id `replyId`.
 */
export function expectReply(
  conversationId: string,
  activityId: string,
  serviceUrl = SERVICE_URL,
  replyId = 'reply-id',
) {
  const url = new URL(serviceUrl);
  const replies: ReplyActivity[] = [];
  const scope = nock(url.origin)
    .post(
      `${url.pathname}v3/conversations/${encodeURIComponent(conversationId)}/activities/${activityId}`,
      (body) => {
        replies.push(body as ReplyActivity);
        return true;
      },
    )
    .reply(200, { id: replyId });
  return { scope, replies };
}

export function cardOf(reply: ReplyActivity | undefined): Record<string, unknown> {
  const attachment = reply?.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment?.content ?? {};
}
