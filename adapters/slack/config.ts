import { z } from 'zod';
import { type ConfigPart, optionalText } from '../../src/config.js';

const SLACK_APP_SETTINGS = 'https://api.slack.com/apps → your app';

/**
 * Why `value` cannot be a Slack token of this `prefix` (xoxb- for the bot, xapp- for Socket Mode), or
 * undefined when it is plausible: the prefix, then the token's letters and digits in dash-separated
 * groups. Slack checks the token itself at startup (auth.test); this catches what cannot be one.
 */
function tokenProblem(value: string, prefix: string): string | undefined {
  if (!value.startsWith(prefix)) return `does not start with ${prefix}`;
  const rest = value.slice(prefix.length);
  if (!/[A-Za-z0-9]/.test(rest)) return `is only the prefix ${prefix}: the token itself is missing`;
  if (!/^[A-Za-z0-9-]+$/.test(rest)) {
    return `holds characters a Slack token never has (spaces, quotes, dots or a placeholder such as ${prefix}…): give the token alone`;
  }
  return undefined;
}

/** Why `value` cannot be a signing secret (32 letters and digits in Slack's settings), or undefined. */
function signingSecretProblem(value: string): string | undefined {
  if (/^(xox[a-z]|xapp)-/.test(value)) return 'is a Slack token, not the signing secret';
  if (/[\s"'`]/.test(value)) return 'holds spaces or quotes, which a signing secret never has';
  if (value.length < 16)
    return `is too short to be a signing secret (${value.length} characters; Slack's has 32)`;
  return undefined;
}

/** An optional variable whose value, when set, must pass `problem` (a secret: its value is never shown). */
const checked = (problem: (value: string) => string | undefined) =>
  optionalText.pipe(
    z
      .string()
      .superRefine((value, ctx) => {
        const found = problem(value);
        if (found) ctx.addIssue({ code: 'custom', message: found });
      })
      .optional(),
  );

const shape = {
  SLACK_SIGNING_SECRET: checked(signingSecretProblem),
  SLACK_BOT_TOKEN: checked((value) => tokenProblem(value, 'xoxb-')),
  SLACK_APP_TOKEN: checked((value) => tokenProblem(value, 'xapp-')),
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
