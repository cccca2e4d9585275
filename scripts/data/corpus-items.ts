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

/** A YAML file's strings; the lexicon's one block of "surface reading cost" lines gives its surfaces. */
function yamlStrings(text: string): string[] {
  return strings(load(text), []).flatMap((s) =>
    s.includes('\n') ? s.split('\n').map((line) => line.split(' ')[0] ?? '') : [s],
  );
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
 * word (a dictionary translation such as exosome → エクソソーム), or the statement's own wording.
 */
function exempt(text: string, bodies: readonly string[]): boolean {
  const squashed = squash(text);
  if ([...squashed].length < 3) return true;
  if (/^[\p{Script=Latin}\p{N}'’-]+$/u.test(text.trim())) return true;
  return bodies.some((body) => body.includes(squashed));
}

/**
 * The reviewed data of a corpus folder and of the reviewed code lists, as items to compare with
 * the evaluation sets: every string of every YAML file and document front matter, and the string
 * literals of the stop words, question frames and vocabulary review.
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
    for (const s of yamlStrings(readFileSync(join(corpusDir, name), 'utf8')))
      items.push({ file: name, text: s });
  }
  for (const file of REVIEWED_CODE) {
    for (const s of codeStrings(readFileSync(join(root, file), 'utf8'))) items.push({ file, text: s });
  }
  return items.filter((item) => !exempt(item.text, bodies));
}
