import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  APP_ID,
  AUTHENTICATED_ENV,
  messageActivity,
  postActivity,
  SERVICE_URL,
  startTeamsServer,
  TENANT_ID,
  type TestServer,
} from './helpers.js';

// The Bot Framework's public signing-key discovery, as botbuilder fetches it to check Teams' tokens.
const BOT_FRAMEWORK_LOGIN = 'https://login.botframework.com';
const OPENID_PATH = '/v1/.well-known/openidconfiguration';
const JWKS_PATH = '/v1/.well-known/keys';
const KEY_ID = 'test-signing-key';
const REPLY_PATH = `/amer/v3/conversations/${encodeURIComponent('a:personal-conversation-id')}/activities/1712345678901`;

let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let server: TestServer;

/** A token as the Bot Framework channel signs it for this bot; `claims` override the valid ones. */
async function channelToken(claims: JWTPayload = {}, expiresAt: number | string = '10m'): Promise<string> {
  return new SignJWT({ serviceurl: SERVICE_URL, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
    .setIssuer('https://api.botframework.com')
    .setAudience(typeof claims.aud === 'string' ? claims.aud : APP_ID)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime(expiresAt)
    .sign(privateKey);
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const keys = await generateKeyPair('RS256', { extractable: true });
  privateKey = keys.privateKey;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: KEY_ID, use: 'sig', endorsements: ['msteams'] };
  // botbuilder caches the keys for the whole process, so they stay mocked for every test.
  nock(BOT_FRAMEWORK_LOGIN)
    .persist()
    .get(OPENID_PATH)
    .reply(200, { issuer: 'https://api.botframework.com', jwks_uri: `${BOT_FRAMEWORK_LOGIN}${JWKS_PATH}` })
    .get(JWKS_PATH)
    .reply(200, { keys: [jwk] });
});
afterAll(() => nock.cleanAll());

beforeEach(async () => {
  server = await startTeamsServer(AUTHENTICATED_ENV);
});
afterEach(async () => {
  await server.close();
  nock.removeInterceptor({
    hostname: 'smba.trafficmanager.net',
    method: 'POST',
    path: REPLY_PATH,
    proto: 'https',
  });
});

function connector() {
  return nock('https://smba.trafficmanager.net').post(REPLY_PATH).reply(200, { id: 'reply-id' });
}

describe('with authentication on', () => {
  test('a request without a token gets 401 and no reply', async () => {
    const reply = connector();

    const response = await postActivity(server.url, messageActivity());

    expect(response.status).toBe(401);
    expect(reply.isDone()).toBe(false);
  });

  test('an expired token gets 401 and no reply', async () => {
    const reply = connector();
    const expired = await channelToken({}, Math.floor(Date.now() / 1000) - 600);

    const response = await postActivity(server.url, messageActivity(), {
      authorization: `Bearer ${expired}`,
    });

    expect(response.status).toBe(401);
    expect(reply.isDone()).toBe(false);
  });

  test('a token for another bot (wrong audience) gets 401 and no reply', async () => {
    const reply = connector();
    const otherBot = await channelToken({ aud: 'some-other-bot-app-id' });

    const response = await postActivity(server.url, messageActivity(), {
      authorization: `Bearer ${otherBot}`,
    });

    expect(response.status).toBe(401);
    expect(reply.isDone()).toBe(false);
  });

  test('a token issued for another serviceUrl gets 401 and no reply', async () => {
    const reply = connector();
    const elsewhere = await channelToken({ serviceurl: 'https://smba.trafficmanager.net/emea/' });

    const response = await postActivity(server.url, messageActivity(), {
      authorization: `Bearer ${elsewhere}`,
    });

    expect(response.status).toBe(401);
    expect(reply.isDone()).toBe(false);
  });

  test('a token signed with another key under a known key id is refused and no reply is sent', async () => {
    const reply = connector();
    const forger = await generateKeyPair('RS256');
    const forged = await new SignJWT({ serviceurl: SERVICE_URL })
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID })
      .setIssuer('https://api.botframework.com')
      .setAudience(APP_ID)
      .setExpirationTime('10m')
      .sign(forger.privateKey);

    const response = await postActivity(server.url, messageActivity(), { authorization: `Bearer ${forged}` });

    // botbuilder reports jsonwebtoken's "invalid signature" as a server error, not 401.
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(reply.isDone()).toBe(false);
  });

  test('a valid token leads to a client-credentials token request to Entra ID, then the authorised reply', async () => {
    const tokenRequests: string[] = [];
    const entra = nock('https://login.microsoftonline.com')
      .post(`/${TENANT_ID}/oauth2/v2.0/token`, (body: Record<string, string>) => {
        tokenRequests.push(`${body.grant_type} ${body.client_id} ${body.scope}`);
        return true;
      })
      .query(true)
      .reply(200, {
        token_type: 'Bearer',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: 'bot-access-token',
      });
    const authorisations: (string | undefined)[] = [];
    const reply = nock('https://smba.trafficmanager.net')
      .post(REPLY_PATH)
      .reply(function () {
        authorisations.push(this.req.headers.authorization);
        return [200, { id: 'reply-id' }];
      });

    const response = await postActivity(server.url, messageActivity(), {
      authorization: `Bearer ${await channelToken()}`,
    });

    expect(response.status).toBe(200);
    expect(entra.isDone()).toBe(true);
    expect(tokenRequests).toEqual([`client_credentials ${APP_ID} https://api.botframework.com/.default`]);
    expect(reply.isDone()).toBe(true);
    expect(authorisations).toEqual(['Bearer bot-access-token']);
  });
});
