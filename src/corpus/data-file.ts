import { YAMLException } from 'js-yaml';
import { z } from 'zod';
import { CorpusError } from './errors.js';
import type { SourceFile } from './sources.js';
import { parseYaml } from './yaml.js';

/** How a data file is put right beyond what its schema says, e.g. a generated file's "regenerate it". */
export interface DataFileHelp {
  /** Appended in brackets to every fix, e.g. `or regenerate it: see its header`. */
  readonly also?: string;
}

/**
 * Parses one of the corpus's YAML data files (glossary, out-of-scope, synonyms, lexicon…) and
 * validates it with `schema`. Returns the schema's output; throws {@link CorpusError} naming the file,
 * the line (bad YAML) or the field (bad data, e.g. `terms.3.ja`) and the fix (the schema's message).
 */
export function parseDataFile<T>(file: SourceFile, schema: z.ZodType<T>, help: DataFileHelp = {}): T {
  const fix = (text: string): string => (help.also ? `${text} (${help.also})` : text);
  let data: unknown;
  try {
    data = parseYaml(file.text);
  } catch (cause) {
    const line = cause instanceof YAMLException && cause.mark ? `line ${cause.mark.line + 1}` : 'file';
    const reason = cause instanceof YAMLException ? ` (${cause.reason})` : '';
    throw new CorpusError(
      file.name,
      line,
      `is not valid YAML${reason}`,
      fix('check indentation and quoting'),
      {
        cause,
      },
    );
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new CorpusError(
    file.name,
    issue?.path.join('.') || 'file',
    'is invalid',
    fix(issue?.message ?? 'see the comment at the top of the file'),
    { cause: z.prettifyError(parsed.error) },
  );
}
