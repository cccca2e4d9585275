import type { IncomingMessage } from 'node:http';
import { bodyWithin } from '../server/body.js';

/** Teams activities are a few kilobytes; anything near this is not a Bot Framework activity. */
export const MAX_BODY_BYTES = 256 * 1024;

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/**
 * The request's body within `limit` bytes, read by the server's one reader (adapters/server/body.ts):
 * a body over it is refused as soon as it is known to be (before it is buffered whole), whatever
 * Content-Length claims.
 */
export async function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<Buffer> {
  const body = await bodyWithin(req, limit);
  if (body.kind === 'too-large') throw new BodyTooLargeError(`body over ${limit} bytes`);
  if (body.kind === 'aborted') throw new Error('request aborted before its body was read');
  return body.body;
}
