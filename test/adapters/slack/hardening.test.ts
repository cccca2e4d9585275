// Hostile requests to /slack/events, driven over HTTP against the real server and Bolt app (issue 12):
// malformed signed bodies, timestamps off either way, oversized bodies, forged response_urls, replays.
import { request } from 'node:http';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeActionValue } from '../../../adapters/slack/actions.js';
import { SLACK_BODY_LIMIT } from '../../../adapters/slack/screen.js';
import { createLogger } from '../../../src/log.js';
import { captureLogLines } from '../../helpers/log-lines.js';
import {
  actionBody,
  commandBody,
  type Harness,
  postAction,
  postCommand,
  postSigned,
  RESPONSE_HOST,
  RESPONSE_PATH,
  signature,
  startHarness,
  testConfig,
  waitFor,
} from './harness.js';

const log = captureLogLines();
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(testConfig({ LOG_LEVEL: 'info' }), createLogger({ level: 'info' }, log.sink));
});
afterEach(() => {
  nock.cleanAll();
  log.clear();
});
afterAll(async () => {
  await harness.close();
  nock.enableNetConnect();
});

const FORM = 'application/x-www-form-urlencoded';
const now = () => Math.floor(Date.now() / 1000);

/** The server still answers: a signed /jsev gets its answer in the ack. */
async function stillAnswers(): Promise<void> {
  const res = await postCommand(harness.url, '上清液');
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('細胞培養上清液');
}

describe('malformed signed bodies', () => {
  const bodies: [string, string, string][] = [
    ['payload=null', FORM, 'payload=null'],
    ['a JSON null', 'application/json', 'null'],
    ['a JSON array', 'application/json', '[]'],
    ['an interactive payload that is an array', FORM, `payload=${encodeURIComponent('[1,2]')}`],
    ['a number for the type', 'application/json', '{"type":1}'],
    ['an event that is null', 'application/json', '{"type":"event_callback","event":null}'],
    ['an event whose type is a number', 'application/json', '{"type":"event_callback","event":{"type":7}}'],
    [
      'actions that are null',
      FORM,
      `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"},"actions":[null]}')}`,
    ],
    [
      'a shortcut with a user of null',
      FORM,
      `payload=${encodeURIComponent('{"type":"shortcut","user":null}')}`,
    ],
    ['a command whose text is repeated', FORM, 'command=%2Fjsev&text=a&text=b'],
    [
      'a press from a team named valueOf (a key of every plain object)',
      FORM,
      `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"},"team":{"id":"valueOf"},"actions":[{"type":"button","action_id":"jsev_share","value":"{}"}]}')}`,
    ],
    ['a command from a team named __proto__', FORM, 'command=%2Fjsev&text=a&team_id=__proto__'],
    [
      'an event whose authorization names the enterprise constructor',
      'application/json',
      '{"type":"event_callback","team_id":"T1","authorizations":[{"enterprise_id":"constructor"}],"event":{"type":"app_mention"}}',
    ],
    ['text that is not JSON', 'application/json', '{"type":'],
  ];

  it.each(bodies)('answers %s with 400, and the process keeps answering', async (_name, type, body) => {
    const res = await postSigned(harness.url, body, type);
    expect(res.status).toBe(400);
    await stillAnswers();
  });
});

describe('request timestamps', () => {
  const stamps: [string, string][] = [
    ['6 minutes in the future', String(now() + 6 * 60)],
    ['6 minutes in the past', String(now() - 6 * 60)],
    ['a year in the future', String(now() + 365 * 24 * 3600)],
    ['Infinity', 'Infinity'],
    ['not a number', 'soon'],
    ['in exponent notation', '1.7e9'],
  ];

  it.each(stamps)('refuse a request stamped %s with 401', async (_name, stamp) => {
    const body = commandBody('上清液');
    const res = await fetch(`${harness.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': FORM,
        'x-slack-request-timestamp': stamp,
        // Signed over the stamp as sent: only the clock rule can refuse it.
        'x-slack-signature': signature(body, stamp as unknown as number),
      },
      body,
    });
    expect(res.status).toBe(401);
  });

  it('accept a request stamped 4 minutes in the future', async () => {
    const res = await postCommand(harness.url, '上清液', { timestamp: now() + 4 * 60 });
    expect(res.status).toBe(200);
  });
});

/** Sends headers and `bytes` of body on a raw connection; resolves with the status it is answered. */
function postRaw(headers: Record<string, string | number>, bytes: number): Promise<number> {
  const { port } = new URL(harness.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent: false, headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    // The server may close the connection while the body is still being sent: the status came first.
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    const chunk = Buffer.alloc(16 * 1024, 'a');
    for (let sent = 0; sent < bytes; sent += chunk.length) req.write(chunk);
    req.end();
  });
}

describe('body size', () => {
  it('refuses a body declared over 64 KB with 413 before reading it', async () => {
    const status = await postRaw(
      {
        'content-type': FORM,
        'content-length': SLACK_BODY_LIMIT + 1,
        'x-slack-request-timestamp': String(now()),
      },
      0,
    );
    expect(status).toBe(413);
    await stillAnswers();
  });

  it('refuses a chunked body with 413 once it passes 64 KB', async () => {
    const status = await postRaw(
      { 'content-type': FORM, 'transfer-encoding': 'chunked', 'x-slack-request-timestamp': String(now()) },
      SLACK_BODY_LIMIT + 32 * 1024,
    );
    expect(status).toBe(413);
    await stillAnswers();
  });
});

describe('response_url', () => {
  it('is not posted to when it names a host other than Slack’s, and a warn line says so', async () => {
    const metadata = nock('http://169.254.169.254').post(/.*/).reply(200, 'ok');
    const body = actionBody('jsev_next', encodeActionValue({ query: '上清液', offset: 1 }), {
      responseUrl: 'http://169.254.169.254/latest/meta-data',
    });
    const res = await postAction(harness.url, body);
    expect(res.status).toBe(200);
    const [line] = await log.untilLogged(
      'the refusal',
      (l) => l.msg === 'outbound request refused: not a Slack host',
    );
    expect(line).toMatchObject({ origin: 'http://169.254.169.254', level: 40 });
    expect(metadata.isDone()).toBe(false);
  });
});

describe('replays', () => {
  it('posts a Share click replayed three times once', async () => {
    const shares: unknown[] = [];
    const scope = nock(RESPONSE_HOST)
      .post(RESPONSE_PATH, (body) => {
        shares.push(body);
        return true;
      })
      .times(2)
      .reply(200, 'ok');
    const body = actionBody('jsev_share', encodeActionValue({ query: '上清液', offset: 0 }), {
      triggerId: 'replayed.share.1',
    });
    for (let i = 0; i < 3; i += 1) expect((await postAction(harness.url, body)).status).toBe(200);
    // The two replays are skipped (logged), and the one press posts publicly, then removes the ephemeral.
    await log.untilLogged('two skipped replays', (l) => l.msg === 'replayed action skipped', 2);
    await waitFor(scope);
    expect(
      shares.filter((s) => (s as { response_type?: string }).response_type === 'in_channel'),
    ).toHaveLength(1);
    // A third POST would find no interceptor: nock would refuse it and the post would be logged as failed.
    expect(log.lines.filter((l) => l.msg === 'response_url post failed')).toEqual([]);
  });
});
