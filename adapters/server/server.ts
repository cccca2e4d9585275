import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo, Server as NetServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Retriever } from '../../src/answer.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import type { FrontEnd, RouteHandler } from './front-end.js';
import { healthReport, packageVersion, writeHealth } from './health.js';
import { sendJson } from './json.js';

export interface ServerOptions {
  readonly retriever: Retriever;
  readonly config: Config;
  readonly logger: Logger;
  /** The front ends to serve, each with its routes (none: the server answers /healthz only). */
  readonly frontEnds?: readonly FrontEnd[];
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
   * Graceful shutdown: /healthz answers 503 at once, requests are still answered for
   * `config.shutdownDelayMs` (while load balancers notice), then no new connection is accepted and
   * the promise resolves once in-flight requests and the front ends' work have finished. Nothing is reset.
   */
  shutdown(): Promise<void>;
}

/** How long a connection accepted before closing may take to send its request during shutdown. */
const FRESH_REQUEST_GRACE_MS = 2000;

/** Every front end's routes in one map; two front ends claiming one route is a programming error. */
function mergeRoutes(frontEnds: readonly FrontEnd[]): ReadonlyMap<string, RouteHandler> {
  const routes = new Map<string, RouteHandler>();
  for (const frontEnd of frontEnds) {
    for (const [key, handler] of frontEnd.routes) {
      if (routes.has(key)) throw new Error(`${frontEnd.name} claims ${key}, which another front end serves`);
      routes.set(key, handler);
    }
  }
  return routes;
}

interface Dispatch {
  readonly retriever: Retriever;
  readonly frontEnds: readonly FrontEnd[];
  readonly log: Logger;
  readonly draining: () => boolean;
}

/** Routes a request: /healthz, a front end's route, else 405 for a known path and 404. */
function createDispatcher({ retriever, frontEnds, log, draining }: Dispatch) {
  const routes = mergeRoutes(frontEnds);
  const paths = new Set([...routes.keys()].map((key) => key.slice(key.indexOf(' ') + 1)));
  const version = packageVersion();
  const dispatch = (req: IncomingMessage, res: ServerResponse): void => {
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
      Promise.resolve()
        .then(() => route(req, res))
        .catch((error: unknown) => {
          log.error(
            { route: `${method} ${path}`, err: error instanceof Error ? error.message : String(error) },
            'route failed',
          );
          if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
          else res.end();
        });
      return;
    }
    const known = path === '/healthz' || paths.has(path);
    sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
  };
  return { dispatch, routes };
}

/**
 * Stops accepting connections without resetting any that reached us, lets just-accepted ones send
 * their request, closes idle keep-alive ones, and resolves once the server has closed.
 */
async function closeGently(server: Server, fresh: ReadonlySet<Socket>): Promise<void> {
  // Closing the listening socket resets connections still queued in the kernel's accept backlog,
  // so close only after a poll phase has accepted every connection already queued.
  await new Promise((resolve) => setImmediate(resolve));
  const closed = new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    // net.Server's close stops accepting without http's close() dropping the fresh connections.
    NetServer.prototype.close.call(server, () => resolve());
  });
  // Responses now carry `connection: close`; give just-accepted connections time to send their
  // request, then end the idle keep-alive ones so that the server can close.
  for (const until = Date.now() + FRESH_REQUEST_GRACE_MS; fresh.size > 0 && Date.now() < until; ) {
    await sleep(10);
  }
  server.closeIdleConnections();
  await closed;
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

/** Creates the server (not yet listening). */
export function createServer(options: ServerOptions): JsevServer {
  const { retriever, config, logger } = options;
  const log = logger.child({ component: 'server' });
  const frontEnds = options.frontEnds ?? [];
  let draining = false;
  let stopped: Promise<void> | undefined;
  const { dispatch, routes } = createDispatcher({ retriever, frontEnds, log, draining: () => draining });

  // Connections accepted whose first request has not been read yet. http's closeIdleConnections()
  // (which server.close() calls) counts them as idle and resets them, losing a request that reached us.
  const fresh = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    fresh.delete(req.socket);
    try {
      dispatch(req, res);
    } catch (error) {
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    }
  });
  server.on('connection', (socket: Socket) => {
    fresh.add(socket);
    socket.once('close', () => fresh.delete(socket));
  });

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
      log.info({ ...where, frontEnds: started, routes: [...routes.keys()] }, 'listening');
      return address;
    },
    shutdown() {
      stopped ??= (async () => {
        draining = true;
        log.info({ delayMs: config.shutdownDelayMs }, 'shutting down: /healthz reports 503, still answering');
        await sleep(config.shutdownDelayMs);
        await closeGently(server, fresh);
        await Promise.all(frontEnds.map((f) => f.stop()));
        log.info('stopped');
      })();
      return stopped;
    },
  };
}
