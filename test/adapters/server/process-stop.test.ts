import { describe, expect, it } from 'vitest';
import { RecentCount } from '../../../adapters/server/guard.js';
import { createProcessStop, type Drainable } from '../../../adapters/server/process-stop.js';
import { silentLogger } from '../../../src/log.js';

/** A server whose shutdown records how it was asked and ends when the test says. */
function fakeServer() {
  const asked: { skipDelay?: boolean }[] = [];
  let drained = () => {};
  const done = new Promise<void>((resolve) => {
    drained = resolve;
  });
  const server: Drainable = {
    shutdown(options = {}) {
      asked.push(options);
      return done;
    },
  };
  return { server, asked, drained };
}

/** The process's exit, recorded: `first` resolves with the first code. */
function fakeExit() {
  const codes: number[] = [];
  let resolveFirst = (_code: number) => {};
  const first = new Promise<number>((resolve) => {
    resolveFirst = resolve;
  });
  const exit = (code: number) => {
    codes.push(code);
    resolveFirst(code);
  };
  return { exit, codes, first };
}

function setUp() {
  const { server, asked, drained } = fakeServer();
  const { exit, codes, first } = fakeExit();
  let storeClosed = false;
  const clock = { now: 0 };
  const stop = createProcessStop({ logger: silentLogger(), shutdownDelayMs: 0, exit, now: () => clock.now });
  stop.serve(server, async () => {
    storeClosed = true;
  });
  return { stop, asked, drained, codes, first, clock, storeClosed: () => storeClosed };
}

describe('stopping the process', () => {
  it('on SIGTERM, drains the server after its delay, closes the store and exits 0', async () => {
    const { stop, asked, drained, first, storeClosed } = setUp();
    stop.signal('SIGTERM');
    expect(asked).toEqual([{}]);
    drained();
    expect(await first).toBe(0);
    expect(storeClosed()).toBe(true);
  });

  it('on a second signal, exits 1 at once without waiting for the drain', () => {
    const { stop, codes } = setUp();
    stop.signal('SIGTERM');
    stop.signal('SIGINT');
    expect(codes).toEqual([1]);
  });

  it('takes the same signal again within 1 s as the same stop (npm forwards the Ctrl-C a terminal sent to all)', async () => {
    const { stop, asked, drained, codes, first, clock } = setUp();
    stop.signal('SIGINT');
    clock.now = 999;
    stop.signal('SIGINT');
    expect(codes).toEqual([]);
    expect(asked).toEqual([{}]);
    drained();
    expect(await first).toBe(0);
  });

  it('exits 1 at once on the same signal 1 s after the first', () => {
    const { stop, codes, clock } = setUp();
    stop.signal('SIGINT');
    clock.now = 1000;
    stop.signal('SIGINT');
    expect(codes).toEqual([1]);
  });

  it('on a fault, stops accepting at once (no delay), drains what is in flight and exits 1', async () => {
    const { stop, asked, drained, codes, first } = setUp();
    stop.fail('uncaught exception');
    expect(asked).toEqual([{ skipDelay: true }]);
    expect(codes).toEqual([]);
    drained();
    expect(await first).toBe(1);
  });

  it('on a fault during a signal’s delay, cuts the delay short and exits 1 once drained', async () => {
    const { stop, asked, drained, first } = setUp();
    stop.signal('SIGTERM');
    stop.fail('uncaught exception');
    expect(asked).toEqual([{}, { skipDelay: true }]);
    drained();
    expect(await first).toBe(1);
  });

  it('on a fault before the server listens, exits 1 at once', () => {
    const { exit, codes } = fakeExit();
    createProcessStop({ logger: silentLogger(), shutdownDelayMs: 0, exit }).fail('uncaught exception');
    expect(codes).toEqual([1]);
  });
});

describe('counting unhandled rejections', () => {
  it('counts only those within the last minute', () => {
    let now = 0;
    const count = new RecentCount(60_000, () => now);
    expect([count.add(), count.add(), count.add()]).toEqual([1, 2, 3]);
    now = 59_999;
    expect(count.add()).toBe(4);
    now = 60_000;
    expect(count.add()).toBe(2);
  });
});
