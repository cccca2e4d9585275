import type { Glossary, GlossaryEntry } from '../corpus/glossary.js';
import type { LexiconEntry } from '../corpus/vocabulary.js';
import { editDistance, foldEnglish, typoAllowance } from '../text/english.js';
import { memoize } from '../text/memo.js';
import { normalize } from '../text/normalize.js';
import { readingKey } from '../text/reading.js';
import { CJK_RUN, LATIN_RUN, toHiragana } from '../text/script.js';
import { ENGLISH_STOPWORDS } from '../text/stopwords.js';
import { katakanaKey } from './respell.js';

/** What query analysis knows of words, computed once per corpus (never per query). */
export interface Vocabulary {
  /** Rewrites variant spellings (normalised) to their canonical form, longest first. */
  readonly rewriteVariants: (text: string) => string;
  /** English phrases as folded word lists, by their first word, longest first; `everyday` for a bridge word. */
  readonly phrases: ReadonlyMap<
    string,
    readonly {
      readonly words: readonly string[];
      readonly entry: GlossaryEntry;
      readonly everyday: boolean;
    }[]
  >;
  /** Japanese form (normalised) → its glossary entry. */
  readonly japanese: ReadonlyMap<string, GlossaryEntry>;
  /** An everyday Japanese variant typed as a whole word (美容) → the entry it bridges to: never rewritten. */
  readonly everydayVariants: ReadonlyMap<string, GlossaryEntry>;
  /**
   * The everyday variants written with kana between or after kanji (上澄み, 勘違い, 損をする), longest
   * first: a question's kanji runs never hold them whole, so they are found in its text.
   */
  readonly everydayInText: RegExp | undefined;
  /** A word (normalised) → the other words of its reviewed synonym groups. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  /**
   * Reading key (see {@link readingKey}) → the corpus words read so, and the longest reading in kana
   * (to bound the search in a kana run). Built on first use: a question in kanji never needs it.
   */
  readings(): { readonly words: ReadonlyMap<string, readonly string[]>; readonly longest: number };
  /** The known English word a misspelt one stands for (foward → forward), folded; undefined if none. */
  correctEnglish(folded: string): string | undefined;
  /** Whether a (lower-case) word is an acronym the statement's terms write in capitals (pmda, gmp, ev). */
  isAcronym(word: string): boolean;
  /** The glossary's acronym a 4+ letter one typed in capitals misses by one letter or a swap (PMAD → pmda), if any. Lower case. */
  acronymOf(word: string): string | undefined;
  /** Whether a (lower-case) word is an English word we know: a function word or a glossary word. */
  isEnglish(word: string): boolean;
  /** How specific a Japanese word is in ordinary Japanese, 0..1 (see {@link specificityOf}). */
  specificity(text: string): number;
  /** Whether a word (normalised) is the corpus's own: in a passage, the glossary or the lexicon. */
  isCorpusWord(word: string): boolean;
  /** The corpus's words with kanji, of a length in characters (the statement's and the glossary's). */
  corpusWordsOfLength(length: number): readonly string[];
  /** The corpus's katakana words (three kana at least) spelt like this one but for voicing, size or ー. */
  katakanaSpelledLike(katakana: string): readonly string[];
}

/** Inputs of the vocabulary: the corpus's reviewed data. */
export interface VocabularySources {
  readonly glossary: Glossary;
  readonly synonyms?: readonly (readonly string[])[];
  readonly lexicon?: readonly LexiconEntry[];
  /** Normalised passage texts: their katakana words read as themselves (えくそそーむ → エクソソーム). */
  readonly texts?: readonly string[];
}

// IPADIC word costs of the corpus's words: 研究 -413, 技術 1,183, 問題 4,383, 審査 4,452, 医薬品 5,470,
// 細胞 5,621; a compound costs the sum of its parts (安全性 10,293, 理事長 14,917). A lone kanji costs
// more than its use suggests (国 7,871), so it is capped.
const COMMON_COST = 2000;
const COST_SPAN = 6000;
const MIN_SPECIFICITY = 0.15;
const LONE_KANJI = 0.3;
/** A corpus word IPADIC does not know (単離, 上清, エクソソーム) is rare in ordinary Japanese. */
const UNKNOWN_TO_IPADIC = 0.9;

// A compound names something narrower than its parts, even when one part is very common (研究 of
// 臨床研究 costs -413, so the sum of costs says little).
const compoundFloor = (text: string): number => {
  const length = [...text].length;
  return length >= 4 ? 0.7 : length === 3 ? 0.5 : 0;
};

/**
 * How specific a Japanese word is against ordinary Japanese, 0..1: from its IPADIC cost when the
 * lexicon has one (undefined: not in the lexicon; null: in it, but unknown to IPADIC), else from its
 * form (a katakana loanword or a long kanji compound is specific, a lone kanji is not).
 */
export function specificityOf(text: string, cost: number | null | undefined): number {
  const lone = [...text].length === 1;
  if (cost === null) return lone ? LONE_KANJI : UNKNOWN_TO_IPADIC;
  if (cost !== undefined) {
    const s = Math.min(1, Math.max(MIN_SPECIFICITY, (cost - COMMON_COST) / COST_SPAN));
    return lone ? Math.min(s, LONE_KANJI) : Math.max(s, compoundFloor(text));
  }
  const cjk = [...text.matchAll(CJK_RUN)].map((m) => m[0]).join('');
  if (cjk.length === 0) return 1;
  if (/^[\p{Script=Katakana}ー]+$/u.test(cjk)) return cjk.length >= 3 ? 1 : 0.5;
  if (cjk.length === 1) return MIN_SPECIFICITY;
  return cjk.length === 2 ? 0.55 : 0.9;
}

const escapeRegExp = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function glossaryParts(glossary: Glossary) {
  const variants: [string, string][] = [];
  const phrases: { words: string[]; entry: GlossaryEntry; everyday: boolean }[] = [];
  const japanese = new Map<string, GlossaryEntry>();
  const everydayVariants = new Map<string, GlossaryEntry>();
  for (const entry of glossary.entries) {
    const canonical = normalize(entry.ja[0] ?? '');
    for (const variant of entry.variants) {
      if (entry.everyday.includes(variant)) everydayVariants.set(normalize(variant), entry);
      else variants.push([normalize(variant), canonical]);
    }
    for (const form of entry.ja) japanese.set(normalize(form), entry);
    for (const phrase of entry.en) {
      const words = [...normalize(phrase).matchAll(LATIN_RUN)].map((m) => foldEnglish(m[0]));
      if (words.length > 0) phrases.push({ words, entry, everyday: entry.everyday.includes(phrase) });
    }
  }
  variants.sort((a, b) => b[0].length - a[0].length);
  const withKana = [...everydayVariants.keys()]
    .filter((form) => /\p{Script=Hiragana}/u.test(form) && /[\p{Script=Han}\p{Script=Katakana}]/u.test(form))
    .sort((a, b) => b.length - a.length);
  // Where a word starts: not inside a longer run of kanji (売って is not in 販売って).
  const everydayInText =
    withKana.length === 0
      ? undefined
      : new RegExp(
          `(?<![\\p{Script=Han}\\p{Script=Katakana}ー])(?:${withKana.map(escapeRegExp).join('|')})`,
          'gu',
        );
  phrases.sort((a, b) => b.words.length - a.words.length);
  const byFirstWord = new Map<string, { words: string[]; entry: GlossaryEntry; everyday: boolean }[]>();
  for (const phrase of phrases) {
    const first = phrase.words[0] as string;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), phrase]);
  }
  const canonical = new Map(variants);
  const pattern =
    variants.length === 0 ? undefined : new RegExp(variants.map(([v]) => escapeRegExp(v)).join('|'), 'g');
  // A variant inside its own canonical word (売って in 販売って) is that word already, not a variant.
  const rewriteVariants = (text: string) =>
    pattern
      ? text.replace(pattern, (v: string, at: number) => {
          const form = canonical.get(v) ?? v;
          return insideOf(form, text, at, v.length) ? v : form;
        })
      : text;
  return {
    rewriteVariants,
    phrases: byFirstWord,
    japanese,
    everydayVariants,
    everydayInText,
    englishWords: phrases.flatMap((p) => p.words),
  };
}

/** Whether `word` occurs in `text` overlapping the span [at, at + length). */
function insideOf(word: string, text: string, at: number, length: number): boolean {
  const from = Math.max(0, at - word.length + 1);
  const found = text.indexOf(word, from);
  return found !== -1 && found < at + length;
}

function synonymMap(groups: readonly (readonly string[])[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const group of groups) {
    const words = group.map(normalize);
    for (const word of words) {
      const others = map.get(word) ?? [];
      for (const other of words) if (other !== word && !others.includes(other)) others.push(other);
      map.set(word, others);
    }
  }
  return map;
}

function readingMap(lexicon: readonly LexiconEntry[], texts: readonly string[]) {
  const readings = new Map<string, string[]>();
  let longest = 0;
  const add = (reading: string, surface: string) => {
    // Two-kana readings (こと, もの) are mostly grammar written in kana: too easily read into a question.
    if (reading.length < 3 || !/[\p{Script=Han}\p{Script=Katakana}]/u.test(surface)) return;
    const key = readingKey(reading);
    const list = readings.get(key) ?? [];
    if (!list.includes(surface)) list.push(surface);
    readings.set(key, list);
    longest = Math.max(longest, reading.length + 2);
  };
  for (const { surface, reading } of lexicon) add(reading, normalize(surface));
  for (const text of texts) {
    for (const m of text.matchAll(/[\p{Script=Katakana}ー]{3,}/gu)) add(toHiragana(m[0]), m[0]);
  }
  return { words: readings, longest };
}

/** Builds the vocabulary once per corpus. */
export function buildVocabulary(sources: VocabularySources): Vocabulary {
  const { rewriteVariants, phrases, japanese, everydayVariants, everydayInText, englishWords } =
    glossaryParts(sources.glossary);
  const synonyms = synonymMap(sources.synonyms ?? []);
  let readings: ReturnType<typeof readingMap> | undefined;
  const costs = new Map<string, number | null>();
  for (const { surface, cost } of sources.lexicon ?? []) costs.set(normalize(surface), cost ?? null);
  const english = new Set<string>(englishWords);
  // Known words by first letter: a typo rarely touches it (without this, "black" would be read as
  // "lack"), and a scan of one letter's words keeps each correction cheap.
  const known = new Map<string, string[]>();
  for (const word of english) {
    if (word.length < 4) continue;
    const list = known.get(word[0] as string) ?? [];
    list.push(word);
    known.set(word[0] as string, list);
  }
  const stop = new Set([...ENGLISH_STOPWORDS].map(foldEnglish));
  const acronyms = new Set(
    sources.glossary.entries.flatMap((e) =>
      [...e.ja, ...e.variants].flatMap((form) =>
        [...form.matchAll(/[A-Z]{2,}/gu)].map((m) => m[0].toLowerCase()),
      ),
    ),
  );
  const acronymList = [...acronyms];
  // Each lookup measures many edit distances, each specificity cuts the word into pieces: kept.
  const corrected = memoize((folded: string) => correction(folded, english, known));
  const specificity = memoize((text: string) => specificityOf(text, costs.get(text)));
  const words = corpusWords(sources, japanese);
  const katakana = katakanaWords(sources, japanese);
  return {
    rewriteVariants,
    phrases,
    japanese,
    everydayVariants,
    everydayInText,
    synonyms,
    readings() {
      readings ??= readingMap(sources.lexicon ?? [], sources.texts ?? []);
      return readings;
    },
    correctEnglish: corrected,
    isAcronym: (word) => acronyms.has(word),
    // A word the glossary knows as it is (jsev, the society's own name) is no mistyped acronym (isev).
    acronymOf: (word) =>
      word.length < 4 || acronyms.has(word) || english.has(word)
        ? undefined
        : acronymList.find((a) => a.length === word.length && editDistance(word, a, 1) <= 1),
    isEnglish: (word) => {
      if (ENGLISH_STOPWORDS.has(word)) return true;
      const folded = foldEnglish(word);
      return stop.has(folded) || english.has(folded);
    },
    specificity,
    isCorpusWord: (word) =>
      costs.has(word) || japanese.has(word) || (sources.texts ?? []).some((t) => t.includes(word)),
    corpusWordsOfLength: (length) => words.get(length) ?? [],
    katakanaSpelledLike: (word) => (katakana.get(katakanaKey(word)) ?? []).filter((w) => w !== word),
  };
}

/** The known word (of `known`, by first letter) a folded word not in `english` is a typo of, if any. */
function correction(
  folded: string,
  english: ReadonlySet<string>,
  known: ReadonlyMap<string, readonly string[]>,
): string | undefined {
  const allowance = typoAllowance(folded.length);
  if (allowance === 0 || english.has(folded)) return undefined;
  let best: string | undefined;
  let bestDistance = allowance + 1;
  for (const word of known.get(folded[0] as string) ?? []) {
    const d = editDistance(folded, word, bestDistance - 1);
    if (d < bestDistance) {
      best = word;
      bestDistance = d;
    }
  }
  return best;
}

/** The corpus's katakana words (passages and glossary, three kana at least) by {@link katakanaKey}. */
function katakanaWords(sources: VocabularySources, japanese: ReadonlyMap<string, GlossaryEntry>) {
  const byKey = new Map<string, string[]>();
  const add = (word: string) => {
    const key = katakanaKey(word);
    const list = byKey.get(key) ?? [];
    if (!list.includes(word)) byKey.set(key, [...list, word]);
  };
  for (const text of sources.texts ?? [])
    for (const m of text.matchAll(/[\p{Script=Katakana}ー]{3,}/gu)) add(m[0]);
  for (const form of japanese.keys()) if (/^[\p{Script=Katakana}ー]{3,}$/u.test(form)) add(form);
  return byKey;
}

/** The corpus's words with kanji by length: lexicon words found in a passage, and glossary forms. */
function corpusWords(sources: VocabularySources, japanese: ReadonlyMap<string, GlossaryEntry>) {
  const texts = sources.texts ?? [];
  const all = new Set(japanese.keys());
  for (const { surface } of sources.lexicon ?? []) {
    const word = normalize(surface);
    if (texts.some((t) => t.includes(word))) all.add(word);
  }
  const byLength = new Map<number, string[]>();
  for (const word of all) {
    if (!/\p{Script=Han}/u.test(word)) continue;
    const length = [...word].length;
    byLength.set(length, [...(byLength.get(length) ?? []), word]);
  }
  return byLength;
}
