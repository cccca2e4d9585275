import { z } from 'zod';
import { type ConfigPart, optionalText } from '../../src/config.js';

const SLACK_APP_SETTINGS = 'https://api.slack.com/apps → your app';

const shape = {
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_API_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/ })
      .endsWith('/', 'must end with /')
      .optional(),
  ),
};

/** The Slack front end's validated settings. */
export interface SlackConfig {
  readonly signingSecret: string;
  readonly botToken: string;
  /** Socket Mode when set; HTTP (`POST /slack/events`) otherwise. */
  readonly appToken?: string;
  /** The Web API base URL, for a local stand-in. */
  readonly apiUrl?: string;
}

/** Slack's part of the configuration: its variables, where to find them in Slack, and its rules. */
export const slackConfig: ConfigPart<'slack', typeof shape, SlackConfig> = {
  key: 'slack',
  enable: { variable: 'SLACK_SIGNING_SECRET', how: 'SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN for Slack' },
  shape,
  fixes: {
    SLACK_SIGNING_SECRET: `Copy it from ${SLACK_APP_SETTINGS} → Basic Information → App Credentials → Signing Secret.`,
    SLACK_BOT_TOKEN: `Copy the xoxb- token from ${SLACK_APP_SETTINGS} → OAuth & Permissions → Bot User OAuth Token.`,
    SLACK_APP_TOKEN: `Create an xapp- token with connections:write in ${SLACK_APP_SETTINGS} → Basic Information → App-Level Tokens, or unset it to use HTTP.`,
    SLACK_API_URL: 'Give the Web API base URL ending in /, e.g. https://slack.com/api/ (or unset it).',
  },
  secrets: ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN'],
  enabled: (v) => v.SLACK_SIGNING_SECRET !== undefined || v.SLACK_BOT_TOKEN !== undefined,
  rules(v, report) {
    if (v.SLACK_SIGNING_SECRET && !v.SLACK_BOT_TOKEN)
      report('SLACK_BOT_TOKEN', 'is required when SLACK_SIGNING_SECRET is set');
    if (v.SLACK_BOT_TOKEN && !v.SLACK_SIGNING_SECRET)
      report('SLACK_SIGNING_SECRET', 'is required when SLACK_BOT_TOKEN is set');
  },
  build: (v) => ({
    signingSecret: v.SLACK_SIGNING_SECRET as string,
    botToken: v.SLACK_BOT_TOKEN as string,
    ...(v.SLACK_APP_TOKEN ? { appToken: v.SLACK_APP_TOKEN } : {}),
    ...(v.SLACK_API_URL ? { apiUrl: v.SLACK_API_URL } : {}),
  }),
};
