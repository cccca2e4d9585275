import MiniSearch, { type Options } from 'minisearch';
import { forEachGram, words } from '../text/analyze.js';
import { normalize } from '../text/normalize.js';
import { FieldPostings, PackedPostings } from './postings.js';
import { encodeTerm } from './terms.js';

/** What the index needs of a passage. */
export interface IndexablePassage {
  readonly id: string;
  readonly text: string;
}

export const WORD_FIELD = 'word';
export const GRAM_FIELD = 'gram';
const FIELDS = [WORD_FIELD, GRAM_FIELD] as const;

/** MiniSearch options shared by building and searching: queries arrive already analysed and encoded. */
export const MINISEARCH_OPTIONS: Options<IndexablePassage> = {
  fields: [...FIELDS],
  tokenize: (text) => [text],
  processTerm: (term) => term,
  searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
};

/** field id → short passage id → term frequency, as MiniSearch reads it. */
export type Postings = FieldPostings;

export interface SearchIndex {
  readonly miniSearch: MiniSearch<IndexablePassage>;
  /** The postings of an index key (see {@link encodeTerm}), if any passage has it. */
  postings(key: string): Postings | undefined;
  /** The short id MiniSearch gave a passage (postings are keyed by it). */
  shortId(id: string): number | undefined;
  /** The passage id behind a short id. */
  idOf(shortId: number): string;
  /** Distinct terms of a passage in a field, and the mean over passages (BM25's length normalisation). */
  fieldLength(shortId: number, fieldId: number): number;
  averageFieldLength(fieldId: number): number;
  readonly size: number;
}

export const WORD_FIELD_ID = 0;
export const GRAM_FIELD_ID = 1;

/** Every passage's term frequencies, gathered for MiniSearch's serialised form. */
interface Tally {
  /** Distinct terms, by term id. */
  readonly terms: readonly string[];
  /** Flat [shortId, tf, …] lists by slot (termId * 2 + field id). */
  readonly postings: readonly (number[] | undefined)[];
  readonly documentIds: Record<number, string>;
  readonly fieldLength: Record<number, number[]>;
  readonly totals: readonly number[];
  readonly count: number;
}

/**
 * Counts each passage's words and bigrams. Terms are interned to numbers (a slot is termId * 2 +
 * field id) and counted per passage in a plain array, so the hot loop allocates nothing.
 */
function tallyPassages(passages: Iterable<IndexablePassage>): Tally {
  const gramIds = new Map<string | number, number>();
  const wordIds = new Map<string, number>();
  const terms: string[] = [];
  const postings: number[][] = [];
  const counts: number[] = [];
  const touched: number[] = [];
  const documentIds: Record<number, string> = {};
  const fieldLength: Record<number, number[]> = {};
  const totals = [0, 0];
  let count = 0;
  const newTerm = (term: string): number => {
    terms.push(term);
    counts.push(0, 0);
    return terms.length - 1;
  };
  const bump = (slot: number): void => {
    const seen = counts[slot] as number;
    if (seen === 0) touched.push(slot);
    counts[slot] = seen + 1;
  };
  let text = '';
  const tallyGram = (key: string | number, start: number, end: number): void => {
    let termId = gramIds.get(key);
    if (termId === undefined) {
      termId = newTerm(text.slice(start, end));
      gramIds.set(key, termId);
    }
    bump(termId * 2 + GRAM_FIELD_ID);
  };
  for (const passage of passages) {
    const shortId = count++;
    documentIds[shortId] = passage.id;
    text = normalize(passage.text);
    for (const word of words(text)) {
      let termId = wordIds.get(word);
      if (termId === undefined) {
        termId = newTerm(word);
        wordIds.set(word, termId);
      }
      bump(termId * 2 + WORD_FIELD_ID);
    }
    forEachGram(text, tallyGram);
    // Field length is the number of distinct terms, as MiniSearch's own addAll counts it.
    const lengths = [0, 0];
    for (const slot of touched) {
      lengths[slot % 2] = (lengths[slot % 2] ?? 0) + 1;
      let list = postings[slot];
      if (!list) {
        list = [];
        postings[slot] = list;
      }
      list.push(shortId, counts[slot] as number);
      counts[slot] = 0;
    }
    touched.length = 0;
    fieldLength[shortId] = lengths;
    totals[0] = (totals[0] ?? 0) + (lengths[0] ?? 0);
    totals[1] = (totals[1] ?? 0) + (lengths[1] ?? 0);
  }
  return { terms, postings, documentIds, fieldLength, totals, count };
}

/**
 * Builds the MiniSearch index of passages: each passage is indexed as dictionary words (field
 * `word`) and as kanji/katakana bigrams (field `gram`). Term frequencies are gathered in plain maps
 * and handed to MiniSearch in its serialised form (`loadJS`), so each distinct term enters the radix
 * tree once instead of once per occurrence: this is what keeps a 50k-passage build within seconds.
 */
export function buildSearchIndex(passages: Iterable<IndexablePassage>): SearchIndex {
  const { terms, postings, documentIds, fieldLength, totals, count } = tallyPassages(passages);
  const averages = totals.map((total) => (count === 0 ? 0 : total / count));
  const miniSearch = MiniSearch.loadJS<IndexablePassage>(
    {
      documentCount: count,
      nextId: count,
      documentIds,
      fieldIds: { [WORD_FIELD]: 0, [GRAM_FIELD]: 1 },
      fieldLength,
      averageFieldLength: [...averages],

      storedFields: {},
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    },
    MINISEARCH_OPTIONS,
  );
  // The serialised form would make us write every posting as an object for loadJS to turn back
  // into Maps; setting the radix tree entries directly skips that round trip. A test checks that
  // this index answers exactly like one built with MiniSearch's own addAll.
  const radix = (
    miniSearch as unknown as {
      _index: { set(key: string, value: Postings): void; get(key: string): Postings | undefined };
    }
  )._index;
  terms.forEach((term, termId) => {
    const word = postings[termId * 2 + WORD_FIELD_ID];
    const gram = postings[termId * 2 + GRAM_FIELD_ID];
    radix.set(
      encodeTerm(term),
      new FieldPostings(
        word ? new PackedPostings(word) : undefined,
        gram ? new PackedPostings(gram) : undefined,
      ),
    );
  });
  return searchIndexOf(miniSearch, radix, documentIds, fieldLength, averages, count);
}

// Separate from the build so that the returned closures do not keep the build's scratch data alive.
function searchIndexOf(
  miniSearch: MiniSearch<IndexablePassage>,
  radix: { get(key: string): Postings | undefined },
  documentIds: Record<number, string>,
  fieldLength: Record<number, number[]>,
  averages: number[],
  size: number,
): SearchIndex {
  const ids: string[] = [];
  const shortIds = new Map<string, number>();
  const lengths = new Uint32Array(size * 2);
  for (let shortId = 0; shortId < size; shortId++) {
    const id = documentIds[shortId] as string;
    ids.push(id);
    shortIds.set(id, shortId);
    lengths[shortId * 2] = fieldLength[shortId]?.[0] ?? 0;
    lengths[shortId * 2 + 1] = fieldLength[shortId]?.[1] ?? 0;
  }
  return {
    miniSearch,
    postings: (key) => radix.get(key),
    shortId: (id) => shortIds.get(id),
    idOf: (shortId) => ids[shortId] as string,
    fieldLength: (shortId, fieldId) => lengths[shortId * 2 + fieldId] ?? 0,
    averageFieldLength: (fieldId) => averages[fieldId] ?? 0,
    size,
  };
}
