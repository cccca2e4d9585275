// A rolling restart under load: clients on keep-alive connections, on a fresh connection per
// request, and a /healthz poller, each sending one request after another, through SIGTERM, the
// delay and the listener's close. Every request that reached the server must get a whole answer.
import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { commandBody, SIGNING_SECRET, signature } from '../slack/harness.js';
import { startSlackMain, stopAll } from './harness.js';

afterEach(stopAll);

/**
 * The SHUTDOWN_DELAY_MS values tested: 0, 2000 and 5000 (those of issue 18) unless DRAIN_TEST_DELAYS_MS
 * lists others (e.g. `0` for a quick run).
 */
const DELAYS = (process.env.DRAIN_TEST_DELAYS_MS ?? '0,2000,5000').split(',').map(Number);

type ClientKind = 'keep-alive' | 'fresh' | 'health';

type Outcome = {
  readonly kind: ClientKind;
  /** Sent after /healthz first said 503: the server had begun shutting down. */
  readonly afterSignal: boolean;
  /** Ended after the test sent SIGTERM. */
  readonly endedAfterKill: boolean;
} & (
  | { readonly status: number; readonly body: string; readonly connection: string | undefined }
  | { readonly error: string }
);

/** What the clients share: whether /healthz has said 503 yet, and whether the server has exited. */
interface Run {
  readonly port: number;
  signalSeen: boolean;
  killed: boolean;
  exited: boolean;
  answered: number;
  onAnswer: () => void;
}

/** One request: a signed `/jsev`, or GET /healthz for the poller. */
function send(run: Run, kind: ClientKind, agent: Agent | false): Promise<Outcome> {
  const body = kind === 'health' ? '' : commandBody('上清液');
  const timestamp = Math.floor(Date.now() / 1000);
  const headers =
    kind === 'health'
      ? {}
      : {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature(body, timestamp),
        };
  const path = kind === 'health' ? '/healthz' : '/slack/events';
  const method = kind === 'health' ? 'GET' : 'POST';
  const afterSignal = run.signalSeen;
  return new Promise((resolve) => {
    const fail = (e: NodeJS.ErrnoException) =>
      resolve({ kind, afterSignal, endedAfterKill: run.killed, error: e.code ?? e.message });
    const req = request({ host: '127.0.0.1', port: run.port, path, method, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        text += c;
      });
      res.on('error', fail);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const connection = res.headers.connection;
        resolve({ kind, afterSignal, endedAfterKill: run.killed, status, body: text, connection });
      });
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** Sends one request after another until the server refuses the connection or has exited. */
async function client(run: Run, kind: ClientKind): Promise<Outcome[]> {
  const agent = kind === 'keep-alive' ? new Agent({ keepAlive: true, maxSockets: 1 }) : false;
  const outcomes: Outcome[] = [];
  while (!run.exited) {
    const outcome = await send(run, kind, agent);
    outcomes.push(outcome);
    if ('status' in outcome) {
      if (kind === 'health' && outcome.status === 503) run.signalSeen = true;
      run.answered += 1;
      run.onAnswer();
    }
    if ('error' in outcome && outcome.error === 'ECONNREFUSED') break;
  }
  if (agent) agent.destroy();
  return outcomes;
}

/** Why an outcome is wrong, or undefined: 200 with an answer, /healthz 200 then 503, or refused. */
function fault(o: Outcome): string | undefined {
  if ('error' in o) return o.error === 'ECONNREFUSED' ? undefined : `${o.kind}: ${o.error}`;
  if (o.afterSignal && o.connection !== 'close') return `${o.kind}: no connection: close after the signal`;
  // A poll sent before /healthz first said 503 may get either; one sent after it, only 503.
  if (o.kind === 'health')
    return o.status === 503 || (o.status === 200 && !o.afterSignal) ? undefined : `health ${o.status}`;
  return o.status === 200 && o.body.includes('blocks') ? undefined : `${o.kind}: ${o.status} ${o.body}`;
}

describe('SIGTERM under load, on keep-alive and fresh connections', () => {
  it.each(DELAYS)(
    'answers every request that reached the server and resets none, with SHUTDOWN_DELAY_MS=%i',
    async (delay) => {
      const { main, port } = await startSlackMain({
        SHUTDOWN_DELAY_MS: String(delay),
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
      });
      let loaded = () => {};
      const underLoad = new Promise<void>((resolve) => {
        loaded = resolve;
      });
      const run: Run = {
        port,
        signalSeen: false,
        killed: false,
        exited: false,
        answered: 0,
        onAnswer: () => {},
      };
      run.onAnswer = () => {
        if (run.answered >= 100) loaded();
      };
      void main.exited.then(() => {
        run.exited = true;
      });
      const kinds: ClientKind[] = [
        ...Array<ClientKind>(9).fill('keep-alive'),
        ...Array<ClientKind>(9).fill('fresh'),
        'health',
      ];
      const clients = Promise.all(kinds.map((kind) => client(run, kind)));
      await underLoad;
      run.killed = main.child.kill('SIGTERM');
      const outcomes = (await clients).flat();

      expect(await main.exitCode()).toBe(0);
      expect(outcomes.map(fault).filter((f) => f !== undefined)).toEqual([]);
      // The test saw what it is about: requests in flight across the signal answered (and, with a
      // delay, requests sent after it), then a listener that closed while clients still sent.
      const answered = (o: Outcome) => 'status' in o && o.kind !== 'health';
      expect(outcomes.filter((o) => answered(o) && o.endedAfterKill).length).toBeGreaterThan(0);
      if (delay > 0) expect(outcomes.filter((o) => answered(o) && o.afterSignal).length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => 'error' in o).length).toBeGreaterThan(0);
    },
  );
});
