/** The action ids of the buttons the bot puts on its answers. */
export const ACTION = {
  share: 'jsev_share',
  next: 'jsev_next',
  copy: 'jsev_copy',
  /** Every quote of the answer as one copy-ready block, shown only to the member. */
  copyAll: 'jsev_copy_all',
  /** Posts that block in the channel, from the member's ephemeral copy. */
  shareCopyAll: 'jsev_share_copy_all',
  /** Runs a suggested query (目次, 要点) from a no-match answer. */
  ask: 'jsev_ask',
  /** The 👍/👎 feedback buttons under a quote. */
  feedback: 'jsev_feedback',
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
 * The longest prefix of `query` (never inside a surrogate pair) whose encoding `build` gives fits
 * in {@link ACTION_VALUE_LIMIT} characters: Slack refuses the whole message otherwise.
 */
function encodeWithin(query: string, build: (query: string) => string): string {
  const whole = build(query);
  if (whole.length <= ACTION_VALUE_LIMIT) return whole;
  // The encoded length grows with the prefix, so the longest prefix that fits is found by bisection.
  let lo = 0;
  let hi = query.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(query.slice(0, mid)).length <= ACTION_VALUE_LIMIT) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  if (end > 0 && splitsPair(query, end)) end -= 1;
  return build(query.slice(0, end));
}

/**
 * Encodes a button value (short keys keep it small). A 500-character query fits unless JSON
 * escaping inflates it (a control character or lone surrogate becomes 6 characters), so such a
 * query is shortened to the longest prefix that fits.
 */
export function encodeActionValue(value: ActionValue): string {
  return encodeWithin(value.query, (query) => encode(query, value.offset));
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

/** What a feedback button carries: the rated passage, 👍 (up) or 👎 (down), and the question. */
export interface FeedbackValue {
  /** Passage id, e.g. `jsev-2023-12-25/p2`. */
  readonly passage: string;
  readonly value: 'up' | 'down';
  /** The question the passage answered (shortened if needed); logged only under LOG_QUERIES=all. */
  readonly query: string;
}

/** Encodes a feedback button's value, within {@link ACTION_VALUE_LIMIT} characters. */
export function encodeFeedbackValue(feedback: FeedbackValue): string {
  return encodeWithin(feedback.query, (q) => JSON.stringify({ p: feedback.passage, v: feedback.value, q }));
}

/** Decodes a feedback button's value; anything malformed yields undefined. */
export function decodeFeedbackValue(raw: unknown): FeedbackValue | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { p, v, q } = parsed as { p?: unknown; v?: unknown; q?: unknown };
    if (typeof p !== 'string' || p === '' || (v !== 'up' && v !== 'down') || typeof q !== 'string') {
      return undefined;
    }
    return { passage: p, value: v, query: q };
  } catch {
    return undefined;
  }
}
