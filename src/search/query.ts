import type { Glossary, GlossaryEntry } from '../corpus/glossary.js';
import { cjkGrams, runWords } from '../text/analyze.js';
import { normalize } from '../text/normalize.js';
import { CJK_RUN, foldLatin, hiraganaToKatakana, LATIN_RUN, ONLY_HIRAGANA } from '../text/script.js';
import { ENGLISH_STOPWORDS, JAPANESE_STOP_RUNS } from '../text/stopwords.js';

/** One way a concept can appear in a passage (a Japanese form, or a Latin word). */
export interface Alternative {
  /** Normalised text to find and highlight in passages. */
  readonly text: string;
  /** Kanji/katakana bigrams (a single character for one-character runs). */
  readonly grams: readonly string[];
  /** Latin words (and numbers): matched whole, fuzzily when long enough. */
  readonly latin: readonly string[];
  /** Dictionary words of the query inside this alternative: matched whole, with a boost. */
  readonly words: readonly string[];
  /** What the member typed, as opposed to a glossary form: only this is highlighted piecewise. */
  readonly typed: boolean;
}

/** One thing the member asked about: a Japanese run, an English word or glossary phrase. */
export interface Concept {
  /** As the member typed it (normalised), for "not found: …" lists. */
  readonly label: string;
  readonly alternatives: readonly Alternative[];
  /** About the document or its issuer (学会, statement): ignored when the query has other concepts. */
  readonly meta: boolean;
}

export interface AnalyzedQuery {
  readonly normalized: string;
  readonly concepts: readonly Concept[];
}

/** Glossary lookups precomputed once per corpus. */
export interface GlossaryIndex {
  /** Rewrites variant spellings (normalised) to their canonical form, longest first. */
  readonly rewriteVariants: (text: string) => string;
  /** English phrases as folded word lists, longest first. */
  readonly phrases: readonly { readonly words: readonly string[]; readonly entry: GlossaryEntry }[];
  /** Japanese form (normalised) → its entry. */
  readonly japanese: ReadonlyMap<string, GlossaryEntry>;
}

/**
 * A light English stem, applied to queries and glossary phrases alike so that either side may use
 * any form: vesicles → vesicle, therapies → therapy, EVs → ev, isolated/isolating/isolate → isolat,
 * signed → sign, purified → purify. Only for matching glossary phrases; never shown.
 */
export function foldEnglish(word: string): string {
  let w = foldLatin(word);
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length >= 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Prepares the glossary for query analysis. */
export function indexGlossary(glossary: Glossary): GlossaryIndex {
  const variants: [string, string][] = [];
  const phrases: { words: string[]; entry: GlossaryEntry }[] = [];
  const japanese = new Map<string, GlossaryEntry>();
  for (const entry of glossary.entries) {
    const canonical = normalize(entry.ja[0] ?? '');
    for (const variant of entry.variants) variants.push([normalize(variant), canonical]);
    for (const form of entry.ja) japanese.set(normalize(form), entry);
    for (const phrase of entry.en) {
      const words = [...normalize(phrase).matchAll(LATIN_RUN)].map((m) => foldEnglish(m[0]));
      if (words.length > 0) phrases.push({ words, entry });
    }
  }
  variants.sort((a, b) => b[0].length - a[0].length);
  phrases.sort((a, b) => b.words.length - a.words.length);
  const canonical = new Map(variants);
  const pattern =
    variants.length === 0
      ? undefined
      : new RegExp(variants.map(([v]) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const rewriteVariants = (text: string) =>
    pattern ? text.replace(pattern, (v) => canonical.get(v) ?? v) : text;
  return { rewriteVariants, phrases, japanese };
}

function alternative(text: string, typed: boolean, words: readonly string[] = []): Alternative {
  const latin = [...text.matchAll(LATIN_RUN)].map((m) => foldLatin(m[0]));
  return { text, grams: cjkGrams(text), latin, words, typed };
}

function entryConcept(label: string, entry: GlossaryEntry, extra: Alternative[] = []): Concept {
  return {
    label,
    alternatives: [...extra, ...entry.ja.map((form) => alternative(normalize(form), false))],
    meta: entry.meta,
  };
}

/**
 * Turns a query into concepts: Japanese kanji/katakana runs (after rewriting variant spellings),
 * English glossary phrases mapped onto the statement's Japanese terms, and other Latin words.
 * Function words of either language are dropped.
 */
export function analyzeQuery(query: string, glossary: GlossaryIndex): AnalyzedQuery {
  let text = glossary.rewriteVariants(normalize(query));
  // A query typed in hiragana only (えくそそーむ) is read as katakana: hiragana alone carries no terms.
  const compact = text.replace(/[\s\p{P}\p{S}]/gu, '');
  if (compact.length >= 2 && ONLY_HIRAGANA.test(compact)) text = hiraganaToKatakana(text);

  const concepts: Concept[] = [];
  for (const match of text.matchAll(CJK_RUN)) {
    const run = match[0];
    if (JAPANESE_STOP_RUNS.has(run)) continue;
    const own = alternative(run, true, runWords(run));
    const entry = glossary.japanese.get(run);
    concepts.push(entry ? entryConcept(run, entry, [own]) : { label: run, alternatives: [own], meta: false });
  }

  const latin = [...text.matchAll(LATIN_RUN)].map((m) => m[0]);
  const folded = latin.map(foldEnglish);
  for (let i = 0; i < folded.length; ) {
    const phrase = glossary.phrases.find((p) => p.words.every((w, k) => folded[i + k] === w));
    if (phrase) {
      const label = latin.slice(i, i + phrase.words.length).join(' ');
      const own = phrase.words.length === 1 ? [alternative(foldLatin(latin[i] ?? ''), true)] : [];
      concepts.push(entryConcept(label, phrase.entry, own));
      i += phrase.words.length;
      continue;
    }
    const word = latin[i] ?? '';
    if (!ENGLISH_STOPWORDS.has(word)) {
      concepts.push({ label: word, alternatives: [alternative(foldLatin(word), true)], meta: false });
    }
    i += 1;
  }
  return { normalized: text, concepts };
}
