import type { ServerResponse } from 'node:http';

/** Writes a JSON response with its length (headers only for HEAD); every JSON the server or a front end sends. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  headOnly = false,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(headOnly ? undefined : text);
}
