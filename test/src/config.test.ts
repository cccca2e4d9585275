import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { slackConfig } from '../../adapters/slack/config.js';
import { teamsConfig } from '../../adapters/teams/config.js';
import { ConfigError, configVariables, loadConfig } from '../../src/config.js';

// The front ends npm start composes (adapters/main.ts).
const FRONT_ENDS = [slackConfig, teamsConfig] as const;
const load = (env: Record<string, string>) => loadConfig(env, FRONT_ENDS);

const SLACK = { SLACK_SIGNING_SECRET: 'a-signing-secret-value', SLACK_BOT_TOKEN: 'xoxb-1-2-secret' };

/** The problems loadConfig reports for an environment (fails the test when it accepts it). */
function problems(env: Record<string, string>) {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the environment was accepted');
}

describe('loadConfig', () => {
  it('accepts a Slack configuration and fills in the defaults', () => {
    const config = load(SLACK);
    expect(config).toMatchObject({
      port: 3000,
      shutdownDelayMs: 5000,
      log: { level: 'info', queries: 'none' },
    });
    expect(config.slack?.botToken).toBe(SLACK.SLACK_BOT_TOKEN);
  });

  it('refuses PORT=abc with a problem naming PORT, the value and the fix', () => {
    const [problem] = problems({ ...SLACK, PORT: 'abc' });
    expect(problem).toMatchObject({ variable: 'PORT' });
    expect(problem?.problem).toContain('"abc"');
    expect(problem?.fix).toContain('PORT=3000');
  });

  it('lists a malformed value and a missing companion variable together', () => {
    const listed = problems({
      PORT: 'abc',
      LOG_QUERIES: 'some',
      SLACK_SIGNING_SECRET: SLACK.SLACK_SIGNING_SECRET,
    });
    expect(listed.map((p) => p.variable).sort()).toEqual(['LOG_QUERIES', 'PORT', 'SLACK_BOT_TOKEN']);
  });

  it('reports a malformed token once, not also as missing', () => {
    const listed = problems({ SLACK_SIGNING_SECRET: 'a-signing-secret-value', SLACK_BOT_TOKEN: 'xoxp-user' });
    expect(listed.map((p) => p.variable)).toEqual(['SLACK_BOT_TOKEN']);
  });

  it('never repeats a secret value in a problem', () => {
    const env = { SLACK_SIGNING_SECRET: 'a-signing-secret-value', SLACK_BOT_TOKEN: 'not-a-real-token-42' };
    const error = ((): Error | undefined => {
      try {
        load(env);
        return undefined;
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain('SLACK_BOT_TOKEN');
    expect(error?.message).not.toContain('not-a-real-token-42');
  });

  it('refuses unauthenticated Teams in production even when another value is malformed', () => {
    const listed = problems({
      NODE_ENV: 'production',
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      SHUTDOWN_DELAY_MS: '-1',
    });
    expect(listed.map((p) => p.variable).sort()).toEqual([
      'SHUTDOWN_DELAY_MS',
      'TEAMS_ALLOW_UNAUTHENTICATED',
    ]);
  });

  it('names every variable it reads, the core’s and each front end’s', () => {
    expect(configVariables(FRONT_ENDS)).toEqual(
      expect.arrayContaining(['PORT', 'LOG_QUERIES', 'CORPUS_DIR', 'SLACK_BOT_TOKEN', 'MicrosoftAppId']),
    );
  });

  it('refuses an environment with no front end, naming the variables that turn on Slack and Teams', () => {
    const [problem, ...more] = problems({ TEAMS_ALLOW_UNAUTHENTICATED: 'false' });
    expect(more).toEqual([]);
    expect(problem?.problem).toContain('no front end is configured');
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'MicrosoftAppId']) {
      expect(problem?.problem).toContain(name);
    }
    expect(problem?.fix).toContain('api.slack.com/apps');
    expect(problem?.fix).toContain('Azure portal');
  });

  it('lists the missing front end together with a malformed core value', () => {
    const listed = problems({ PORT: 'abc' });
    expect(listed.map((p) => p.variable)).toEqual(['PORT', 'SLACK_SIGNING_SECRET or MicrosoftAppId']);
  });

  it('turns Teams on without authentication only when TEAMS_ALLOW_UNAUTHENTICATED is true', () => {
    expect(load({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).teams).toMatchObject({ allowedTenants: [] });
    expect(load({ ...SLACK, TEAMS_ALLOW_UNAUTHENTICATED: 'false' }).teams).toBeUndefined();
  });

  it('checks the rules of Teams, such as a SingleTenant bot’s tenant, with Slack’s in the same pass', () => {
    const listed = problems({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(listed.map((p) => p.variable).sort()).toEqual(['MicrosoftAppTenantId', 'SLACK_SIGNING_SECRET']);
  });

  it('is documented in .env.example, each variable under a comment', () => {
    const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
    for (const name of configVariables(FRONT_ENDS)) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(at, name).toBeGreaterThan(0);
      expect(lines[at - 1], name).toMatch(/^# /);
    }
  });

  it('accepts .env.example as written', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    expect(() => load(parseEnv(example) as Record<string, string>)).not.toThrow();
  });
});
