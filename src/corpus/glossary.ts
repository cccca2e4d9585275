import { z } from 'zod';
import { CorpusError } from './errors.js';
import { parseYaml } from './yaml.js';

const entrySchema = z.object({
  ja: z.array(z.string().min(1)).min(1, 'list at least one Japanese form as written in the statement'),
  en: z.array(z.string().min(1)).default([]),
  variants: z.array(z.string().min(1)).default([]),
  /** Words about the document or its issuer (学会, statement): they say nothing about what is asked. */
  meta: z.boolean().default(false),
});

const glossarySchema = z.object({ terms: z.array(entrySchema) });

export type GlossaryEntry = z.infer<typeof entrySchema>;
export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
}

/** Parses `corpus/glossary.yaml`; throws {@link CorpusError} naming the entry and field at fault. */
export function parseGlossary(source: string, file: string): Glossary {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (cause) {
    throw new CorpusError(file, 'glossary', 'is not valid YAML', 'check indentation and quoting', { cause });
  }
  const parsed = glossarySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorpusError(
      file,
      issue?.path.join('.') || 'terms',
      'is invalid',
      issue?.message ?? 'see the comment at the top of the file',
      { cause: z.prettifyError(parsed.error) },
    );
  }
  return { entries: parsed.data.terms };
}
