// The docs a newcomer reads are held to the repository: README fits on a page, every link to a local
// file (and heading) resolves, every path a page names exists, and operations.md lists every
// variable the configuration reads. (README's sample answer is checked against the CLI itself, in
// test/adapters/cli/main.test.ts.)
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackConfig } from '../../adapters/slack/config.js';
import { teamsConfig } from '../../adapters/teams/config.js';
import { configVariables } from '../../src/config.js';
import { anchors, linkTargets, namedPaths, PAGES, prose, ROOT, read } from './markdown.js';

/** Why a link from `page` does not resolve, or undefined when it does. */
function brokenLink(page: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto:
  const [path = '', anchor] = target.split('#');
  const file = path === '' ? page : normalize(join(dirname(page), decodeURI(path)));
  if (file.startsWith('..') || !existsSync(join(ROOT, file))) return `${target}: no file ${file}`;
  if (anchor === undefined || !file.endsWith('.md')) return undefined;
  return anchors(read(file)).has(anchor) ? undefined : `${target}: no heading #${anchor} in ${file}`;
}

/** A file of `folder` or of a folder below it named `name` (the module map names files by name). */
function foundBelow(folder: string, name: string): boolean {
  if (existsSync(join(ROOT, folder, name)) || existsSync(join(ROOT, name))) return true;
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).some(
    (entry) => entry === name || entry.endsWith(`/${name}`),
  );
}

describe("the project's documentation", () => {
  it('has a README of 200 lines at most', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(200);
  });

  it.each(PAGES)('%s links only to files and headings that exist', (page) => {
    const targets = linkTargets(read(page));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.map((t) => brokenLink(page, t)).filter(Boolean)).toEqual([]);
  });

  it.each(PAGES.filter((page) => page !== 'docs/reliability.md'))(
    '%s names only paths of the repository that exist',
    (page) => {
      const missing = namedPaths(read(page)).filter((path) => !existsSync(join(ROOT, path)));
      expect(missing).toEqual([]);
    },
  );

  it("names in ARCHITECTURE.md's module map only files that exist", () => {
    const rows = [...prose(read('ARCHITECTURE.md')).matchAll(/^\| `([\w/.-]+\/)` \| (.+) \|$/gm)];
    expect(rows.length).toBeGreaterThan(5);
    const missing = rows.flatMap(([, folder = '', cell = '']) =>
      [...cell.matchAll(/`([\w./-]+(?:\.(?:ts|yml|json)|\/))`/g)]
        .map((m) => m[1] ?? '')
        .filter((name) => !foundBelow(folder, name))
        .map((name) => `${folder}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('lists in operations.md every variable the configuration reads', () => {
    const operations = read('docs/operations.md');
    const variables = configVariables([slackConfig, teamsConfig]);
    expect(variables.length).toBeGreaterThan(15);
    expect(variables.filter((name) => !operations.includes(`\`${name}\``))).toEqual([]);
  });

  it('finds a link that points nowhere, and a heading that is not there', () => {
    expect(brokenLink('docs/corpus.md', 'no-such-page.md')).toContain('no file docs/no-such-page.md');
    expect(brokenLink('docs/corpus.md', 'search.md#no-such-heading')).toContain('no heading');
    expect(brokenLink('docs/corpus.md', 'search.md#9-fitting-the-judge')).toBeUndefined();
    expect(brokenLink('README.md', 'https://example.org/x.md#y')).toBeUndefined();
  });
});
