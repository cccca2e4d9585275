import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDataFile } from '../../../src/corpus/data-file.js';
import { CorpusError } from '../../../src/corpus/errors.js';

const schema = z.object({
  terms: z.array(
    z.object({ ja: z.array(z.string()).min(1, 'list at least one form'), en: z.string().default('') }),
  ),
});
const file = (text: string) => ({ name: 'data.yaml', text });

/** The CorpusError parsing `text` throws (fails the test if it parses). */
function errorOf(text: string, also?: string): CorpusError {
  try {
    parseDataFile(file(text), schema, also ? { also } : {});
  } catch (error) {
    if (error instanceof CorpusError) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

describe('parseDataFile', () => {
  it("returns the schema's output, defaults filled in", () => {
    expect(parseDataFile(file('terms:\n  - ja: [上清]\n'), schema)).toEqual({
      terms: [{ ja: ['上清'], en: '' }],
    });
  });

  it('names the file and the line when the YAML does not parse', () => {
    const error = errorOf('terms:\n  - ja: [上清\n    en: ]]\n');
    expect(error.message).toMatch(/^data\.yaml: line \d+: is not valid YAML \(.+\)\. Fix: check indentation/);
  });

  it("names the field at fault and gives the schema's message as the fix", () => {
    const error = errorOf('terms:\n  - ja: [上清]\n  - ja: []\n');
    expect([error.file, error.field, error.fix]).toEqual([
      'data.yaml',
      'terms.1.ja',
      'list at least one form',
    ]);
  });

  it('names the file itself when the whole document has the wrong shape', () => {
    expect(errorOf('just words\n').field).toBe('file');
  });

  it('adds what else puts the file right, for generated files', () => {
    expect(errorOf('terms: 3\n', 'or regenerate it').fix).toMatch(/ \(or regenerate it\)$/);
  });
});
