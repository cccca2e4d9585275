import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyHash, parseDocument } from '../../../src/corpus/document.js';
import { CorpusError } from '../../../src/corpus/errors.js';
import { loadCorpus } from '../../../src/corpus/load.js';

const seed = readFileSync(
  new URL('../../fixtures/seed/jsev-statement-2023-12-25.txt', import.meta.url),
  'utf8',
);
const corpus = loadCorpus();
const statement = corpus.documents[0];

/** The seed without its repeated letterhead, with the two paragraphs split by page breaks joined. */
function seedContent(): string {
  return seed
    .replace(
      /\n\nThe Japanese Society for Extracellular Vesicles {2}\n6-7-1[\s\S]*?分子細胞治療研究部門内\n\n/g,
      '',
    )
    .replace(/[ \t]+$/gm, '');
}

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
    const content = seedContent();
    for (const passage of corpus.passages) expect(content).toContain(passage.text);
  });

  it('covers the whole published text, letterhead aside', () => {
    let rest = seedContent();
    for (const passage of corpus.passages) rest = rest.replace(passage.text, '');
    rest = rest
      .replace(statement?.meta.dateAsWritten ?? '', '')
      .replace(`## ${statement?.meta.title}`, '')
      .replace('### 要点', '')
      .replace('### 見解と提言', '')
      .replace(/^\d\. /gm, '');
    expect(rest.trim()).toBe('');
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
    expect(refs('p2')).toEqual(['Fernández-Francos S et al., *Int J Mol Sci.*, 3576, 2021.']);
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

  it('refuses a body changed since it was sealed, and gives the new seal', () => {
    const error = errorOf(valid.replace('一人歩き', '独り歩き'));
    expect(error.field).toBe('body_sha256');
    expect(error.fix).toMatch(/set body_sha256: [0-9a-f]{64}$/);
  });
});
