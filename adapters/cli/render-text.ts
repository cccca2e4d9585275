import type { Answer, Highlight, Quote } from '../../src/answer.js';

/** How highlighted terms are marked: ANSI bold on a terminal, 【】 elsewhere. */
export interface TextStyle {
  readonly mark: (text: string) => string;
}

export const ANSI_STYLE: TextStyle = { mark: (text) => `\x1b[1;33m${text}\x1b[0m` };
export const PLAIN_STYLE: TextStyle = { mark: (text) => `【${text}】` };

/** The passage text with its highlights marked; everything else verbatim. */
export function markHighlights(text: string, highlights: readonly Highlight[], style: TextStyle): string {
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
  if (quote.passage.references.length > 0) {
    lines.push(`  ${language === 'ja' ? '引用文献' : 'References'}: ${quote.passage.references.join(' / ')}`);
  }
  return lines.join('\n');
}

/** Renders an answer for a person at a terminal. Pure: same answer, same text. */
export function renderText(answer: Answer, style: TextStyle = PLAIN_STYLE): string {
  const ja = answer.language === 'ja';
  switch (answer.kind) {
    case 'answer': {
      const header = ja
        ? `「${answer.query}」に該当する箇所 (${answer.quotes.length}/${answer.total} 件):`
        : `Passages for "${answer.query}" (${answer.quotes.length} of ${answer.total}):`;
      const parts = [header, ...answer.quotes.map((q) => quoteBlock(q, answer.language, style))];
      if (answer.unmatched.length > 0) {
        parts.push(
          ja
            ? `※ 見解に含まれない語: ${answer.unmatched.join('、')}`
            : `Note: the statement does not contain: ${answer.unmatched.join(', ')}`,
        );
      }
      return `${parts.join('\n\n')}\n`;
    }
    case 'no-match': {
      const lines = ja
        ? [
            `「${answer.query}」について、見解には該当する記述がありません。`,
            '見解が扱う内容は「目次」、要点は「要点」で確認できます。',
          ]
        : [
            `The statement does not address "${answer.query}".`,
            'Ask "topics" for what it covers, or "key points" for its two key points.',
          ];
      return `${lines.join('\n')}\n`;
    }
    case 'usage': {
      const lines = ja
        ? [
            '日本細胞外小胞学会の見解から、質問に該当する箇所を原文のまま引用します。',
            '',
            '使い方: npm run ask -- <キーワードまたは質問>',
            '例:',
          ]
        : [
            'Quotes the JSEV statement verbatim for your question.',
            '',
            'Usage: npm run ask -- <keyword or question>',
            'Examples:',
          ];
      lines.push(...answer.usage.examples.map((e) => `  ${e}`), '');
      for (const c of answer.usage.commands) {
        lines.push(`  ${ja ? c.keyword : c.en}  ${ja ? c.description.ja : c.description.en}`);
      }
      return `${lines.join('\n')}\n`;
    }
    case 'key-points':
      return `${[ja ? '要点:' : 'Key points:', ...answer.quotes.map((q) => quoteBlock(q, answer.language, style))].join('\n\n')}\n`;
    case 'topics': {
      const lines: string[] = [];
      for (const { document, sections } of answer.topics) {
        lines.push(`${document.title}（${document.dateAsWritten}）`);
        for (const section of sections) {
          lines.push(`  ${ja ? section.heading : `${section.headingEn} (${section.heading})`}`);
          for (const entry of section.entries) lines.push(`    ${entry.paragraph}. ${entry.firstSentence}`);
        }
      }
      return `${lines.join('\n')}\n`;
    }
    case 'full-text':
      return `${answer.documents
        .map((d) =>
          ja
            ? `全文: ${d.issuer.ja}「${d.title}」（${d.dateAsWritten}）\n${d.url}`
            : `Full text: ${d.issuer.en}, "${d.titleEn}" (${d.date})\n${d.url}`,
        )
        .join('\n\n')}\n`;
  }
}
