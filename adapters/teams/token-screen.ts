/**
 * A cheap look at a bearer token before botbuilder checks it. botbuilder refuses the same tokens,
 * but prints each refusal (stack or public keys) to stderr with console.error; refused here, a
 * flood of forged tokens costs one warn line each. Nothing is accepted here: a token that passes
 * still goes through botbuilder's full check (signature, issuer, audience, endorsements).
 */

/** The algorithms botbuilder accepts (`AuthenticationConstants.AllowedSigningAlgorithms`). */
const ALLOWED_ALGORITHMS: ReadonlySet<string> = new Set(['RS256', 'RS384', 'RS512']);
/** botbuilder's `clockTolerance` for `nbf` and `exp`, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 5 * 60;

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  if (!part || !/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why the `Authorization` header's token must be refused (`alg` none or HMAC, not yet valid,
 * expired, not a JWT), or undefined when only botbuilder's check can tell. An absent header is
 * botbuilder's to judge (it is fine with authentication off).
 */
export function tokenScreen(
  authorization: string,
  nowSeconds: number = Date.now() / 1000,
): string | undefined {
  if (authorization === '') return undefined;
  const match = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
  if (!match?.[1]) return 'not a bearer token';
  const [headerPart, payloadPart, signature, ...rest] = match[1].split('.');
  const header = decodePart(headerPart);
  const payload = decodePart(payloadPart);
  if (!header || !payload || !signature || rest.length > 0) return 'not a signed JWT';
  if (typeof header.alg !== 'string' || !ALLOWED_ALGORITHMS.has(header.alg)) {
    // Not String(): an object whose toString is not a function would throw.
    const alg = typeof header.alg === 'string' ? header.alg.slice(0, 20) : typeof header.alg;
    return `signing algorithm not allowed: ${alg}`;
  }
  if (typeof payload.nbf === 'number' && payload.nbf > nowSeconds + CLOCK_TOLERANCE_SECONDS) {
    return 'token not valid yet (nbf)';
  }
  if (typeof payload.exp === 'number' && payload.exp < nowSeconds - CLOCK_TOLERANCE_SECONDS) {
    return 'token expired (exp)';
  }
  return undefined;
}
