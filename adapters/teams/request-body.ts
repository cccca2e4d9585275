import type { IncomingMessage } from 'node:http';
import { bufferedBody } from '../server/body.js';

/** Teams activities are a few kilobytes; anything near this is not a Bot Framework activity. */
export const MAX_BODY_BYTES = 256 * 1024;

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/**
 * Reads a request body, refusing it as soon as it exceeds `limit` bytes (before it is buffered
 * whole), whatever Content-Length claims.
 */
export async function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<Buffer> {
  // The server has already read it within this route's limit (adapters/server/body.ts).
  const read = bufferedBody(req);
  if (read) {
    if (read.length > limit) throw new BodyTooLargeError(`body over ${limit} bytes`);
    return read;
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(`body over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError(`body over ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
