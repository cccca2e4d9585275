import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatPhases, packagesReachedFrom } from '../../scripts/bench-phases.js';
import { compare, formatReport, missedTargets } from '../../scripts/bench-report.js';
import type { StartFigures } from '../../scripts/bench-start.js';
import {
  buildBigramReference,
  buildEngine,
  characterBigrams,
  measureTier,
  memberQueries,
  type PlainPassage,
  readPassages,
  syntheticCorpus,
  type TierFigures,
} from '../../scripts/bench-tiers.js';
import { loadCorpus } from '../../src/corpus/load.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const base = loadCorpus();
// A tiny stand-in for the synthetic corpora: the statement cut into pieces of 120 characters.
const tiny: PlainPassage[] = base.passages.flatMap((p, i) =>
  (p.text.match(/[\s\S]{1,120}/g) ?? []).map((text, j) => ({ id: `tiny-${i}-${j}`, text })),
);
const FIGURE_KEYS = [
  'passages',
  'build_s',
  'heap_mb',
  'query_p50_ms',
  'query_p99_ms',
  'query_p99_cpu_ms',
  'queries',
  'answered',
];

const figures = (over: Partial<TierFigures> = {}): TierFigures => ({
  passages: 1000,
  build_s: 0.5,
  heap_mb: 20,
  query_p50_ms: 0.2,
  query_p99_ms: 2,
  query_p99_cpu_ms: 1.5,
  queries: 2000,
  answered: 1,
  ...over,
});
const start: StartFigures = {
  cli_ms: 150,
  node_ms: 100,
  ratio: 1.5,
  fastest: { cli_ms: 140, node_ms: 95, ratio: 140 / 95 },
  runs: 11,
  query: '上清液',
  command: 'bin/ask',
};

describe('the bench tiers', () => {
  it('cut the same member queries from the passages on every run', () => {
    const queries = memberQueries(tiny, 50);
    expect(queries).toEqual(memberQueries(tiny, 50));
    expect(queries).toHaveLength(50);
    expect(new Set(queries).size).toBeGreaterThan(25);
  });

  it('index synthetic passages with the engine, which quotes them verbatim', () => {
    const corpus = syntheticCorpus(base, tiny);
    const engine = buildEngine(corpus);
    const target = tiny.find((p) => p.text.includes('上清液')) as PlainPassage;
    expect(engine.answer('上清液')).toBeGreaterThan(0);
    expect(corpus.passages.map((p) => p.text)).toContain(target.text);
  });

  it('build the reference from character bigrams of the text without white space', () => {
    expect(characterBigrams('上清 液')).toEqual(['上清', '清液']);
    expect(buildBigramReference(tiny).answer('上清液')).toBeGreaterThan(0);
  });

  it('measure build, heap and query latency of what they build', () => {
    const queries = memberQueries(tiny, 40);
    const result = measureTier(tiny.length, () => buildEngine(syntheticCorpus(base, tiny)), queries, []);
    expect(Object.keys(result)).toEqual(FIGURE_KEYS);
    expect(result.build_s).toBeGreaterThan(0);
    expect(result.query_p50_ms).toBeLessThanOrEqual(result.query_p99_ms);
    expect(result.answered).toBeGreaterThan(0.5);
  });

  it('name the slowest query when queries repeat', () => {
    const result = measureTier(
      tiny.length,
      () => buildBigramReference(tiny),
      ['上清液', 'EV', 'EV', 'EV'],
      [],
    );
    expect(result.slowest?.query).toBe('EV');
  });
});

describe('one tier in its own process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsev-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its figures as the last line, for the first N passages of the file', () => {
    const file = join(dir, 'tiny.jsonl');
    writeFileSync(file, tiny.map((p) => JSON.stringify(p)).join('\n'));
    expect(readPassages(file, 5)).toHaveLength(5);
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/bench-index.ts',
        '--tier',
        'reference',
        '--file',
        file,
        '--passages',
        '20',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    const result = JSON.parse(out.trim().split('\n').at(-1) as string) as TierFigures;
    expect(result.passages).toBe(20);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(FIGURE_KEYS));
  }, 60_000);
});

describe('the start-up breakdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsev-phases-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the packages the entry reaches, statically or dynamically, and no built-ins', () => {
    writeFileSync(join(dir, 'main.js'), "import { z } from 'zod';\nimport { b } from './b.js';\n");
    writeFileSync(
      join(dir, 'b.js'),
      "import 'node:fs';\nexport const b = () => import('wanakana');\nimport { a } from './main.js';\n",
    );
    writeFileSync(join(dir, 'unreached.js'), "import pino from 'pino';\n");
    expect(packagesReachedFrom(join(dir, 'main.js'))).toEqual(['zod', 'wanakana']);
  });

  it('does not follow the modules it is told to skip', () => {
    writeFileSync(join(dir, 'cli.js'), "import('./parsers.js');\nimport 'minisearch';\n");
    writeFileSync(join(dir, 'parsers.js'), "import { z } from 'zod';\n");
    expect(packagesReachedFrom(join(dir, 'cli.js'), [join(dir, 'parsers.js')])).toEqual(['minisearch']);
  });

  it('lists the steps largest first after Node itself, with the total', () => {
    expect(formatPhases({ node: 60, zod: 70, loadCorpus: 40, render: 1 })).toBe(
      "  where the plain compiled CLI's start-up goes (node dist/adapters/cli/main.js, median of fresh processes, ms; 171 in all): node 60, zod 70, loadCorpus 40, render 1",
    );
  });
});

describe('the bench report', () => {
  const engine = figures();
  const reference = figures({ build_s: 2, heap_mb: 40, query_p99_ms: 4 });

  it('puts each figure beside the reference with the ratio', () => {
    const compared = compare(engine, reference);
    expect(compared.ratio).toEqual({ build_s: 0.25, heap_mb: 0.5, query_p99_ms: 0.5 });
    expect(compared.reference).toBe(reference);
  });

  it('names the targets a run missed', () => {
    const measured = {
      statement: compare(figures({ passages: 11, query_p99_ms: 3 }), reference),
      start_to_first_answer: { ...start, ratio: 3 },
      synthetic: compare(figures({ build_s: 1.5 }), reference),
    };
    expect(missedTargets(measured)).toEqual([
      'statement query p99',
      'start to first answer ratio',
      '1,000 passages build',
    ]);
  });

  it('prints the statement, start-up and 1,000-passage lines with their targets', () => {
    const lines = formatReport({
      statement: compare(figures({ passages: 11 }), reference),
      start_to_first_answer: start,
      start_to_first_answer_ms: start.cli_ms,
      synthetic: compare(engine, reference),
      missed: [],
      machine: { load_start: 0.2, load_end: 0.3, cores: 2 },
    });
    expect(lines[0]).toContain('[≤ 2 ms: ok]');
    expect(lines.find((l) => l.startsWith('start to first answer'))).toContain('ratio 1.50 [≤ 2: ok]');
    expect(lines.find((l) => l.startsWith('start to first answer'))).toContain('(bin/ask 上清液,');
    expect(lines.find((l) => l.startsWith('1000 passages'))).toContain('(×0.25)');
    expect(lines.at(-1)).toBe('all targets met');
  });
});
