import { describe, expect, it } from 'vitest';
import { MemoryDedupeStore } from '../../../adapters/dedupe/store.js';

function clock() {
  let time = 1_000_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('MemoryDedupeStore', () => {
  it('grants the first claim of a key and refuses the repeat', async () => {
    const store = new MemoryDedupeStore();
    expect(await store.claim('slack:event:Ev1', 60_000)).toBe(true);
    expect(await store.claim('slack:event:Ev1', 60_000)).toBe(false);
  });

  it('keeps different keys apart', async () => {
    const store = new MemoryDedupeStore();
    expect(await store.claim('a', 60_000)).toBe(true);
    expect(await store.claim('b', 60_000)).toBe(true);
  });

  it('grants a key again once its claim has expired', async () => {
    const time = clock();
    const store = new MemoryDedupeStore({ now: time.now });
    await store.claim('a', 1000);
    time.advance(999);
    expect(await store.claim('a', 1000)).toBe(false);
    time.advance(1);
    expect(await store.claim('a', 1000)).toBe(true);
  });

  it('remembers at most its capacity, forgetting the oldest claim first', async () => {
    const store = new MemoryDedupeStore({ capacity: 2 });
    for (const key of ['a', 'b', 'c']) await store.claim(key, 60_000);
    expect(store.size).toBe(2);
    expect(await store.claim('c', 60_000)).toBe(false);
    expect(await store.claim('a', 60_000)).toBe(true);
  });

  it('drops expired claims as new ones arrive, so idle keys do not hold memory', async () => {
    const time = clock();
    const store = new MemoryDedupeStore({ now: time.now });
    for (const key of ['a', 'b', 'c']) await store.claim(key, 1000);
    time.advance(1000);
    await store.claim('d', 1000);
    expect(store.size).toBe(1);
  });
});
