import nock from 'nock';
import { afterEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../../src/log.js';
import { captureLogLines } from '../../helpers/log-lines.js';
import { messageActivity, postActivity, UNAUTHENTICATED_ENV, useTeamsServer } from './helpers.js';

const capture = captureLogLines();
const { sink, lines, errorsLogged } = capture;
const server = useTeamsServer(UNAUTHENTICATED_ENV, createLogger({ level: 'debug' }, sink));
afterEach(() => {
  capture.clear();
});

/** An invoke named `name` carrying `value` (absent when undefined), as Teams would post it. */
function invoke(name: unknown, value: unknown) {
  const activity = messageActivity({ type: 'invoke', name, text: undefined, value });
  if (value === undefined) delete activity.value;
  if (name === undefined) delete activity.name;
  return activity;
}

const searchValue = (parameters: unknown, queryOptions: unknown = { skip: 0, count: 10 }) => ({
  commandId: 'searchQuote',
  parameters,
  queryOptions,
});

/** What is sent: its name and value; what Teams gets: the status and, if it matters, the body. */
type Row = readonly [invoke: string, name: unknown, value: unknown, status: number, body?: unknown];

// Every invoke the manifest enables (the search command's composeExtension/query, and the feedback
// loop's message/submitAction), with values Teams never sends; and invokes the manifest does not
// enable. botbuilder answers each of these 501, or fails the turn (an error line, then 501).
const ROWS: readonly Row[] = [
  [
    'a search whose parameters are an object',
    'composeExtension/query',
    searchValue({ name: 'query', value: '上清液' }),
    400,
  ],
  ['a search whose parameters are [null]', 'composeExtension/query', searchValue([null]), 400],
  ['a search whose parameters are a string', 'composeExtension/query', searchValue('上清液'), 400],
  ['a search with no value', 'composeExtension/query', undefined, 400],
  ['a search whose value is null', 'composeExtension/query', null, 400],
  ['a search whose value is an array', 'composeExtension/query', [1, 2], 400],
  ['a search whose commandId is a number', 'composeExtension/query', { commandId: 7, parameters: [] }, 400],
  ['a search whose queryOptions are a string', 'composeExtension/query', searchValue([], 'all'), 400],
  [
    'a search whose skip and count are not numbers',
    'composeExtension/query',
    searchValue([{ name: 'query', value: '上清液' }], { skip: 'x', count: null }),
    200,
    { composeExtension: { type: 'result' } },
  ],
  [
    'a search whose query is a number',
    'composeExtension/query',
    searchValue([{ name: 'query', value: 42 }]),
    200,
    { composeExtension: { type: 'result' } },
  ],
  [
    'a search of an unknown command',
    'composeExtension/query',
    { commandId: 'other', parameters: [] },
    200,
    { composeExtension: { type: 'message' } },
  ],
  ['a feedback press with no value', 'message/submitAction', undefined, 400],
  ['a feedback press whose value is a string', 'message/submitAction', 'like', 400],
  [
    'a feedback press whose reaction is unknown',
    'message/submitAction',
    { actionName: 'feedback', actionValue: { reaction: 'love' } },
    400,
  ],
  [
    'an Action.Execute press (adaptiveCard/action)',
    'adaptiveCard/action',
    { action: { type: 'Action.Execute', verb: 'next', data: {} } },
    400,
    { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'NotSupported' } },
  ],
  [
    'an adaptiveCard/action with no action',
    'adaptiveCard/action',
    {},
    400,
    { statusCode: 400, type: 'application/vnd.microsoft.error' },
  ],
  ['an adaptiveCard/action with no value', 'adaptiveCard/action', undefined, 400],
  ['a composeExtension/selectItem', 'composeExtension/selectItem', {}, 400],
  ['a composeExtension/querySettingUrl', 'composeExtension/querySettingUrl', {}, 400],
  ['a composeExtension/submitAction', 'composeExtension/submitAction', {}, 400],
  ['a task/fetch', 'task/fetch', {}, 400],
  ['a signin/verifyState', 'signin/verifyState', {}, 400],
  ['a config/fetch', 'config/fetch', null, 400],
  ['an invoke of a made-up name', 'no/such-thing', {}, 400],
  ['an invoke with no name', undefined, { action: 'next' }, 400],
  ['an invoke whose name is a number', 42, {}, 400],
];

describe('an invoke the bot cannot act on', () => {
  test.each(ROWS)('%s gets %i, no error line and no message', async (_invoke, name, value, status, body) => {
    const connector = nock('https://smba.trafficmanager.net').post(/.*/).reply(200, {});

    const response = await postActivity(server.url, invoke(name, value));

    expect(response.status).toBe(status);
    if (body !== undefined) expect(JSON.parse(response.body)).toMatchObject(body as object);
    expect(errorsLogged()).toEqual([]);
    expect(connector.isDone()).toBe(false);
    nock.cleanAll();
  });

  test('is logged as not understood at warn level, with its name', async () => {
    await postActivity(server.url, invoke('task/fetch', {}));

    expect(lines.filter((l) => l.msg === 'teams: invoke not understood')).toMatchObject([
      { level: 40, name: 'task/fetch' },
    ]);
  });
});
