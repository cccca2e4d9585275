import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addQuestions, QuestionsPatchError, questionsPatch } from '../../scripts/questions-patch.js';
import { parseDocument } from '../../src/corpus/document.js';

const FILE = 'corpus/jsev-2023-12-25.md';
const text = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');
const document = { id: 'jsev-2023-12-25', path: FILE, text };
// Written from the statement for these tests, in other words than it uses.
const additions = [
  {
    documentId: document.id,
    key: 'p3',
    question: '上澄みをそのまま打つのはEVの投与ですか',
    note: 'unanswered 2×',
  },
  {
    documentId: document.id,
    key: 'kp1',
    question: "Is there proof yet that vesicle cures work? It's unclear",
    note: 'x',
  },
  { documentId: document.id, key: 'p3', question: '精製 していない\n上澄み', note: 'unanswered 1×' },
];
const questionsOf = (source: string, key: string) =>
  parseDocument(source, FILE).passages.find((p) => p.key === key)?.questions ?? [];

const work = mkdtempSync(join(tmpdir(), 'questions-patch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the questions: patch', () => {
  it("adds each question at the end of its passage's questions, as the loader reads them", () => {
    const patched = addQuestions(text, FILE, additions);
    expect(questionsOf(patched, 'p3').slice(-2)).toEqual([
      '上澄みをそのまま打つのはEVの投与ですか',
      '精製 していない 上澄み',
    ]);
    expect(questionsOf(patched, 'kp1').at(-1)).toBe(
      "Is there proof yet that vesicle cures work? It's unclear",
    );
    expect(questionsOf(patched, 'p3').slice(0, -2)).toEqual(questionsOf(text, 'p3'));
  });

  it('writes each question on one line with its note as a YAML comment', () => {
    const patched = addQuestions(text, FILE, additions);
    expect(patched).toContain("    - '上澄みをそのまま打つのはEVの投与ですか'  # unanswered 2×\n");
    expect(patched).toContain("    - 'Is there proof yet that vesicle cures work? It''s unclear'  # x\n");
  });

  it('is a diff that git apply accepts on the corpus file, and that adds only the questions', () => {
    const patch = questionsPatch([document], additions, 'Review before applying.');
    expect(patch.startsWith('Review before applying.\n\n--- a/corpus/jsev-2023-12-25.md\n')).toBe(true);
    expect(patch.split('\n').filter((line) => /^[-+](?![-+]{2} )/.test(line))).toHaveLength(3);
    mkdirSync(join(work, 'corpus'), { recursive: true });
    writeFileSync(join(work, FILE), text);
    writeFileSync(join(work, 'suggested.patch'), patch);
    execFileSync('git', ['apply', 'suggested.patch'], { cwd: work });
    expect(readFileSync(join(work, FILE), 'utf8')).toBe(addQuestions(text, FILE, additions));
  });

  it('is empty when there is nothing to add', () => {
    expect(questionsPatch([document], [], 'Review before applying.')).toBe('');
  });

  it('refuses a document whose front matter has no questions: block, naming the file', () => {
    const bare = text.replace(/^questions:$/m, 'asked:');
    expect(() => addQuestions(bare, FILE, additions)).toThrow(QuestionsPatchError);
    expect(() => addQuestions(bare, FILE, additions)).toThrow(FILE);
  });
});
