import type { Answer, Highlight, Quote, UsageAnswer } from '../../src/answer.js';
import { documentStatusText } from '../../src/citation.js';
import { MESSAGES } from '../../src/messages.js';

/** How highlighted terms are marked: ANSI bold on a terminal, 【】 elsewhere. */
export interface TextStyle {
  readonly mark: (text: string) => string;
}

export const ANSI_STYLE: TextStyle = { mark: (text) => `\x1b[1;33m${text}\x1b[0m` };
export const PLAIN_STYLE: TextStyle = { mark: (text) => `【${text}】` };

/** The passage text with its highlights marked; everything else verbatim. */
function markHighlights(text: string, highlights: readonly Highlight[], style: TextStyle): string {
  let out = '';
  let at = 0;
  for (const { start, end } of highlights) {
    out += text.slice(at, start) + style.mark(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

function quoteBlock(quote: Quote, language: 'ja' | 'en', style: TextStyle): string {
  const lines = [
    markHighlights(quote.passage.text, quote.highlights, style)
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
    '',
    `— ${quote.citation.text[language]}`,
  ];
  const superseded = quote.citation.superseded?.note[language];
  if (superseded !== undefined) lines.push(`  ${superseded}`);
  if (quote.passage.references.length > 0) {
    lines.push(`  ${MESSAGES[language].references}: ${quote.passage.references.join(' / ')}`);
  }
  return lines.join('\n');
}

function renderUsage(answer: UsageAnswer): string {
  const ja = answer.language === 'ja';
  const m = MESSAGES[answer.language];
  const lines = [
    m.welcome(),
    '',
    `${m.howToAsk}: npm run ask -- <${m.placeholder}>`,
    `${m.examples}:`,
    ...answer.usage.examples.map((e) => `  ${e}`),
    '',
    ...answer.usage.commands.map((c) => `  ${ja ? c.keyword : c.en}  ${c.description[answer.language]}`),
  ];
  return `${lines.join('\n')}\n`;
}

function renderTopics(answer: Answer & { kind: 'topics' }): string {
  const ja = answer.language === 'ja';
  const lines: string[] = [];
  const documents = answer.topics.map((t) => t.document);
  for (const { document, sections } of answer.topics) {
    const status = documentStatusText(document, documents, answer.language);
    lines.push(`${document.title}（${document.dateAsWritten}）`, `  ${status}`);
    for (const section of sections) {
      lines.push(`  ${ja ? section.heading : `${section.headingEn} (${section.heading})`}`);
      for (const entry of section.entries) lines.push(`    ${entry.paragraph}. ${entry.firstSentence}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function renderKind(answer: Answer, style: TextStyle): string {
  const ja = answer.language === 'ja';
  const m = MESSAGES[answer.language];
  const quotes = (list: readonly Quote[]) => list.map((q) => quoteBlock(q, answer.language, style));
  switch (answer.kind) {
    case 'answer': {
      const header = ja
        ? `「${answer.query}」に該当する箇所 (${answer.quotes.length}/${answer.total} 件):`
        : `Passages for "${answer.query}" (${answer.quotes.length} of ${answer.total}):`;
      const notes = answer.unmatched.length > 0 ? [m.unmatched(answer.unmatched)] : [];
      return `${[header, ...quotes(answer.quotes), ...notes].join('\n\n')}\n`;
    }
    case 'no-match': {
      const suggestion = ja ? m.suggest('「目次」', '「要点」') : m.suggest('"topics"', '"key points"');
      return `${m.noMatch(answer.query)}\n${suggestion}\n`;
    }
    case 'usage':
      return renderUsage(answer);
    case 'key-points':
      return `${[ja ? '要点:' : 'Key points:', ...quotes(answer.quotes)].join('\n\n')}\n`;
    case 'topics':
      return renderTopics(answer);
    case 'full-text':
      return `${answer.documents
        .map((d) => {
          const status = documentStatusText(d, answer.documents, answer.language);
          return ja
            ? `全文: ${d.issuer.ja}「${d.title}」（${d.dateAsWritten}）\n${status}\n${d.url}`
            : `Full text: ${d.issuer.en}, "${d.titleEn}" (${d.date})\n${status}\n${d.url}`;
        })
        .join('\n\n')}\n`;
  }
}

/** Renders an answer for a person at a terminal, with a note when the input was cut. Pure. */
export function renderText(answer: Answer, style: TextStyle = PLAIN_STYLE): string {
  const text = renderKind(answer, style);
  return answer.inputCut === undefined
    ? text
    : `${text}\n${MESSAGES[answer.language].inputCut(answer.inputCut)}\n`;
}
