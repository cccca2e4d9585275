import type { IncomingMessage, ServerResponse } from 'node:http';

/** A node request handler a front end mounts on the server. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Routes keyed by `"METHOD /path"`, e.g. `"POST /api/messages"`. */
type Routes = ReadonlyMap<string, RouteHandler>;

/**
 * What the server needs of a front end (Slack, Teams, …), and all it knows of one: the routes it
 * serves, how to start and stop it, and what it adds to /healthz. `adapters/main.ts` builds
 * the configured front ends and hands them to the server.
 */
export interface FrontEnd {
  /** Its key in /healthz and in the logs, e.g. `slack`. */
  readonly name: string;
  readonly routes: Routes;
  /**
   * The largest body each route accepts, in bytes, by route key (default: the server's, 256 KiB).
   * The server reads the body before the route sees it, refusing a larger one with 413 before it
   * is buffered, and hands it over as `req.rawBody` (see `bufferedBody` in ./body.ts).
   */
  readonly bodyLimits?: ReadonlyMap<string, number>;
  /** Before the server listens: checks credentials, opens connections (a rejection stops startup). */
  start(): Promise<void>;
  /** After the server has stopped accepting requests: waits for work still in flight, disconnects. */
  stop(): Promise<void>;
  /** What /healthz reports about it (no secrets). */
  health(): Readonly<Record<string, unknown>>;
  /**
   * True when it must not be reached from other machines (Teams with authentication off: anyone
   * who reaches the port could talk to it). The server then listens on 127.0.0.1 unless HOST is set.
   */
  readonly loopbackOnly?: boolean;
}

/** A front end could not start for a reason the operator can fix; the message says how. */
export class FrontEndStartError extends Error {
  override readonly name = 'FrontEndStartError';
}
