import { z } from 'zod';
import { parseDataFile } from './data-file.js';

const entrySchema = z
  .object({
    ja: z.array(z.string().min(1)).min(1, 'list at least one Japanese form as written in the statement'),
    en: z.array(z.string().min(1)).default([]),
    variants: z.array(z.string().min(1)).default([]),
    /** Words about the document or its issuer (学会, statement): they say nothing about what is asked. */
    meta: z.boolean().default(false),
    /**
     * Which of its en forms and variants are everyday words (safe, recommend, 美容): they reach the
     * statement's term only when the question is about its subject too.
     */
    everyday: z.array(z.string().min(1)).default([]),
  })
  .refine((e) => e.everyday.every((f) => e.en.includes(f) || e.variants.includes(f)), {
    message: "list in everyday only forms of the entry's en or variants",
    path: ['everyday'],
  });

const glossarySchema = z.object({ terms: z.array(entrySchema) });

export type GlossaryEntry = z.infer<typeof entrySchema>;
export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
}

/** Parses `corpus/glossary.yaml`; throws a `CorpusError` naming the entry and field at fault. */
export function parseGlossary(source: string, file: string): Glossary {
  return { entries: parseDataFile({ name: file, text: source }, glossarySchema).terms };
}
