import type { Answer, DocumentTopics } from '../../src/answer.js';
import { entryLabel, type Messages, messagesFor } from './messages.js';

/**
 * The answer as plain text: sent with every card (`summary`, `fallbackText`) for clients and
 * notifications that cannot show Adaptive Cards. Quotes stay verbatim and keep their citation. It
 * never repeats what the member typed: a notification or a fallback is read out of context, where
 * a crafted query could pass for the bot's (or the society's) own words.
 */
export function renderPlainText(answer: Answer): string {
  const { language } = answer;
  const m = messagesFor(language);
  const quoteLines = (quotes: Answer & { kind: 'answer' | 'key-points' }) =>
    quotes.quotes.map((q) => `> ${q.passage.text}\n— ${q.citation.text[language]}`);
  switch (answer.kind) {
    case 'answer': {
      const { offset, quotes, total } = answer;
      return [m.resultPlain(offset + 1, offset + quotes.length, total), ...quoteLines(answer)].join('\n\n');
    }
    case 'key-points':
      return [m.keyPoints, ...quoteLines(answer)].join('\n\n');
    case 'topics':
      return [m.topics, ...topicsText(answer.topics, m)].join('\n\n');
    case 'full-text':
      return [m.fullTextIntro, ...answer.documents.map((d) => `${d.title}\n${d.url}`)].join('\n\n');
    case 'no-match':
      return m.noMatchPlain;
    case 'usage':
      return [
        m.usageIntro,
        answer.usage.commands.map((c) => `${c.keyword} — ${c.description[language]}`).join('\n'),
        `${m.examples}: ${answer.usage.examples.join(' / ')}`,
      ].join('\n\n');
  }
}

function topicsText(topics: readonly DocumentTopics[], m: Messages): string[] {
  return topics.flatMap((doc) =>
    doc.sections.map((s) => {
      const entries = s.entries.map((e) => {
        const label = entryLabel(e, m);
        return label ? `${label} ${e.firstSentence}` : e.firstSentence;
      });
      return [s.heading, ...entries].join('\n');
    }),
  );
}
