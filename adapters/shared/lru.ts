/**
 * A small least-recently-used map: at most `capacity` entries, the least recently read or written
 * forgotten first (a Map iterates in insertion order, so its first key is the oldest). A capacity
 * of 0 keeps nothing.
 */
export class Lru<V> {
  readonly #entries = new Map<string, V>();
  constructor(readonly capacity: number) {}

  /** The value, refreshed as the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  set(key: string, value: V): void {
    if (this.capacity <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
