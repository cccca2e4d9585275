import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { getHeapStatistics } from 'node:v8';
import type { Retriever } from '../../src/answer.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { BodyBudget, type BufferedRequest, readBoundedBody } from './body.js';
import { Connections, closeGently, RequestGate } from './drain.js';
import type { FrontEnd, RouteHandler } from './front-end.js';
import { healthReport, packageVersion, writeHealth } from './health.js';
import { sendJson } from './json.js';

export interface ServerOptions {
  readonly retriever: Retriever;
  readonly config: Config;
  readonly logger: Logger;
  /** The front ends to serve, each with its routes (none: the server answers /healthz only). */
  readonly frontEnds?: readonly FrontEnd[];
  /** Unauthenticated body bytes held at once, across connections (default {@link BODY_BUDGET_BYTES}). */
  readonly bodyBudgetBytes?: number;
}

/** The one HTTP server: /healthz and the routes of every front end. */
export interface JsevServer {
  readonly server: Server;
  /** True from the moment shutdown begins. */
  readonly draining: boolean;
  /**
   * Starts every front end (token checks, connections), then listens. Port 0 picks a free port; the
   * host defaults to HOST, else 127.0.0.1 when a front end is loopback-only, else every interface.
   */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /**
   * Graceful shutdown: /healthz answers 503 at once and every answer from then on ends its
   * connection (`connection: close`); requests are still answered for `config.shutdownDelayMs`
   * (while load balancers notice), then the listener closes without resetting a connection that
   * reached it (see `closeGently` in ./drain.ts), idle ones are closed, and the promise resolves
   * once in-flight requests and the front ends' work have finished, within 10 s of the delay
   * whatever peers do: a connection that has not sent its whole request by then is destroyed, one
   * that has is answered first (see {@link ANSWER_GRACE_MS}). `skipDelay` (the process is failing)
   * stops accepting at once, also cutting short a delay under way; calling it again returns the
   * same promise.
   */
  shutdown(options?: { readonly skipDelay?: boolean }): Promise<void>;
}

/** A route's body limit when its front end declares none (Teams activities are a few KB). */
const DEFAULT_BODY_LIMIT = 256 * 1024;

/** Unauthenticated body bytes held at once across every connection (Slack's requests are ~2 KB). */
const BODY_BUDGET_BYTES = 8 * 1024 * 1024;

/**
 * How long after SIGTERM's delay shutdown may take, whatever peers do: connections still sending a
 * request get {@link RECEIVE_GRACE_MS}, requests received whole are answered within
 * {@link ANSWER_GRACE_MS}, front ends finish their work within {@link STOP_GRACE_MS}; the rest of
 * the 10 s Kubernetes allows beyond the delay is for main.ts to close the store and exit.
 */
const RECEIVE_GRACE_MS = 3000;
const ANSWER_GRACE_MS = 7000;
const STOP_GRACE_MS = 8500;

/**
 * Longer than load balancers' idle timeouts (60 s is common), so a balancer never reuses a
 * connection we are closing; shutdown closes idle connections itself.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** How long a refused upload's connection is drained before it is destroyed. */
const LINGER_MS = 2000;

interface Route {
  readonly handler: RouteHandler;
  readonly bodyLimit: number;
}

/** Every front end's routes in one map; two front ends claiming one route is a programming error. */
function mergeRoutes(frontEnds: readonly FrontEnd[]): ReadonlyMap<string, Route> {
  const routes = new Map<string, Route>();
  for (const frontEnd of frontEnds) {
    for (const [key, handler] of frontEnd.routes) {
      if (routes.has(key)) throw new Error(`${frontEnd.name} claims ${key}, which another front end serves`);
      routes.set(key, { handler, bodyLimit: frontEnd.bodyLimits?.get(key) ?? DEFAULT_BODY_LIMIT });
    }
  }
  return routes;
}

interface Dispatch {
  readonly retriever: Retriever;
  readonly frontEnds: readonly FrontEnd[];
  readonly log: Logger;
  readonly draining: () => boolean;
  readonly budget: BodyBudget;
}

/**
 * Answers a request whose body is not read (too large, or the budget is spent) and ends its
 * connection: the client is told why, and what it still sends is not read for long.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, status: 413 | 503): void {
  const error = status === 413 ? 'request body too large' : 'server busy, retry later';
  res.once('finish', () => {
    // A lingering close: what the client still sends is read and dropped for a moment, so that the
    // answer is not lost to a reset (closing on unread data resets the connection), then it ends.
    req.resume();
    req.socket.end();
    setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  });
  sendJson(
    res,
    status,
    { error },
    { connection: 'close', ...(status === 503 ? { 'retry-after': '1' } : {}) },
  );
}

/** Reads the body within the route's limit and the shared budget, then hands the request to the route. */
function serveRoute(
  route: Route,
  budget: BodyBudget,
  log: Logger,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const key = `${req.method} ${req.url}`;
  const reading = readBoundedBody(req, route.bodyLimit, budget);
  res.once('close', () => budget.give(reading.taken()));
  void reading.outcome
    .then((outcome) => {
      if (outcome.kind === 'aborted') return;
      if (outcome.kind === 'too-large') return refuseBody(req, res, 413);
      if (outcome.kind === 'busy') {
        log.warn({ heldBytes: budget.held }, 'request bodies over budget: refused with 503');
        return refuseBody(req, res, 503);
      }
      (req as BufferedRequest).rawBody = outcome.body;
      return route.handler(req, res);
    })
    .catch((error: unknown) => {
      log.error({ route: key, err: error instanceof Error ? error.message : String(error) }, 'route failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
}

type Dispatcher = (req: IncomingMessage, res: ServerResponse) => void;

/** Routes a request: /healthz, a front end's route, else 405 for a known path and 404. */
function createDispatcher({ retriever, frontEnds, log, draining, budget }: Dispatch) {
  const routes = mergeRoutes(frontEnds);
  const paths = new Set([...routes.keys()].map((key) => key.slice(key.indexOf(' ') + 1)));
  const version = packageVersion();
  const dispatch: Dispatcher = (req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // While draining, each response ends its connection so keep-alive clients reconnect elsewhere.
    if (draining()) res.setHeader('connection', 'close');
    if (path === '/healthz' && (method === 'GET' || method === 'HEAD')) {
      writeHealth(res, healthReport(retriever, version, draining(), frontEnds), method === 'HEAD');
      return;
    }
    const route = routes.get(`${method} ${path}`);
    if (route) {
      serveRoute(route, budget, log, req, res);
      return;
    }
    const known = path === '/healthz' || paths.has(path);
    sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
  };
  return { dispatch, routes };
}

/** Listens on `port` (and `host`, if given), rejecting on a listen error such as EADDRINUSE. */
function listenOn(server: Server, port: number, host: string | undefined): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const done = () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    };
    if (host === undefined) server.listen(port, done);
    else server.listen(port, host, done);
  });
}

/** HOST when set; otherwise loopback if a front end asks for it, else every interface. */
function listenHost(config: Config, frontEnds: readonly FrontEnd[]): string | undefined {
  if (config.host !== undefined) return config.host;
  return frontEnds.some((f) => f.loopbackOnly) ? '127.0.0.1' : undefined;
}

/** Stops every front end, waiting for their work in flight until `until` at most. */
async function stopFrontEnds(frontEnds: readonly FrontEnd[], until: number, log: Logger): Promise<void> {
  const timedOut = Symbol('timed out');
  const guard = new AbortController();
  const result = await Promise.race([
    Promise.allSettled(frontEnds.map((f) => f.stop())),
    sleep(Math.max(0, until - Date.now()), timedOut, { signal: guard.signal }).catch(() => undefined),
  ]);
  guard.abort();
  if (result === timedOut) log.warn('shutdown: front ends still busy at the deadline; exiting anyway');
  else if (Array.isArray(result)) {
    for (const [i, settled] of result.entries()) {
      if (settled.status === 'rejected') {
        const reason = settled.reason instanceof Error ? settled.reason.message : String(settled.reason);
        log.error({ frontEnd: frontEnds[i]?.name, err: reason }, 'front end failed to stop');
      }
    }
  }
}

/** Creates node's server with the request timeouts of `config.http`, serving through `gate`. */
function createNodeServer(config: Config, gate: RequestGate, dispatch: Dispatcher, log: Logger) {
  const timeouts = config.http;
  const server = createHttpServer({
    // A client gets this long to send its headers, then its whole request; the check runs every
    // second (Node's default, 30 s, would let a stalled client stay that much longer).
    headersTimeout: Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs),
    requestTimeout: timeouts.requestTimeoutMs,
    connectionsCheckingInterval: 1000,
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Attached before the request handler below, so that it sees every request first.
  const connections = new Connections(server);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const serve = () => {
      try {
        dispatch(req, res);
      } catch (error) {
        log.error({ err: error instanceof Error ? error.message : String(error) }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      }
    };
    gate.admit(serve);
  });
  return { server, connections };
}

/** Creates the server (not yet listening). */
export function createServer(options: ServerOptions): JsevServer {
  const { retriever, config, logger } = options;
  const log = logger.child({ component: 'server' });
  const frontEnds = options.frontEnds ?? [];
  let draining = false;
  let stopped: Promise<void> | undefined;
  const delay = new AbortController();
  const budget = new BodyBudget(options.bodyBudgetBytes ?? BODY_BUDGET_BYTES);
  const { dispatch, routes } = createDispatcher({
    retriever,
    frontEnds,
    log,
    draining: () => draining,
    budget,
  });
  const gate = new RequestGate();
  const { server, connections } = createNodeServer(config, gate, dispatch, log);

  /** Answers through the delay (unless cut short), closes gently, then stops the front ends. */
  const stop = async (delayMs: number) => {
    draining = true;
    connections.closeAfterAnswers();
    log.info({ delayMs }, 'shutting down: /healthz reports 503, still answering');
    if (delayMs > 0) await sleep(delayMs, undefined, { signal: delay.signal }).catch(() => undefined);
    const closing = Date.now();
    const times = { receiveBy: closing + RECEIVE_GRACE_MS, answerBy: closing + ANSWER_GRACE_MS };
    const { stillArriving, ...destroyed } = await closeGently(server, connections, gate, times);
    if (stillArriving) log.warn('shutdown: connections still arriving when the listener closed');
    if (destroyed.incomplete + destroyed.unanswered > 0) {
      log.warn(destroyed, 'shutdown: connections closed before they sent or got a whole request');
    }
    await stopFrontEnds(frontEnds, closing + STOP_GRACE_MS, log);
    log.info('stopped');
  };

  return {
    server,
    get draining() {
      return draining;
    },
    async listen(port = config.port, host = listenHost(config, frontEnds)) {
      for (const frontEnd of frontEnds) await frontEnd.start();
      const address = await listenOn(server, port, host);
      const started = Object.fromEntries(frontEnds.map((f) => [f.name, f.health()]));
      const where = { host: address.address, port: address.port };
      // The heap bound V8 runs with (NODE_OPTIONS, or its default for the machine's memory).
      const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
      log.info({ ...where, heapLimitMb, frontEnds: started, routes: [...routes.keys()] }, 'listening');
      return address;
    },
    shutdown(options = {}) {
      if (options.skipDelay) delay.abort();
      stopped ??= stop(options.skipDelay ? 0 : config.shutdownDelayMs);
      return stopped;
    },
  };
}
