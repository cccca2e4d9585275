// Slack's 👍/👎 over HTTP, as Slack drives it: the answer carries the buttons, a press is one log line.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeFeedbackValue } from '../../../adapters/slack/actions.js';
import { createLogger } from '../../../src/log.js';
import { captureLogLines, type LogLine } from '../../helpers/log-lines.js';
import {
  ackMessage,
  actionBody,
  type Harness,
  postAction,
  postCommand,
  RESPONSE_HOST,
  RESPONSE_PATH,
  retriever,
  SLACK_API,
  startHarness,
  testConfig,
  waitFor,
} from './harness.js';
import { boldTexts, quotedText, quoteElements } from './rich-text-reader.js';

interface FeedbackElement {
  type: string;
  action_id: string;
  positive_button: { value: string };
  negative_button: { value: string };
}

const P2 = 'jsev-2023-12-25/p2';

/** Both servers log to one capture; LOG_QUERIES is none on the first and all on the second. */
const capture = captureLogLines();
let quiet: Harness | undefined;
let all: Harness | undefined;
let pressCount = 0;

beforeAll(async () => {
  const logger = createLogger({ level: 'info' }, capture.sink);
  quiet = await startHarness(testConfig(), logger);
  all = await startHarness(testConfig({ LOG_QUERIES: 'all' }), logger);
});
afterEach(() => {
  nock.cleanAll();
  capture.clear();
});
afterAll(async () => {
  await quiet?.close();
  await all?.close();
  nock.enableNetConnect();
});

const url = (h: Harness | undefined) => {
  if (!h) throw new Error('harness not started');
  return h.url;
};

/** The feedback buttons element of a message's blocks, in order. */
function feedbackElements(blocks: readonly Record<string, unknown>[]): FeedbackElement[] {
  return blocks
    .filter((b) => b.type === 'context_actions')
    .flatMap((b) => b.elements as FeedbackElement[])
    .filter((e) => e.type === 'feedback_buttons');
}

/** A press on a feedback button as Slack sends it: a block_actions whose action is `feedback_buttons`. */
function feedbackPress(value: string, ephemeral = true): string {
  pressCount += 1;
  const form = new URLSearchParams(actionBody('jsev_feedback', value, { ephemeral }));
  const payload = JSON.parse(form.get('payload') ?? '{}') as {
    trigger_id: string;
    actions: Record<string, unknown>[];
  };
  // Every click has its own trigger id (a replay of one is acted on once).
  payload.trigger_id = `9.${pressCount}.feedback`;
  payload.actions = [
    {
      type: 'feedback_buttons',
      action_id: 'jsev_feedback',
      block_id: 'fb1',
      value,
      text: { type: 'plain_text', text: '👎', emoji: true },
      action_ts: `1700000100.${String(pressCount).padStart(6, '0')}`,
    },
  ];
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * Intercepts the response_url (the thank-you) and every Web API call that could post to the
 * channel, so a test can wait for the one and prove the absence of the others.
 */
function watchPosts() {
  const responses: Record<string, unknown>[] = [];
  const channelPosts: string[] = [];
  const response = nock(RESPONSE_HOST)
    .post(RESPONSE_PATH, (body) => {
      responses.push(body);
      return true;
    })
    .reply(200, 'ok');
  nock(SLACK_API)
    .persist()
    .post(/\/api\/chat\.\w+/)
    .reply(200, (uri) => {
      channelPosts.push(uri);
      return { ok: true };
    });
  return { response, responses, channelPosts };
}

async function press(
  h: Harness | undefined,
  value: string,
): Promise<{ feedback: LogLine[]; watch: ReturnType<typeof watchPosts> }> {
  const watch = watchPosts();
  const res = await postAction(url(h), feedbackPress(value));
  expect(res.status).toBe(200);
  await waitFor(watch.response);
  return { feedback: capture.lines.filter((l) => l.msg === 'feedback'), watch };
}

describe('/jsev 上清液 in Slack', () => {
  it('acks a rich_text quote whose joined text is the passage exactly, terms in bold, no U+200B', async () => {
    const message = await ackMessage(await postCommand(url(quiet), '上清液'));
    const passage = retriever()
      .allQuotes()
      .find((q) => q.passage.id === P2)?.passage;
    expect(quotedText(message.blocks)).toBe(passage?.text);
    const bold = boldTexts(message.blocks);
    expect(bold.length).toBeGreaterThan(0);
    for (const text of bold) expect(text).toContain('上清液');
    expect(quoteElements(message.blocks).every((e) => !(e.text ?? '').includes('\u200B'))).toBe(true);
    expect(JSON.stringify(message)).not.toContain('\u200B');
  });

  it('acks the answer with 👍/👎 feedback buttons for the quoted passage', async () => {
    const message = await ackMessage(await postCommand(url(quiet), '上清液'));
    const [element] = feedbackElements(message.blocks);
    expect(element?.action_id).toBe('jsev_feedback');
    expect(decodeFeedbackValue(element?.positive_button.value)).toMatchObject({ passage: P2, value: 'up' });
    expect(decodeFeedbackValue(element?.negative_button.value)).toMatchObject({ passage: P2, value: 'down' });
  });
});

describe('a feedback press in Slack', () => {
  const down = JSON.stringify({ p: P2, v: 'down', q: '上清液は安全ですか' });

  it('writes exactly one feedback log line with the passage and 👎, without the question', async () => {
    const { feedback } = await press(quiet, down);
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ platform: 'slack', passage: P2, value: 'down' });
    expect(feedback[0]).not.toHaveProperty('query');
  });

  it('logs the question too under LOG_QUERIES=all', async () => {
    const { feedback } = await press(all, down);
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ passage: P2, value: 'down', query: '上清液は安全ですか' });
  });

  it('thanks the member ephemerally and posts nothing to the channel', async () => {
    const { watch } = await press(quiet, down);
    expect(watch.responses).toHaveLength(1);
    expect(watch.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(watch.responses[0]?.text)).toContain('ありがとうございます');
    expect(watch.channelPosts).toEqual([]);
  });

  it('ignores a forged value: no log line, no post', async () => {
    const watch = watchPosts();
    const res = await postAction(url(quiet), feedbackPress('{"p":"","v":"sideways"}'));
    expect(res.status).toBe(200);
    // The handler decodes the value right after its ack; by the time a later request is answered, a
    // valid press would have logged.
    await postCommand(url(quiet), '上清液');
    expect(capture.lines.filter((l) => l.msg === 'feedback')).toEqual([]);
    expect(watch.response.isDone()).toBe(false);
  });
});
