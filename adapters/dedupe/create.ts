import type { Logger } from '../../src/log.js';
import { RedisDedupeStore } from './redis-store.js';
import { type DedupeStore, MemoryDedupeStore } from './store.js';

export interface CreateDedupeStoreOptions {
  /** REDIS_URL: share claims across replicas through this Redis. Unset or blank: this process's memory. */
  readonly redisUrl?: string | undefined;
  readonly logger: Logger;
  readonly connectTimeoutMs?: number;
  readonly commandTimeoutMs?: number;
}

/**
 * The store front ends claim event and action ids in: Redis when `redisUrl` is set (waiting at most
 * the connect timeout for it; if it cannot be reached, one warn line and memory until it can),
 * otherwise memory. Never rejects: an unreachable Redis is not a reason to stop answering. The address
 * is checked with the rest of the configuration (`REDIS_URL` in src/config.ts) before this runs.
 */
export async function createDedupeStore(options: CreateDedupeStoreOptions): Promise<DedupeStore> {
  const url = options.redisUrl?.trim();
  if (url === undefined || url === '') return new MemoryDedupeStore();
  const store = new RedisDedupeStore({
    url,
    logger: options.logger,
    ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs }),
    ...(options.commandTimeoutMs === undefined ? {} : { commandTimeoutMs: options.commandTimeoutMs }),
  });
  await store.connect();
  return store;
}
