// The statement as the society published it, to check quotes against: the seed's text extraction
// (test/fixtures/seed/, a copy of ../shared/seeds/) without what the PDF does not print as text.
import { readFileSync } from 'node:fs';

/** The seed: the statement's text as extracted from the published PDF. */
const SEED_FILE = new URL('../test/fixtures/seed/jsev-statement-2023-12-25.txt', import.meta.url);

/**
 * The seed as published: without its repeated letterhead (the two paragraphs split by page breaks
 * joined) and without the Markdown inline markup of the text extraction (an italic `*…*`, an address
 * `<https://…>`), which the PDF prints as plain text. A verbatim quote is a piece of this text.
 */
export function publishedText(seed: string = readFileSync(SEED_FILE, 'utf8')): string {
  return seed
    .replace(
      /\n\nThe Japanese Society for Extracellular Vesicles {2}\n6-7-1[\s\S]*?分子細胞治療研究部門内\n\n/g,
      '',
    )
    .replace(/[ \t]+$/gm, '')
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replace(/<(https?:[^>\s]+)>/g, '$1');
}
