/**
 * "Answer once": front ends claim a key (a Slack event id, a button action id) before acting on it,
 * so that a retry or a replayed request, perhaps delivered to another replica, is not acted on twice.
 */
export interface DedupeStore {
  /** True the first time `key` is claimed; false while an earlier claim of it is remembered (`ttlMs`). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Releases connections and timers; the store must not be used afterwards. */
  close(): Promise<void>;
}

export interface MemoryDedupeOptions {
  /** How many keys are remembered at most; the oldest is forgotten first. */
  readonly capacity?: number;
  /** The clock, in milliseconds (tests pass their own). */
  readonly now?: () => number;
}

/**
 * Claims remembered by this process only: bounded (`capacity`) and expiring (each key's `ttlMs`).
 * A Map keeps insertion order, so the first entries are the oldest claims.
 */
export class MemoryDedupeStore implements DedupeStore {
  readonly #expiries = new Map<string, number>();
  readonly #capacity: number;
  readonly #now: () => number;

  constructor(options: MemoryDedupeOptions = {}) {
    this.#capacity = options.capacity ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  claim(key: string, ttlMs: number): Promise<boolean> {
    return Promise.resolve(this.claimNow(key, ttlMs));
  }

  /** {@link claim} without the promise, for callers that fall back to memory synchronously. */
  claimNow(key: string, ttlMs: number, claimedAt: number = this.#now()): boolean {
    if (this.seen(key)) return false;
    this.remember(key, ttlMs, claimedAt);
    return true;
  }

  /** Whether `key` was claimed and has not expired yet. */
  seen(key: string): boolean {
    const expiry = this.#expiries.get(key);
    return expiry !== undefined && expiry > this.#now();
  }

  /** Records a claim made elsewhere (e.g. in Redis), counting its expiry from `claimedAt`. */
  remember(key: string, ttlMs: number, claimedAt: number = this.#now()): void {
    this.#expiries.delete(key); // re-inserted as the newest
    this.#expiries.set(key, claimedAt + ttlMs);
    this.#forgetOldest();
  }

  /** Keys remembered now (expired ones may still count until they are evicted). */
  get size(): number {
    return this.#expiries.size;
  }

  close(): Promise<void> {
    this.#expiries.clear();
    return Promise.resolve();
  }

  #forgetOldest(): void {
    const now = this.#now();
    for (const [key, expiry] of this.#expiries) {
      if (this.#expiries.size <= this.#capacity && expiry > now) return;
      this.#expiries.delete(key);
    }
  }
}
