// What the judge's weights depend on: the corpus data it searches, its negatives, and the code that
// turns a question and a passage into features. A change to any of them makes the weights stale.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JUDGE_FILE } from '../../src/corpus/sources.js';

/** Code folders whose files compute the features (analysis, vocabulary, evidence, subject). */
const FEATURE_CODE = ['src/search', 'src/text'];

/** SHA-256 of every corpus file but the judge itself, and of the feature code. */
export function judgeInputsHash(corpusDir: string, root: string): string {
  const hash = createHash('sha256');
  const add = (dir: string, name: string) =>
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(join(dir, name)))
      .update('\0');
  for (const name of readdirSync(corpusDir).sort()) if (name !== JUDGE_FILE) add(corpusDir, name);
  for (const folder of FEATURE_CODE) {
    const dir = join(root, folder);
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.ts')) add(dir, name);
  }
  return hash.digest('hex');
}
