import { expect, test } from 'vitest';
import { teamsConfig } from '../../../adapters/teams/config.js';
import { createTeamsFrontEnd } from '../../../adapters/teams/front-end.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/log.js';
import { AUTHENTICATED_ENV, sharedRetriever, UNAUTHENTICATED_ENV } from './helpers.js';

const frontEnd = (env: Record<string, string>) =>
  createTeamsFrontEnd({
    retriever: sharedRetriever(),
    config: loadConfig({ NODE_ENV: 'test', ...env }, [teamsConfig]),
    logger: silentLogger(),
  });

test('the Teams front end serves POST /api/messages and says in /healthz whether it authenticates', () => {
  const authenticated = frontEnd(AUTHENTICATED_ENV);
  expect(authenticated.name).toBe('teams');
  expect([...authenticated.routes.keys()]).toEqual(['POST /api/messages']);
  expect(authenticated.health()).toEqual({ authenticated: true });
  expect(frontEnd(UNAUTHENTICATED_ENV).health()).toEqual({ authenticated: false });
});

test('without authentication the Teams front end asks the server to listen on this machine only', () => {
  expect(frontEnd(UNAUTHENTICATED_ENV).loopbackOnly).toBe(true);
  expect(frontEnd(AUTHENTICATED_ENV).loopbackOnly).toBe(false);
});
