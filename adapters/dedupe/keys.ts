// What "the same request" means for each kind of delivery, as dedupe keys built from plain payload
// fields (no platform SDK here): front ends claim the key before acting, and skip when the claim fails.

/**
 * How long a claim is remembered. Slack retries an event for about five minutes (at once, after 1
 * and after 5 minutes) and refuses any request whose timestamp is more than five minutes off either
 * way, so a retry or a replay never arrives later than ten minutes after the first; 15 minutes leaves
 * room for clock skew.
 */
const ANSWER_ONCE_TTL_MS = 15 * 60_000;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * The key of a Slack Events API delivery (`event_callback`): its `event_id`, the same in every retry
 * of the event (`X-Slack-Retry-Num`), whichever replica receives it. Undefined when it has none.
 */
export function slackEventKey(body: {
  readonly team_id?: unknown;
  readonly event_id?: unknown;
}): string | undefined {
  const eventId = text(body.event_id);
  return eventId === undefined ? undefined : `slack:event:${text(body.team_id) ?? '-'}:${eventId}`;
}

/**
 * The key of one press of a Slack button (`block_actions`): the interaction's `trigger_id`, new for
 * every press and the same in a replayed copy of the request; without one, the action's `action_ts`
 * and the member. Undefined when the payload carries neither.
 */
export function slackActionKey(payload: {
  readonly team?: { readonly id?: unknown } | null;
  readonly user?: { readonly id?: unknown } | null;
  readonly trigger_id?: unknown;
  readonly actions?: readonly { readonly action_ts?: unknown }[];
}): string | undefined {
  const team = text(payload.team?.id) ?? '-';
  const trigger = text(payload.trigger_id);
  if (trigger !== undefined) return `slack:action:${team}:${trigger}`;
  const actionTs = text(payload.actions?.[0]?.action_ts);
  const user = text(payload.user?.id);
  return actionTs === undefined || user === undefined
    ? undefined
    : `slack:action:${team}:${user}:${actionTs}`;
}

/**
 * Claims `key` unless there is none (a payload without ids cannot be recognised again, so it is
 * answered): true when the caller should act.
 */
export function claimOnce(
  store: { claim(key: string, ttlMs: number): Promise<boolean> },
  key: string | undefined,
  ttlMs: number = ANSWER_ONCE_TTL_MS,
): Promise<boolean> {
  return key === undefined ? Promise.resolve(true) : store.claim(key, ttlMs);
}
