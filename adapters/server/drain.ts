import type { IncomingMessage, Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Every open connection and the request it is on, so that shutdown can tell a connection that has
 * sent a complete request (answered, never reset) from one still sending (or sending nothing).
 */
export class Connections {
  /** Each open socket and its request not yet answered (undefined between requests). */
  readonly #current = new Map<Socket, IncomingMessage | undefined>();
  /** Accepted, no request read yet. */
  readonly #fresh = new Set<Socket>();

  /** Attach before the server's request handler, so that every request is seen. */
  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.#current.set(socket, undefined);
      this.#fresh.add(socket);
      socket.once('close', () => {
        this.#current.delete(socket);
        this.#fresh.delete(socket);
      });
    });
    server.on('request', (req, res) => {
      const socket = req.socket;
      this.#fresh.delete(socket);
      if (this.#current.has(socket)) this.#current.set(socket, req);
      res.once('finish', () => {
        if (this.#current.get(socket) === req) this.#current.set(socket, undefined);
      });
    });
  }

  get size(): number {
    return this.#current.size;
  }

  get fresh(): number {
    return this.#fresh.size;
  }

  /** Destroys the connections that are not answering a request they sent whole. */
  destroyIncomplete(): number {
    let destroyed = 0;
    for (const [socket, req] of this.#current) {
      if (req?.complete) continue;
      socket.destroy();
      destroyed += 1;
    }
    return destroyed;
  }

  destroyAll(): number {
    const sockets = [...this.#current.keys()];
    for (const socket of sockets) socket.destroy();
    return sockets.length;
  }
}

/** When each step of closing ends, as `Date.now()` values. */
export interface CloseTimes {
  /** Until then, connections still sending their request may finish it. */
  readonly receiveBy: number;
  /** Until then, requests received whole are answered; then every connection left is destroyed. */
  readonly answerBy: number;
}

/** How long a connection accepted before closing may take to send its request during shutdown. */
const FRESH_REQUEST_GRACE_MS = 2000;

/** Waits until every connection is gone, or `until`, checking every 20 ms. */
async function connectionsGone(connections: Connections, until: number, each?: () => void): Promise<void> {
  while (connections.size > 0 && Date.now() < until) {
    each?.();
    await sleep(20);
  }
}

/**
 * Stops accepting connections without resetting any that reached us; lets just-accepted ones send
 * their request; closes idle keep-alive ones (their responses now say `connection: close`); gives
 * the others until `receiveBy` to send their request whole and until `answerBy` to be answered, then
 * destroys what is left. Resolves once the server has closed: by `answerBy`, whatever peers do.
 * Returns how many connections had to be destroyed.
 */
export async function closeGently(server: Server, connections: Connections, times: CloseTimes) {
  // Closing the listening socket resets connections still queued in the kernel's accept backlog,
  // so close only after a poll phase has accepted every connection already queued.
  await new Promise((resolve) => setImmediate(resolve));
  const closed = new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    // net.Server's close stops accepting without http's close() dropping the fresh connections.
    NetServer.prototype.close.call(server, () => resolve());
  });
  const freshUntil = Math.min(Date.now() + FRESH_REQUEST_GRACE_MS, times.receiveBy);
  while (connections.fresh > 0 && Date.now() < freshUntil) await sleep(10);
  // Idle: no request under way (http counts a connection that sent nothing yet as idle too).
  await connectionsGone(connections, times.receiveBy, () => server.closeIdleConnections());
  // Trickled headers, stalled bodies: they had their grace; nothing they sent is lost by a reset.
  const incomplete = connections.destroyIncomplete();
  await connectionsGone(connections, times.answerBy, () => server.closeIdleConnections());
  const unanswered = connections.destroyAll();
  await closed;
  return { incomplete, unanswered };
}
