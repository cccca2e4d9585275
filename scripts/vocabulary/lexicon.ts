import type { Analyzer, Morpheme } from './kuromoji.js';

/** A lexicon line: a word of the corpus, one hiragana reading, and its IPADIC cost when known. */
export interface LexiconLine {
  readonly surface: string;
  readonly reading: string;
  readonly cost?: number;
}

const KANJI_OR_KATAKANA = /[\p{sc=Han}\p{sc=Katakana}]/u;
const KANJI_OR_KATAKANA_ONLY = /^[\p{sc=Han}\p{sc=Katakana}ー々]+$/u;
const JAPANESE_ONLY = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー々]+$/u;
// Parts of speech that carry content: nouns other than numbers, pronouns and dependent nouns; the
// dictionary forms of independent verbs and adjectives.
const CONTENT = /^(名詞,(一般|サ変接続|形容動詞語幹|固有名詞|副詞可能|ナイ形容詞語幹)|動詞,自立|形容詞,自立)/;
const MAX_READINGS = 4;

/** Katakana to hiragana (ー stays). */
export function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * Words worth a reading in a text: content words (dictionary form, two characters or more: a lone
 * kanji reads too many ways) and runs of nouns (compounds). Override words count as nouns.
 */
export function contentWords(
  analyzer: Analyzer,
  text: string,
  overrides: ReadonlyMap<string, readonly string[]>,
): string[] {
  const words: string[] = [];
  let run: Morpheme[] = [];
  const flush = (): void => {
    if (run.length > 1) words.push(run.map((m) => m.surface).join(''));
    run = [];
  };
  for (const morpheme of analyzeWith(analyzer, text, overrides)) {
    if (CONTENT.test(morpheme.pos) && morpheme.basicForm.length > 1) words.push(morpheme.basicForm);
    // A prefix (小 of 小胞, 高 of 高純度) belongs to the compound it stands in.
    const inCompound =
      morpheme.pos.startsWith('接頭詞,名詞接続') ||
      (morpheme.pos.startsWith('名詞') && !morpheme.pos.startsWith('名詞,数'));
    if (inCompound && KANJI_OR_KATAKANA_ONLY.test(morpheme.surface)) run.push(morpheme);
    else flush();
  }
  flush();
  return words.filter(worthReading);
}

/** Japanese script only (readings of Latin or digits are not ours to guess), with a kanji or katakana. */
export function worthReading(word: string): boolean {
  return JAPANESE_ONLY.test(word) && KANJI_OR_KATAKANA.test(word);
}

/**
 * The lexicon lines of one word: its reading as IPADIC reads its parts, and the sum of their word
 * costs. Parts IPADIC misreads or lacks (小胞, 上清) take their readings from `overrides` (every
 * combination, at most four) and leave the cost out, as for a word IPADIC does not know: such a
 * word is specific. Returns [] when some part has no reading.
 */
export function linesFor(
  analyzer: Analyzer,
  word: string,
  overrides: ReadonlyMap<string, readonly string[]>,
): LexiconLine[] {
  let readings = [''];
  let cost: number | undefined = 0;
  for (const part of analyzeWith(analyzer, word, overrides)) {
    const partReadings =
      overrides.get(part.surface) ?? (part.reading ? [part.reading] : katakanaReading(part));
    if (partReadings.length === 0) return [];
    readings = readings.flatMap((r) => partReadings.map((p) => r + toHiragana(p))).slice(0, MAX_READINGS);
    cost = cost === undefined || part.cost === undefined ? undefined : cost + part.cost;
  }
  // A part IPADIC reads as typed (々 of 隅々, a symbol) gives no hiragana reading: no line, not a wrong one.
  return readings
    .filter((reading) => /^[\p{Script=Hiragana}ー]+$/u.test(reading))
    .map((reading) => (cost === undefined ? { surface: word, reading } : { surface: word, reading, cost }));
}

/** A word IPADIC does not know reads as written when it is katakana (エクソソーム). */
function katakanaReading(morpheme: Morpheme): string[] {
  return /^[\p{sc=Katakana}ー]+$/u.test(morpheme.surface) ? [morpheme.surface] : [];
}

/**
 * IPADIC's analysis of a text cut around the override words, each of which stands as one noun
 * (its IPADIC cost kept when IPADIC knows it as one word: 日本; else none: 上清).
 */
function analyzeWith(
  analyzer: Analyzer,
  text: string,
  overrides: ReadonlyMap<string, readonly string[]>,
): Morpheme[] {
  return splitByOverrides(text, overrides).flatMap((piece): Morpheme[] => {
    if (!overrides.has(piece)) return analyzer.analyze(piece);
    const [alone] = analyzer.analyze(piece);
    const cost = alone?.surface === piece ? alone.cost : undefined;
    return [{ surface: piece, pos: '名詞,一般,*,*', basicForm: piece, reading: undefined, cost }];
  });
}

/** The word cut around the longest override words it contains (上清液 → 上清, 液). */
function splitByOverrides(word: string, overrides: ReadonlyMap<string, unknown>): string[] {
  const pieces: string[] = [];
  let plain = '';
  for (let i = 0; i < word.length; ) {
    let match = '';
    for (const key of overrides.keys()) {
      if (key.length > match.length && word.startsWith(key, i)) match = key;
    }
    if (match) {
      if (plain) pieces.push(plain);
      pieces.push(match);
      plain = '';
      i += match.length;
    } else {
      plain += word[i];
      i += 1;
    }
  }
  if (plain) pieces.push(plain);
  return pieces;
}
