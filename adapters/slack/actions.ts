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

/** Slack's limit on a button value; queries are at most 500 characters, so JSON stays well under it. */
export const ACTION_VALUE_LIMIT = 2000;

/** Encodes a button value (short keys keep it small). */
export function encodeActionValue(value: ActionValue): string {
  const encoded = JSON.stringify({ q: value.query, o: value.offset });
  // A query is cut to 500 characters by the engine; this only guards against a future longer limit.
  return encoded.length <= ACTION_VALUE_LIMIT
    ? encoded
    : JSON.stringify({ q: value.query.slice(0, 500), o: value.offset });
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
