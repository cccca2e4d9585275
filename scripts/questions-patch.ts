// A patch of `questions:` additions to the corpus's documents, for a reviewer to read and apply with
// `git apply` (never applied here): each added line is a YAML list item with a comment that says why
// it was suggested. Every patched document is parsed again before the patch is written, so a patch
// that would break the front matter is a fault here, never one found after applying it.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { parseDocument } from '../src/corpus/document.js';

/** One question to add to one passage's `questions:`, with the note that tells the reviewer why. */
export interface QuestionAddition {
  readonly documentId: string;
  /** The passage key, as `questions:` is keyed (`p2`, `kp1`, `sig`). */
  readonly key: string;
  readonly question: string;
  /** One line, written after the question as a YAML comment. */
  readonly note: string;
}

/** A corpus document as read: its id, the path the patch names it by, and its text. */
export interface DocumentFile {
  readonly id: string;
  /** Relative to where `git apply` will run, with `/` between folders (e.g. `corpus/jsev-2023-12-25.md`). */
  readonly path: string;
  readonly text: string;
}

/** A patch that could not be made: the document's front matter is not laid out as expected. */
export class QuestionsPatchError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'QuestionsPatchError';
  }
}

/** A question as it is added: one line, control characters and line breaks as spaces. */
export const oneLine = (question: string): string => question.replace(/[\p{Cc}\s]+/gu, ' ').trim();

/** A question as one YAML single-quoted scalar. */
const yamlQuestion = (question: string): string => `'${oneLine(question).replaceAll("'", "''")}'`;

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** The lines of the front matter's `questions:` block: [first line after `questions:`, end). */
function questionsBlock(lines: readonly string[], file: string): { start: number; end: number } {
  const close = lines.indexOf('---', 1);
  const open = lines.findIndex((line, i) => i < close && /^questions:\s*$/.test(line));
  if (lines[0] !== '---' || close < 0 || open < 0)
    throw new QuestionsPatchError(`${file}: no "questions:" block in the front matter`);
  let end = open + 1;
  // The block runs until the next line at the left margin (another key, or the closing ---).
  while (end < close && !/^\S/.test(lines[end] as string)) end++;
  return { start: open + 1, end };
}

/** The line after which a passage's new questions go, and the prefix of its items (`    - `). */
function insertionPoint(lines: readonly string[], key: string, block: { start: number; end: number }) {
  const keyLine = lines.findIndex((line, i) => i >= block.start && i < block.end && line === `  ${key}:`);
  if (keyLine < 0) return undefined;
  let last = keyLine;
  for (let i = keyLine + 1; i < block.end; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    if (indentOf(line) <= 2) break;
    last = i;
  }
  const item = /^(\s+-\s+)/.exec(lines[last] as string)?.[1] ?? '    - ';
  return { after: last, item };
}

/** The document's text with the additions at the end of each passage's `questions:` list. */
export function addQuestions(text: string, file: string, additions: readonly QuestionAddition[]): string {
  const lines = text.split('\n');
  const block = questionsBlock(lines, file);
  // From the last line up, so that earlier insertion points stay where they are.
  const keys = [...new Set(additions.map((a) => a.key))];
  const points = keys.map((key) => {
    // The loader refuses a passage without questions, so every passage has its key here.
    const point = insertionPoint(lines, key, block);
    if (point === undefined) throw new QuestionsPatchError(`${file}: no "${key}:" under "questions:"`);
    const added = additions
      .filter((a) => a.key === key)
      .map((a) => `${point.item}${yamlQuestion(a.question)}  # ${a.note}`);
    return { after: point.after, added };
  });
  for (const { after, added } of points.sort((a, b) => b.after - a.after))
    lines.splice(after + 1, 0, ...added);
  return lines.join('\n');
}

/** Parses the patched document: every addition must be among its passage's questions afterwards. */
function checkPatched(text: string, file: string, additions: readonly QuestionAddition[]): void {
  let passages: ReturnType<typeof parseDocument>['passages'];
  try {
    passages = parseDocument(text, file).passages;
  } catch (cause) {
    throw new QuestionsPatchError(`${file}: the patched front matter does not load`, { cause });
  }
  for (const a of additions) {
    const passage = passages.find((p) => p.key === a.key);
    if (!passage?.questions.includes(oneLine(a.question)))
      throw new QuestionsPatchError(`${file}: the patched questions of ${a.key} do not hold "${a.question}"`);
  }
}

/**
 * A unified diff (`git apply` reads it) adding the questions to each document's front matter, or ''
 * when there is nothing to add. `header` comes first: text before a diff's first file is ignored.
 */
export function questionsPatch(
  documents: readonly DocumentFile[],
  additions: readonly QuestionAddition[],
  header: string,
): string {
  const diffs = documents.flatMap((doc) => {
    const mine = additions.filter((a) => a.documentId === doc.id);
    if (mine.length === 0) return [];
    const patched = addQuestions(doc.text, doc.path, mine);
    checkPatched(patched, doc.path, mine);
    const options = { headerOptions: FILE_HEADERS_ONLY, context: 3 };
    return [
      createTwoFilesPatch(`a/${doc.path}`, `b/${doc.path}`, doc.text, patched, undefined, undefined, options),
    ];
  });
  return diffs.length === 0 ? '' : `${header}\n\n${diffs.join('')}`;
}
