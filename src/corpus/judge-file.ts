import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type JudgeModel, parseJudge } from './judge.js';
import { defaultCorpusDir, JUDGE_FILE } from './sources.js';

/**
 * The judge fitted on the bundled corpus, for a corpus folder that brings none of its own (a
 * folder with another version of the statement, a test's corpus).
 */
export function bundledJudge(): JudgeModel {
  const file = join(defaultCorpusDir(), JUDGE_FILE);
  return parseJudge(readFileSync(file, 'utf8'), file);
}
