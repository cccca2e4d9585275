/**
 * Whether the bot may send replies to `serviceUrl`. botbuilder POSTs replies to whatever URL an
 * activity names; without this check an unauthenticated request could make the server call any
 * host (server-side request forgery). A URL is allowed when it has the same origin as an allowed
 * prefix and its path continues the prefix's path; both are compared after URL normalisation, so
 * `https://smba.trafficmanager.net.evil.example/` or `…/amer/../x` do not slip through.
 */
export function isAllowedServiceUrl(serviceUrl: unknown, allowedPrefixes: readonly string[]): boolean {
  if (typeof serviceUrl !== 'string') return false;
  const url = parseHttpUrl(serviceUrl);
  if (!url || url.username || url.password) return false;
  // Only canonical URLs: what is checked here must be exactly what botbuilder will call.
  if (url.href !== serviceUrl && url.href !== `${serviceUrl}/`) return false;
  return allowedPrefixes.some((prefix) => {
    const allowed = parseHttpUrl(prefix);
    if (!allowed || allowed.origin !== url.origin) return false;
    const base = allowed.pathname.endsWith('/') ? allowed.pathname : `${allowed.pathname}/`;
    return `${url.pathname}/`.startsWith(base);
  });
}

function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const sameTenant = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** What the tenant check concluded: the request's one tenant (if it names any), or why it is refused. */
export type TenantCheck =
  | { readonly ok: true; readonly tenant: string | undefined }
  | { readonly ok: false; readonly reason: string };

/**
 * The Microsoft Entra tenant an activity names. Teams gives it twice, `conversation.tenantId` and
 * `channelData.tenant.id`; a request whose two differ names no one tenant (either alone will do).
 */
function activityTenant(activity: Record<string, unknown>): TenantCheck {
  const conversation = activity.conversation as { tenantId?: unknown } | undefined;
  const channelData = activity.channelData as { tenant?: { id?: unknown } | null } | null | undefined;
  const named = [conversation?.tenantId, channelData?.tenant?.id].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  const [first, second] = named;
  if (first !== undefined && second !== undefined && !sameTenant(first, second)) {
    return { ok: false, reason: 'conversation.tenantId and channelData.tenant.id differ' };
  }
  return { ok: true, tenant: first };
}

/**
 * The request's one tenant, checked: the activity's two tenant fields agree; with authentication on,
 * the tenant is the one the token names (`tokenTenant`), and the activity may name no other; and
 * that tenant is in `allowedTenants`, unless the list is empty (every tenant allowed).
 */
export function checkTenant(
  activity: Record<string, unknown>,
  allowedTenants: readonly string[],
  tokenTenant?: string,
): TenantCheck {
  const named = activityTenant(activity);
  if (!named.ok) return named;
  if (tokenTenant !== undefined && named.tenant !== undefined && !sameTenant(named.tenant, tokenTenant)) {
    return { ok: false, reason: 'the activity names another tenant than its token' };
  }
  const tenant = tokenTenant ?? named.tenant;
  if (allowedTenants.length === 0) return { ok: true, tenant };
  if (tenant === undefined) return { ok: false, reason: 'no tenant named' };
  if (!allowedTenants.some((allowed) => sameTenant(allowed, tenant))) {
    return { ok: false, reason: 'tenant not in TEAMS_ALLOWED_TENANTS' };
  }
  return { ok: true, tenant };
}

const GUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/**
 * The tenant a verified token names: its `tid` claim (Entra ID tokens), else the tenant id in the
 * path of its signed `serviceurl` claim (Teams' service URLs carry it: `…/amer/<tenant id>/`).
 * Undefined when it names none, as Bot Framework tokens for older service URLs do not.
 */
export function tokenTenant(
  claims: readonly { readonly type: string; readonly value: unknown }[],
): string | undefined {
  const claim = (type: string) => claims.find((c) => c.type === type)?.value;
  const tid = claim('tid');
  if (typeof tid === 'string' && tid !== '') return tid;
  const serviceUrl = claim('serviceurl');
  if (typeof serviceUrl !== 'string') return undefined;
  const url = parseHttpUrl(serviceUrl);
  return url?.pathname.split('/').find((segment) => GUID.test(segment));
}
