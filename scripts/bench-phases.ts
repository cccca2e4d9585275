// Where the compiled CLI's start-up time goes: a fresh Node process imports, one after another,
// each npm package the CLI's modules import, then our modules, then loads the corpus, builds the
// retriever, answers and renders, timing each step. Run standalone: tsx scripts/bench-phases.ts
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { percentile } from './stats.js';

/** Milliseconds per step, in the order they ran; `node` is the time from process start to the first step. */
export type Phases = Record<string, number>;

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'([^']+)'/g;

/**
 * The npm packages (bare specifiers, `node:` built-ins left out) that the compiled modules
 * reachable from `entry` import, statically or dynamically, in the order first met; modules in
 * `skipped` are not followed (the corpus parsers, which load only when the build's snapshot is stale).
 */
export function packagesReachedFrom(entry: string, skipped: readonly string[] = []): string[] {
  const packages = new Set<string>();
  const seen = new Set<string>(skipped.map((file) => resolve(file)));
  const visit = (file: string): void => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      if (!specifier || specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(resolve(entry));
  return [...packages];
}

/** The script a child runs: every step timed with performance.now(), one JSON line out. */
function phaseScript(root: string, packages: readonly string[], query: string): string {
  const dist = (path: string) => JSON.stringify(pathToFileURL(join(root, 'dist', path)).href);
  return `
const phases = { node: performance.now() };
let last = phases.node;
const lap = (name) => { const now = performance.now(); phases[name] = now - last; last = now; };
for (const name of ${JSON.stringify(packages)}) { await import(name); lap(name); }
const { loadCorpusFast } = await import(${dist('src/corpus/snapshot.js')});
const { createRetriever } = await import(${dist('src/retriever.js')});
const { PLAIN_STYLE, renderText } = await import(${dist('adapters/cli/render-text.js')});
lap('our modules');
const { corpus, from } = await loadCorpusFast(); lap('loadCorpus from ' + from);
const retriever = createRetriever(corpus); lap('createRetriever');
const answer = retriever.ask(${JSON.stringify(query)}); lap('first ask');
renderText(answer, PLAIN_STYLE); lap('render');
process.stdout.write(JSON.stringify(phases) + '\\n');`;
}

/**
 * Median time of each start-up step over `runs` fresh processes of the compiled modules in
 * `root/dist` (build first). Packages are timed alone, before our modules, so each one's own
 * load and evaluation is counted once.
 */
export function measurePhases(root: string, query = '上清液', runs = 5): Phases {
  const packages = packagesReachedFrom(join(root, 'dist/adapters/cli/main.js'), [
    join(root, 'dist/src/corpus/load.js'),
  ]);
  const script = phaseScript(root, packages, query);
  const samples: Phases[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    samples.push(JSON.parse(out.trim().split('\n').at(-1) as string) as Phases);
  }
  const names = Object.keys(samples[0] ?? {});
  return Object.fromEntries(
    names.map((name) => [
      name,
      percentile(
        samples.map((s) => s[name] ?? 0),
        0.5,
      ),
    ]),
  );
}

/** One line: each step and its median milliseconds, largest first after Node's own start. */
export function formatPhases(phases: Phases): string {
  const { node, ...steps } = phases;
  const sorted = Object.entries(steps).sort((a, b) => b[1] - a[1]);
  const total = Object.values(phases).reduce((a, b) => a + b, 0);
  return (
    `  where the plain compiled CLI's start-up goes (node dist/adapters/cli/main.js, median of fresh processes, ms; ${total.toFixed(0)} in all): node ${(node ?? 0).toFixed(0)}, ` +
    sorted.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(dirname(process.argv[1]), '..');
  process.stdout.write(`${formatPhases(measurePhases(root))}\n`);
}
