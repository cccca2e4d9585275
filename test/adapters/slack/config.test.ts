import { describe, expect, it } from 'vitest';
import { slackConfig } from '../../../adapters/slack/config.js';
import { ConfigError, type ConfigProblem, loadConfig } from '../../../src/config.js';

const VALID = {
  SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
  SLACK_BOT_TOKEN: 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
};

/** The one problem loadConfig reports for Slack's variables with `env` over a valid set. */
function problemWith(env: Record<string, string>): ConfigProblem | undefined {
  try {
    loadConfig({ ...VALID, ...env }, [slackConfig]);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    expect(error.problems).toHaveLength(1);
    return error.problems[0];
  }
  return undefined;
}

describe("Slack's variables", () => {
  it('accept a bot token, signing secret and app token of the shapes Slack issues', () => {
    expect(problemWith({ SLACK_APP_TOKEN: 'xapp-1-A0123456789-1234567890123-0123abcdef' })).toBeUndefined();
  });

  it.each([
    ['SLACK_BOT_TOKEN', 'xoxb-', 'is only the prefix xoxb-: the token itself is missing'],
    ['SLACK_BOT_TOKEN', 'xoxb---', 'is only the prefix xoxb-: the token itself is missing'],
    ['SLACK_BOT_TOKEN', 'xoxb-…', 'is only the prefix xoxb-: the token itself is missing'],
    ['SLACK_BOT_TOKEN', 'xoxb-<paste the token>', 'holds characters a Slack token never has'],
    ['SLACK_BOT_TOKEN', '"xoxb-1234-5678-abc"', 'does not start with xoxb-'],
    ['SLACK_BOT_TOKEN', 'xoxp-1234-5678-abc', 'does not start with xoxb-'],
    ['SLACK_APP_TOKEN', 'xapp-', 'is only the prefix xapp-: the token itself is missing'],
    ['SLACK_APP_TOKEN', 'xapp-1 A0123', 'holds characters a Slack token never has'],
    ['SLACK_SIGNING_SECRET', 'abc123', "is too short to be a signing secret (6 characters; Slack's has 32)"],
    ['SLACK_SIGNING_SECRET', '0123456789abcdef 0123456789abcdef', 'holds spaces or quotes'],
    [
      'SLACK_SIGNING_SECRET',
      'xoxb-1234567890-1234567890123-AbCdEf',
      'is a Slack token, not the signing secret',
    ],
  ])('refuse %s=%s, saying what is wrong and where the right value is', (variable, value, problem) => {
    const found = problemWith({ [variable]: value });
    expect(found?.variable).toBe(variable);
    expect(found?.problem).toContain(problem);
    expect(found?.fix).toContain('api.slack.com/apps');
  });

  it('never repeat the refused value, which may be most of a secret', () => {
    const found = problemWith({ SLACK_BOT_TOKEN: 'xoxb-1234-5678-real secret' });
    expect(JSON.stringify(found)).not.toContain('real secret');
  });
});
