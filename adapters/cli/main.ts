// `node dist/adapters/cli/main.js QUERY`: the command line over the corpus as the build's snapshot
// (src/corpus/snapshot.ts) or the files give it. Modules load where they are needed: --help or a bad
// option needs no corpus, and the snapshot module loads the YAML parsers and zod only when stale.
import { type OpenCorpus, reportFailure, runCli } from './cli.js';

const open: OpenCorpus = async (dir) => {
  const [{ loadCorpusFast }, { createRetriever }] = await Promise.all([
    import('../../src/corpus/snapshot.js'),
    import('../../src/retriever.js'),
  ]);
  const { corpus } = await loadCorpusFast(dir);
  return { corpus, retriever: createRetriever(corpus) };
};

runCli(process.argv.slice(2), open).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    reportFailure(error);
    process.exitCode = 1;
  },
);
