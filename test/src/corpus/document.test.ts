import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publishedText } from '../../../scripts/published-text.js';
import { bodyHash, parseDocument } from '../../../src/corpus/document.js';
import { CorpusError } from '../../../src/corpus/errors.js';
import { loadCorpus } from '../../../src/corpus/load.js';

const corpus = loadCorpus();
const statement = corpus.documents[0];
/** Inline Markdown a passage must not carry: emphasis marks, an autolink, a `[text](url)` link. */
const MARKUP = /[*_]|<https?:|\[[^\]]*\]\([^)]*\)/;

describe('the bundled statement', () => {
  it('has 11 passages: two key points, eight paragraphs and the signature', () => {
    expect(corpus.passages.map((p) => p.key)).toEqual([
      'kp1',
      'kp2',
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
      'p6',
      'p7',
      'p8',
      'sig',
    ]);
  });

  it('quotes every passage as a verbatim piece of the published text', () => {
    const content = publishedText();
    for (const passage of corpus.passages) expect(content).toContain(passage.text);
  });

  it('covers the whole published text, letterhead aside', () => {
    let rest = publishedText();
    for (const passage of corpus.passages) rest = rest.replace(passage.text, '');
    rest = rest
      .replace(statement?.meta.dateAsWritten ?? '', '')
      .replace(`## ${statement?.meta.title}`, '')
      .replace('### 要点', '')
      .replace('### 見解と提言', '')
      .replace(/^\d\. /gm, '');
    expect(rest.trim()).toBe('');
  });

  it('holds no markup in any passage or reference', () => {
    for (const passage of corpus.passages) {
      expect(passage.text, passage.key).not.toMatch(MARKUP);
      for (const reference of passage.references) expect(reference, passage.key).not.toMatch(MARKUP);
    }
  });

  it('keeps the italic journal name as a span beside the text', () => {
    const p2 = corpus.passages.find((p) => p.key === 'p2');
    expect(p2?.styles.map((s) => [p2.text.slice(s.start, s.end), s.style])).toEqual([
      ['Int J Mol Sci.', 'italic'],
    ]);
  });

  it('keeps the printed address as a link span that points at itself', () => {
    const p1 = corpus.passages.find((p) => p.key === 'p1');
    const [link] = p1?.styles ?? [];
    expect(link).toMatchObject({ style: 'link', url: 'https://www.pmda.go.jp/files/000249829.pdf' });
    expect(p1?.text.slice(link?.start, link?.end)).toBe(link?.url);
  });

  it('gives a reference the styles it has in its paragraph', () => {
    const p2 = corpus.passages.find((p) => p.key === 'p2');
    const [reference = ''] = p2?.references ?? [];
    expect(p2?.referenceStyles[0]?.map((s) => [reference.slice(s.start, s.end), s.style])).toEqual([
      ['Int J Mol Sci.', 'italic'],
    ]);
  });

  it('gives every passage questions it answers, in Japanese and in English', () => {
    for (const passage of corpus.passages) {
      expect(
        passage.questions.some((q) => /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(q)),
        passage.key,
      ).toBe(true);
      expect(
        passage.questions.some((q) => /^[\p{sc=Latin}\p{N}\p{P}\p{Zs}\p{S}]+$/u.test(q)),
        passage.key,
      ).toBe(true);
    }
  });

  it('never copies a question of the labelled evaluation sets (they measure what generalises)', () => {
    const fold = (q: string) =>
      q
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\s\p{P}]/gu, '');
    const labelled = new Set(
      ['dev.jsonl', 'dev-natural.jsonl'].flatMap((name) =>
        readFileSync(new URL(`../../fixtures/eval/${name}`, import.meta.url), 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => fold((JSON.parse(line) as { q: string }).q)),
      ),
    );
    const copies = corpus.passages.flatMap((p) => p.questions).filter((q) => labelled.has(fold(q)));
    expect(copies).toEqual([]);
  });

  it('never gives a passage a question that merely copies a sentence of its text', () => {
    for (const passage of corpus.passages) {
      for (const question of passage.questions) expect(passage.text).not.toContain(question);
    }
  });

  it('repairs the paragraphs the page breaks split', () => {
    const texts = corpus.passages.map((p) => p.text).join('\n');
    expect(texts).toContain('可能な限りEV のみを精製');
    expect(texts).toContain('必要だと考えています。');
  });

  it('keeps the published typos', () => {
    const texts = corpus.passages.map((p) => p.text).join('\n');
    expect(texts).toContain('被ることことも');
    expect(texts).toContain('出てきてもの');
  });

  it('gives each passage its section heading as written and its paragraph number', () => {
    const p2 = corpus.passages.find((p) => p.key === 'p2');
    expect(p2).toMatchObject({ id: 'jsev-2023-12-25/p2', paragraph: 2, kind: 'paragraph' });
    expect(p2?.section.heading).toBe('見解と提言');
    expect(corpus.passages.find((p) => p.key === 'kp2')?.section.heading).toBe('要点');
  });

  it('lists the references a paragraph itself cites, as written', () => {
    const refs = (key: string) => corpus.passages.find((p) => p.key === key)?.references;
    expect(refs('p2')).toEqual(['Fernández-Francos S et al., Int J Mol Sci., 3576, 2021.']);
    expect(refs('p1')).toEqual(['https://www.pmda.go.jp/files/000249829.pdf']);
    expect(refs('p5')).toHaveLength(5);
    expect(refs('p4')).toEqual([]);
  });

  it('splits the signature into its printed lines', () => {
    expect(corpus.passages.at(-1)?.text).toBe('日本細胞外小胞学会\n理事長 落谷孝広\n理事一同');
  });
});

describe('a malformed document', () => {
  const valid = readFileSync(new URL('../../../corpus/jsev-2023-12-25.md', import.meta.url), 'utf8');
  const errorOf = (source: string): CorpusError => {
    try {
      parseDocument(source, 'broken.md');
    } catch (error) {
      return error as CorpusError;
    }
    throw new Error('parsed without error');
  };

  it('names the file and the missing field', () => {
    const error = errorOf(valid.replace(/^title: .*\n/m, ''));
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toMatch(/^broken\.md: title: is missing\. Fix: add "title:"/);
  });

  it('explains how to write a bad date', () => {
    expect(errorOf(valid.replace('date: 2023-12-25', 'date: 25/12/2023')).message).toContain(
      'date: is invalid. Fix: write the publication date as YYYY-MM-DD',
    );
  });

  it('refuses a passage without questions, naming it and the fix', () => {
    const error = errorOf(valid.replace(/^ {2}sig:\n(?: {4}- .*\n)+/m, ''));
    expect(error.field).toBe('questions.sig');
    expect(error.fix).toContain('under "questions:"');
  });

  it('refuses questions keyed to a passage that does not exist', () => {
    const error = errorOf(valid.replace(/^ {2}sig:\n/m, '  sig:\n    - 署名は？\n  p9:\n'));
    expect(error.field).toBe('questions.p9');
    expect(error.fix).toMatch(/^use one of kp1, kp2, p1/);
  });

  it('refuses an about_the_issuer that names no passage', () => {
    const error = errorOf(valid.replace('about_the_issuer: p8', 'about_the_issuer: p9'));
    expect(error.field).toBe('about_the_issuer');
    expect(error.fix).toMatch(/^use one of kp1, kp2, p1/);
  });

  it('refuses an occasion that names no passage', () => {
    const error = errorOf(valid.replace('occasion: p2', 'occasion: p9'));
    expect(error.field).toBe('occasion');
    expect(error.fix).toMatch(/^use one of kp1, kp2, p1/);
  });

  it('refuses a document without a questions map', () => {
    const error = errorOf(valid.replace(/^questions:\n(?: {2}.*\n)+/m, ''));
    expect(error.message).toMatch(/questions: is missing\. Fix: add "questions:"/);
  });

  it('refuses a reference that its paragraph does not contain', () => {
    expect(errorOf(valid.replace('    - 報告書9頁', '    - 報告書10頁')).message).toContain('references.p3');
  });

  /** The document with its body edited and its review seal updated to match. */
  const resealed = (edit: (body: string) => string): string => {
    const [, front = '', body = ''] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(valid) ?? [];
    const edited = edit(body);
    return front.replace(/body_sha256: [0-9a-f]+/, `body_sha256: ${bodyHash(edited)}`) + edited;
  };

  it('refuses a section heading without an id', () => {
    const source = resealed((body) => body.replace('## 要点 {#kp en="Key points"}', '## 要点'));
    expect(errorOf(source).field).toContain('要点');
  });

  it('refuses a superseded document that does not name the one replacing it', () => {
    const error = errorOf(valid.replace('language: ja\n', 'language: ja\nstatus: superseded\n'));
    expect(error.message).toMatch(/^broken\.md: superseded_by: is missing/);
    expect(error.fix).toContain('superseded_by: <id of the document that replaces it>');
  });

  it('refuses a current document that names a successor, saying which field to change', () => {
    const error = errorOf(valid.replace('language: ja\n', 'language: ja\nsuperseded_by: jsev-2024-06-01\n'));
    expect(error.field).toBe('status');
    expect(error.fix).toContain('status: superseded');
  });

  it('refuses a status other than current or superseded', () => {
    expect(errorOf(valid.replace('language: ja\n', 'language: ja\nstatus: draft\n')).message).toContain(
      'status: is invalid. Fix: set status to current or superseded',
    );
  });

  it('takes a document without a status to be current', () => {
    expect(statement?.meta.status).toBe('current');
    expect(statement?.meta).not.toHaveProperty('supersededBy');
  });

  it('refuses a body changed since it was sealed, and gives the new seal', () => {
    const error = errorOf(valid.replace('一人歩き', '独り歩き'));
    expect(error.field).toBe('body_sha256');
    expect(error.fix).toMatch(/set body_sha256: [0-9a-f]{64}$/);
  });
});
