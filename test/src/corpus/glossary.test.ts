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

  it('gives each Japanese form and each English phrase to one entry only', () => {
    const count = (forms: string[]) => {
      const seen = new Map<string, number>();
      for (const form of forms) seen.set(form, (seen.get(form) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([form]) => form);
    };
    expect(count(corpus.glossary.entries.flatMap((e) => [...e.ja, ...e.variants]))).toEqual([]);
    expect(count(corpus.glossary.entries.flatMap((e) => e.en))).toEqual([]);
  });

  it('never rewrites a single character: a variant replaces text wherever it occurs', () => {
    const short = corpus.glossary.entries.flatMap((e) => e.variants).filter((v) => [...v].length < 2);
    expect(short).toEqual([]);
  });

  it("maps the everyday words members use onto the statement's own", () => {
    const entryOf = (variant: string) =>
      corpus.glossary.entries.find((e) => e.variants.includes(variant))?.ja;
    expect(entryOf('承認')).toContain('審査');
    expect(entryOf('拒絶反応')).toContain('免疫');
    expect(entryOf('経緯')).toContain('設立');
    expect(entryOf('培養液')).toContain('培養上清');
    for (const word of ['注射', '点滴', '施術']) expect(entryOf(word)).toContain('医療行為');
    expect(corpus.glossary.entries.find((e) => e.ja.includes('効果'))?.ja).toContain('有効性');
  });

  it('covers the key terms named in the brief', () => {
    const english = new Set(corpus.glossary.entries.flatMap((e) => e.en));
    for (const term of [
      'supernatant',
      'conditioned medium',
      'biologic',
      'exosome',
      'allogeneic',
      'quality management',
      'effectiveness',
      'approval',
      'rejection',
      'founded',
      'misled',
      'purified',
    ]) {
      expect(english, term).toContain(term);
    }
  });
});
