// vitest globalSetup: compiles src/ and adapters/ once per run, so the tests that start `npm start`'s
// entry or the CLI as a child process run plain JavaScript, as production does, instead of each child
// compiling TypeScript on the fly (seconds of CPU apiece on a busy 2-core machine). The build goes to
// a folder of its own, not the repository's dist/, so two runs (or `npm run build`) never overwrite
// files a child is loading.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { cachedStep, hashTree, newStepKey } from './step-cache.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function buildApp(project: TestProject): Promise<() => void> {
  const app = mkdtempSync(join(tmpdir(), 'jsev-compiled-'));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // --noCheck: emit only; `npm run check` (CI runs it before the tests) is where types are checked. The JavaScript is the same.
  const args = [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--noCheck', '--outDir', join(app, 'dist')];
  // The JavaScript depends only on these files: unchanged since an earlier run, it is taken from
  // the step cache instead of being compiled again.
  const key = newStepKey().update(args.slice(1, 4).join(' '));
  for (const input of [
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.build.json',
    'src',
    'adapters',
  ]) {
    hashTree(key, join(ROOT, input), input);
  }
  try {
    await cachedStep(`compiled-${key.digest('hex')}`, app, async () => {
      await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    });
  } catch (error) {
    rmSync(app, { recursive: true, force: true });
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`compiling the app for the child-process tests failed:\n${stdout}${stderr}`);
  }
  // The image's layout (Dockerfile: /app/package.json, node_modules, dist, corpus): the compiled code
  // finds its package.json, dependencies and bundled corpus/ the way it does in production.
  copyFileSync(join(ROOT, 'package.json'), join(app, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  symlinkSync(join(ROOT, 'corpus'), join(app, 'corpus'), 'dir');
  project.provide('compiledApp', app);
  return () => rmSync(app, { recursive: true, force: true });
}
