// One tenant per request (issue 18), with authentication off (local development): the activity's
// two tenant fields must agree, and the tenant they name must be allowed. With authentication on,
// the token names the tenant: see authentication.test.ts.
import nock from 'nock';
import { afterEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../../src/log.js';
import { captureLogLines } from '../../helpers/log-lines.js';
import { messageActivity, postActivity, TENANT_ID, UNAUTHENTICATED_ENV, useTeamsServer } from './helpers.js';

const OTHER_TENANT = '11111111-0000-0000-0000-000000000000';

const capture = captureLogLines();
const server = useTeamsServer(
  { ...UNAUTHENTICATED_ENV, TEAMS_ALLOWED_TENANTS: TENANT_ID },
  createLogger({ level: 'info' }, capture.sink),
);
afterEach(() => {
  capture.clear();
  nock.cleanAll();
});

/** An activity whose `conversation.tenantId` and `channelData.tenant.id` are these (absent: undefined). */
function fromTenants(conversationTenant: string | undefined, channelTenant: string | undefined) {
  const activity = messageActivity();
  activity.conversation = {
    id: 'a:personal-conversation-id',
    conversationType: 'personal',
    tenantId: conversationTenant,
  };
  activity.channelData = channelTenant === undefined ? {} : { tenant: { id: channelTenant } };
  return activity;
}

/** POSTs the activity and says what happened: its status, and whether the connector got a reply. */
async function outcome(activity: Record<string, unknown>) {
  const connector = nock('https://smba.trafficmanager.net').post(/.*/).reply(200, { id: 'reply-id' });
  const { status } = await postActivity(server.url, activity);
  return { status, replied: connector.isDone() };
}

const refusedFor = () => capture.lines.filter((l) => l.msg === 'teams: request refused').map((l) => l.reason);

describe('with TEAMS_ALLOWED_TENANTS set and authentication off', () => {
  test('an allowed channelData.tenant.id with another conversation.tenantId is refused (403), saying they differ', async () => {
    expect(await outcome(fromTenants(OTHER_TENANT, TENANT_ID))).toEqual({ status: 403, replied: false });
    expect(refusedFor()).toEqual(['conversation.tenantId and channelData.tenant.id differ']);
  });

  test('an allowed conversation.tenantId with another channelData.tenant.id is refused (403)', async () => {
    expect(await outcome(fromTenants(TENANT_ID, OTHER_TENANT))).toEqual({ status: 403, replied: false });
  });

  test('both fields naming another tenant are refused (403) as not allowed', async () => {
    expect(await outcome(fromTenants(OTHER_TENANT, OTHER_TENANT))).toEqual({ status: 403, replied: false });
    expect(refusedFor()).toEqual(['tenant not in TEAMS_ALLOWED_TENANTS']);
  });

  test('neither field present is refused (403): no tenant is named', async () => {
    expect(await outcome(fromTenants(undefined, undefined))).toEqual({ status: 403, replied: false });
    expect(refusedFor()).toEqual(['no tenant named']);
  });

  test('both fields naming the allowed tenant are answered', async () => {
    expect(await outcome(fromTenants(TENANT_ID, TENANT_ID))).toEqual({ status: 200, replied: true });
  });

  test('the two fields agreeing in another letter case are answered (tenant ids are GUIDs)', async () => {
    expect(await outcome(fromTenants(TENANT_ID.toUpperCase(), TENANT_ID))).toEqual({
      status: 200,
      replied: true,
    });
  });

  test('only conversation.tenantId, naming the allowed tenant, is answered', async () => {
    expect(await outcome(fromTenants(TENANT_ID, undefined))).toEqual({ status: 200, replied: true });
  });

  test('only channelData.tenant.id, naming the allowed tenant, is answered', async () => {
    expect(await outcome(fromTenants(undefined, TENANT_ID))).toEqual({ status: 200, replied: true });
  });
});

describe('without TEAMS_ALLOWED_TENANTS and authentication off', () => {
  test('two fields naming different tenants are refused (403) all the same', async () => {
    await server.restart(UNAUTHENTICATED_ENV);

    expect(await outcome(fromTenants(OTHER_TENANT, TENANT_ID))).toEqual({ status: 403, replied: false });
  });

  test('any one tenant is answered', async () => {
    await server.restart(UNAUTHENTICATED_ENV);

    expect(await outcome(fromTenants(OTHER_TENANT, OTHER_TENANT))).toEqual({ status: 200, replied: true });
  });
});
