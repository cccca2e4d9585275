// Reading the project's Markdown as GitHub renders it, for the tests that hold the docs to the code:
// the links a page makes, the anchors its headings get, and the file paths it names.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** README.md, ARCHITECTURE.md and every page of docs/, as paths from the root. */
export const PAGES = [
  'README.md',
  'ARCHITECTURE.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

export const read = (page: string): string => readFileSync(join(ROOT, page), 'utf8');

/** The text outside fenced code blocks (a `#` comment in a shell block is no heading). */
export function prose(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .filter((line) => {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return false;
      }
      return !fenced;
    })
    .join('\n');
}

/** The targets of every link and image outside code (inline code spans too). */
export function linkTargets(markdown: string): string[] {
  const text = prose(markdown).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
}

/** GitHub's anchor for a heading's text: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
}

/** The anchors of a page's headings (a repeated heading gets -1, -2…, as on GitHub). */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading = ''] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** Paths into the repository's own folders a page names, in prose or code (globs and placeholders aside). */
export function namedPaths(markdown: string): string[] {
  const paths = markdown.matchAll(
    /(?<![\w./-])(?:src|adapters|scripts|test|corpus|deploy)\/[\w./-]*[\w/](?![\w*<-])/g,
  );
  return [...new Set([...paths].map((m) => m[0]).filter((path) => !/YYYY/.test(path)))];
}
