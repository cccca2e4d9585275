/**
 * A bounded memo: `compute(key)` remembered for the last `capacity` distinct keys, the least
 * recently used forgotten first. A capacity of 0 remembers nothing.
 *
 * The Slack app keeps answers and their rendered messages here: the corpus does not change while
 * the process runs and answers are immutable, so a remembered one is exactly what the engine would
 * say again. Members ask the same things, and every button click asks again for what was just shown.
 */
export function memoize<T>(capacity: number, compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (capacity <= 0) return compute(key);
    const hit = cache.get(key);
    if (hit !== undefined) {
      // Refresh its place: a Map iterates in insertion order, so the first key is the least recent.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const value = compute(key);
    cache.set(key, value);
    if (cache.size > capacity) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return value;
  };
}
