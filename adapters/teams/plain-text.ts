import type { Answer } from '../../src/answer.js';
import { messagesFor } from './messages.js';

/**
 * The answer as plain text: sent with every card for clients and notifications that cannot show
 * Adaptive Cards. Quotes stay verbatim and keep their citation.
 */
export function renderPlainText(answer: Answer): string {
  const { language } = answer;
  const m = messagesFor(language);
  const quoteLines = (quotes: Answer & { kind: 'answer' | 'key-points' }) =>
    quotes.quotes.map((q) => `> ${q.passage.text}\n— ${q.citation.text[language]}`);
  switch (answer.kind) {
    case 'answer': {
      const { offset, quotes, total, query } = answer;
      const heading =
        quotes.length === 1
          ? m.resultOfOne(query, offset + 1, total)
          : m.resultOf(query, offset + 1, offset + quotes.length, total);
      return [heading, ...quoteLines(answer)].join('\n\n');
    }
    case 'key-points':
      return [m.keyPoints, ...quoteLines(answer)].join('\n\n');
    case 'topics':
      return [
        m.topics,
        ...answer.topics.flatMap((doc) =>
          doc.sections.map(
            (s) =>
              `${s.heading}\n${s.entries.map((e) => `${m.paragraph(e.paragraph)} ${e.firstSentence}`).join('\n')}`,
          ),
        ),
      ].join('\n\n');
    case 'full-text':
      return [m.fullTextIntro, ...answer.documents.map((d) => `${d.title}\n${d.url}`)].join('\n\n');
    case 'no-match':
      return m.noMatch(answer.query);
    case 'usage':
      return [
        m.usageIntro,
        answer.usage.commands.map((c) => `${c.keyword} — ${c.description[language]}`).join('\n'),
        `${m.examples}: ${answer.usage.examples.join(' / ')}`,
      ].join('\n\n');
  }
}
