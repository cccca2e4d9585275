// MiniSearch keeps terms in a radix tree whose nodes are scanned linearly. Japanese bigrams start
// with thousands of distinct characters, so the root would hold thousands of edges and every insert
// and lookup would scan them (a 10k-passage bigram index took over 5 s to build). Spelling non-ASCII
// terms in hex keeps each node to at most 16 edges; ASCII terms stay as they are, so fuzzy and prefix
// search keep working on Latin words.
const MARK = '~';

/** The index key of a term. */
export function encodeTerm(term: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range check
  if (/^[\x00-\x7f]*$/.test(term)) return term;
  let key = MARK;
  for (let i = 0; i < term.length; i++) key += term.charCodeAt(i).toString(16).padStart(4, '0');
  return key;
}

/** The term behind an index key. */
export function decodeTerm(key: string): string {
  if (!key.startsWith(MARK)) return key;
  let term = '';
  for (let i = 1; i + 4 <= key.length; i += 4)
    term += String.fromCharCode(Number.parseInt(key.slice(i, i + 4), 16));
  return term;
}
