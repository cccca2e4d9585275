import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../src/config.js';

const SLACK = { SLACK_SIGNING_SECRET: 'a-signing-secret-value', SLACK_BOT_TOKEN: 'xoxb-1-2-secret' };

/** The problems loadConfig reports for an environment (fails the test when it accepts it). */
function problems(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the environment was accepted');
}

describe('loadConfig', () => {
  it('accepts a Slack configuration and fills in the defaults', () => {
    const config = loadConfig(SLACK);
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
    const listed = problems({ PORT: 'abc', LOG_QUERIES: 'some', SLACK_SIGNING_SECRET: 'secret-only' });
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
        loadConfig(env);
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

  it('names every variable it reads', () => {
    expect(CONFIG_VARIABLES).toContain('PORT');
    expect(CONFIG_VARIABLES).toContain('LOG_QUERIES');
    expect(CONFIG_VARIABLES).toContain('CORPUS_DIR');
  });

  it('is documented in .env.example, each variable under a comment', () => {
    const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
    for (const name of CONFIG_VARIABLES) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(at, name).toBeGreaterThan(0);
      expect(lines[at - 1], name).toMatch(/^# /);
    }
  });

  it('accepts .env.example as written', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    expect(() => loadConfig(parseEnv(example))).not.toThrow();
  });
});
