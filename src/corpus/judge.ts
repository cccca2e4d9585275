import { z } from 'zod';
import { parseDataFile } from './data-file.js';

const judgeSchema = z
  .object({
    /** The signals weighed, in order (src/search/features.ts names them). */
    features: z.array(z.string().min(1)).min(1, 'list the features the weights are for'),
    weights: z.array(z.number()),
    bias: z.number(),
    /** A passage answers when its probability is at least this. */
    threshold: z.number().min(0).max(1),
    /** Hash of what the judge was fitted on (questions, negatives, feature code): `--check` compares it. */
    inputs: z.string().min(1),
  })
  .refine((m) => m.weights.length === m.features.length, {
    message: 'give one weight per feature',
    path: ['weights'],
  });

/** The fitted judge (corpus/judge.json, written by `npm run fit`): logistic regression weights and threshold. */
export type JudgeModel = z.infer<typeof judgeSchema>;

/** Parses `corpus/judge.json`; throws a `CorpusError` naming the field at fault. */
export function parseJudge(source: string, file: string): JudgeModel {
  return parseDataFile({ name: file, text: source }, judgeSchema, { also: 'or fit it again: npm run fit' });
}
