import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type BufferedRequest, bodyWithin } from '../../../adapters/server/body.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
});

/** A plain server (not the jsev one) whose handler reads with `bodyWithin(req, 16)` and says what it got. */
async function start(prepare: (req: IncomingMessage) => void = () => {}): Promise<string> {
  server = createServer(async (req, res) => {
    prepare(req);
    const body = await bodyWithin(req, 16);
    res.end(body.kind === 'read' ? `read ${body.body.toString()}` : body.kind);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (url: string, body: string | ReadableStream) =>
  fetch(url, { method: 'POST', body, ...(typeof body === 'string' ? {} : { duplex: 'half' }) }).then((r) =>
    r.text(),
  );

describe('the one body reader, for a handler mounted without the server', () => {
  it('reads a body within the limit', async () => {
    expect(await post(await start(), 'sixteen bytes ok')).toBe('read sixteen bytes ok');
  });

  it('refuses a declared length over the limit before reading it', async () => {
    expect(await post(await start(), 'seventeen bytes!!')).toBe('too-large');
  });

  it('refuses a streamed body at the first chunk past the limit', async () => {
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('0123456789'));
        controller.enqueue(new TextEncoder().encode('0123456789'));
        controller.close();
      },
    });
    expect(await post(await start(), chunks)).toBe('too-large');
  });

  it('hands over the body the server already read, checked against the limit', async () => {
    const url = await start((req) => {
      (req as BufferedRequest).rawBody = Buffer.from(req.headers['x-buffered'] as string);
    });
    const buffered = (text: string) =>
      fetch(url, { method: 'POST', headers: { 'x-buffered': text } }).then((r) => r.text());
    expect(await buffered('read before')).toBe('read read before');
    expect(await buffered('far more than sixteen')).toBe('too-large');
  });
});
