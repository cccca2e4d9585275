// Logistic regression with an L2 penalty, fitted by Newton's method (iteratively reweighted least
// squares): exact and deterministic for a dozen features, so a refit gives the same weights.
// ml-logistic-regression has neither a penalty nor an intercept, so only its matrix library is used.
import { Matrix, solve } from 'ml-matrix';

/** Weights on the original scale of the features, and the intercept. */
export interface LogisticModel {
  readonly weights: readonly number[];
  readonly bias: number;
}

/** One example: its features and whether it is a positive (1) or a negative (0). */
export interface Row {
  readonly x: readonly number[];
  readonly y: 0 | 1;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** σ(bias + w·x). */
export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += (model.weights[i] as number) * (x[i] ?? 0);
  return sigmoid(z);
}

/** Column means and standard deviations (1 for a constant column), to fit on standardised features. */
function scaling(rows: readonly Row[], width: number): { mean: number[]; sd: number[] } {
  const mean = Array.from(
    { length: width },
    (_, j) => rows.reduce((s, r) => s + (r.x[j] ?? 0), 0) / rows.length,
  );
  const sd = mean.map((m, j) => {
    const v = rows.reduce((s, r) => s + ((r.x[j] ?? 0) - m) ** 2, 0) / rows.length;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  return { mean, sd };
}

/**
 * Fits weights that maximise the log-likelihood of the rows minus `lambda`/2 × |w|² on standardised
 * features (the intercept unpenalised). Positives and negatives weigh `balance` each in total, so the
 * larger class does not decide alone.
 */
function fitLogistic(rows: readonly Row[], lambda = 1, iterations = 50): LogisticModel {
  const width = rows[0]?.x.length ?? 0;
  const { mean, sd } = scaling(rows, width);
  const positives = rows.filter((r) => r.y === 1).length;
  const classWeight = (y: 0 | 1) =>
    rows.length / (2 * Math.max(1, y === 1 ? positives : rows.length - positives));
  const X = rows.map((r) => [1, ...r.x.map((v, j) => (v - (mean[j] as number)) / (sd[j] as number))]);
  let beta = new Array<number>(width + 1).fill(0);
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(width + 1).fill(0);
    const hessian = Matrix.zeros(width + 1, width + 1);
    X.forEach((x, n) => {
      const row = rows[n] as Row;
      const p = sigmoid(x.reduce((s, v, j) => s + v * (beta[j] as number), 0));
      const c = classWeight(row.y);
      for (let j = 0; j <= width; j++) {
        gradient[j] = (gradient[j] as number) + c * ((row.y - p) * (x[j] as number));
        for (let k = 0; k <= width; k++)
          hessian.set(j, k, hessian.get(j, k) + c * p * (1 - p) * (x[j] as number) * (x[k] as number));
      }
    });
    for (let j = 1; j <= width; j++) {
      gradient[j] = (gradient[j] as number) - lambda * (beta[j] as number);
      hessian.set(j, j, hessian.get(j, j) + lambda);
    }
    const delta = solve(hessian, Matrix.columnVector(gradient)).to1DArray();
    beta = beta.map((b, j) => b + (delta[j] as number));
    if (Math.max(...delta.map(Math.abs)) < 1e-9) break;
  }
  // Back to the original scale: w_j = β_j / sd_j, bias = β_0 − Σ β_j mean_j / sd_j.
  const weights = mean.map((_, j) => (beta[j + 1] as number) / (sd[j] as number));
  const bias = (beta[0] as number) - mean.reduce((s, m, j) => s + (weights[j] as number) * m, 0);
  return { weights, bias };
}

/**
 * {@link fitLogistic} with the weights of the features in `nonNegative` kept at 0 or above: a
 * feature whose weight comes out negative is held at 0 (its column zeroed) and the rest fitted again,
 * until none does (an active set).
 */
export function fitLogisticNonNegative(
  rows: readonly Row[],
  nonNegative: ReadonlySet<number>,
  lambda = 1,
): LogisticModel {
  const held = new Set<number>();
  for (;;) {
    const fitted =
      held.size === 0 ? rows : rows.map((r) => ({ ...r, x: r.x.map((v, j) => (held.has(j) ? 0 : v)) }));
    const model = fitLogistic(fitted, lambda);
    const negative = [...nonNegative].filter((j) => !held.has(j) && (model.weights[j] ?? 0) < 0);
    if (negative.length === 0) return model;
    for (const j of negative) held.add(j);
  }
}
