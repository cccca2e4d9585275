// The command line started from a V8 startup snapshot (`bin/ask`, `node --snapshot-blob dist/cli.blob
// QUERY`): `npm run build` bundles this module into one CommonJS file (snapshot-build.ts) and runs it
// with --build-snapshot, so the corpus is read and the retriever built (index, vocabulary, similarity,
// judge) at build time, and a start only deserialises the heap. Start to first answer was three times
// `node -e 0`, two thirds of it spent loading modules and building what is now in the blob.
//
// The blob holds the corpus as it was at build time. It answers only while the corpus folder asked
// for and the compiled code hash as they did then (the same key as the build's corpus snapshot,
// src/corpus/snapshot.ts); otherwise the plain compiled CLI answers instead, in a child process, so a
// stale blob never answers with old data or old code.
import { dirname, join, resolve } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { loadCorpusFast, snapshotKey } from '../../src/corpus/snapshot.js';
import { defaultCorpusDir, readCorpusSources } from '../../src/corpus/sources.js';
import { createRetriever } from '../../src/retriever.js';
import { type OpenCorpus, type Opened, reportFailure, runCli } from './cli.js';

declare global {
  /**
   * The dist/ folder the bundled modules' `import.meta.url` is resolved against (snapshot-build.ts
   * rewrites it): the bundle's folder while building, the blob's folder once started from it.
   */
  var __jsevDist: string;
}

/** Said on stderr when the blob hands over: the answer is right, but slower until the next build. */
const STALE_NOTE =
  'dist/cli.blob is older than the corpus or the compiled code: answering without it (npm run build makes it again)\n';

/** The blob's answer when the corpus or the code changed since it was built. */
class StaleBlob extends Error {}

/** The --snapshot-blob file this process started from, when Node was told one. */
function blobFile(execArgv: readonly string[]): string | undefined {
  for (const [i, arg] of execArgv.entries()) {
    if (arg === '--snapshot-blob') return execArgv[i + 1];
    if (arg.startsWith('--snapshot-blob=')) return arg.slice('--snapshot-blob='.length);
  }
  return undefined;
}

/** The plain compiled CLI on the same arguments, in a child process sharing this one's stdio. */
async function runPlain(argv: readonly string[]): Promise<number> {
  // Loaded only here: child_process is not among the modules a snapshot may hold.
  const { spawnSync } = await import('node:child_process');
  const main = join(globalThis.__jsevDist, 'adapters', 'cli', 'main.js');
  const child = spawnSync(process.execPath, [main, ...argv], { stdio: 'inherit' });
  if (child.error) throw child.error;
  return child.status ?? 1;
}

/**
 * What runs when the blob starts: the command line over the prepared corpus while it is current
 * (its key is the build's), else the plain compiled CLI.
 */
async function startFromBlob(key: string, opened: Opened): Promise<number> {
  const blob = blobFile(process.execArgv);
  if (blob !== undefined) globalThis.__jsevDist = dirname(resolve(blob));
  // Started from a snapshot, argv[1] is the first argument, not a script (nodejs/node#47466).
  const argv = process.argv.slice(1);
  const open: OpenCorpus = async (dir) => {
    if (snapshotKey(readCorpusSources(dir ?? defaultCorpusDir())) !== key) throw new StaleBlob();
    return opened;
  };
  try {
    return await runCli(argv, open);
  } catch (error) {
    if (error instanceof StaleBlob) {
      process.stderr.write(STALE_NOTE);
      return runPlain(argv);
    }
    throw error;
  }
}

/**
 * Build time: reads the bundled corpus as the compiled CLI does, builds its retriever, asks it once
 * (what a first question computes and keeps is kept in the blob too), and names what runs at start.
 */
async function prepare(): Promise<void> {
  const dir = defaultCorpusDir();
  const key = snapshotKey(readCorpusSources(dir));
  // Without what the corpus snapshot prepared for search: the retriever builds the same similarity
  // index from the corpus (src/search/prepared.ts), and the blob holds no copy of it as base64.
  const { prepared: _, ...corpus } = (await loadCorpusFast(dir)).corpus;
  const retriever = createRetriever(corpus);
  retriever.ask('上清液');
  startupSnapshot.setDeserializeMainFunction(() => {
    startFromBlob(key, { corpus, retriever }).then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        reportFailure(error);
        process.exitCode = 1;
      },
    );
  });
}

if (startupSnapshot.isBuildingSnapshot()) {
  prepare().catch((error: unknown) => {
    reportFailure(error);
    process.exitCode = 1;
  });
}
