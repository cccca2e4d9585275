import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextStyle } from '../../src/corpus/types.js';
import { styledRuns } from '../../src/runs.js';
import { RUNS } from '../property/arbitraries.js';

const REFERENCE = 'Fernández-Francos S et al., Int J Mol Sci., 3576, 2021.';
const JOURNAL_START = REFERENCE.indexOf('Int J Mol Sci.');
const JOURNAL = {
  start: JOURNAL_START,
  end: JOURNAL_START + 'Int J Mol Sci.'.length,
  style: 'italic',
} as const;

/** Spans of a text of `length` code units from cut points: sorted, each non-empty, none overlapping. */
function spansOf(length: number, cuts: readonly number[]): { start: number; end: number }[] {
  const points = [...new Set(cuts.map((c) => c % (length + 1)))].sort((a, b) => a - b);
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    spans.push({ start: points[i] as number, end: points[i + 1] as number });
  }
  return spans;
}

describe('styledRuns', () => {
  it('gives an unstyled text as one plain run', () => {
    expect(styledRuns('上清液', [], [])).toEqual([{ text: '上清液', bold: false, italic: false }]);
  });

  it('makes the italic span of a reference its own italic run', () => {
    expect(styledRuns(REFERENCE, [], [JOURNAL])).toEqual([
      { text: 'Fernández-Francos S et al., ', bold: false, italic: false },
      { text: 'Int J Mol Sci.', bold: false, italic: true },
      { text: ', 3576, 2021.', bold: false, italic: false },
    ]);
  });

  it('points a link without a url at the address it prints, and a labelled link at its url', () => {
    const text = '(https://example.org/a.pdf) 詳細';
    const runs = styledRuns(
      text,
      [],
      [
        { start: 1, end: 26, style: 'link' },
        { start: 28, end: 30, style: 'link', url: 'https://example.org/b' },
      ],
    );

    expect(runs.filter((r) => r.url !== undefined).map((r) => [r.text, r.url])).toEqual([
      ['https://example.org/a.pdf', 'https://example.org/a.pdf'],
      ['詳細', 'https://example.org/b'],
    ]);
  });

  it('cuts where a highlight and a style overlap, each run carrying both where both cover it', () => {
    const runs = styledRuns('abcdef', [{ start: 1, end: 4 }], [{ start: 3, end: 5, style: 'italic' }]);

    expect(runs.map((r) => [r.text, r.bold, r.italic])).toEqual([
      ['a', false, false],
      ['bc', true, false],
      ['d', true, true],
      ['e', false, true],
      ['f', false, false],
    ]);
  });

  it('cuts only the slice asked for', () => {
    const runs = styledRuns(REFERENCE, [], [JOURNAL], 30, 35);

    expect(runs).toEqual([{ text: 't J M', bold: false, italic: true }]);
  });

  it('joins back to the text exactly, no run empty, styled exactly where the spans say (any text, any spans)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 60 });
    const cuts = fc.array(fc.nat(), { maxLength: 12 });
    fc.assert(
      fc.property(text, cuts, cuts, cuts, (t, h, i, l) => {
        const highlights = spansOf(t.length, h);
        const styles: TextStyle[] = [
          ...spansOf(t.length, i).map((s) => ({ ...s, style: 'italic' as const })),
          ...spansOf(t.length, l).map((s) => ({ ...s, style: 'link' as const, url: 'https://example.org/' })),
        ];
        const runs = styledRuns(t, highlights, styles);

        expect(runs.map((r) => r.text).join('')).toBe(t);
        let at = 0;
        for (const run of runs) {
          expect(run.text.length).toBeGreaterThan(0);
          const covered = (spans: readonly { start: number; end: number }[]) =>
            spans.some((s) => s.start <= at && at + run.text.length <= s.end);
          expect(run.bold).toBe(covered(highlights));
          expect(run.italic).toBe(covered(styles.filter((s) => s.style === 'italic')));
          expect(run.url !== undefined).toBe(covered(styles.filter((s) => s.style === 'link')));
          at += run.text.length;
        }
      }),
      { numRuns: RUNS },
    );
  });
});
