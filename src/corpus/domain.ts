import { z } from 'zod';
import { parseDataFile } from './data-file.js';

const words = z.array(z.string().trim().min(1, 'write each word as a non-empty string'));
const byLanguage = z.object({ ja: words.default([]), en: words.default([]) });

const domainSchema = z.object({
  names: byLanguage.describe('words that alone name the subject'),
  cues: byLanguage.describe('everyday words that point at it together'),
});

/** How members name the statement's subject: names alone, cues together (corpus/domain.yaml). */
export type DomainVocabulary = z.infer<typeof domainSchema>;

/** Parses `corpus/domain.yaml`; throws a `CorpusError` naming the list and entry at fault. */
export function parseDomain(source: string, file: string): DomainVocabulary {
  return parseDataFile({ name: file, text: source }, domainSchema);
}
