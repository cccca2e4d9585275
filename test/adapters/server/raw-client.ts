// A client that speaks HTTP/1.1 by hand over a raw socket, as hostile or broken clients do: headers
// that trickle, bodies that stall, a Content-Length it never honours. Every socket opened here is
// tracked, so a test file ends them all with one `closeAll()`.
import { connect, type Socket } from 'node:net';

const sockets: Socket[] = [];

/** Destroys every socket opened through this file. */
export function closeAll(): void {
  for (const socket of sockets.splice(0)) socket.destroy();
}

export interface RawClient {
  readonly socket: Socket;
  /** Everything the server has sent so far. */
  received(): string;
  /** Resolves with what the server sent once it closes the connection (or resets it). */
  readonly ended: Promise<{ received: string; error?: string }>;
  /** Resolves once what the server sent matches `pattern`; rejects if it closes first or after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
}

/** Opens a socket to 127.0.0.1:`port` and resolves once it is connected. */
export function openRaw(port: number): Promise<RawClient> {
  const socket = connect({ host: '127.0.0.1', port });
  sockets.push(socket);
  let text = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    text += chunk;
  });
  const ended = new Promise<{ received: string; error?: string }>((resolve) => {
    let error: string | undefined;
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on('close', () => resolve({ received: text, ...(error ? { error } : {}) }));
  });
  const waitFor = (pattern: RegExp, ms = 20_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(text)) return;
        cleanup();
        resolve(text);
      };
      const onClose = () => {
        cleanup();
        reject(new Error(`the server closed the connection before sending ${pattern}; got: ${text}`));
      };
      const guard = setTimeout(() => {
        cleanup();
        reject(new Error(`${ms} ms without ${pattern}; got: ${text}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(guard);
        socket.off('data', check);
        socket.off('close', onClose);
      };
      socket.on('data', check);
      socket.once('close', onClose);
      check();
    });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve({ socket, received: () => text, ended, waitFor });
    });
  });
}

/** The head of a POST to `path` with the given headers (joined with CRLF, ending the headers). */
export function postHead(path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [`POST ${path} HTTP/1.1`, 'host: 127.0.0.1', ...lines, '', ''].join('\r\n');
}

/** Resolves once `socket` has handed `data` to the kernel. */
export function send(socket: Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));
}

/** Like {@link send}, for an attacker that does not care whether the server still reads: never rejects. */
export function sendAnyway(socket: Socket, data: string | Buffer): Promise<void> {
  return send(socket, data).catch(() => undefined);
}
