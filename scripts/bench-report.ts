// How `npm run bench` states its figures: each beside the reference measured in the same run, the
// ratio, and the target in brackets (issue 9's figures).
import { formatPhases, type Phases } from './bench-phases.js';
import type { StartFigures } from './bench-start.js';
import type { TierFigures } from './bench-tiers.js';

export const TARGETS = {
  statementQueryP99Ms: 2,
  startRatio: 2,
  synthetic: { passages: 1000, build_s: 1, query_p99_ms: 5, heap_mb: 100 },
} as const;

/** A tier of the engine beside the reference on the same passages, with engine / reference ratios. */
export type Compared = TierFigures & {
  readonly reference: TierFigures;
  readonly ratio: { readonly build_s: number; readonly heap_mb: number; readonly query_p99_ms: number };
};

export interface BenchReport {
  readonly statement: Compared;
  /** With `phases`: where the start-up time goes, step by step. */
  readonly start_to_first_answer: StartFigures & { readonly phases?: Phases };
  /** The same as start_to_first_answer.cli_ms (kept for readers of earlier reports). */
  readonly start_to_first_answer_ms: number;
  /** The 1,000-passage tier. */
  readonly synthetic: Compared;
  readonly synthetic_10k?: TierFigures;
  /** Names of the targets this run missed; empty when all are met. */
  readonly missed: readonly string[];
  /** One-minute load average when the run started and ended, and the number of cores. */
  readonly machine: { readonly load_start: number; readonly load_end: number; readonly cores: number };
}

export function compare(engine: TierFigures, reference: TierFigures): Compared {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  return {
    ...engine,
    reference,
    ratio: {
      build_s: ratio(engine.build_s, reference.build_s),
      heap_mb: ratio(engine.heap_mb, reference.heap_mb),
      query_p99_ms: ratio(engine.query_p99_ms, reference.query_p99_ms),
    },
  };
}

/** The targets a run missed, by name. */
export function missedTargets(
  report: Pick<BenchReport, 'statement' | 'start_to_first_answer' | 'synthetic'>,
): string[] {
  const { synthetic: s, statement, start_to_first_answer: start } = report;
  const checks: [string, boolean][] = [
    ['statement query p99', statement.query_p99_ms <= TARGETS.statementQueryP99Ms],
    ['start to first answer ratio', start.ratio <= TARGETS.startRatio],
    ['1,000 passages build', s.build_s <= TARGETS.synthetic.build_s],
    ['1,000 passages query p99', s.query_p99_ms <= TARGETS.synthetic.query_p99_ms],
    ['1,000 passages heap', s.heap_mb <= TARGETS.synthetic.heap_mb],
  ];
  return checks.filter(([, ok]) => !ok).map(([name]) => name);
}

const fixed = (x: number, digits = 2) => x.toFixed(digits);
const times = (x: number) => `×${fixed(x)}`;
const target = (ok: boolean, text: string) => `[${text}: ${ok ? 'ok' : 'MISSED'}]`;

/** The lines `npm run bench` prints (without the Slack part). */
export function formatReport(report: BenchReport): string[] {
  const { statement: st, start_to_first_answer: start, synthetic: s } = report;
  const t = TARGETS.synthetic;
  const lines = [
    `the statement (${st.passages} passages, ${st.queries} answers to the labelled queries, full answer path): ` +
      `p50 ${fixed(st.query_p50_ms, 3)} ms, p99 ${fixed(st.query_p99_ms, 3)} ms ` +
      `${target(st.query_p99_ms <= TARGETS.statementQueryP99Ms, `≤ ${TARGETS.statementQueryP99Ms} ms`)} ` +
      `(CPU time p99 ${fixed(st.query_p99_cpu_ms, 3)} ms); ` +
      `reference p99 ${fixed(st.reference.query_p99_ms, 3)} ms (${times(st.ratio.query_p99_ms)}); ` +
      `build ${fixed(st.build_s * 1000, 1)} ms vs ${fixed(st.reference.build_s * 1000, 1)} ms`,
  ];
  if (st.slowest) {
    lines.push(
      `  slowest query (median of its runs): ${fixed(st.slowest.median_ms, 3)} ms  ${st.slowest.query}`,
    );
  }
  lines.push(
    `start to first answer (${start.command} ${start.query}, spawn to exit, median of ${start.runs}): ` +
      `${fixed(start.cli_ms, 0)} ms; node -e 0 ${fixed(start.node_ms, 0)} ms; ` +
      `ratio ${fixed(start.ratio)} ${target(start.ratio <= TARGETS.startRatio, `≤ ${TARGETS.startRatio}`)}; ` +
      `fastest runs ${fixed(start.fastest.cli_ms, 0)} vs ${fixed(start.fastest.node_ms, 0)} ms (${times(start.fastest.ratio)})`,
    ...(start.phases ? [formatPhases(start.phases)] : []),
    `${s.passages} passages: build ${fixed(s.build_s)} s ${target(s.build_s <= t.build_s, `≤ ${t.build_s} s`)} ` +
      `vs ${fixed(s.reference.build_s)} s (${times(s.ratio.build_s)}); ` +
      `query p50 ${fixed(s.query_p50_ms, 3)} ms, p99 ${fixed(s.query_p99_ms, 3)} ms ` +
      `${target(s.query_p99_ms <= t.query_p99_ms, `≤ ${t.query_p99_ms} ms`)} ` +
      `(CPU ${fixed(s.query_p99_cpu_ms, 3)} ms) ` +
      `vs p50 ${fixed(s.reference.query_p50_ms, 3)}, p99 ${fixed(s.reference.query_p99_ms, 3)} ms (${times(s.ratio.query_p99_ms)}); ` +
      `heap ${fixed(s.heap_mb, 1)} MB ${target(s.heap_mb <= t.heap_mb, `≤ ${t.heap_mb} MB`)} ` +
      `vs ${fixed(s.reference.heap_mb, 1)} MB (${times(s.ratio.heap_mb)})`,
  );
  const big = report.synthetic_10k;
  if (big) {
    lines.push(
      `${big.passages} passages (no target): build ${fixed(big.build_s)} s, query p50 ${fixed(big.query_p50_ms, 3)} ms, ` +
        `p99 ${fixed(big.query_p99_ms, 3)} ms (CPU ${fixed(big.query_p99_cpu_ms, 3)} ms), heap ${fixed(big.heap_mb, 1)} MB`,
    );
  }
  const { load_start, load_end, cores } = report.machine;
  lines.push(
    'reference: a plain MiniSearch index of character bigrams (addAll, OR queries) of the same passages, in this run',
    `load average ${fixed(load_start, 1)} at start, ${fixed(load_end, 1)} at end, on ${cores} cores` +
      // The bench keeps about one core busy itself, so the load at the end counts its own work too.
      (load_start > cores / 2 || load_end > cores / 2 + 1 ? ': a busy machine, compare the ratios' : ''),
    report.missed.length === 0 ? 'all targets met' : `missed: ${report.missed.join(', ')}`,
  );
  return lines;
}
