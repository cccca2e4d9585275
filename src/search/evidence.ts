import type { SearchResult } from 'minisearch';
import type { Alternative, Concept } from './query.js';

/** The share of a form's bigrams that must be found (with a piece of three characters) when not all are. */
const PART_TYPED = 0.5;
const PART_VOCABULARY = 0.8;

/**
 * The index terms of a query, each once, for one MiniSearch OR query. No fuzzy matching here: English typos
 * are corrected against the glossary before (see Vocabulary), while fuzzy matching in the index
 * turned a word into a shorter corpus word (one letter dropped); no prefix search either: a question of lone kanji is not answered.
 */
export function queryOf(concepts: readonly Concept[]): Set<string> {
  const terms = new Set<string>();
  for (const concept of concepts) {
    for (const alt of concept.alternatives) {
      for (const gram of alt.grams) terms.add(gram);
      for (const word of alt.latin) terms.add(word);
    }
  }
  return terms;
}

/** The terms a passage's field, a sentence or a reviewed question holds: a Set of them will do. */
export interface Terms {
  has(term: string): boolean;
}

/** Two consecutive bigrams found: a piece of three characters or more, never a chance overlap (ロナ). */
function hasChain(grams: readonly string[], found: Terms): boolean {
  for (let i = 0; i + 1 < grams.length; i++) {
    if (found.has(grams[i] as string) && found.has(grams[i + 1] as string)) return true;
  }
  return false;
}

/**
 * How much of a concept an index entry holds, 0..1: the best alternative's weight times the share
 * of it found, counted only when it is there whole, or with all its Latin words and at least half
 * of its bigrams including a piece of three characters (エクソソーム療法 in エクソソーム(EV)療法;
 * never ロナ of コロナ in モノクロナール).
 */
export function evidenceOf(concept: Concept, found: Terms): number {
  let best = 0;
  // Indexed loops: this runs for every concept of every candidate and reviewed question.
  for (let a = 0; a < concept.alternatives.length; a++) {
    const alt = concept.alternatives[a] as Alternative;
    const size = alt.grams.length + alt.latin.length;
    if (size === 0) continue;
    // Latin words are whole words: an alternative missing one (iPS of iPS細胞) is not there.
    let latin = true;
    for (let k = 0; k < alt.latin.length && latin; k++) latin = found.has(alt.latin[k] as string);
    if (!latin) continue;
    let hits = alt.latin.length;
    for (let k = 0; k < alt.grams.length; k++) if (found.has(alt.grams[k] as string)) hits++;
    const share = hits / size;
    // A form the member typed may be found in part (エクソソーム療法 in エクソソーム(EV)療法); a form of
    // the vocabulary is the statement's own wording, so nearly all of it must be there
    // (国際細胞外小胞学会 is not 日本細胞外小胞学会).
    const least = alt.typed ? PART_TYPED : PART_VOCABULARY;
    if (share === 1 || (share >= least && hasChain(alt.grams, found)))
      best = Math.max(best, share * alt.weight);
  }
  return best;
}

/**
 * The query terms a MiniSearch result holds in one field. An object, not a closure: one is made for
 * each field of each candidate, and the text's is kept with the candidate.
 */
export class FieldTerms implements Terms {
  readonly #match: Record<string, readonly string[] | undefined>;
  readonly #field: string;

  constructor(result: SearchResult, field: string) {
    this.#match = result.match as Record<string, readonly string[] | undefined>;
    this.#field = field;
  }

  has(term: string): boolean {
    // Own keys only: a term such as `constructor` would otherwise read Object.prototype's function.
    return Object.hasOwn(this.#match, term) && this.#match[term]?.includes(this.#field) === true;
  }
}
