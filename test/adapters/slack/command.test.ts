import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { encodeActionValue } from '../../../adapters/slack/actions.js';
import { unescapeMrkdwn } from '../../../adapters/slack/mrkdwn.js';
import { copyAllText } from '../../../src/citation.js';
import { askAll } from '../../../src/retriever.js';
import {
  ackMessage,
  actionBody,
  commandBody,
  postAction,
  postCommand,
  postSigned,
  RESPONSE_HOST,
  RESPONSE_PATH,
  retriever,
  useHarness,
  waitFor,
} from './harness.js';

const harness = useHarness();

/** Shown text of a message: every text field except button values (data, never rendered). */
const shown = (message: unknown) => JSON.stringify(message, (key, v) => (key === 'value' ? undefined : v));

/** What a member copies from a posted message: its code blocks, unescaped and joined. */
const codeBlockText = (message: Record<string, unknown>): string =>
  ((message.blocks ?? []) as { text?: { text?: string } }[])
    .map((b) => b.text?.text ?? '')
    .filter((t) => t.startsWith('```'))
    .map((t) => unescapeMrkdwn(t.slice('```\n'.length, -'\n```'.length)))
    .join('');

/**
 * Intercepts `times` POSTs to the command's response_url. `all()` waits for them and gives their
 * bodies in order; `first()` waits for them and gives the first.
 */
function expectResponses(times = 1) {
  const bodies: Record<string, unknown>[] = [];
  const scope = nock(RESPONSE_HOST)
    .post(RESPONSE_PATH, (body) => {
      bodies.push(body);
      return true;
    })
    .times(times)
    .reply(200, 'ok');
  const all = async () => {
    await waitFor(scope);
    return bodies;
  };
  return { all, first: async (): Promise<Record<string, unknown>> => (await all())[0] ?? {} };
}

describe('/jsev', () => {
  it('answers 上清液 in the ack with the 細胞培養上清液 paragraph and its citation, ephemerally', async () => {
    const res = await postCommand(harness.url, '上清液');
    expect(res.status).toBe(200);
    const message = await ackMessage(res);
    expect(message.response_type).toBe('ephemeral');
    const json = shown(message.blocks);
    expect(json).toContain('細胞培養上清液');
    expect(json).toContain('流通している');
    expect(json).toContain(
      '日本細胞外小胞学会「細胞外小胞を用いた医療行為に対する日本細胞外小胞学会の見解」（2023年12月25日）見解と提言 第2段落',
    );
    expect(message.text).toContain('細胞培養上清液');
  });

  it('refuses a request with a bad signature with 401', async () => {
    const res = await postSigned(harness.url, commandBody('上清液'), 'application/x-www-form-urlencoded', {
      secret: 'not-the-signing-secret',
    });
    expect(res.status).toBe(401);
  });

  it('refuses a request signed more than 5 minutes ago with 401', async () => {
    const res = await postCommand(harness.url, '上清液', {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
  });

  it('echoes <!channel> and <https://evil|公式> escaped, so nobody is pinged and nothing links', async () => {
    const message = await ackMessage(await postCommand(harness.url, '<!channel> <https://evil|公式>'));
    const json = shown(message);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<https://evil');
    expect(json).toContain('&lt;!channel&gt;');
  });

  it('shows how to ask, in Japanese, for an empty command', async () => {
    const message = await ackMessage(await postCommand(harness.url, ''));
    expect(shown(message)).toContain('使い方');
    expect(shown(message)).toContain('/jsev 要点');
  });

  it('shows how to ask, in English, for /jsev help', async () => {
    const message = await ackMessage(await postCommand(harness.url, 'help'));
    expect(shown(message)).toContain('How to ask');
  });

  it('says 寿司 is not covered and offers /jsev 目次 and /jsev 要点', async () => {
    const message = await ackMessage(await postCommand(harness.url, '寿司'));
    expect(message.text).toContain('見解には該当する記述が見つかりませんでした');
    expect(message.text).toContain('/jsev 目次');
    expect(message.text).toContain('/jsev 要点');
  });

  it('lists the key points for /jsev 要点', async () => {
    const message = await ackMessage(await postCommand(harness.url, '要点'));
    expect(shown(message)).toContain('令和5年12月時点で');
  });
});

describe('buttons', () => {
  it('Share in channel posts the answer publicly through response_url and removes the ephemeral one', async () => {
    const responses = expectResponses(2);
    const res = await postAction(
      harness.url,
      actionBody('jsev_share', encodeActionValue({ query: '上清液', offset: 0 })),
    );
    expect(res.status).toBe(200);
    const posted = await responses.all();
    expect(posted[0]).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(shown(posted[0])).toContain('細胞培養上清液');
    expect(shown(posted[0])).not.toContain('jsev_share');
    expect(posted[1]).toEqual({ delete_original: true });
  });

  it('Next result replaces the ephemeral answer with the next passage', async () => {
    const response = expectResponses();
    await postAction(harness.url, actionBody('jsev_next', encodeActionValue({ query: '上清液', offset: 1 })));
    const posted = await response.first();
    expect(posted.replace_original).toBe(true);
    expect(shown(posted)).toContain('該当する箇所 2/');
    expect(shown(posted)).toContain('粗精製物');
  });

  it('Next result under a public answer replies in its thread', async () => {
    const response = expectResponses();
    const body = actionBody('jsev_next', encodeActionValue({ query: '上清液', offset: 1 }), {
      ephemeral: false,
      messageTs: '1700000000.000300',
      threadTs: '1700000000.000100',
    });
    await postAction(harness.url, body);
    const posted = await response.first();
    expect(posted).toMatchObject({
      response_type: 'in_channel',
      replace_original: false,
      thread_ts: '1700000000.000100',
    });
  });

  it('Copy as text answers with the quote and citation as plain text in a code block, keeping the answer', async () => {
    const response = expectResponses();
    await postAction(harness.url, actionBody('jsev_copy', encodeActionValue({ query: '上清液', offset: 0 })));
    const posted = await response.first();
    expect(posted).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const text = String(posted.text);
    expect(text.startsWith('```\n')).toBe(true);
    expect(text).toContain('そもそも、流通している細胞培養上清液は研究用の試薬であり');
    expect(text).toContain('見解と提言 第2段落 https://jsev.jp/');
  });

  it('Copy all answers, only to the member, with every quote of the answer as the text the CLI prints', async () => {
    const response = expectResponses();
    await postAction(
      harness.url,
      actionBody('jsev_copy_all', encodeActionValue({ query: '上清液', offset: 0 })),
    );
    const posted = await response.first();
    expect(posted).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const expected = copyAllText(askAll(retriever(), '上清液'));
    expect(expected?.match(/見解と提言 第\d段落/g)?.length).toBeGreaterThan(1);
    expect(codeBlockText(posted)).toBe(expected);
    expect(shown(posted)).toContain('jsev_share_copy_all');
  });

  it("Share under Copy all posts the same block in the channel, then removes the member's copy", async () => {
    const response = expectResponses(2);
    await postAction(
      harness.url,
      actionBody('jsev_share_copy_all', encodeActionValue({ query: '上清液', offset: 0 })),
    );
    const [shared, removal] = await response.all();
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(codeBlockText(shared ?? {})).toBe(copyAllText(askAll(retriever(), '上清液')));
    expect(shown(shared)).toContain('<@U0MEMBER>');
    expect(removal).toEqual({ delete_original: true });
  });

  it('the 目次 suggestion under a no-match answer shows the topics in its place', async () => {
    const response = expectResponses();
    await postAction(
      harness.url,
      actionBody('jsev_ask_topics', encodeActionValue({ query: '目次', offset: 0 })),
    );
    const posted = await response.first();
    expect(posted.replace_original).toBe(true);
    expect(shown(posted)).toContain('見解と提言');
  });
});
