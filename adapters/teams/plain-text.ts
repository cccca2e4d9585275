import type { Answer, DocumentTopics, Language, Quote } from '../../src/answer.js';
import { documentStatusText } from '../../src/citation.js';
import { MESSAGES } from '../../src/messages.js';
import { entryLabel, type Messages, messagesFor, sentences } from './messages.js';

/**
 * The no-match text, with where to look instead in the words a Teams member would use. Without
 * `query` (plain-text summaries), it does not repeat what the member typed.
 */
export function noMatchText(language: Language, query?: string): string {
  const m = MESSAGES[language];
  const suggestion =
    language === 'ja'
      ? m.suggest('「目次」', '「要点」')
      : m.suggest('the topics (目次)', 'the key points (要点)');
  return sentences(language, m.noMatch(query), suggestion);
}

/** One quote and its citation as plain text, with the superseded line when its document was replaced. */
export function quotePlainText(quote: Quote, language: Language): string {
  const superseded = quote.citation.superseded?.note[language];
  const note = superseded === undefined ? '' : `\n${superseded}`;
  return `> ${quote.passage.text}\n— ${quote.citation.text[language]}${note}`;
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

function plainTextFor(answer: Answer): string {
  const { language } = answer;
  const m = messagesFor(language);
  const quoteLines = (quotes: Answer & { kind: 'answer' | 'key-points' }) =>
    quotes.quotes.map((q) => quotePlainText(q, language));
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
      return [
        m.fullTextIntro,
        ...answer.documents.map(
          (d) =>
            `${d.title}（${d.dateAsWritten}）\n${documentStatusText(d, answer.documents, language)}\n${d.url}`,
        ),
      ].join('\n\n');
    case 'no-match':
      return noMatchText(language);
    case 'usage':
      return [
        MESSAGES[language].welcome(),
        answer.usage.commands.map((c) => `${c.keyword} — ${c.description[language]}`).join('\n'),
        `${MESSAGES[language].examples}: ${answer.usage.examples.join(' / ')}`,
      ].join('\n\n');
  }
}

/**
 * The answer as plain text: sent with every card (`summary`, `fallbackText`) for clients and
 * notifications that cannot show Adaptive Cards. Quotes stay verbatim and keep their citation; a
 * note says when the input was cut. It never repeats what the member typed: a notification or a
 * fallback is read out of context, where a crafted query could pass for the bot's (or the
 * society's) own words.
 */
export function renderPlainText(answer: Answer): string {
  const text = plainTextFor(answer);
  return answer.inputCut === undefined
    ? text
    : `${text}\n\n${MESSAGES[answer.language].inputCut(answer.inputCut)}`;
}
