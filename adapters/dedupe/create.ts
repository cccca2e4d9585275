import type { Logger } from '../../src/log.js';
import { RedisDedupeStore } from './redis-store.js';
import { type DedupeStore, MemoryDedupeStore } from './store.js';

/** REDIS_URL is not a Redis address; raised at startup, before anything is answered. */
export class DedupeConfigError extends Error {
  override readonly name = 'DedupeConfigError';
}

export interface CreateDedupeStoreOptions {
  /** REDIS_URL: share claims across replicas through this Redis. Unset or blank: this process's memory. */
  readonly redisUrl?: string | undefined;
  readonly logger: Logger;
  readonly connectTimeoutMs?: number;
  readonly commandTimeoutMs?: number;
}

/** Throws {@link DedupeConfigError} unless `value` is a `redis://` or `rediss://` address. */
export function checkRedisUrl(value: string): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new DedupeConfigError(
      "REDIS_URL: is not a Redis address. Set redis://[:password@]host:port[/db] (rediss:// for TLS), e.g. REDIS_URL=redis://redis:6379, or leave it unset to de-duplicate in each replica's memory.",
    );
  }
}

/**
 * The store front ends claim event and action ids in: Redis when `redisUrl` is set (waiting at most
 * the connect timeout for it; if it cannot be reached, one warn line and memory until it can),
 * otherwise memory. Never rejects for an unreachable Redis, only for a malformed address.
 */
export async function createDedupeStore(options: CreateDedupeStoreOptions): Promise<DedupeStore> {
  const url = options.redisUrl?.trim();
  if (url === undefined || url === '') return new MemoryDedupeStore();
  checkRedisUrl(url);
  const store = new RedisDedupeStore({
    url,
    logger: options.logger,
    ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs }),
    ...(options.commandTimeoutMs === undefined ? {} : { commandTimeoutMs: options.commandTimeoutMs }),
  });
  await store.connect();
  return store;
}
