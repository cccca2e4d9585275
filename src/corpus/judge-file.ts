import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusError } from './errors.js';
import type { JudgeModel } from './judge.js';
import { defaultCorpusDir, JUDGE_FILE } from './sources.js';

const numbers = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((n) => typeof n === 'number');

/**
 * The judge fitted on the bundled corpus, for a corpus folder that brings none of its own (a
 * folder with another version of the statement, a test's corpus). Read without zod, which start-up
 * does not load: the bundled file is validated with the bundled corpus (npm run check).
 */
export function bundledJudge(): JudgeModel {
  const file = join(defaultCorpusDir(), JUDGE_FILE);
  let model: Partial<JudgeModel>;
  try {
    model = JSON.parse(readFileSync(file, 'utf8')) as Partial<JudgeModel>;
  } catch (cause) {
    throw new CorpusError(file, 'file', 'cannot be read as JSON', 'fit it again: npm run fit', { cause });
  }
  const { features, weights, bias, threshold, inputs } = model;
  if (
    !Array.isArray(features) ||
    !numbers(weights) ||
    typeof bias !== 'number' ||
    typeof threshold !== 'number'
  )
    throw new CorpusError(file, 'file', 'is not a fitted judge', 'fit it again: npm run fit');
  return { features, weights, bias, threshold, inputs: inputs ?? '' };
}
