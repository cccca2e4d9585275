import type { Highlight } from './answer.js';
import type { Hit } from './search/search.js';
import { type NormalizedText, normalizeWithOffsets } from './text/normalize.js';
import { foldLatin } from './text/script.js';

// Latin words with at least one non-ASCII letter: the only ones whose folded form differs.
const ACCENTED_LATIN_WORD = /\p{Script=Latin}*[^\P{Script=Latin}a-z]\p{Script=Latin}*/gu;

/**
 * The spans of a passage to highlight for a hit: every occurrence of what matched, found in the
 * normalised passage and mapped back to offsets in the verbatim text.
 */
export function highlightsFor(text: string | NormalizedText, hit: Hit): Highlight[] {
  const norm = typeof text === 'string' ? normalizeWithOffsets(text) : text;
  const spans: [number, number][] = [];
  const mark = (needle: string, wholeWord: boolean): void => {
    if (needle.length === 0) return;
    for (let at = norm.text.indexOf(needle); at !== -1; at = norm.text.indexOf(needle, at + needle.length)) {
      const end = at + needle.length;
      if (wholeWord && (/[a-z0-9]/.test(norm.text[at - 1] ?? '') || /[a-z0-9]/.test(norm.text[end] ?? '')))
        continue;
      spans.push([norm.starts[at] ?? 0, norm.ends[end - 1] ?? 0]);
    }
  };
  for (const { concept } of hit.matched) {
    for (const alt of concept.alternatives) {
      const japanese = alt.text.replace(/[a-z0-9]+/g, ' ');
      // Glossary forms are highlighted only where they occur whole; what was typed, wherever part of it occurs.
      const pieces = alt.typed ? presentPieces(japanese, norm.text) : japanese.split(/\s+/);
      for (const piece of pieces) if (piece.length > 0 && norm.text.includes(piece)) mark(piece, false);
      for (const word of alt.latin) markLatin(word);
    }
  }
  return merge(spans);

  function markLatin(word: string): void {
    mark(word, true);
    // Passage words are compared accent-folded (fernández = fernandez), so look for either spelling.
    for (const match of norm.text.matchAll(ACCENTED_LATIN_WORD)) {
      if (foldLatin(match[0]) === word) mark(match[0], true);
    }
  }
}

/**
 * The longest pieces (two characters or more, or a lone character when the run is one) of a
 * Japanese run that occur in the passage: a question's 細胞培養上清液 is highlighted whole, a
 * run only partly present is highlighted where it is.
 */
function presentPieces(run: string, haystack: string): string[] {
  const pieces: string[] = [];
  for (const part of run.split(/\s+/)) {
    if (part.length === 1) {
      if (haystack.includes(part)) pieces.push(part);
      continue;
    }
    let i = 0;
    while (i < part.length - 1) {
      let end = i + 2;
      if (!haystack.includes(part.slice(i, end))) {
        i += 1;
        continue;
      }
      while (end < part.length && haystack.includes(part.slice(i, end + 1))) end += 1;
      pieces.push(part.slice(i, end));
      i = end;
    }
  }
  return pieces;
}

function merge(spans: [number, number][]): Highlight[] {
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: { start: number; end: number }[] = [];
  for (const [start, end] of spans) {
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else if (end > start) out.push({ start, end });
  }
  return out;
}
