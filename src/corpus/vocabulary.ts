import { z } from 'zod';
import { parseDataFile } from './data-file.js';
import { CorpusError } from './errors.js';

/** A word of the corpus with its reading in hiragana and, when known, its cost in ordinary Japanese. */
export interface LexiconEntry {
  readonly surface: string;
  /** Hiragana, so that a question typed in kana reaches the word written in kanji. */
  readonly reading: string;
  /**
   * IPADIC word cost: how unlikely the word is in ordinary Japanese (higher = rarer, more specific);
   * for a compound, the sum of its parts' costs. Absent when IPADIC does not know the word.
   */
  readonly cost?: number;
}

// One word a line: `surface reading [cost]` (a block of text parses in a fraction of the time of
// hundreds of YAML lists: startup reads it before the first answer).
const LEXICON_LINE = /^(?<surface>\S+) (?<reading>[\u3041-\u3096\u30fc]+)(?: (?<cost>-?\d+))?$/u;

// Both files are written by `npm run vocabulary`: the usual fix is to run it again.
const GENERATED = { also: 'or regenerate it: see its header' };

const synonymsSchema = z.object({
  groups: z.array(
    z
      .array(z.string().trim().min(1, 'write each word as a non-empty string'))
      .min(2, 'a group needs at least two words that mean the same'),
    'list the groups under "groups:" (it may be "groups: []")',
  ),
});

const lexiconSchema = z.object({
  words: z.string('give the words under "words: |", one a line: surface, reading in hiragana, cost'),
});

/** Parses `corpus/synonyms.yaml`: groups of words that mean the same, reviewed. */
export function parseSynonyms(source: string, file: string): readonly (readonly string[])[] {
  return parseDataFile({ name: file, text: source }, synonymsSchema, GENERATED).groups;
}

/** Parses `corpus/lexicon.yaml`: the corpus's words with their readings and costs. */
export function parseLexicon(source: string, file: string): readonly LexiconEntry[] {
  const lines = parseDataFile({ name: file, text: source }, lexiconSchema, GENERATED).words.split('\n');
  const entries: LexiconEntry[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const groups = LEXICON_LINE.exec(line)?.groups;
    if (!groups?.surface || !groups.reading) {
      throw new CorpusError(
        file,
        `words line ${index + 1} "${line}"`,
        'is invalid',
        'write "surface reading cost": the reading in hiragana, the cost a whole number or left out (or regenerate it: see its header)',
      );
    }
    const { surface, reading, cost } = groups;
    entries.push(cost === undefined ? { surface, reading } : { surface, reading, cost: Number(cost) });
  }
  return entries;
}
