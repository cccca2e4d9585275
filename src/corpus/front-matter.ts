import { z } from 'zod';

const documentId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, e.g. jsev-2023-12-25');

/** The YAML front matter every corpus document carries. */
export const frontMatterSchema = z.object({
  id: documentId,
  title: z.string().min(1, 'give the title exactly as printed'),
  title_en: z.string().min(1, 'give an English rendering of the title for English citations'),
  issuer: z.object({
    ja: z.string().min(1, 'give the issuer in Japanese, e.g. 日本細胞外小胞学会'),
    en: z.string().min(1, 'give the issuer in English'),
  }),
  date: z.iso.date('write the publication date as YYYY-MM-DD (quote it if your editor adds a time)'),
  date_as_written: z.string().min(1, 'copy the date as printed, e.g. 令和5年12月25日'),
  url: z.url({ protocol: /^https$/, error: 'give the https address of the published document' }),
  language: z.enum(['ja', 'en'], 'set language to ja or en'),
  /** A later document may replace this one: then `superseded`, naming it in `superseded_by`. */
  status: z.enum(['current', 'superseded'], 'set status to current or superseded').default('current'),
  superseded_by: documentId.optional(),
  /** Seal of the reviewed body: a file cut short or edited without review no longer matches. */
  body_sha256: z.string().regex(/^[0-9a-f]{64}$/, 'give the SHA-256 of the reviewed body (64 hex digits)'),
  references: z
    .record(
      z.string().regex(/^[a-z]+\d*$/, 'key references by passage key, e.g. p2'),
      z.array(z.string().min(1)),
    )
    .default({}),
  /**
   * The passage that tells of the issuer itself (what the society is and does, its history and
   * ties): the answer to a newcomer's "what is JSEV?" (src/intent-words.ts, `society`).
   */
  about_the_issuer: z
    .string()
    .regex(/^[a-z]+\d*$/, 'name the passage by its key, e.g. p8')
    .optional(),
  /**
   * The passage that tells what prompted the statement (the concern it answers): the answer to a
   * reporter's "why did the society issue this?" (src/intent-words.ts, `occasion`).
   */
  occasion: z
    .string()
    .regex(/^[a-z]+\d*$/, 'name the passage by its key, e.g. p2')
    .optional(),
  /** Questions each passage answers (passage key → questions): a way in for search, never quoted. */
  questions: z.record(
    z.string().regex(/^[a-z]+\d*$/, 'key questions by passage key, e.g. p2'),
    z
      .array(z.string().trim().min(1, 'write each question as a non-empty line'))
      .min(1, 'list at least one question the passage answers'),
    'add a "questions:" map: each passage key with the questions it answers (see docs/corpus.md)',
  ),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
