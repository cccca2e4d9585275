/** The action ids of the buttons the bot puts on its answers. */
export const ACTION = {
  share: 'jsev_share',
  next: 'jsev_next',
  copy: 'jsev_copy',
  /** Runs a suggested query (目次, 要点) from a no-match answer. */
  ask: 'jsev_ask',
} as const;

/** What a button carries: the query and which relevant passage (0-based) the message shows. */
export interface ActionValue {
  readonly query: string;
  readonly offset: number;
}

/** Slack's limit on a button value. */
export const ACTION_VALUE_LIMIT = 2000;

const encode = (query: string, offset: number) => JSON.stringify({ q: query, o: offset });

/** Whether `at` falls between the halves of a surrogate pair (cutting there would leave one alone). */
function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Encodes a button value (short keys keep it small), at most {@link ACTION_VALUE_LIMIT}
 * characters: Slack refuses the whole message otherwise. A 500-character query fits unless JSON
 * escaping inflates it (a control character or lone surrogate becomes 6 characters), so such a
 * query is shortened, never inside a surrogate pair, to the longest prefix that fits.
 */
export function encodeActionValue(value: ActionValue): string {
  const { query, offset } = value;
  const whole = encode(query, offset);
  if (whole.length <= ACTION_VALUE_LIMIT) return whole;
  // The encoded length grows with the prefix, so the longest prefix that fits is found by bisection.
  let lo = 0;
  let hi = query.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (encode(query.slice(0, mid), offset).length <= ACTION_VALUE_LIMIT) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  if (end > 0 && splitsPair(query, end)) end -= 1;
  return encode(query.slice(0, end), offset);
}

/** Decodes a button value; anything malformed (values come back from Slack) yields undefined. */
export function decodeActionValue(raw: unknown): ActionValue | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { q, o } = parsed as { q?: unknown; o?: unknown };
    if (typeof q !== 'string' || typeof o !== 'number' || !Number.isInteger(o) || o < 0) return undefined;
    return { query: q, offset: o };
  } catch {
    return undefined;
  }
}
