// At LOG_LEVEL=debug, Bolt logs each incoming body and the Web API client each request body and
// result: a DM's question, unless LOG_QUERIES allows it, must appear in none of those lines.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { PAYLOAD_OMITTED } from '../../../adapters/slack/bolt-logger.js';
import { createLogger } from '../../../src/log.js';
import { captureLogLines } from '../../helpers/log-lines.js';
import { createRecorder, requestFields } from '../../helpers/recorder.js';
import { eventBody, type Harness, postEvent, SLACK_API, startHarness, testConfig } from './harness.js';

// Not covered by the statement, so the answer echoes it: it is in chat.postMessage's body too.
const QUESTION = '寿司職人の秘密の質問';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Runs the bot at debug with `queries`, sends a DM asking {@link QUESTION}, and returns every line logged. */
async function linesForDm(queries: string) {
  const log = captureLogLines();
  const config = testConfig({ LOG_LEVEL: 'debug', LOG_QUERIES: queries });
  harness = await startHarness(config, createLogger({ level: 'debug' }, log.sink));
  const posted = createRecorder<unknown>();
  nock(SLACK_API)
    .post('/api/chat.postMessage')
    .reply((_uri, body) => {
      posted.record(requestFields(body));
      return [200, { ok: true, ts: '1700000009.000100', message: { text: QUESTION } }];
    });
  const dm = {
    type: 'message',
    channel_type: 'im',
    user: 'U0MEMBER',
    text: QUESTION,
    ts: '1.1',
    channel: 'D0MEMBER',
  };
  expect((await postEvent(harness.url, eventBody(dm, `EvDebug${queries}`))).status).toBe(200);
  await posted.atLeast(1, 'the answer');
  expect(JSON.stringify(posted.items)).toContain(QUESTION);
  await log.untilLogged('the Web API result line', (l) => String(l.msg).startsWith('http request result:'));
  return log.lines;
}

describe('debug logs', () => {
  it('carry no DM question under LOG_QUERIES=none, though they log the Web API request body', async () => {
    const lines = await linesForDm('none');
    const bodies = lines.filter((l) => String(l.msg).startsWith('http request body:'));
    // auth.test's at startup, then chat.postMessage's.
    expect(bodies.map((l) => l.msg)).toEqual([
      `http request body: ${PAYLOAD_OMITTED}`,
      `http request body: ${PAYLOAD_OMITTED}`,
    ]);
    expect(JSON.stringify(lines)).not.toContain(QUESTION);
  });

  it('carry no DM question under LOG_QUERIES=unanswered either (a raw payload cannot be told apart)', async () => {
    const lines = await linesForDm('unanswered');
    // The one request line may name the unanswered question; no Bolt or Web API line does.
    expect(JSON.stringify(lines.filter((l) => l.msg !== 'request'))).not.toContain(QUESTION);
  });

  it('carry the payloads under LOG_QUERIES=all, as the operator asked', async () => {
    const lines = await linesForDm('all');
    const bodies = lines.filter((l) => String(l.msg).startsWith('http request body:'));
    expect(bodies.some((l) => String(l.msg).includes(QUESTION))).toBe(true);
  });
});
