import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load.js';

const corpus = loadCorpus();
// The statement as printed: its passages, and its title and headings (見解, 要点 live only there).
const text = [
  ...corpus.passages.map((p) => p.text),
  ...corpus.documents.flatMap((d) => [d.meta.title, ...d.sections.map((s) => s.heading)]),
  '見解と提言',
]
  .join('\n')
  .normalize('NFKC');

describe('the bilingual glossary', () => {
  it('maps only onto Japanese forms the statement contains', () => {
    const absent = corpus.glossary.entries
      .flatMap((e) => e.ja)
      .filter((form) => !text.includes(form.normalize('NFKC')));
    expect(absent).toEqual([]);
  });

  it('lists as variants only spellings the statement does not use', () => {
    const present = corpus.glossary.entries
      .flatMap((e) => e.variants)
      .filter((v) => text.includes(v.normalize('NFKC')));
    expect(present).toEqual([]);
  });

  it('covers the key terms named in the brief', () => {
    const english = new Set(corpus.glossary.entries.flatMap((e) => e.en));
    for (const term of [
      'supernatant',
      'conditioned medium',
      'biologic',
      'exosome',
      'allogeneic',
      'quality control',
    ]) {
      expect(english, term).toContain(term);
    }
  });
});
