// A quote is shown styled (matched terms bold, journal names italic, addresses as links) yet must stay
// the published text char for char. Cutting it into runs of one styling each, here once, keeps every
// front end to the same cuts; each only says how its platform draws a run.
import type { Highlight } from './answer.js';
import type { TextStyle } from './corpus/types.js';

/** A piece of a text with one styling throughout. */
export interface StyledRun {
  readonly text: string;
  /** Inside a highlight (a matched term). */
  readonly bold: boolean;
  /** Inside an italic span (a journal name). */
  readonly italic: boolean;
  /** Where the run points, when it is inside a link span. */
  readonly url?: string;
}

type Span = { readonly start: number; readonly end: number };

/** The offsets where any span starts or ends, within [start, end], in order. */
function boundaries(spans: readonly Span[], start: number, end: number): number[] {
  const cuts = new Set([start, end]);
  for (const s of spans) {
    if (s.start > start && s.start < end) cuts.add(s.start);
    if (s.end > start && s.end < end) cuts.add(s.end);
  }
  return [...cuts].sort((a, b) => a - b);
}

function runAt(
  text: string,
  from: number,
  to: number,
  highlights: readonly Highlight[],
  styles: readonly TextStyle[],
): StyledRun {
  const covers = (s: Span) => s.start <= from && from < s.end;
  const link = styles.find((s) => s.style === 'link' && covers(s));
  const run = {
    text: text.slice(from, to),
    bold: highlights.some(covers),
    italic: styles.some((s) => s.style === 'italic' && covers(s)),
  };
  // A link without a url is an address printed in the text: it points at itself.
  return link ? { ...run, url: link.url ?? text.slice(link.start, link.end) } : run;
}

/**
 * Cuts `text.slice(start, end)` into runs of one styling each, at every edge of a highlight or a
 * style: bold inside highlights, italic inside italic spans, `url` inside link spans. The runs are
 * never empty and their texts joined are exactly that slice. Offsets are UTF-16 code units.
 */
export function styledRuns(
  text: string,
  highlights: readonly Highlight[],
  styles: readonly TextStyle[],
  start = 0,
  end = text.length,
): StyledRun[] {
  const cuts = boundaries([...highlights, ...styles], start, end);
  const runs: StyledRun[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    if (to > from) runs.push(runAt(text, from, to, highlights, styles));
  }
  return runs;
}
