import type { ServerResponse } from 'node:http';
import type { Logger } from '../../src/log.js';
import { sendJson } from '../server/json.js';

/** The response object botbuilder's `CloudAdapter.process` writes to (Express/Restify-like). */
export interface BotbuilderResponse {
  socket: unknown;
  status(code: number): void;
  header(name: string, value: unknown): void;
  send(body?: unknown): void;
  end(): void;
}

/**
 * Adapts a node:http response to what `CloudAdapter.process` expects. Server errors are answered
 * with a generic message: botbuilder would otherwise send the exception's text to the caller.
 */
export function toBotbuilderResponse(res: ServerResponse, logger: Logger): BotbuilderResponse {
  let status = 200;
  let body: unknown;
  return {
    socket: res.socket,
    status(code) {
      status = code;
    },
    header(name, value) {
      res.setHeader(name, String(value));
    },
    send(value) {
      body = value;
    },
    end() {
      if (res.headersSent) return;
      if (status >= 500) {
        logger.error(
          { status, detail: typeof body === 'string' ? body : undefined },
          'teams: botbuilder failed',
        );
        sendJson(res, status, { error: 'internal error' });
      } else if (body === undefined || body === null || body === '') {
        res.writeHead(status).end();
      } else if (typeof body === 'string') {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
      } else {
        sendJson(res, status, body);
      }
    },
  };
}
