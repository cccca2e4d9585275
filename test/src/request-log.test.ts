import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { type FeedbackEvent, logFeedback, withRequest } from '../../src/request-log.js';
import { captureLogLines } from '../helpers/log-lines.js';

const capture = captureLogLines();
const logger = createLogger({ level: 'info' }, capture.sink);
const down: FeedbackEvent = {
  platform: 'teams',
  surface: 'feedback-loop',
  passage: 'jsev-2023-12-25/p2',
  value: 'down',
  query: '上清液は安全ですか',
};

beforeEach(() => {
  capture.clear();
});

describe('logFeedback', () => {
  it('writes one info line "feedback" with the platform, surface, passage id and value', () => {
    logFeedback(logger, down, 'none');
    expect(capture.lines).toHaveLength(1);
    expect(capture.lines[0]).toMatchObject({
      level: 30,
      msg: 'feedback',
      platform: 'teams',
      surface: 'feedback-loop',
      passage: 'jsev-2023-12-25/p2',
      value: 'down',
    });
  });

  it('leaves the question out unless LOG_QUERIES is all', () => {
    logFeedback(logger, down, 'none');
    logFeedback(logger, down, 'unanswered');
    expect(capture.lines.map((line) => 'query' in line)).toEqual([false, false]);
  });

  it('logs the question under LOG_QUERIES=all', () => {
    logFeedback(logger, down, 'all');
    expect(capture.lines[0]?.query).toBe('上清液は安全ですか');
  });

  it("logs the member's comment only under LOG_QUERIES=all, like the question", () => {
    const commented: FeedbackEvent = { ...down, comment: '古い版の段落では？' };
    for (const setting of ['none', 'unanswered', 'all'] as const) logFeedback(logger, commented, setting);
    expect(capture.lines.map((line) => line.comment)).toEqual([undefined, undefined, '古い版の段落では？']);
  });

  it('carries the request id of the request it was pressed in', () => {
    withRequest(
      () => logFeedback(logger, { platform: 'slack', passage: 'jsev-2023-12-25/kp1', value: 'up' }, 'all'),
      'req-1',
    );
    expect(capture.lines[0]).toMatchObject({ requestId: 'req-1', platform: 'slack', value: 'up' });
    expect(capture.lines[0]).not.toHaveProperty('surface');
    expect(capture.lines[0]).not.toHaveProperty('query');
  });

  it('gives a fresh request id outside a request', () => {
    logFeedback(logger, down, 'none');
    logFeedback(logger, down, 'none');
    const [first, second] = capture.lines.map((line) => line.requestId);
    expect(first).toEqual(expect.any(String));
    expect(first).not.toBe(second);
  });
});
