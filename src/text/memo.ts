/** How many keys a memo keeps at most: a bound on what odd input can make it hold. */
const MAX_KEPT = 20_000;

/**
 * A pure function that remembers what it gave for each key, up to {@link MAX_KEPT} keys: words
 * recur from question to question, and what is measured of one word (a romaji parse, an edit
 * distance, a pattern) need not be measured again.
 */
export function memoize<K, V>(compute: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as V;
    const value = compute(key);
    if (kept.size < MAX_KEPT) kept.set(key, value);
    return value;
  };
}
