// The compiled server as Slack meets it in production, run as child processes (issue 12): an event
// retried to a second replica sharing Redis is not answered again, and SIGTERM while a response_url
// never answers still ends in time.
import { createServer, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeActionValue } from '../../../adapters/slack/actions.js';
import { createRecorder } from '../../helpers/recorder.js';
import { RUN_ID, type TestRedis, testRedis } from '../../helpers/redis-server.js';
import { listen, startSlackMain, stopAll } from '../server/harness.js';
import { actionBody, eventBody, postAction, postEvent, SIGNING_SECRET } from './harness.js';

let redis: TestRedis | undefined;
afterEach(async () => {
  stopAll();
  await redis?.stop();
  redis = undefined;
});

/**
 * Stands in for Slack (SLACK_API_URL): auth.test names the bot, every Web API method answers ok and
 * is recorded by name; POST /hang is a response_url that never answers, recorded when it arrives.
 */
async function slackStandIn() {
  const calls = createRecorder<string>();
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    const path = req.url ?? '';
    calls.record(path);
    if (path === '/hang') return; // never answered
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        path.endsWith('/auth.test')
          ? { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT' }
          : { ok: true, ts: '1.1' },
      ),
    );
  });
  const origin = `http://127.0.0.1:${await listen(server)}`;
  return { origin, apiUrl: `${origin}/api/`, calls };
}

/** Starts the compiled server on a free port with Slack pointed at the stand-in; resolves once healthy. */
const replica = (env: Record<string, string>) =>
  startSlackMain({ LOG_LEVEL: 'info', SLACK_SIGNING_SECRET: SIGNING_SECRET, ...env });

const isPost = (path: string) => path.endsWith('/chat.postMessage');

describe('replicas sharing Redis', { tags: ['redis'] }, () => {
  it('answer an event once when Slack retries it to a second replica', async () => {
    redis = await testRedis();
    const slack = await slackStandIn();
    const env = { SLACK_API_URL: slack.apiUrl, REDIS_URL: redis.url, SHUTDOWN_DELAY_MS: '500' };
    // Started one after the other, so the two never compete for the CPU while starting.
    const first = await replica(env);
    const second = await replica(env);
    const mention = {
      type: 'app_mention',
      user: 'U0MEMBER',
      text: '<@U0BOT> 上清液',
      ts: '1.5',
      channel: 'C0GENERAL',
    };
    const body = eventBody(mention, `EvReplicated1-${RUN_ID}`);

    expect((await postEvent(first.url, body)).status).toBe(200);
    await slack.calls.atLeast(1, 'the first replica’s answer', isPost);
    const retry = await postEvent(second.url, body, {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    await second.main.waitForOutput(/"msg":"retried event skipped"/);

    // The second replica still answers a new event, and only that one: two answers in all.
    expect(
      (await postEvent(second.url, eventBody({ ...mention, ts: '1.6' }, `EvReplicated2-${RUN_ID}`))).status,
    ).toBe(200);
    await slack.calls.atLeast(2, 'the new event’s answer', isPost);
    expect(slack.calls.items.filter(isPost)).toHaveLength(2);
  });
});

describe('shutdown', () => {
  it('exits 0 within SHUTDOWN_DELAY_MS + 10 s on SIGTERM while a response_url never answers', async () => {
    const slack = await slackStandIn();
    const delayMs = 1000;
    const { url, main } = await replica({ SLACK_API_URL: slack.apiUrl, SHUTDOWN_DELAY_MS: String(delayMs) });
    const press = actionBody('jsev_next', encodeActionValue({ query: '上清液', offset: 1 }), {
      responseUrl: `${slack.origin}/hang`,
    });
    expect((await postAction(url, press)).status).toBe(200);
    await slack.calls.atLeast(1, 'the response_url post', (path) => path === '/hang');

    const signalled = Date.now();
    main.child.kill('SIGTERM');
    expect(await main.exitCode(delayMs + 30_000)).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(delayMs + 10_000);
  });
});
