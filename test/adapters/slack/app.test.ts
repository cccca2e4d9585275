import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../../adapters/slack/app.js';
import { silentLogger } from '../../../src/log.js';
import { type Harness, postSigned, retriever, startHarness, testConfig } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('Slack app', () => {
  it('answers Slack’s URL verification challenge, so the Request URL shows Verified', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'challenge-123', type: 'url_verification' });
    const res = await postSigned(harness.url, body, 'application/json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'challenge-123' });
  });

  it('uses Socket Mode, with no HTTP listener, when SLACK_APP_TOKEN is set', () => {
    const config = testConfig({ SLACK_APP_TOKEN: 'xapp-1-test' });
    const slack = createSlackApp({ retriever: retriever(), config, logger: silentLogger() });
    expect(slack.mode).toBe('socket');
    expect(slack.routes.size).toBe(0);
  });

  it('serves HTTP when SLACK_APP_TOKEN is not set', () => {
    const slack = createSlackApp({ retriever: retriever(), config: testConfig(), logger: silentLogger() });
    expect(slack.mode).toBe('http');
    expect([...slack.routes.keys()]).toEqual(['POST /slack/events']);
    expect(slack.health()).toEqual({ mode: 'http' });
  });
});
