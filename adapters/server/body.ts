import type { IncomingMessage } from 'node:http';

/**
 * A request whose body the server has already read, within its route's limit. `rawBody` is Bolt's
 * own convention (its HTTPReceiver uses a buffered body instead of reading the stream), so every
 * route handler finds the body there and never waits on the socket.
 */
export interface BufferedRequest extends IncomingMessage {
  rawBody?: Buffer;
}

/** The body the server read for this request, if it did. */
export function bufferedBody(req: IncomingMessage): Buffer | undefined {
  const raw = (req as BufferedRequest).rawBody;
  return Buffer.isBuffer(raw) ? raw : undefined;
}

/**
 * The bytes of request bodies held before any front end has authenticated them, across every
 * connection: one bound, so that many slow or stalled clients cannot exhaust memory together.
 */
export class BodyBudget {
  #held = 0;
  constructor(readonly limit: number) {}

  /** Holds `bytes` more; false (holding nothing) if that would pass the limit. */
  take(bytes: number): boolean {
    if (this.#held + bytes > this.limit) return false;
    this.#held += bytes;
    return true;
  }

  give(bytes: number): void {
    this.#held = Math.max(0, this.#held - bytes);
  }

  get held(): number {
    return this.#held;
  }
}

/** How reading a body ended: read whole, over its route's limit, over the shared budget, or cut off. */
export type BodyOutcome =
  | { readonly kind: 'read'; readonly body: Buffer }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'aborted' };

/** Whether the request declares (Content-Length) a body over `limit` bytes: refused before a byte is read. */
export function declaresOver(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

/**
 * Reads a request body of at most `limit` bytes, each chunk taken from `budget` if one is given
 * (the caller gives back `taken()` once the request is answered). A declared Content-Length over
 * the limit is refused before a byte is read; a streamed body stops being read at the first chunk
 * past the limit. The one body reader: the server reads every route's body with it, and a handler
 * mounted without the server reads through {@link bodyWithin}.
 */
export function readBoundedBody(
  req: IncomingMessage,
  limit: number,
  budget?: BodyBudget,
): { outcome: Promise<BodyOutcome>; taken: () => number } {
  let taken = 0;
  if (declaresOver(req, limit)) {
    return { outcome: Promise.resolve({ kind: 'too-large' }), taken: () => 0 };
  }
  const outcome = new Promise<BodyOutcome>((resolve) => {
    const chunks: Buffer[] = [];
    const finish = (result: BodyOutcome) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      if (result.kind !== 'read') req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      if (taken + chunk.length > limit) return finish({ kind: 'too-large' });
      if (budget && !budget.take(chunk.length)) return finish({ kind: 'busy' });
      taken += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => finish({ kind: 'read', body: Buffer.concat(chunks, taken) });
    const onClose = () => finish({ kind: 'aborted' });
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onClose);
    req.once('error', onClose);
  });
  return { outcome, taken: () => taken };
}

/**
 * The request's body within `limit` bytes: the one the server read for it (see {@link bufferedBody}),
 * else read now with {@link readBoundedBody} (a handler mounted on a server of its own, as in tests).
 */
export async function bodyWithin(
  req: IncomingMessage,
  limit: number,
): Promise<Exclude<BodyOutcome, { kind: 'busy' }>> {
  const read = bufferedBody(req);
  if (read) return read.length > limit ? { kind: 'too-large' } : { kind: 'read', body: read };
  const outcome = await readBoundedBody(req, limit).outcome;
  // Only a budget makes a read busy, and none is given here.
  return outcome.kind === 'busy' ? { kind: 'aborted' } : outcome;
}
