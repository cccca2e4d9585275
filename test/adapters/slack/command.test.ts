import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackMessage, type Harness, postCommand, startHarness } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
  nock.cleanAll();
});

describe('/jsev', () => {
  it('answers 上清液 in the ack with the 細胞培養上清液 paragraph and its citation, ephemerally', async () => {
    const res = await postCommand(harness.url, '上清液');
    expect(res.status).toBe(200);
    const message = await ackMessage(res);
    expect(message.response_type).toBe('ephemeral');
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('細胞培養上清液');
    expect(json).toContain('見解と提言 第2段落');
  });
});
