import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSlackApi, freePort, listen, startMain, stopAll, waitHealthy } from './server/harness.js';
import { commandBody, postSigned, SIGNING_SECRET } from './slack/harness.js';

afterEach(stopAll);

describe('npm start', () => {
  it('refuses a missing configuration with a message naming the variable and no stack trace', async () => {
    const main = startMain({});
    expect(await main.exitCode()).toBe(1);
    const { stderr } = main.output();
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
    expect(stderr).toContain('api.slack.com/apps');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses to start with no front end (only TEAMS_ALLOW_UNAUTHENTICATED=false), naming the variables that turn one on', async () => {
    const main = startMain({ TEAMS_ALLOW_UNAUTHENTICATED: 'false' });
    expect(await main.exitCode()).toBe(1);
    const { stderr } = main.output();
    expect(stderr).toContain('no front end is configured');
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'MicrosoftAppId'])
      expect(stderr).toContain(name);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses PORT=abc with a message naming PORT, exit code 1', async () => {
    const main = startMain({ PORT: 'abc', TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    expect(await main.exitCode()).toBe(1);
    expect(main.output().stderr).toMatch(/^ {2}- PORT: .*"abc"/m);
    expect(main.output().stderr).not.toMatch(/^\s+at /m);
  });

  it('answers a signed /jsev 上清液 with the 細胞培養上清液 quote and its citation, then exits 0 on SIGTERM', async () => {
    const fakeSlack = await fakeSlackApi();
    const port = await freePort();
    const main = startMain(
      { PORT: String(port), SHUTDOWN_DELAY_MS: '0', LOG_LEVEL: 'warn' },
      [
        `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`,
        'SLACK_BOT_TOKEN=xoxb-local-test',
        `SLACK_API_URL=${fakeSlack.url}`,
      ].join('\n'),
    );
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, main);
    const res = await postSigned(url, commandBody('上清液'), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const message = JSON.stringify(await res.json());
    expect(message).toContain('細胞培養上清液');
    expect(message).toContain('見解と提言 第2段落');
    main.child.kill('SIGTERM');
    expect(await main.exitCode()).toBe(0);
    expect(main.output().stdout + main.output().stderr).not.toContain(SIGNING_SECRET);
  });

  it('posts an Adaptive Card quoting 細胞培養上清液 to a local Teams connector for a message 上清液', async () => {
    const replies: { url: string; body: string }[] = [];
    const connector = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        replies.push({ url: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"reply-1"}');
      });
    });
    const connectorUrl = `http://127.0.0.1:${await listen(connector)}/`;
    const port = await freePort();
    const main = startMain({
      PORT: String(port),
      SHUTDOWN_DELAY_MS: '0',
      LOG_LEVEL: 'warn',
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      TEAMS_ALLOWED_SERVICE_URLS: connectorUrl,
    });
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, main);
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'activity-1',
        text: '上清液',
        channelId: 'msteams',
        serviceUrl: connectorUrl,
        from: { id: 'user-1', name: 'Member' },
        recipient: { id: 'bot-1', name: 'jsev' },
        conversation: { id: 'conversation-1', conversationType: 'personal' },
      }),
    });
    expect(res.status).toBeLessThan(300);
    expect(replies[0]?.url).toBe('/v3/conversations/conversation-1/activities/activity-1');
    const reply = replies[0]?.body ?? '';
    expect(reply).toContain('application/vnd.microsoft.card.adaptive');
    expect(reply).toContain('細胞培養上清液');
    expect(reply).toContain('見解と提言 第2段落');
    main.child.kill('SIGTERM');
    expect(await main.exitCode()).toBe(0);
  });
});
