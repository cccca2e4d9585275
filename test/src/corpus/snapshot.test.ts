import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCorpusDir, loadCorpus } from '../../../src/corpus/load.js';
import { loadCorpusFast, writeSnapshot } from '../../../src/corpus/snapshot.js';
import { createRetriever } from '../../../src/retriever.js';
import { prepareSearch } from '../../../src/search/prepared.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jsev-snapshot-'));
  dirs.push(dir);
  return dir;
}
/** A copy of the bundled corpus and a snapshot file written from it. */
async function corpusWithSnapshot(): Promise<{ dir: string; snapshot: string }> {
  const dir = join(tempDir(), 'corpus');
  cpSync(defaultCorpusDir(), dir, { recursive: true });
  const snapshot = join(tempDir(), 'corpus.snapshot.json');
  await writeSnapshot(dir, snapshot);
  return { dir, snapshot };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Bare specifiers (npm packages) reachable from a module by its static imports. */
function staticPackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
    if (!specifier || specifier.startsWith('node:')) continue;
    if (!specifier.startsWith('.')) packages.add(specifier);
    else
      for (const name of staticPackages(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')), seen))
        packages.add(name);
  }
  return packages;
}

describe('loadCorpusFast', () => {
  it('serves a fresh snapshot that equals the corpus parsed from the files', async () => {
    const { dir, snapshot } = await corpusWithSnapshot();
    const loaded = await loadCorpusFast(dir, snapshot);
    expect(loaded.from).toBe('snapshot');
    expect(loaded.corpus).toEqual(loadCorpus(dir));
  });

  it("judges every candidate from the build's prepared search exactly as from an index built anew", async () => {
    const dir = join(tempDir(), 'corpus');
    cpSync(defaultCorpusDir(), dir, { recursive: true });
    const snapshot = join(tempDir(), 'corpus.snapshot.json');
    await writeSnapshot(dir, snapshot, prepareSearch);
    const loaded = await loadCorpusFast(dir, snapshot);
    expect(loaded.corpus.prepared).toBeDefined();
    const prepared = createRetriever(loaded.corpus);
    const built = createRetriever(loadCorpus(dir));
    for (const query of ['上清液', 'Is exosome therapy proven?', '培養上清はEV製剤ですか', '明日の天気']) {
      expect(prepared.explain(query)).toEqual(built.explain(query));
    }
  });

  it('answers from a snapshot exactly as from the parsed files', async () => {
    const { dir, snapshot } = await corpusWithSnapshot();
    const fromSnapshot = createRetriever((await loadCorpusFast(dir, snapshot)).corpus);
    const fromFiles = createRetriever(loadCorpus(dir));
    for (const query of ['上清液', 'what is an EV?', 'じょうせいえき', '費用はいくら？', '要点']) {
      expect(fromSnapshot.ask(query)).toEqual(fromFiles.ask(query));
    }
  });

  it('serves a corpus of two versions from its snapshot with their status, as parsed from the files', async () => {
    const dir = join(tempDir(), 'corpus');
    const versions = fileURLToPath(new URL('../../fixtures/corpus-versions', import.meta.url));
    cpSync(versions, dir, { recursive: true, dereference: true });
    const snapshot = join(tempDir(), 'corpus.snapshot.json');
    await writeSnapshot(dir, snapshot);
    const loaded = await loadCorpusFast(dir, snapshot);
    expect(loaded.from).toBe('snapshot');
    expect(loaded.corpus).toEqual(loadCorpus(dir));
    expect(loaded.corpus.documents.map((d) => d.meta.status)).toEqual(['superseded', 'current']);
    expect(createRetriever(loaded.corpus).ask('上清液')).toEqual(
      createRetriever(loadCorpus(dir)).ask('上清液'),
    );
  });

  it('shares each passage section with its document, as parsing does', async () => {
    const { dir, snapshot } = await corpusWithSnapshot();
    const { corpus } = await loadCorpusFast(dir, snapshot);
    const [doc] = corpus.documents;
    const passage = corpus.passages[0];
    expect(doc?.sections).toContain(passage?.section);
    expect(corpus.passages[0]).toBe(doc?.passages[0]);
  });

  it('parses the files when one byte of a corpus file changed since the snapshot', async () => {
    const { dir, snapshot } = await corpusWithSnapshot();
    appendFileSync(join(dir, 'glossary.yaml'), ' ');
    const loaded = await loadCorpusFast(dir, snapshot);
    expect(loaded.from).toBe('files');
    expect(loaded.corpus).toEqual(loadCorpus(dir));
  });

  it('parses the files when a corpus file was removed since the snapshot', async () => {
    const { dir, snapshot } = await corpusWithSnapshot();
    rmSync(join(dir, 'synonyms.yaml'));
    const loaded = await loadCorpusFast(dir, snapshot);
    expect(loaded).toMatchObject({ from: 'files', corpus: { synonyms: [] } });
  });

  it('parses the files when there is no snapshot', async () => {
    const { dir } = await corpusWithSnapshot();
    const loaded = await loadCorpusFast(dir, join(tempDir(), 'missing.json'));
    expect(loaded.from).toBe('files');
  });

  it('parses the files when the snapshot is not valid JSON', async () => {
    const { dir, snapshot } = await corpusWithSnapshot();
    writeFileSync(snapshot, readFileSync(snapshot, 'utf8').slice(0, 1000));
    expect((await loadCorpusFast(dir, snapshot)).from).toBe('files');
  });

  it('stops with the same error as loadCorpus when a stale corpus is malformed', async () => {
    const { dir, snapshot } = await corpusWithSnapshot();
    writeFileSync(join(dir, 'bad.md'), '---\nid: bad\n---\n\ntext\n');
    await expect(loadCorpusFast(dir, snapshot)).rejects.toThrow(/^bad\.md: title: is missing/);
  });

  it('loads neither zod nor js-yaml before it knows the snapshot is stale', () => {
    const module = fileURLToPath(new URL('../../../src/corpus/snapshot.ts', import.meta.url));
    expect([...staticPackages(module)]).toEqual([]);
  });
});
