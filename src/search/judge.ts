import type { JudgeModel } from '../corpus/judge.js';
import { FEATURE_NAMES } from './features.js';

/** The fitted judge: the probability that a passage answers a question, and the bar to answer. */
export interface Judge {
  probability(features: readonly number[]): number;
  readonly threshold: number;
}

/** A judge fitted on other features than the code computes, in another order or number. */
class StaleJudgeError extends Error {
  constructor(fitted: readonly string[]) {
    super(
      `corpus/judge.json was fitted on the features [${fitted.join(', ')}], the code computes [${FEATURE_NAMES.join(', ')}]: fit it again with npm run fit`,
    );
    this.name = 'StaleJudgeError';
  }
}

/** Logistic regression over the features of {@link FEATURE_NAMES}: σ(bias + Σ weight × feature). */
export function createJudge(model: JudgeModel): Judge {
  if (model.features.length !== FEATURE_NAMES.length || model.features.some((f, i) => f !== FEATURE_NAMES[i]))
    throw new StaleJudgeError(model.features);
  const { weights, bias } = model;
  return {
    probability(features) {
      let z = bias;
      for (let i = 0; i < weights.length; i++) z += (weights[i] as number) * (features[i] ?? 0);
      return 1 / (1 + Math.exp(-z));
    },
    threshold: model.threshold,
  };
}
