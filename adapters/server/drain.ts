import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** The request a connection is on, and its response. */
interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
}

/**
 * Every open connection and the request it is on, so that shutdown can tell a connection that has
 * sent a complete request (answered, never reset) from one still sending (or sending nothing), and
 * when the last connection, request or answer happened (see {@link closeGently}).
 */
export class Connections {
  /** Each open socket and its exchange not yet answered (undefined between requests). */
  readonly #current = new Map<Socket, Exchange | undefined>();
  /** Accepted, no request read yet. */
  readonly #fresh = new Set<Socket>();
  #lastActivity = performance.now();

  /** Attach before the server's request handler, so that every request is seen. */
  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.#lastActivity = performance.now();
      this.#current.set(socket, undefined);
      this.#fresh.add(socket);
      socket.once('close', () => {
        this.#current.delete(socket);
        this.#fresh.delete(socket);
      });
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.#lastActivity = performance.now();
      const socket = req.socket;
      this.#fresh.delete(socket);
      const exchange = { req, res };
      if (this.#current.has(socket)) this.#current.set(socket, exchange);
      res.once('finish', () => {
        // An answer sent makes a client that sends one request after another connect again.
        this.#lastActivity = performance.now();
        if (this.#current.get(socket) === exchange) this.#current.set(socket, undefined);
      });
    });
  }

  get size(): number {
    return this.#current.size;
  }

  get fresh(): number {
    return this.#fresh.size;
  }

  /** When a connection was last accepted, a request last arrived or an answer was last sent. */
  get lastActivity(): number {
    return this.#lastActivity;
  }

  /** Makes every answer not yet begun end its connection, as answers begun from now on do. */
  closeAfterAnswers(): void {
    for (const exchange of this.#current.values()) {
      if (exchange && !exchange.res.headersSent) exchange.res.setHeader('connection', 'close');
    }
  }

  /** Destroys the connections that are not answering a request they sent whole. */
  destroyIncomplete(): number {
    let destroyed = 0;
    for (const [socket, exchange] of this.#current) {
      if (exchange?.req.complete) continue;
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

/**
 * Holds the requests that arrive while the listener is about to close, and serves them once it
 * has: a client waiting for its answer does not connect again, so the listener closes with no
 * connection queued in the kernel (closing a listening socket resets every connection queued).
 */
export class RequestGate {
  #held: (() => void)[] | undefined;

  /** Serves the request now, or once {@link release} is called if the gate is holding. */
  admit(serve: () => void): void {
    if (this.#held) this.#held.push(serve);
    else serve();
  }

  hold(): void {
    this.#held ??= [];
  }

  /** Serves every request held, in the order they arrived, and holds no more. */
  release(): void {
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const serve of held) serve();
  }
}

/** When each step of closing ends, as `Date.now()` values. */
export interface CloseTimes {
  /** Until then, connections still sending their request may finish it. */
  readonly receiveBy: number;
  /** Until then, requests received whole are answered; then every connection left is destroyed. */
  readonly answerBy: number;
}

/**
 * How long nothing must happen (no connection accepted, no request, no answer sent) before the
 * listener closes: longer than a busy machine takes a client from one answer to its next connect.
 */
const QUIET_MS = 250;

/** How long the listener waits for that quiet at most, before it closes anyway. */
const QUIET_LIMIT_MS = 1000;

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
 * Resolves once nothing has happened for {@link QUIET_MS} (true), or at `until` (false). It
 * resolves in the check phase right after a poll phase, so that connections the kernel had queued
 * were accepted (and counted) first: the caller closes the listener before any other I/O runs.
 */
async function quiet(connections: Connections, until: number): Promise<boolean> {
  for (;;) {
    const before = connections.lastActivity;
    const wait = before + QUIET_MS - performance.now();
    if (wait > 0) await sleep(Math.max(1, Math.min(wait, until - Date.now())));
    await new Promise((resolve) => setImmediate(resolve));
    const idle = performance.now() - connections.lastActivity;
    if (connections.lastActivity === before && idle >= QUIET_MS) return true;
    if (Date.now() >= until) return false;
  }
}

/**
 * Stops accepting connections without resetting any that reached us: requests that arrive now are
 * held (through `gate`) until the listener has closed, which it does once nothing has arrived or
 * been answered for {@link QUIET_MS}, or after {@link QUIET_LIMIT_MS} whatever clients do. Then it
 * serves what it held, lets just-accepted connections send their request, closes idle keep-alive
 * ones (their responses now say `connection: close`), gives the others until `receiveBy` to send
 * their request whole and until `answerBy` to be answered, then destroys what is left. Resolves by
 * `answerBy`, whatever peers do, with how many connections had to be destroyed and whether the
 * listener closed while connections were still arriving (those may have been reset by the kernel).
 */
export async function closeGently(
  server: Server,
  connections: Connections,
  gate: RequestGate,
  times: CloseTimes,
) {
  gate.hold();
  const quietBefore = await quiet(connections, Math.min(Date.now() + QUIET_LIMIT_MS, times.receiveBy));
  const closed = new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    // net.Server's close stops accepting without http's close() dropping the fresh connections.
    NetServer.prototype.close.call(server, () => resolve());
  });
  gate.release();
  const freshUntil = Math.min(Date.now() + FRESH_REQUEST_GRACE_MS, times.receiveBy);
  while (connections.fresh > 0 && Date.now() < freshUntil) await sleep(10);
  // Idle: no request under way (http counts a connection that sent nothing yet as idle too).
  await connectionsGone(connections, times.receiveBy, () => server.closeIdleConnections());
  // Trickled headers, stalled bodies: they had their grace; nothing they sent is lost by a reset.
  const incomplete = connections.destroyIncomplete();
  await connectionsGone(connections, times.answerBy, () => server.closeIdleConnections());
  const unanswered = connections.destroyAll();
  await closed;
  return { incomplete, unanswered, stillArriving: !quietBefore };
}
