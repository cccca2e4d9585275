import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedOrigins, RefusedHostError, slackFetch } from '../../../adapters/slack/outbound.js';
import { createLogger } from '../../../src/log.js';
import { captureLogLines } from '../../helpers/log-lines.js';

const log = captureLogLines();
const logger = createLogger({ level: 'info' }, log.sink);

// A peer that accepts requests and never answers them, as a stalled response_url would.
const silent = createServer(() => {});
let silentUrl: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe('outbound requests', () => {
  it('may go to hooks.slack.com over https and to the Web API, and nowhere else', () => {
    expect([...allowedOrigins(undefined)]).toEqual(['https://hooks.slack.com', 'https://slack.com']);
  });

  it('may also go to the host of SLACK_API_URL when a stand-in replaces Slack', () => {
    expect(allowedOrigins('http://127.0.0.1:9999/api/').has('http://127.0.0.1:9999')).toBe(true);
  });

  it('are refused without a connection, with a warn line naming the origin only, for any other host', async () => {
    const fetchFn = slackFetch({ log: logger });
    await expect(fetchFn(`${silentUrl}/hooks/secret-token`, { method: 'POST' })).rejects.toBeInstanceOf(
      RefusedHostError,
    );
    const [line] = await log.untilLogged(
      'the refusal',
      (l) => l.msg === 'outbound request refused: not a Slack host',
    );
    expect(line?.origin).toBe(silentUrl);
    expect(JSON.stringify(log.lines)).not.toContain('secret-token');
  });

  it('are refused for http://hooks.slack.com (only https is Slack’s)', async () => {
    await expect(slackFetch({ log: logger })('http://hooks.slack.com/x')).rejects.toBeInstanceOf(
      RefusedHostError,
    );
  });

  it('are abandoned after the timeout when the peer never answers', async () => {
    const fetchFn = slackFetch({ apiUrl: `${silentUrl}/api/`, log: logger, timeoutMs: 200 });
    const started = Date.now();
    await expect(fetchFn(`${silentUrl}/hang`, { method: 'POST', body: '{}' })).rejects.toThrow(
      /abort|timeout/i,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
