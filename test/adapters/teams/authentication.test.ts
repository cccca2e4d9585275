import { base64url, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../../src/log.js';
import { captureLogLines } from '../../helpers/log-lines.js';
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
const capture = captureLogLines();
const { sink, lines, errorsLogged } = capture;

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
  server = await startTeamsServer(AUTHENTICATED_ENV, createLogger({ level: 'info' }, sink));
});
afterEach(async () => {
  capture.clear();
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

/** The claims of a valid channel token for this bot, expiring in ten minutes. */
function validClaims(): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    serviceurl: SERVICE_URL,
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    iat: now - 60,
    exp: now + 600,
  };
}

/** A token with `alg: none` and no signature, as a forger would send it. */
function unsignedToken(): string {
  const part = (value: unknown) => base64url.encode(JSON.stringify(value));
  return `${part({ alg: 'none', typ: 'JWT', kid: KEY_ID })}.${part(validClaims())}.`;
}

describe('a forged token', () => {
  const forgeries: [string, () => Promise<string>][] = [
    ['with alg none', async () => unsignedToken()],
    [
      'signed HS256 with a guessed secret',
      () =>
        new SignJWT(validClaims())
          .setProtectedHeader({ alg: 'HS256', kid: KEY_ID })
          .sign(new TextEncoder().encode('test-client-secret')),
    ],
    [
      'not valid before a time to come (nbf in an hour)',
      async () => channelToken({ nbf: Math.floor(Date.now() / 1000) + 3600 }),
    ],
    [
      'signed with another key under a known key id',
      async () => {
        const forger = await generateKeyPair('RS256');
        return new SignJWT(validClaims())
          .setProtectedHeader({ alg: 'RS256', kid: KEY_ID })
          .sign(forger.privateKey);
      },
    ],
    [
      'signed under an unknown key id',
      async () => {
        const forger = await generateKeyPair('RS256');
        return new SignJWT(validClaims())
          .setProtectedHeader({ alg: 'RS256', kid: 'unknown-key' })
          .sign(forger.privateKey);
      },
    ],
    ['that is not a JWT at all', async () => 'not-a-token'],
    [
      'whose alg is an object that cannot be printed',
      async () => {
        const part = (value: unknown) => base64url.encode(JSON.stringify(value));
        return `${part({ alg: { toString: 1 }, kid: KEY_ID })}.${part(validClaims())}.c2lnbmF0dXJl`;
      },
    ],
  ];

  test.each(forgeries)('%s gets 401, one warn line, no error line and no reply', async (_name, forge) => {
    const reply = connector();

    const response = await postActivity(server.url, messageActivity(), {
      authorization: `Bearer ${await forge()}`,
    });

    expect(response.status).toBe(401);
    expect(reply.isDone()).toBe(false);
    const refused = lines.filter((l) => l.msg === 'teams: request refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ level: 40, status: 401 });
    expect(errorsLogged()).toEqual([]);
  });

  test('never has its token written to the log', async () => {
    const token = await channelToken({ nbf: Math.floor(Date.now() / 1000) + 3600 });

    await postActivity(server.url, messageActivity(), { authorization: `Bearer ${token}` });

    expect(JSON.stringify(lines)).not.toContain(token.split('.')[2]);
  });
});

describe('one tenant per request, with authentication on', () => {
  const OTHER_TENANT = '11111111-0000-0000-0000-000000000000';
  const TENANT_SERVICE_URL = `https://smba.trafficmanager.net/amer/${TENANT_ID}/`;
  const refusedFor = () => lines.filter((l) => l.msg === 'teams: request refused').map((l) => l.reason);

  /** Restarts the bot with these allowed tenants (none: every tenant). */
  async function restart(allowed: string[] = []): Promise<void> {
    await server.close();
    const env =
      allowed.length > 0
        ? { ...AUTHENTICATED_ENV, TEAMS_ALLOWED_TENANTS: allowed.join(',') }
        : AUTHENTICATED_ENV;
    server = await startTeamsServer(env, createLogger({ level: 'info' }, sink));
  }

  /** The bot's own token from Entra ID, and the connector taking its reply at `serviceUrl`; done once replied. */
  function replyAllowed(serviceUrl = SERVICE_URL) {
    nock('https://login.microsoftonline.com')
      .post(`/${TENANT_ID}/oauth2/v2.0/token`)
      .query(true)
      .reply(200, { token_type: 'Bearer', expires_in: 3600, access_token: 'bot-access-token' });
    const path = `${new URL(serviceUrl).pathname}v3/conversations/${encodeURIComponent('a:personal-conversation-id')}/activities/1712345678901`;
    return nock(new URL(serviceUrl).origin).post(path).reply(200, { id: 'reply-id' });
  }

  /** An activity whose two tenant fields name these tenants, posted with a token of `claims`. */
  async function post(claims: JWTPayload, tenants: [string, string], serviceUrl = SERVICE_URL) {
    const activity = messageActivity({
      serviceUrl,
      conversation: { id: 'a:personal-conversation-id', conversationType: 'personal', tenantId: tenants[0] },
      channelData: { tenant: { id: tenants[1] } },
    });
    const token = await channelToken({ serviceurl: serviceUrl, ...claims });
    return (await postActivity(server.url, activity, { authorization: `Bearer ${token}` })).status;
  }

  test('a token naming the allowed tenant (tid), for an activity naming it too, is answered', async () => {
    await restart([TENANT_ID]);
    const reply = replyAllowed();

    expect(await post({ tid: TENANT_ID }, [TENANT_ID, TENANT_ID])).toBe(200);
    expect(reply.isDone()).toBe(true);
  });

  test('a token naming another tenant (tid), for an activity naming the allowed one, is refused (403)', async () => {
    await restart([TENANT_ID]);
    const reply = connector();

    expect(await post({ tid: OTHER_TENANT }, [TENANT_ID, TENANT_ID])).toBe(403);
    expect(reply.isDone()).toBe(false);
    expect(refusedFor()).toEqual(['the activity names another tenant than its token']);
  });

  test('a token naming one tenant, for an activity naming another, is refused (403) with no allowlist', async () => {
    await restart();
    const reply = connector();

    expect(await post({ tid: OTHER_TENANT }, [TENANT_ID, TENANT_ID])).toBe(403);
    expect(reply.isDone()).toBe(false);
  });

  test('an allowed channelData.tenant.id with another conversation.tenantId is refused (403)', async () => {
    await restart([TENANT_ID]);
    const reply = connector();

    expect(await post({ tid: TENANT_ID }, [OTHER_TENANT, TENANT_ID])).toBe(403);
    expect(reply.isDone()).toBe(false);
    expect(refusedFor()).toEqual(['conversation.tenantId and channelData.tenant.id differ']);
  });

  test('a token whose signed serviceurl names the tenant, for an activity naming it too, is answered', async () => {
    await restart([TENANT_ID]);
    const reply = replyAllowed(TENANT_SERVICE_URL);

    expect(await post({}, [TENANT_ID, TENANT_ID], TENANT_SERVICE_URL)).toBe(200);
    expect(reply.isDone()).toBe(true);
  });

  test('a token whose signed serviceurl names another tenant than the activity is refused (403)', async () => {
    await restart();
    const elsewhere = `https://smba.trafficmanager.net/amer/${OTHER_TENANT}/`;

    expect(await post({}, [TENANT_ID, TENANT_ID], elsewhere)).toBe(403);
    expect(refusedFor()).toEqual(['the activity names another tenant than its token']);
  });

  test('a token naming no tenant, for an activity naming the allowed one, is answered', async () => {
    await restart([TENANT_ID]);
    const reply = replyAllowed();

    expect(await post({}, [TENANT_ID, TENANT_ID])).toBe(200);
    expect(reply.isDone()).toBe(true);
  });
});
