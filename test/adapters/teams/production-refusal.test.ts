import { expect, test } from 'vitest';
import { teamsConfig } from '../../../adapters/teams/config.js';
import { loadConfig } from '../../../src/config.js';

test('startup refuses Teams without authentication in production, naming MicrosoftAppId', () => {
  expect(() =>
    loadConfig({ NODE_ENV: 'production', TEAMS_ALLOW_UNAUTHENTICATED: 'true' }, [teamsConfig]),
  ).toThrow(/MicrosoftAppId/);
});

test('startup accepts Teams without authentication outside production (local development)', () => {
  expect(
    loadConfig({ NODE_ENV: 'development', TEAMS_ALLOW_UNAUTHENTICATED: 'true' }, [teamsConfig]).teams?.auth,
  ).toBeUndefined();
});
