// The layering ARCHITECTURE.md promises, checked on the source: the server knows front ends only
// through their interface, and the core names no platform.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const importsOf = (file: string) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');

describe('layering', () => {
  it('adapters/server imports nothing from a front end (adapters/main.ts composes them)', () => {
    for (const file of sources('adapters/server')) {
      expect(
        importsOf(file).filter((i) => /\/(slack|teams|cli)\//.test(i)),
        file,
      ).toEqual([]);
    }
  });

  it('src/ imports no platform SDK and names no platform', () => {
    for (const file of sources('src')) {
      expect(
        importsOf(file).filter((i) => /bolt|botbuilder|adapters/.test(i)),
        file,
      ).toEqual([]);
      expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/slack|teams|botframework|azure/i);
    }
  });
});
