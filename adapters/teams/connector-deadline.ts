import type { AuthenticatedRequest } from './authentication.js';

type ConnectorFactory = NonNullable<AuthenticatedRequest['connectorFactory']>;
type Conversations = Awaited<ReturnType<ConnectorFactory['create']>>['conversations'];

/**
 * How long one call to the Bot Connector (a reply, with the connector client's own retries and
 * Retry-After waits) may take. A turn makes at most two (the answer, then perhaps the apology), so
 * a request in flight at shutdown ends within 2 × this, inside the 10 s the server promises beyond
 * SHUTDOWN_DELAY_MS; and Bot Service gives a bot 15 s to answer the request it posted.
 */
export const CONNECTOR_CALL_TIMEOUT_MS = 4_000;

/**
 * Runs `call` with an abort signal that fires after `timeoutMs`, and settles by then whatever the
 * call does: the signal stops the connector client's retries and closes its socket, and the race
 * covers a step that does not listen to it (such as fetching the bot's own token).
 */
function withDeadline<T>(timeoutMs: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(timeoutMs);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    call(signal)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The conversation calls botbuilder's CloudAdapter makes (send, reply, update, delete), each given
 * the deadline through its public `options.abortSignal`.
 */
function boundConversations(conversations: Conversations, timeoutMs: number): void {
  const reply = conversations.replyToActivity.bind(conversations);
  const send = conversations.sendToConversation.bind(conversations);
  const update = conversations.updateActivity.bind(conversations);
  const remove = conversations.deleteActivity.bind(conversations);
  Object.assign(conversations, {
    replyToActivity: (conversationId: string, activityId: string, activity: object) =>
      withDeadline(timeoutMs, (abortSignal) => reply(conversationId, activityId, activity, { abortSignal })),
    sendToConversation: (conversationId: string, activity: object) =>
      withDeadline(timeoutMs, (abortSignal) => send(conversationId, activity, { abortSignal })),
    updateActivity: (conversationId: string, activityId: string, activity: object) =>
      withDeadline(timeoutMs, (abortSignal) => update(conversationId, activityId, activity, { abortSignal })),
    deleteActivity: (conversationId: string, activityId: string) =>
      withDeadline(timeoutMs, (abortSignal) => remove(conversationId, activityId, { abortSignal })),
  });
}

/**
 * The authenticated request with a connector factory whose clients give up each call after
 * `timeoutMs`: a connector that never answers, or asks to retry in an hour, cannot hold a turn
 * (and so the server's shutdown) open.
 */
export function withConnectorDeadline(
  authenticated: AuthenticatedRequest,
  timeoutMs: number = CONNECTOR_CALL_TIMEOUT_MS,
): AuthenticatedRequest {
  const factory = authenticated.connectorFactory;
  if (!factory) return authenticated;
  const bounded: ConnectorFactory = {
    async create(serviceUrl, audience) {
      const client = await factory.create(serviceUrl, audience);
      boundConversations(client.conversations, timeoutMs);
      return client;
    },
  };
  return { ...authenticated, connectorFactory: bounded };
}
