import { cjkGrams } from '../text/analyze.js';
import { foldContractions, foldEnglish, splitRunTogether } from '../text/english.js';
import { englishRarity, timesSaid } from '../text/english-rarity.js';
import { stripQuestionFrames } from '../text/frames.js';
import { memoize } from '../text/memo.js';
import { normalize } from '../text/normalize.js';
import { prefixKeys } from '../text/reading.js';
import { romajiToKana } from '../text/romaji.js';
import { CJK_RUN, foldDashes, foldLatin, LATIN_RUN } from '../text/script.js';
import { ENGLISH_STOPWORDS, JAPANESE_STOP_RUNS, KANA_FRAME_STARTS } from '../text/stopwords.js';
import { katakanaAsKana, oneKanjiOff, withoutPrefix } from './respell.js';
import type { Vocabulary } from './vocabulary.js';

/** One way a concept can appear in a passage (a Japanese form, or a Latin word). */
export interface Alternative {
  /** Normalised text to find and highlight in passages. */
  readonly text: string;
  /** Kanji/katakana bigrams (a single character for one-character runs). */
  readonly grams: readonly string[];
  /** Latin words (and numbers), accents folded: matched whole. */
  readonly latin: readonly string[];
  /** What the member typed, as opposed to a glossary form: only this is highlighted piecewise. */
  readonly typed: boolean;
  /**
   * Where the form comes from: what was typed, the glossary, a synonym group, a reading of kana, a
   * respelling of the same word, or a word one kanji off (a guess at a typo: 細胞概小胞).
   */
  readonly source: 'typed' | 'glossary' | 'synonym' | 'reading' | 'spelling' | 'typo';
  /** How much finding this form counts: 1 for the words as typed or the glossary's, less for synonyms. */
  readonly weight: number;
  /**
   * Reached from an everyday word (recommend → 提言, 美容 → 自由診療) or a synonym: evidence only when
   * the question is about the statement's subject too (see src/search/searcher.ts).
   */
  readonly bridge: boolean;
}

/** One thing the member asked about: a Japanese run, an English word or glossary phrase. */
export interface Concept {
  /** As the member typed it (normalised), for "not found: …" lists. */
  readonly label: string;
  readonly alternatives: readonly Alternative[];
  /** About the document or its issuer (学会, statement): ignored when the query has other concepts. */
  readonly meta: boolean;
  /** How specific the concept is in ordinary language, 0..1: what it weighs in judging relevance. */
  readonly specificity: number;
}

export interface AnalyzedQuery {
  readonly normalized: string;
  readonly concepts: readonly Concept[];
}

// Weights of forms that were not typed: a reviewed glossary form is the statement's own word for
// what was asked; a synonym group is broader (審査 sits with 判断); a reading may be a homophone.
const GLOSSARY_WEIGHT = 1;
const MIXED_TERM = /[\p{Script=Latin}\p{Nd}]+\s?[\p{Script=Han}\p{Script=Katakana}ー]+/gu;
const SYNONYM_WEIGHT = 0.7;
const READING_WEIGHT = 0.85;

// Forms of the vocabulary (glossary forms, synonyms, words read from kana) recur from query to
// query: analysed once and shared (alternatives are immutable), which keeps garbage per query low.
const vocabularyForms = new Map<string, Alternative>();
const MAX_CACHED_FORMS = 20_000;

function alternative(
  text: string,
  source: Alternative['source'],
  weight: number,
  bridge = false,
): Alternative {
  const typed = source === 'typed';
  const key = `${source}\u0000${weight}\u0000${bridge}\u0000${text}`;
  const cached = typed ? undefined : vocabularyForms.get(key);
  if (cached) return cached;
  const latin = [...text.matchAll(LATIN_RUN)].map((m) => foldLatin(m[0]));
  const alt: Alternative = { text, grams: cjkGrams(text), latin, typed, source, weight, bridge };
  if (!typed && vocabularyForms.size < MAX_CACHED_FORMS) vocabularyForms.set(key, alt);
  return alt;
}

function uniqueAlternatives(alternatives: Alternative[]): Alternative[] {
  const seen = new Map<string, Alternative>();
  for (const alt of alternatives) {
    const other = seen.get(alt.text);
    if (!other || other.weight < alt.weight) seen.set(alt.text, alt);
  }
  return [...seen.values()];
}

/** The concept of one Japanese run: as typed, the glossary's forms, and reviewed synonyms. */
function runConcept(typed: string, vocabulary: Vocabulary): Concept {
  const run = withoutPrefix(typed, vocabulary) ?? typed;
  const bridged = vocabulary.everydayVariants.get(run);
  const entry = vocabulary.japanese.get(run) ?? bridged;
  const alternatives = [alternative(run, 'typed', 1)];
  for (const form of entry?.ja ?? [])
    alternatives.push(alternative(normalize(form), 'glossary', GLOSSARY_WEIGHT, bridged !== undefined));
  const synonyms = vocabulary.synonyms.get(run);
  for (const synonym of synonyms ?? [])
    alternatives.push(alternative(synonym, 'synonym', SYNONYM_WEIGHT, true));
  if (!entry && !synonyms) {
    for (const form of respelled(run, vocabulary))
      alternatives.push(alternative(form, 'spelling', SYNONYM_WEIGHT));
    for (const form of oneKanjiOff(run, vocabulary))
      alternatives.push(alternative(form, 'typo', SYNONYM_WEIGHT));
    for (const form of vocabulary.katakanaSpelledLike(run))
      alternatives.push(alternative(form, 'spelling', READING_WEIGHT));
    alternatives.push(...katakanaReadings(run, vocabulary));
  }
  const canonical = normalize(entry?.ja[0] ?? run);
  return {
    label: run,
    alternatives: uniqueAlternatives(alternatives),
    meta: entry?.meta ?? false,
    specificity: Math.max(vocabulary.specificity(run), vocabulary.specificity(canonical)),
  };
}

/**
 * Katakana typed for a word the corpus writes in kanji (セイザイ, EVセイザイ), read into that word when
 * the whole katakana part reads as one: the words read, behind any Latin prefix typed with it.
 */
function katakanaReadings(run: string, vocabulary: Vocabulary): Alternative[] {
  const parts = /^([a-z0-9]*)(.+)$/u.exec(run);
  const kana = katakanaAsKana(parts?.[2] ?? '', vocabulary);
  if (!kana) return [];
  const read = readingConcepts(kana, vocabulary);
  const whole = read.length === 1 && read[0]?.label === kana ? read[0] : undefined;
  return (whole?.alternatives ?? []).map((a) =>
    alternative(`${parts?.[1] ?? ''}${a.text}`, 'reading', a.weight, a.bridge),
  );
}

/**
 * A compound the vocabulary does not know, with one two-kanji word in it respelled as its reviewed
 * synonym that differs in one character (品質監理 → 品質管理, ev製材 → ev製剤): the misconversions
 * of a kana-kanji converter inside a longer run.
 */
function respelled(run: string, vocabulary: Vocabulary): string[] {
  const chars = [...run];
  if (chars.length < 3) return [];
  const forms: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    const word = `${chars[i]}${chars[i + 1]}`;
    for (const other of vocabulary.synonyms.get(word) ?? []) {
      const alt = [...other];
      if (alt.length !== 2 || (alt[0] !== chars[i] && alt[1] !== chars[i + 1])) continue;
      forms.push([...chars.slice(0, i), other, ...chars.slice(i + 2)].join(''));
    }
  }
  return forms;
}

/**
 * Concepts read out of kana (にほんさいぼうがい…, or romaji turned into kana): the longest corpus
 * word whose reading starts at each position, left to right.
 */
function readingConcepts(kana: string, vocabulary: Vocabulary): Concept[] {
  const concepts: Concept[] = [];
  const readings = vocabulary.readings();
  let i = 0;
  while (i < kana.length - 2) {
    const frame = KANA_FRAME_STARTS.find((start) => kana.startsWith(start, i));
    if (frame) {
      i += frame.length;
      continue;
    }
    let found: { end: number; surfaces: readonly string[] } | undefined;
    const maxEnd = Math.min(kana.length, i + readings.longest);
    const keys = prefixKeys(kana, i, maxEnd);
    for (let end = maxEnd; end >= i + 3 && !found; end--) {
      // A word does not end before a small ゃ/ゅ/ょ/ぁ…: that belongs to the kana before it.
      if (/[ぁぃぅぇぉゃゅょゎ]/.test(kana[end] ?? '') && end < kana.length) continue;
      const surfaces = readings.words.get(keys[end - i - 1] as string);
      if (surfaces) found = { end, surfaces };
    }
    if (!found) {
      i += 1;
      continue;
    }
    // What the word read stands for (its glossary forms, its synonyms), all weighed as a reading.
    const best = found.surfaces.map((s) => runConcept(s, vocabulary));
    const alternatives = best.flatMap((c) =>
      c.alternatives.map((a) => alternative(a.text, 'reading', a.weight * READING_WEIGHT, a.bridge)),
    );
    concepts.push({
      label: kana.slice(i, found.end),
      alternatives: uniqueAlternatives(alternatives),
      meta: best.some((c) => c.meta),
      specificity: Math.max(...best.map((c) => c.specificity)),
    });
    i = found.end;
  }
  return concepts;
}

// The pattern of a word as typed, any case: compiled once a word.
const wholeWord = memoize((word: string): RegExp => new RegExp(`\\b${word}\\b`, 'iu'));

/** Whether `word` (lower case) was typed in capitals, two letters or more (TOEIC, PMDA). */
function typedInCapitals(word: string, original: string): boolean {
  const typed = wholeWord(word).exec(original)?.[0] ?? word;
  return typed.length >= 2 && typed === typed.toUpperCase();
}

// An English word outside the glossary: a name or an acronym typed in capitals (ISEV, MISEV2018) is
// specific; any other as rare as it is in spoken English (honestly: everyday; osaka: fairly specific).
function englishSpecificity(word: string, original: string): number {
  if (/\d/.test(word)) return 1;
  return typedInCapitals(word, original) ? 1 : englishRarity(word);
}

/**
 * A word ordinary English says at all (in SUBTLEX-US: clinician 3 times, caption 18) is a word,
 * not a misspelling (statment, safty: never).
 */
const SAID_WORD = 1;

/** English words → concepts: glossary phrases (longest first, typos of known words corrected), other words as typed. */
function latinConcepts(text: string, original: string, vocabulary: Vocabulary): Concept[] {
  const concepts: Concept[] = [];
  const latin = [...text.matchAll(LATIN_RUN)].map((m) => m[0]);
  const folded = latin.map((word) => {
    const f = foldEnglish(word);
    if (ENGLISH_STOPWORDS.has(word)) return f;
    // An acronym mistyped (PMAD, AMDE): too short for a word's typo allowance, but acronyms are few.
    if (typedInCapitals(word, original)) {
      const acronym = vocabulary.acronymOf(word);
      if (acronym !== undefined) return acronym;
    }
    // A word ordinary English says (reporter, clinical) is no typo of a glossary word (report, clinic).
    const corrected = timesSaid(foldLatin(word)) >= SAID_WORD ? undefined : vocabulary.correctEnglish(f);
    // A word typed in capitals is an acronym (TOEIC): its typo is another acronym (PMAD → PMDA), not a word (toxic).
    if (corrected !== undefined && typedInCapitals(word, original) && !vocabulary.isAcronym(corrected))
      return f;
    return corrected ?? f;
  });
  for (let i = 0; i < folded.length; ) {
    const phrase = vocabulary.phrases
      .get(folded[i] ?? '')
      ?.find((p) => p.words.every((w, k) => folded[i + k] === w));
    if (phrase) {
      const label = latin.slice(i, i + phrase.words.length).join(' ');
      const own = phrase.words.length === 1 ? [alternative(foldLatin(latin[i] ?? ''), 'typed', 1)] : [];
      const forms = phrase.entry.ja.map((form) =>
        alternative(normalize(form), 'glossary', GLOSSARY_WEIGHT, phrase.everyday),
      );
      concepts.push({
        label,
        alternatives: uniqueAlternatives([...own, ...forms]),
        meta: phrase.entry.meta,
        specificity: vocabulary.specificity(normalize(phrase.entry.ja[0] ?? label)),
      });
      i += phrase.words.length;
      continue;
    }
    const word = latin[i] ?? '';
    if (!ENGLISH_STOPWORDS.has(word) && !(word.length === 1 && /\p{L}/u.test(word))) {
      concepts.push({
        label: word,
        alternatives: [alternative(foldLatin(word), 'typed', 1)],
        meta: false,
        specificity: englishSpecificity(word, original),
      });
    }
    i += 1;
  }
  return concepts;
}

/**
 * Turns a query into concepts: Japanese kanji/katakana runs (after rewriting variant spellings),
 * corpus words read out of kana or romaji, English glossary phrases mapped onto the statement's
 * Japanese terms, and other Latin words. Function words and question frames of either language
 * (…と考えていいですか, "according to") are dropped: they say how something is asked, not what.
 */
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>()[\]「」]+/giu;

/**
 * A question as words are read from it: NFKC, dashes typed for ー folded, web addresses dropped,
 * romaji read as kana, lower case, contractions expanded, words typed without spaces split.
 */
export function readQuestion(query: string, vocabulary: Vocabulary): string {
  if (query === lastRead.query && vocabulary === lastRead.vocabulary) return lastRead.text;
  const text = readAfresh(query, vocabulary);
  lastRead.query = query;
  lastRead.vocabulary = vocabulary;
  lastRead.text = text;
  return text;
}

// The retriever reads a question to find its intent, then the search reads the same question: the
// last reading is kept (reading is pure), so each answer reads its question once, not twice.
const lastRead: { query: string | undefined; vocabulary: Vocabulary | undefined; text: string } = {
  query: undefined,
  vocabulary: undefined,
  text: '',
};

function readAfresh(query: string, vocabulary: Vocabulary): string {
  // Romaji is recognised before lower-casing: words in capitals (EV, GMP) are not romaji.
  // A web address is where something is, not what is asked: its pieces (https, com) are no evidence.
  const nfkc = foldDashes(query.normalize('NFKC')).replace(WEB_ADDRESS, ' ');
  return splitRunTogether(
    foldContractions(normalize(romajiToKana(nfkc, vocabulary.isEnglish) ?? nfkc)),
    vocabulary.isEnglish,
    (word) => ENGLISH_STOPWORDS.has(word),
  );
}

export function analyzeQuery(query: string, vocabulary: Vocabulary): AnalyzedQuery {
  let text = vocabulary.rewriteVariants(stripQuestionFrames(readQuestion(query, vocabulary)));

  const concepts: Concept[] = [];
  // A term written in Latin letters and kanji/katakana together (EV製剤, GMPグレード, iPS細胞) is
  // one concept, not an English word and a Japanese one: iPS細胞 is not 細胞.
  // Written with a space between (EV 製剤), it is one term only when the glossary knows it.
  text = text.replace(MIXED_TERM, (term) => {
    const form = term.replace(/\s+/g, '');
    if (form !== term && !vocabulary.japanese.has(form)) return term;
    concepts.push(runConcept(form, vocabulary));
    return ' ';
  });
  // An everyday word written with kana inside (上澄み, 勘違い, 損をする) bridges to its glossary entry
  // as a whole: its kanji alone (上澄, 勘違) are not the word.
  if (vocabulary.everydayInText)
    text = text.replace(vocabulary.everydayInText, (form) => {
      concepts.push(runConcept(form, vocabulary));
      return ' ';
    });
  // Kana is read into corpus words where it is typed for them (えくそそーむ, romaji): in a question
  // written with kanji, only a kana run that stands alone; one after a kanji is its ending and particles.
  const kanaRuns = /\p{Script=Han}/u.test(text)
    ? /(?<![\p{Script=Han}\p{Script=Katakana}ー\p{Script=Hiragana}\p{Script=Latin}\p{N}])[\p{Script=Hiragana}ー]{3,}/gu
    : /[\p{Script=Hiragana}ー]{3,}/gu;
  for (const match of text.matchAll(kanaRuns)) {
    concepts.push(...readingConcepts(match[0], vocabulary));
  }
  for (const match of text.matchAll(CJK_RUN)) {
    // ー alone is the long vowel of a word in hiragana (ぐれーど), read above, not a word of its own.
    if (!JAPANESE_STOP_RUNS.has(match[0]) && !/^ー+$/u.test(match[0]))
      concepts.push(runConcept(match[0], vocabulary));
  }
  concepts.push(...latinConcepts(text, query.normalize('NFKC'), vocabulary));
  // The same word asked twice, or in two forms (vesicle, vesicles), is one concept.
  const unique = new Map<string, Concept>();
  for (const concept of concepts) {
    const key = concept.alternatives
      .filter((a) => !a.typed)
      .map((a) => a.text)
      .sort()
      .join('\n');
    const id = key === '' ? concept.label : key;
    if (!unique.has(id)) unique.set(id, concept);
  }
  return { normalized: text, concepts: [...unique.values()] };
}

/**
 * Whether a sentence names a term of the statement beyond the statement and its issuer: a glossary
 * term, or a reading or spelling of one (GMP, 上清液, supernatant), not an everyday word bridging to
 * one nor a word one kanji off one (研究室 is a word of its own, not 研究者 mistyped). What tells an aside ("I'd like to cite it at our lab meeting") from a question about the
 * statement's content.
 */
export function namesStatementTerm(sentence: string, vocabulary: Vocabulary): boolean {
  return conceptsNameATerm(analyzeQuery(sentence, vocabulary).concepts, vocabulary);
}

/** Whether concepts read from a sentence name a term of the statement (see {@link namesStatementTerm}). */
export function conceptsNameATerm(concepts: readonly Concept[], vocabulary: Vocabulary): boolean {
  return concepts.some(
    (c) =>
      !c.meta &&
      c.alternatives.some(
        (a) =>
          !a.bridge &&
          a.source !== 'typo' &&
          (a.source === 'glossary' ||
            a.source === 'spelling' ||
            (a.source === 'reading' && a.weight >= 0.85) ||
            vocabulary.japanese.has(a.text)),
      ),
  );
}
