// MiniSearch keeps, for each term, a Map from field id to a Map from passage to term frequency.
// Most Japanese bigrams occur in one or two passages, and two Maps per term cost some 350 bytes
// however few entries they hold: at 50k passages that alone took over 500 MB. These read-only
// classes offer the part of the Map interface MiniSearch's search reads (get, has, size, keys,
// iteration) over one packed array. A test checks the index answers exactly as one built by addAll.

/** Passage short id → term frequency, packed as [id, tf, id, tf, …] in increasing id order. */
export class PackedPostings implements ReadonlyMap<number, number> {
  // The index most recently found: MiniSearch reads get(id) right after keys() yields id.
  #cursor = 0;
  constructor(private readonly packed: readonly number[]) {}

  get size(): number {
    return this.packed.length / 2;
  }

  /** Calls `visit` for each passage and term frequency, in passage order, without allocating. */
  forEachPosting(visit: (id: number, tf: number) => void): void {
    const packed = this.packed;
    for (let i = 0; i < packed.length; i += 2) visit(packed[i] as number, packed[i + 1] as number);
  }

  get(id: number): number | undefined {
    const at = this.#find(id);
    return at === -1 ? undefined : this.packed[at + 1];
  }

  has(id: number): boolean {
    return this.#find(id) !== -1;
  }

  *keys(): MapIterator<number> {
    for (let i = 0; i < this.packed.length; i += 2) yield this.packed[i] as number;
  }

  *values(): MapIterator<number> {
    for (let i = 1; i < this.packed.length; i += 2) yield this.packed[i] as number;
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = 0; i < this.packed.length; i += 2)
      yield [this.packed[i] as number, this.packed[i + 1] as number];
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: number, map: ReadonlyMap<number, number>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  #find(id: number): number {
    const packed = this.packed;
    const guess = this.#cursor;
    if (packed[guess] === id) return guess;
    if (packed[guess + 2] === id) {
      this.#cursor = guess + 2;
      return this.#cursor;
    }
    let low = 0;
    let high = packed.length / 2 - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = packed[mid * 2] as number;
      if (value === id) {
        this.#cursor = mid * 2;
        return this.#cursor;
      }
      if (value < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}

/** Field id → postings, for the two fields of the index (word = 0, gram = 1). */
export class FieldPostings implements ReadonlyMap<number, PackedPostings> {
  constructor(
    private readonly word: PackedPostings | undefined,
    private readonly gram: PackedPostings | undefined,
  ) {}

  get size(): number {
    return (this.word ? 1 : 0) + (this.gram ? 1 : 0);
  }

  get(fieldId: number): PackedPostings | undefined {
    return fieldId === 0 ? this.word : fieldId === 1 ? this.gram : undefined;
  }

  has(fieldId: number): boolean {
    return this.get(fieldId) !== undefined;
  }

  *entries(): MapIterator<[number, PackedPostings]> {
    if (this.word) yield [0, this.word];
    if (this.gram) yield [1, this.gram];
  }

  *keys(): MapIterator<number> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<PackedPostings> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[number, PackedPostings]> {
    return this.entries();
  }

  forEach(
    callback: (value: PackedPostings, key: number, map: ReadonlyMap<number, PackedPostings>) => void,
  ): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}
