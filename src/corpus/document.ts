import { createHash } from 'node:crypto';
import { type ZodError, z } from 'zod';
import { CorpusError } from './errors.js';
import { type FrontMatter, frontMatterSchema } from './front-matter.js';
import { parseInline, stylesWithin } from './inline.js';
import type { CorpusDocument, DocumentMeta, Passage, PassageKind, Section, TextStyle } from './types.js';
import { parseYaml, splitFrontMatter } from './yaml.js';

// `## 見解と提言 {#p en="Views and recommendations"}`; `.editorial` marks a heading that is ours, not printed.
const HEADING = /^##\s+(?<heading>.+?)\s*\{(?<attrs>[^}]*)\}\s*$/;
const LIST_ITEM = /^(?<n>\d+)\.\s+/;

/**
 * Parses one corpus document (Markdown with YAML front matter) into its sections and passages.
 * Throws {@link CorpusError} naming the file, the field and the fix when the file is malformed.
 */
export function parseDocument(source: string, file: string): CorpusDocument {
  if (/^---\r?\n/.test(source) && !/\r?\n---\r?\n/.test(source.slice(3))) {
    throw new CorpusError(
      file,
      'front matter',
      'is not closed (is the file cut short?)',
      'end it with a --- line',
    );
  }
  const { yaml, body } = splitFrontMatter(source);
  let data: unknown;
  try {
    data = yaml === undefined ? undefined : parseYaml(yaml);
  } catch (cause) {
    throw new CorpusError(
      file,
      'front matter',
      'is not valid YAML',
      'check the block between the --- lines',
      {
        cause,
      },
    );
  }
  const front = parseFrontMatter(data, file, body);
  if (front.body_sha256 !== bodyHash(body)) {
    throw new CorpusError(
      file,
      'body_sha256',
      'does not match the body: the text changed since it was reviewed, or the file is cut short',
      `restore the reviewed text; if the change is intended and reviewed, set body_sha256: ${bodyHash(body)}`,
    );
  }
  const meta: DocumentMeta = {
    id: front.id,
    title: front.title,
    titleEn: front.title_en,
    issuer: front.issuer,
    date: front.date,
    dateAsWritten: front.date_as_written,
    url: front.url,
    language: front.language,
    file,
    ...standing(front, file),
    ...(front.about_the_issuer === undefined
      ? {}
      : { aboutTheIssuer: `${front.id}/${front.about_the_issuer}` }),
    ...(front.occasion === undefined ? {} : { occasion: `${front.id}/${front.occasion}` }),
  };
  const blocks = parseBlocks(body, file);
  const passages = toPassages(blocks, front, file);
  const sections = [...new Map(passages.map((p) => [p.section.id, p.section])).values()];
  return { meta, sections, passages };
}

/**
 * The document's status and successor, checked against each other: a superseded document names the
 * one that replaces it, and a current one names none. (Whether that id exists is the corpus's check.)
 */
function standing(front: FrontMatter, file: string): Pick<DocumentMeta, 'status' | 'supersededBy'> {
  const successor = front.superseded_by;
  if (front.status === 'superseded' && successor === undefined) {
    throw new CorpusError(
      file,
      'superseded_by',
      'is missing: a superseded document names the document that replaces it',
      'add "superseded_by: <id of the document that replaces it>" to the front matter',
    );
  }
  if (front.status === 'current' && successor !== undefined) {
    throw new CorpusError(
      file,
      'status',
      `is current, but superseded_by names "${successor}"`,
      'set "status: superseded" if that document replaces this one, or remove superseded_by',
    );
  }
  return successor === undefined
    ? { status: front.status }
    : { status: front.status, supersededBy: successor };
}

/** SHA-256 of a document body, line endings and trailing white space at its end ignored. */
export function bodyHash(body: string): string {
  return createHash('sha256').update(body.replace(/\r\n?/g, '\n').trimEnd()).digest('hex');
}

function parseFrontMatter(data: unknown, file: string, body: string): FrontMatter {
  if (data === undefined || data === null) {
    throw new CorpusError(
      file,
      'front matter',
      'is missing',
      'start the file with a --- block (see docs/corpus.md)',
    );
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) throw fromZodError(parsed.error, file, body);
  return parsed.data;
}

function fromZodError(error: ZodError, file: string, body: string): CorpusError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'front matter';
  const missing = issue?.code === 'invalid_type' && issue.input === undefined;
  // The seal's right value is the body's hash: say it, for the reviewer to paste once satisfied.
  const value = field === 'body_sha256' ? ` ${bodyHash(body)}` : '';
  return new CorpusError(
    file,
    field,
    missing ? 'is missing' : 'is invalid',
    missing
      ? `add "${field}:${value}" to the front matter (see docs/corpus.md)`
      : `${issue?.message ?? 'see docs/corpus.md'}${value ? ` (this body's is${value})` : ''}`,
    { cause: z.prettifyError(error) },
  );
}

interface Block {
  readonly section: Section;
  readonly kind: PassageKind;
  readonly text: string;
}

function parseBlocks(body: string, file: string): Block[] {
  const blocks: Block[] = [];
  let section: Section | undefined;
  // Blocks are separated by blank lines; trailing spaces are Markdown hard breaks, not text.
  const chunks = body
    .split(/\n[ \t]*\n/)
    .map((chunk) =>
      chunk
        .split('\n')
        .map((line) => line.replace(/[ \t]+$/, ''))
        .join('\n')
        .trim(),
    )
    .filter((chunk) => chunk.length > 0);
  for (const chunk of chunks) {
    const heading = HEADING.exec(chunk);
    if (heading?.groups) {
      section = parseHeading(heading.groups.heading ?? '', heading.groups.attrs ?? '', file);
      continue;
    }
    if (chunk.startsWith('#')) {
      throw new CorpusError(
        file,
        `heading "${chunk.split('\n')[0]}"`,
        'has no id',
        'write section headings as "## 見出し {#id}" with a short id such as {#p}',
      );
    }
    if (!section) {
      throw new CorpusError(
        file,
        'body',
        'has text before the first section heading',
        'add "## 見出し {#id}" above it',
      );
    }
    if (section.editorial) {
      blocks.push({ section, kind: 'signature', text: chunk });
    } else if (LIST_ITEM.test(chunk)) {
      for (const item of splitListItems(chunk)) blocks.push({ section, kind: 'key-point', text: item });
    } else {
      blocks.push({ section, kind: 'paragraph', text: chunk });
    }
  }
  return blocks;
}

function parseHeading(heading: string, attrs: string, file: string): Section {
  const id = /#([a-z]+)/.exec(attrs)?.[1];
  if (!id) {
    throw new CorpusError(file, `heading "${heading}"`, 'has no id', 'add a short id in braces, e.g. {#p}');
  }
  const en = /en="([^"]*)"/.exec(attrs)?.[1];
  return { id, heading, headingEn: en ?? heading, editorial: /(^|\s)\.editorial(\s|$)/.test(attrs) };
}

/** A numbered list: each item is a passage; its number is implied by its position. */
function splitListItems(chunk: string): string[] {
  const items: string[] = [];
  for (const line of chunk.split('\n')) {
    if (LIST_ITEM.test(line)) items.push(line.replace(LIST_ITEM, ''));
    else if (items.length > 0) items[items.length - 1] += `\n${line}`;
  }
  return items;
}

function toPassages(blocks: Block[], front: FrontMatter, file: string): Passage[] {
  const perSection = new Map<string, number>();
  for (const block of blocks) perSection.set(block.section.id, (perSection.get(block.section.id) ?? 0) + 1);
  const seen = new Map<string, number>();
  const passages = blocks.map((block): Passage => {
    const paragraph = (seen.get(block.section.id) ?? 0) + 1;
    seen.set(block.section.id, paragraph);
    const key = perSection.get(block.section.id) === 1 ? block.section.id : `${block.section.id}${paragraph}`;
    const { text, styles } = parseInline(block.text);
    const references = front.references[key] ?? [];
    return {
      id: `${front.id}/${key}`,
      key,
      documentId: front.id,
      kind: block.kind,
      section: block.section,
      paragraph,
      text,
      styles,
      references,
      referenceStyles: references.map((reference) => referenceStyles(reference, text, styles, key, file)),
      questions: front.questions[key] ?? [],
    };
  });
  if (passages.length === 0) {
    throw new CorpusError(
      file,
      'body',
      'has no passages',
      'add sections with paragraphs below the front matter',
    );
  }
  checkKeys(passages, front, file);
  return passages;
}

/** The styles of a reference where it is written in its passage; refuses one the passage does not contain. */
function referenceStyles(
  reference: string,
  text: string,
  styles: readonly TextStyle[],
  key: string,
  file: string,
): TextStyle[] {
  const at = text.indexOf(reference);
  if (at < 0) {
    throw new CorpusError(
      file,
      `references.${key}`,
      `"${reference}" is not written in passage ${key}`,
      'copy the reference exactly as it appears in that paragraph, as plain text (no * or <>)',
    );
  }
  return stylesWithin(styles, at, at + reference.length);
}

/** Every references/questions key names a passage, and every passage has its questions. */
function checkKeys(passages: readonly Passage[], front: FrontMatter, file: string): void {
  const keys = passages.map((p) => p.key);
  for (const field of ['about_the_issuer', 'occasion'] as const) {
    const key = front[field];
    if (key !== undefined && !keys.includes(key))
      throw new CorpusError(file, field, 'names no passage', `use one of ${keys.join(', ')}`);
  }
  for (const [field, map] of [
    ['references', front.references],
    ['questions', front.questions],
  ] as const) {
    for (const key of Object.keys(map)) {
      if (!keys.includes(key)) {
        throw new CorpusError(file, `${field}.${key}`, 'names no passage', `use one of ${keys.join(', ')}`);
      }
    }
  }
  const unasked = passages.find((p) => p.questions.length === 0);
  if (unasked) {
    throw new CorpusError(
      file,
      `questions.${unasked.key}`,
      'is missing: every passage needs the questions it answers',
      `add "${unasked.key}:" under "questions:" with the questions members ask that this passage answers`,
    );
  }
}
