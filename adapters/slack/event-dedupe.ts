/**
 * Remembers the last `capacity` event ids, so a retried delivery of the same event (Slack retries
 * when the first ack is slow or lost, with X-Slack-Retry-Num) is recognised and not answered twice.
 * Bounded: the oldest id is forgotten first (a Map keeps insertion order).
 */
export class EventDedupe {
  readonly #seen = new Map<string, true>();
  constructor(readonly capacity = 1000) {}

  /** True the first time an id is seen; false for every repeat still remembered. */
  firstTime(id: string): boolean {
    if (this.#seen.has(id)) return false;
    this.#seen.set(id, true);
    if (this.#seen.size > this.capacity) {
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.#seen.size;
  }
}
