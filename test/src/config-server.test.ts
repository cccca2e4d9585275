import { describe, expect, it } from 'vitest';
import { teamsConfig } from '../../adapters/teams/config.js';
import { ConfigError, configWarnings, loadConfig } from '../../src/config.js';

const TEAMS_LOCAL = { TEAMS_ALLOW_UNAUTHENTICATED: 'true' };
const load = (env: Record<string, string>) => loadConfig({ ...TEAMS_LOCAL, ...env }, [teamsConfig]);

describe('the server’s variables', () => {
  it('gives every blank core variable its default, as if it were absent', () => {
    const blank = load({
      NODE_ENV: '',
      PORT: ' ',
      HOST: '',
      LOG_LEVEL: '',
      LOG_QUERIES: '',
      SHUTDOWN_DELAY_MS: '',
      HTTP_HEADERS_TIMEOUT_MS: '',
      HTTP_REQUEST_TIMEOUT_MS: '',
      REDIS_URL: '',
      MicrosoftAppType: '',
    });
    expect(blank).toEqual(load({}));
    expect(blank).toMatchObject({ port: 3000, shutdownDelayMs: 5000, nodeEnv: 'development' });
    expect(blank).not.toHaveProperty('host');
    expect(blank).not.toHaveProperty('redisUrl');
  });

  it('reads HOST, REDIS_URL and the request timeouts', () => {
    const config = load({
      HOST: '0.0.0.0',
      REDIS_URL: 'redis://redis:6379/0',
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_REQUEST_TIMEOUT_MS: '4000',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      redisUrl: 'redis://redis:6379/0',
      http: { headersTimeoutMs: 2000, requestTimeoutMs: 4000 },
    });
  });

  it('refuses a REDIS_URL that is not a Redis address, naming the variable and the fix', () => {
    expect(() => load({ REDIS_URL: 'http://redis:6379' })).toThrow(ConfigError);
    expect(() => load({ REDIS_URL: 'http://redis:6379' })).toThrow(
      /REDIS_URL: .*redis:\/\/\[:password@\]host:port/,
    );
  });

  it('refuses a request timeout of 0, which would turn the bound off', () => {
    expect(() => load({ HTTP_REQUEST_TIMEOUT_MS: '0' })).toThrow(/HTTP_REQUEST_TIMEOUT_MS/);
  });

  it('warns about SHUTDOWN_DELAY_MS=0, and about nothing in the defaults', () => {
    expect(configWarnings(load({}))).toEqual([]);
    expect(configWarnings(load({ SHUTDOWN_DELAY_MS: '0' }))).toEqual([
      expect.stringMatching(/^SHUTDOWN_DELAY_MS=0: /),
    ]);
  });
});
