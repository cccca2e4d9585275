// Every string of the corpus's reviewed data, for the near-twin check (see near-twins.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { type DataItem, squash } from './near-twins.js';

/**
 * Files `npm run vocabulary` generates from the statement, the glossary and the reviewed questions
 * (all checked here) and `npm run vocabulary -- --check` holds to them: their entries are words
 * taken from checked data, and a word (エクソソーム療法) is not a copy of a keyword query that is the same word.
 */
const GENERATED = ['lexicon.yaml', 'synonyms.yaml'];

/** Source files that hold reviewed word lists in code: stop words, question frames, review decisions. */
const REVIEWED_CODE = [
  'src/text/stopwords.ts',
  'src/text/frames.ts',
  'src/intents.ts',
  'src/intent-words.ts',
  'scripts/vocabulary/review.ts',
];

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** A YAML value's strings; a block of lines gives each line's first word. */
function yamlStrings(data: unknown): string[] {
  return strings(data, []).flatMap((s) =>
    s.includes('\n') ? s.split('\n').map((line) => line.split(' ')[0] ?? '') : [s],
  );
}

/**
 * A data file's strings, each marked as a term or as phrasing. Terms, which may be near-twins of a
 * keyword query but never the query itself: the glossary's technical forms (culture supernatant:
 * the translations any keyword query of the statement's terms names) and the subject's names.
 * Phrasing, held away from any near-twin: the glossary's everyday forms (marked `everyday`), the
 * subject's cues, and everything else.
 */
function dataStrings(name: string, data: unknown): { text: string; term: boolean }[] {
  const phrasing = (value: unknown) => yamlStrings(value).map((text) => ({ text, term: false }));
  const terms = (value: unknown) => yamlStrings(value).map((text) => ({ text, term: true }));
  if (name === 'glossary.yaml') {
    const entries =
      (data as { terms?: { en?: string[]; variants?: string[]; everyday?: string[] }[] }).terms ?? [];
    return entries.flatMap((e) => {
      const everyday = e.everyday ?? [];
      const technical = [...(e.en ?? []), ...(e.variants ?? [])].filter((f) => !everyday.includes(f));
      return [...terms(technical), ...phrasing(everyday)];
    });
  }
  if (name === 'domain.yaml') {
    const { names, cues } = data as { names?: unknown; cues?: unknown };
    return [...terms(names), ...phrasing(cues)];
  }
  return phrasing(data);
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/** String literals and the literal pieces of regular expressions in a TypeScript file. */
function codeStrings(text: string): string[] {
  const literals = [...text.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/gu)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
  const regexPieces = [...text.matchAll(/\/((?:[^/\\\n]|\\.)+)\/[gimsuy]*/gu)].flatMap((m) =>
    (m[1] ?? '').split(/[|()[\]?*+{}^$\\]+/u),
  );
  return [...literals.flatMap((s) => s.split(/\s*\n\s*/u)), ...regexPieces];
}

/**
 * Whether an item cannot carry a copied query: a word of one or two characters, a single Latin
 * word (a dictionary translation such as exosome → エクソソーム), a single word in hiragana (the
 * reading of a keyword, ぜんぶん for 全文), or the statement's own wording.
 */
function exempt(text: string, bodies: readonly string[]): boolean {
  const squashed = squash(text);
  if ([...squashed].length < 3) return true;
  if (/^[\p{Script=Latin}\p{N}'’-]+$/u.test(text.trim())) return true;
  if (/^\p{Script=Hiragana}{3,4}$/u.test(text.trim())) return true;
  return bodies.some((body) => body.includes(squashed));
}

/**
 * The reviewed data of a corpus folder and of the reviewed code lists, as items to compare with
 * the evaluation sets: the phrasing of every YAML file (see {@link phrasing}) and of the documents'
 * reviewed questions, and the string literals of the stop words, question frames, intent words and
 * vocabulary review.
 */
export function corpusDataItems(corpusDir: string, root: string): DataItem[] {
  const items: DataItem[] = [];
  const bodies: string[] = [];
  const files = readdirSync(corpusDir).sort();
  for (const name of files.filter((n) => n.endsWith('.md'))) {
    const text = readFileSync(join(corpusDir, name), 'utf8');
    const front = FRONT_MATTER.exec(text);
    bodies.push(squash(text.slice(front?.[0].length ?? 0)));
    // Of the front matter, the reviewed questions; the rest is the document's own metadata.
    const meta = (load(front?.[1] ?? '') ?? {}) as { questions?: unknown };
    for (const s of strings(meta.questions, [])) items.push({ file: name, text: s });
  }
  for (const name of files.filter((n) => n.endsWith('.yaml') && !GENERATED.includes(n))) {
    const data = load(readFileSync(join(corpusDir, name), 'utf8'));
    for (const { text, term } of dataStrings(name, data)) items.push({ file: name, text, term });
  }
  for (const file of REVIEWED_CODE) {
    for (const s of codeStrings(readFileSync(join(root, file), 'utf8'))) items.push({ file, text: s });
  }
  return items.filter((item) => !exempt(item.text, bodies));
}
