import { z } from 'zod';
import { parseDataFile } from './data-file.js';

const questions = z.array(z.string().trim().min(1, 'write each question as a non-empty string')).default([]);
const bankSchema = z.object({ far: questions, near: questions, trap: questions });

/** A question the statement does not answer, and its kind (far, near, trap). */
export interface UnansweredQuestion {
  readonly q: string;
  readonly kind: 'far' | 'near' | 'trap';
}

/** Parses `corpus/unanswerable.yaml`: reviewed questions the statement does not answer, by kind. */
export function parseUnanswerable(source: string, file: string): readonly UnansweredQuestion[] {
  const bank = parseDataFile({ name: file, text: source }, bankSchema);
  return (['far', 'near', 'trap'] as const).flatMap((kind) => bank[kind].map((q) => ({ q, kind })));
}
