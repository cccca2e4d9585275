import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyHash } from '../../../src/corpus/document.js';
import { CorpusError } from '../../../src/corpus/errors.js';
import { defaultCorpusDir, loadCorpus } from '../../../src/corpus/load.js';

const dirs: string[] = [];
function corpusCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jsev-corpus-'));
  dirs.push(dir);
  cpSync(defaultCorpusDir(), dir, { recursive: true });
  return dir;
}
/** The corpus folder with two versions of the statement (test/fixtures/corpus-versions). */
const VERSIONS_DIR = fileURLToPath(new URL('../../fixtures/corpus-versions', import.meta.url));

/** A small valid document with `extra` front matter lines (status, superseded_by). */
function versionOf(id: string, extra: string): string {
  const body = '\n## 本文 {#p en="Body"}\n\n第一段落です。\n';
  return `---\nid: ${id}\ntitle: 旧版\ntitle_en: Old\nissuer: { ja: 学会, en: Society }\ndate: 2023-01-01\ndate_as_written: 令和5年1月1日\nurl: https://example.org/${id}.pdf\nlanguage: ja\n${extra}\nbody_sha256: ${bodyHash(body)}\nquestions: { p: [第一は？] }\n---\n${body}`;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadCorpus', () => {
  it('loads every document in the folder', () => {
    const dir = corpusCopy();
    const body = '\n## 本文 {#p en="Body"}\n\n第一段落です。\n\n第二段落です。\n';
    writeFileSync(
      join(dir, 'second.md'),
      `---\nid: second-doc\ntitle: 第二の文書\ntitle_en: Second\nissuer: { ja: 学会, en: Society }\ndate: 2024-01-01\ndate_as_written: 令和6年1月1日\nurl: https://example.org/second.pdf\nlanguage: ja\nbody_sha256: ${bodyHash(body)}\nquestions: { p1: [第一は？], p2: [第二は？] }\n---\n${body}`,
    );
    const corpus = loadCorpus(dir);
    expect(corpus.documents.map((d) => d.meta.id)).toEqual(['jsev-2023-12-25', 'second-doc']);
    expect(corpus.passages.filter((p) => p.documentId === 'second-doc').map((p) => p.id)).toEqual([
      'second-doc/p1',
      'second-doc/p2',
    ]);
  });

  it('loads two versions of a document with their status and successor', () => {
    const corpus = loadCorpus(VERSIONS_DIR);
    expect(corpus.documents.map(({ meta }) => [meta.id, meta.status, meta.supersededBy])).toEqual([
      ['jsev-2023-12-01', 'superseded', 'jsev-2023-12-25'],
      ['jsev-2023-12-25', 'current', undefined],
    ]);
  });

  it('stops when superseded_by names no document of the corpus, listing the ids', () => {
    const dir = corpusCopy();
    writeFileSync(
      join(dir, 'old.md'),
      versionOf('old-doc', 'status: superseded\nsuperseded_by: jsev-2099-01-01'),
    );
    expect(() => loadCorpus(dir)).toThrow(
      /^old\.md: superseded_by: "jsev-2099-01-01" names no document of the corpus\. Fix: give the id of the document that replaces it: one of jsev-2023-12-25, old-doc$/,
    );
  });

  it('stops when documents supersede each other in a cycle, naming it', () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'a.md'), versionOf('doc-a', 'status: superseded\nsuperseded_by: doc-b'));
    writeFileSync(join(dir, 'b.md'), versionOf('doc-b', 'status: superseded\nsuperseded_by: doc-a'));
    expect(() => loadCorpus(dir)).toThrow(/^b\.md: superseded_by: forms a cycle \(doc-a → doc-b → doc-a\)/);
  });

  it('stops when a document names itself as its successor', () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'self.md'), versionOf('doc-self', 'status: superseded\nsuperseded_by: doc-self'));
    expect(() => loadCorpus(dir)).toThrow(/^self\.md: superseded_by: forms a cycle \(doc-self → doc-self\)/);
  });

  it('stops with the file name when a document is malformed', () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'bad.md'), '---\nid: bad\n---\n\ntext\n');
    expect(() => loadCorpus(dir)).toThrow(/^bad\.md: title: is missing/);
  });

  it('stops when the glossary is missing', () => {
    const dir = corpusCopy();
    rmSync(join(dir, 'glossary.yaml'));
    expect(() => loadCorpus(dir)).toThrow(CorpusError);
  });

  it('loads the reviewed synonym groups and the lexicon', () => {
    const corpus = loadCorpus();
    expect(corpus.synonyms.length).toBeGreaterThan(0);
    expect(corpus.lexicon.length).toBeGreaterThan(0);
  });

  it('loads a folder without synonyms or lexicon, with none', () => {
    const dir = corpusCopy();
    rmSync(join(dir, 'synonyms.yaml'));
    rmSync(join(dir, 'lexicon.yaml'));
    expect(loadCorpus(dir)).toMatchObject({ synonyms: [], lexicon: [] });
  });

  it('stops with the file and entry when a lexicon reading is not hiragana', () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'lexicon.yaml'), 'words: |\n  学会 がっかい 399\n  理事長 リジチョウ 3000\n');
    expect(() => loadCorpus(dir)).toThrow(
      /^lexicon\.yaml: words line 2 "理事長 リジチョウ 3000": is invalid\. Fix: write "surface reading cost": the reading in hiragana/,
    );
  });

  it('stops with the file and group when a synonym group has one word', () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'synonyms.yaml'), 'groups:\n  - [審査]\n');
    expect(() => loadCorpus(dir)).toThrow(/^synonyms\.yaml: groups\.0: is invalid/);
  });

  it('changes its content hash when a text changes', () => {
    const dir = corpusCopy();
    const before = loadCorpus(dir).hash;
    writeFileSync(join(dir, 'glossary.yaml'), 'terms: []\n');
    expect(loadCorpus(dir).hash).not.toBe(before);
  });
});
