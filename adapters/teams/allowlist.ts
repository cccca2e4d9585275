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

/** The Microsoft Entra tenant an activity comes from, as Teams reports it. */
function tenantOf(activity: Record<string, unknown>): string | undefined {
  const conversation = activity.conversation as { tenantId?: unknown } | undefined;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = channelData?.tenant?.id ?? conversation?.tenantId;
  return typeof id === 'string' ? id : undefined;
}

/** Whether an activity's tenant is allowed; an empty allowlist allows every tenant. */
export function isAllowedTenant(
  activity: Record<string, unknown>,
  allowedTenants: readonly string[],
): boolean {
  if (allowedTenants.length === 0) return true;
  const tenant = tenantOf(activity);
  return tenant !== undefined && allowedTenants.some((t) => t.toLowerCase() === tenant.toLowerCase());
}
