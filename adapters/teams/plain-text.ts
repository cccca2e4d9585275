import type { Answer } from '../../src/answer.js';
import { MESSAGES } from '../../src/messages.js';
import { messagesFor } from './messages.js';

/** The no-match text, with where to look instead in the words a Teams member would use. */
export function noMatchText(answer: Answer): string {
  const m = MESSAGES[answer.language];
  const suggestion =
    answer.language === 'ja'
      ? m.suggest('「目次」', '「要点」')
      : m.suggest('the topics (目次)', 'the key points (要点)');
  return `${m.noMatch(answer.query)}${answer.language === 'ja' ? '' : ' '}${suggestion}`;
}

function plainTextFor(answer: Answer): string {
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
      return noMatchText(answer);
    case 'usage':
      return [
        MESSAGES[language].welcome(),
        answer.usage.commands.map((c) => `${c.keyword} — ${c.description[language]}`).join('\n'),
        `${MESSAGES[language].examples}: ${answer.usage.examples.join(' / ')}`,
      ].join('\n\n');
  }
}

/**
 * The answer as plain text: sent with every card for clients and notifications that cannot show
 * Adaptive Cards. Quotes stay verbatim and keep their citation; a note says when the input was cut.
 */
export function renderPlainText(answer: Answer): string {
  const text = plainTextFor(answer);
  return answer.inputCut === undefined
    ? text
    : `${text}\n\n${MESSAGES[answer.language].inputCut(answer.inputCut)}`;
}
