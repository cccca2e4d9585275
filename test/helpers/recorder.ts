// Waiting for something to arrive, such as a request that nock replies to or a log line: the wait
// ends when it arrives, not when a timer fires, so a slow machine only makes a test slower.

/** How long a test waits for something that should arrive before it fails. Sized for a busy 2-core machine. */
export const ARRIVAL_GUARD_MS = 20_000;

/** Collects items as they arrive and lets a test wait for them. */
export interface Recorder<T> {
  /** Everything recorded so far, in order. */
  readonly items: readonly T[];
  record(item: T): void;
  /**
   * Resolves with the items once `count` of them match `matches` (every item, if not given);
   * rejects after `ms`, naming `what`.
   */
  atLeast(count: number, what: string, matches?: (item: T) => boolean, ms?: number): Promise<T[]>;
  /** Forgets what was recorded (waits still pending keep waiting). */
  clear(): void;
}

export function createRecorder<T>(): Recorder<T> {
  const items: T[] = [];
  const waiters = new Set<() => void>();
  return {
    items,
    record(item) {
      items.push(item);
      for (const check of [...waiters]) check();
    },
    atLeast(count, what, matches = () => true, ms = ARRIVAL_GUARD_MS) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = items.filter(matches);
          if (found.length < count) return;
          waiters.delete(check);
          clearTimeout(guard);
          resolve(found);
        };
        const guard = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${ms} ms waiting for ${what} (${items.length} recorded)`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    clear() {
      items.length = 0;
    },
  };
}

/** A form-encoded body (as Slack's Web API client sends it) or a JSON one, as an object. */
export function requestFields(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
  return (body ?? {}) as Record<string, unknown>;
}
