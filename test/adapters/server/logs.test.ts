import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrontEnd } from '../../../adapters/server/front-end.js';
import { createServer, type JsevServer } from '../../../adapters/server/server.js';
import { createSlackApp } from '../../../adapters/slack/app.js';
import { slackConfig } from '../../../adapters/slack/config.js';
import { teamsConfig } from '../../../adapters/teams/config.js';
import { createTeamsFrontEnd } from '../../../adapters/teams/front-end.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { BOT_USER_ID, postCommand, retriever, SIGNING_SECRET, SLACK_API } from '../slack/harness.js';
import { messageActivity, SERVICE_URL } from '../teams/helpers.js';

const BOT_TOKEN = 'xoxb-1111-2222-secretbottoken';
const APP_PASSWORD = 'teams-client-secret-value~42';
const TENANT = '99999999-8888-7777-6666-555555555555';

let running: JsevServer | undefined;
afterEach(async () => {
  running?.server.closeAllConnections();
  await new Promise((r) => (running?.server.listening ? running.server.close(r) : r(undefined)));
  running = undefined;
  nock.cleanAll();
});

/** The real server with Slack (and optionally authenticated Teams), logging JSON lines into an array. */
async function start(env: Record<string, string> = {}) {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nock(SLACK_API).post('/api/auth.test').reply(200, { ok: true, user_id: BOT_USER_ID, bot_id: 'B0BOT' });
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SHUTDOWN_DELAY_MS: '0',
      ...env,
    },
    [slackConfig, teamsConfig],
  );
  const lines: string[] = [];
  const logger = createLogger(
    { level: config.log.level },
    { write: (line: string) => void lines.push(line) },
  );
  const slack = createSlackApp({
    retriever: retriever(),
    config,
    logger,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  const frontEnds: FrontEnd[] = [slack];
  if (config.teams) frontEnds.push(createTeamsFrontEnd({ retriever: retriever(), config, logger }));
  running = createServer({ retriever: retriever(), config, logger, frontEnds });
  const { port } = await running.listen(0, '127.0.0.1');
  const requestLines = () =>
    lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
  return { url: `http://127.0.0.1:${port}`, lines, requestLines };
}

describe('request logs', () => {
  it('writes one JSON line per question with request id, platform, intent, result count, top passage and latency', async () => {
    const { url, requestLines } = await start();
    expect((await postCommand(url, '上清液')).status).toBe(200);
    const [line, ...more] = requestLines();
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      platform: 'slack',
      surface: 'command',
      intent: 'answer',
      results: 1,
      topPassage: 'jsev-2023-12-25/p2',
    });
    expect(line?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line?.latencyMs).toBeTypeOf('number');
  });

  it('gives each request its own id', async () => {
    const { url, requestLines } = await start();
    await postCommand(url, '上清液');
    await postCommand(url, '上清液');
    const [a, b] = requestLines();
    expect(a?.requestId).not.toBe(b?.requestId);
  });

  it('holds no query text by default', async () => {
    const { url, lines } = await start();
    await postCommand(url, '上清液');
    await postCommand(url, '寿司');
    expect(lines.join('')).not.toMatch(/上清液|寿司/);
  });

  it('with LOG_QUERIES=unanswered, logs only the question the statement does not answer', async () => {
    const { url, requestLines } = await start({ LOG_QUERIES: 'unanswered' });
    await postCommand(url, '上清液');
    await postCommand(url, '寿司');
    expect(requestLines().map((l) => [l.intent, l.query])).toEqual([
      ['answer', undefined],
      ['no-match', '寿司'],
    ]);
  });

  it('with LOG_QUERIES=all, logs every question', async () => {
    const { url, requestLines } = await start({ LOG_QUERIES: 'all' });
    await postCommand(url, '上清液');
    await postCommand(url, '寿司');
    expect(requestLines().map((l) => l.query)).toEqual(['上清液', '寿司']);
  });

  it('logs a Teams message with platform teams', async () => {
    const { url, requestLines } = await start({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    const reply = nock(SERVICE_URL)
      .post(/\/v3\/conversations\/.*\/activities/)
      .reply(200, { id: 'r1' });
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity({ text: '上清液' })),
    });
    expect(res.status).toBeLessThan(300);
    expect(reply.isDone()).toBe(true);
    expect(requestLines()).toMatchObject([
      { platform: 'teams', surface: 'message', intent: 'answer', topPassage: 'jsev-2023-12-25/p2' },
    ]);
  });

  it('writes no token or secret in any line, even at trace level', async () => {
    const { url, lines } = await start({
      LOG_LEVEL: 'trace',
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: APP_PASSWORD,
      MicrosoftAppTenantId: TENANT,
    });
    await postCommand(url, '上清液');
    await postCommand(url, '上清液', { secret: 'a-wrong-secret' });
    await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.jwt' },
      body: JSON.stringify(messageActivity({ text: '上清液' })),
    });
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(3);
    for (const secret of [SIGNING_SECRET, BOT_TOKEN, APP_PASSWORD, 'not.a.jwt'])
      expect(all).not.toContain(secret);
  });

  it('writes every line as one JSON object', async () => {
    const { url, lines } = await start({ LOG_LEVEL: 'debug' });
    await postCommand(url, '要点');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
