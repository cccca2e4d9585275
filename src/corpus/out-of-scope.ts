import { z } from 'zod';
import { parseDataFile } from './data-file.js';

const pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'write a valid JavaScript regular expression (u flag)' },
);

const kindSchema = z.object({
  /** Short name of the kind of question, e.g. `cost`. */
  kind: z.string().regex(/^[a-z][a-z-]*$/, 'name the kind in lower-case words joined by -'),
  /** What kind of question this is, for reviewers. */
  about: z.string().min(1, 'say which questions this kind covers'),
  /** Regular expressions over the normalised question (NFKC, lower case); any one match puts it out of scope. */
  patterns: z.array(pattern).min(1, 'give at least one pattern'),
  /** Questions of this kind (from corpus/unanswerable.yaml), Japanese and English: a test checks each is caught. */
  examples: z.array(z.string().min(1)).min(2, 'give a Japanese and an English example'),
});

const fileSchema = z.object({ kinds: z.array(kindSchema, 'list the kinds under "kinds:"') });

/** A kind of question the statement never answers (cost, which clinic, membership, …). */
export type OutOfScopeKind = z.infer<typeof kindSchema>;

/** Parses `corpus/out-of-scope.yaml`; throws a `CorpusError` naming the kind and field at fault. */
export function parseOutOfScope(source: string, file: string): readonly OutOfScopeKind[] {
  return parseDataFile({ name: file, text: source }, fileSchema).kinds;
}
