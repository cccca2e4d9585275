import { Redis } from 'ioredis';
import type { Logger } from '../../src/log.js';
import { type DedupeStore, MemoryDedupeStore } from './store.js';

export interface RedisDedupeOptions {
  /** `redis://[[user]:password@]host[:port][/db]` or `rediss://…` (TLS). Never logged: it may hold a password. */
  readonly url: string;
  readonly logger: Logger;
  /** How long to wait for a connection (at startup and on each reconnection attempt). */
  readonly connectTimeoutMs?: number;
  /** How long one claim waits for Redis before this replica decides on its own. */
  readonly commandTimeoutMs?: number;
  /** Prepended to every key, so that several apps can share one Redis. */
  readonly keyPrefix?: string;
  /** Where claims go while Redis is unavailable (and a local copy of every claim). */
  readonly fallback?: MemoryDedupeStore;
}

// Reconnection runs in the background and never delays a claim: at most every 5 s.
const retryDelay = (attempt: number): number => Math.min(100 * 2 ** Math.min(attempt, 6), 5000);

/**
 * Claims shared by every replica through Redis (`SET key 1 NX PX ttl`). When Redis is unreachable,
 * slow or failing, claims fall back to this replica's memory (one warn line per outage) and go back
 * to Redis once it answers again: a member is always answered, at worst twice across replicas.
 */
export class RedisDedupeStore implements DedupeStore {
  readonly #client: Redis;
  readonly #local: MemoryDedupeStore;
  readonly #logger: Logger;
  readonly #prefix: string;
  readonly #connectTimeoutMs: number;
  #available = true;
  #closing = false;

  constructor(options: RedisDedupeOptions) {
    this.#logger = options.logger.child({ component: 'dedupe' });
    this.#local = options.fallback ?? new MemoryDedupeStore();
    this.#prefix = options.keyPrefix ?? 'jsev-bot:dedupe:';
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 2000;
    const commandTimeoutMs = options.commandTimeoutMs ?? 500;
    this.#client = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: this.#connectTimeoutMs,
      commandTimeout: commandTimeoutMs,
      // A server that stops answering (hung, or a black-holed network) loses its connection, so the
      // next claims go to memory at once instead of each waiting for the command timeout.
      socketTimeout: 2 * commandTimeoutMs,
      // Fail at once rather than queue while disconnected: the fallback answers instead.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: retryDelay,
    });
    this.#client.on('error', (error: Error) => this.#markUnavailable(error.message));
    this.#client.on('close', () => this.#markUnavailable('connection closed'));
    this.#client.on('ready', () => this.#markAvailable());
  }

  /**
   * Connects, waiting at most about the connect timeout (a server that accepts the connection but
   * never answers included); on failure the store works from memory and keeps reconnecting.
   */
  async connect(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = 2 * this.#connectTimeoutMs;
    const giveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${limit} ms`)), limit);
    });
    try {
      await Promise.race([this.#client.connect(), giveUp]);
    } catch (error) {
      this.#markUnavailable(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    // Counted from before the round trip, so the local copy never outlives the key in Redis.
    const claimedAt = Date.now();
    const ttl = Math.max(1, Math.ceil(ttlMs));
    if (this.#local.seen(key)) return false;
    if (this.#client.status !== 'ready') return this.#local.claimNow(key, ttl, claimedAt);
    try {
      const reply = await this.#client.set(this.#prefix + key, '1', 'PX', ttl, 'NX');
      this.#local.remember(key, ttl, claimedAt);
      this.#markAvailable(); // after a command error on a connection that stayed up
      return reply === 'OK';
    } catch (error) {
      this.#markUnavailable(error instanceof Error ? error.message : String(error));
      return this.#local.claimNow(key, ttl, claimedAt);
    }
  }

  /** Disconnects at once (no reconnection afterwards), whatever state Redis is in. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#client.disconnect();
    await this.#local.close();
  }

  #markUnavailable(reason: string): void {
    if (this.#closing || !this.#available) return;
    this.#available = false;
    this.#logger.warn(
      { error: reason },
      'redis unavailable: answering once per replica (in memory) until it is back',
    );
  }

  #markAvailable(): void {
    if (this.#available) return;
    this.#available = true;
    this.#logger.info('redis available again: answering once across replicas');
  }
}
