// What CI checks (.ci/run), read from the files: the standards before the tests, and no Redis test
// skipped there.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
const commands = ci.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
const at = (command: string): number => commands.findIndex((line) => line.trim() === command);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('.ci/run', () => {
  it('runs npm run check after npm ci and before npm test', () => {
    expect(at('npm ci --no-audit --no-fund')).toBeGreaterThanOrEqual(0);
    expect(at('npm run check')).toBeGreaterThan(at('npm ci --no-audit --no-fund'));
    expect(at('npm test')).toBeGreaterThan(at('npm run check'));
  });

  it('makes a skipped Redis test fail the run, before the first test run', () => {
    expect(at('export REQUIRE_REDIS=1')).toBeGreaterThanOrEqual(0);
    expect(at('export REQUIRE_REDIS=1')).toBeLessThan(at('npm test'));
  });
});

describe('npm run check', () => {
  it('checks types, Biome, knip, the generated vocabulary files and the fitted judge', () => {
    expect(pkg.scripts.check?.split(' && ')).toEqual([
      'npm run typecheck',
      'npm run lint',
      'npm run knip',
      'npm run vocabulary -- --check',
      'npm run fit -- --check',
    ]);
    expect(pkg.scripts.typecheck).toBe('tsc -p tsconfig.json --noEmit');
  });

  it('type-checks every TypeScript file of the repository', () => {
    const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] };
    const skipped = new Set(['node_modules', 'dist', '.git']);
    const files = readdirSync(ROOT, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.[cm]?ts$/.test(entry.name))
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
      .filter((file) => !skipped.has(file.split('/')[0] ?? ''));
    expect(files.length).toBeGreaterThan(100);
    const included = (file: string) => tsconfig.include.some((i) => file === i || file.startsWith(`${i}/`));
    expect(files.filter((file) => !included(file))).toEqual([]);
  });
});
