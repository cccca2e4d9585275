// Generators of hostile and ordinary member input for the property-based tests, and the shared engine.
import fc from 'fast-check';
import type { Retriever } from '../../src/answer.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createRetriever } from '../../src/retriever.js';

let shared: Retriever | undefined;
/** The engine over the bundled corpus, indexed once per test file. */
export function retriever(): Retriever {
  shared ??= createRetriever(loadCorpus());
  return shared;
}

/** Words and intents the statement answers, so that generated queries reach real answers, not only no-matches. */
export const STATEMENT_WORDS = [
  '上清液',
  '細胞培養上清液',
  'エクソソーム',
  'エキソソーム',
  '細胞外小胞',
  'EV',
  'EV製剤',
  '安全性',
  '有効性',
  '薬機法',
  'PMDA',
  'GMP',
  '自由診療',
  '医薬品',
  'exosome',
  'supernatant',
  'safety',
  'GMP grade',
  'Fernández',
  '要点',
  '目次',
  '全文',
  'help',
  'key points',
] as const;

/** Slack markup a member might type to ping a channel, mention someone or disguise a link. */
const SLACK_MARKUP = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S123>',
  '<@U123>',
  '<@W123|boss>',
  '<#C123>',
  '<#C123|general>',
  '<https://evil|公式>',
  '<http://evil.example>',
  '<mailto:a@evil.example|公式窓口>',
  '&lt;!channel&gt;',
  '&amp;lt;@U123&amp;gt;',
  '<',
  '>',
  '&',
] as const;

/** mrkdwn, Markdown and Adaptive Card templating sequences (the inert `{{DATE()}}` forms). */
const FORMATTING = [
  '*bold*',
  '_italic_',
  '~strike~',
  '`code`',
  '```',
  '> quote',
  '**strong**',
  '[公式](https://evil.example)',
  '![x](https://evil.example/x.png)',
  '# heading',
  '- item',
  '1. item',
  '{{DATE()}}',
  '{{TIME()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: literal member input, not a template
  '${expr}',
  '{{=1+1}}',
  '\\*',
] as const;

/** Characters that break naive text handling: surrogates, combining marks, bidi, controls, zero-widths. */
export const ODD_CHARACTERS = [
  '𠮷',
  '😀',
  '👩‍👩‍👧',
  '🇯🇵',
  '\uD800',
  '\uDFFF',
  '\uDC00\uD800',
  'e\u0301',
  '\u0301',
  'か\u3099',
  'مرحبا',
  'שלום',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u0000',
  '\u0007',
  '\u001B[31m',
  '\u007F',
  '\u0085',
  '\r\n',
  '\t',
  '\u3000',
  'ＥＶ',
  '㍻',
] as const;

/** Regular-expression metacharacters and constructs, in case any reaches a RegExp unescaped. */
const REGEX_PIECES = [
  '.*',
  '.+?',
  '(a+)+$',
  '[^]',
  '\\',
  '\\p{L}',
  '(?<x>',
  '$&',
  '$1',
  '^',
  '|',
  '{1,}',
  ')',
  '(',
  '[',
] as const;

const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...STATEMENT_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...SLACK_MARKUP) },
  { weight: 2, arbitrary: fc.constantFrom(...FORMATTING) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_CHARACTERS) },
  { weight: 1, arbitrary: fc.constantFrom(...REGEX_PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      maxLength: 4,
    }),
  },
);

const separator = fc.constantFrom(' ', '', '\n', '\u3000', '、', '?', '　について');

/** A query a member could type: statement words mixed with markup, odd characters and random Unicode. */
const query: fc.Arbitrary<string> = fc
  .tuple(fc.array(piece, { maxLength: 8 }), separator)
  .map(([pieces, sep]) => pieces.join(sep));

/** A 10,000-character query (or longer) built by repeating a generated one, optionally after a real word. */
export const hugeQuery: fc.Arbitrary<string> = fc
  .tuple(fc.option(fc.constantFrom(...STATEMENT_WORDS), { nil: undefined }), query)
  .map(([word, q]) => {
    const unit = q === '' ? '<!channel>' : q;
    return `${word ?? ''}${unit.repeat(Math.ceil(10_000 / unit.length))}`;
  });

/** Any query: mostly ordinary lengths, sometimes 10,000 characters or more. */
export const anyQuery: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: query },
  { weight: 1, arbitrary: hugeQuery },
);

/** Paging as the front ends ask for it: an offset (next result) and a limit (1 in chats, up to 25 in search). */
export const paging: fc.Arbitrary<{ offset: number; limit: number }> = fc.record({
  offset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 })),
  limit: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 25 })),
});

/** Runs per property: enough to meet every generator, few enough for a 2-core CI machine. */
export const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
