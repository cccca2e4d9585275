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
import { createSlackApp, SLACK_EVENTS_PATH, type SlackApp } from '../slack/app.js';
import { healthReport, packageVersion, writeHealth } from './health.js';

/** A node request handler another front end mounts on the server (Teams: `POST /api/messages`). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Extra routes keyed by `"METHOD /path"`, e.g. `"POST /api/messages"`. */
export type Routes = ReadonlyMap<string, RouteHandler>;

export interface ServerOptions {
  readonly retriever: Retriever;
  readonly config: Config;
  readonly logger: Logger;
  readonly routes?: Routes;
  /** A Slack app built by the caller (tests, benchmarks); by default one is built when `config.slack` is set. */
  readonly slack?: SlackApp;
}

/** The one HTTP server: Slack's events URL, /healthz and any mounted routes. */
export interface JsevServer {
  readonly server: Server;
  readonly slack: SlackApp | undefined;
  /** True from the moment shutdown begins. */
  readonly draining: boolean;
  /** Starts Slack (token check; Socket Mode connects) and listens. Port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /**
   * Graceful shutdown: /healthz answers 503 at once, requests are still answered for
   * `config.shutdownDelayMs` (while load balancers notice), then no new connection is accepted and
   * the promise resolves once in-flight requests and Slack answers have finished. Nothing is reset.
   */
  shutdown(): Promise<void>;
}

/** How long a connection accepted before closing may take to send its request during shutdown. */
const FRESH_REQUEST_GRACE_MS = 2000;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Creates the server (not yet listening). */
export function createServer(options: ServerOptions): JsevServer {
  const { retriever, config, logger } = options;
  const log = logger.child({ component: 'server' });
  const routes: Routes = options.routes ?? new Map();
  const slack = options.slack ?? (config.slack ? createSlackApp({ retriever, config, logger }) : undefined);
  const slackListener = slack?.requestListener;
  const version = packageVersion();
  let draining = false;
  let stopped: Promise<void> | undefined;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // While draining, each response ends its connection so keep-alive clients reconnect elsewhere.
    if (draining) res.setHeader('connection', 'close');
    if (path === '/healthz' && (method === 'GET' || method === 'HEAD')) {
      writeHealth(res, healthReport(retriever, version, draining), method === 'HEAD');
      return;
    }
    if (slackListener && path === SLACK_EVENTS_PATH && method === 'POST') {
      slackListener(req, res);
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
    const known =
      path === '/healthz' ||
      (slackListener && path === SLACK_EVENTS_PATH) ||
      [...routes.keys()].some((k) => k.endsWith(` ${path}`));
    sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
  };

  // Connections accepted whose first request has not been read yet. http's closeIdleConnections()
  // (which server.close() calls) counts them as idle and resets them, losing a request that reached us.
  const fresh = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    fresh.delete(req.socket);
    try {
      handle(req, res);
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
    slack,
    get draining() {
      return draining;
    },
    async listen(port = config.port, host?: string) {
      await slack?.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        const done = () => {
          server.off('error', reject);
          resolve();
        };
        if (host === undefined) server.listen(port, done);
        else server.listen(port, host, done);
      });
      const address = server.address() as AddressInfo;
      log.info({ port: address.port, slack: slack?.mode ?? 'off', routes: [...routes.keys()] }, 'listening');
      return address;
    },
    shutdown() {
      stopped ??= (async () => {
        draining = true;
        log.info({ delayMs: config.shutdownDelayMs }, 'shutting down: /healthz reports 503, still answering');
        await sleep(config.shutdownDelayMs);
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
        await slack?.stop();
        log.info('stopped');
      })();
      return stopped;
    },
  };
}
