import type { Answer, Quote } from '../../src/answer.js';
import { MESSAGES } from '../../src/messages.js';
import { renderInsertedQuote } from './card.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './card-types.js';
import { entryLabel, messagesFor } from './messages.js';
import { renderPlainText } from './plain-text.js';

/** The command id declared in the manifest's composeExtensions. */
export const SEARCH_COMMAND_ID = 'searchQuote';
/** Its one parameter. */
export const SEARCH_PARAMETER = 'query';

const PREVIEW_LENGTH = 60;

interface SearchResultAttachment {
  readonly contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  readonly content: AdaptiveCard;
  readonly preview: {
    readonly contentType: 'application/vnd.microsoft.card.thumbnail';
    readonly content: { readonly title: string; readonly text: string };
  };
}

/** The body of a `composeExtension/query` invoke response. */
export type SearchExtensionResponse =
  | {
      readonly composeExtension: {
        readonly type: 'result';
        readonly attachmentLayout: 'list';
        readonly attachments: readonly SearchResultAttachment[];
      };
    }
  | { readonly composeExtension: { readonly type: 'message'; readonly text: string } };

/**
 * What the result list shows instead of quotes: one or two lines, as the list has room for (the
 * table of contents as its section headings, not every paragraph's first sentence).
 */
function searchMessage(answer: Exclude<Answer, { kind: 'answer' | 'key-points' }>): string {
  const m = messagesFor(answer.language);
  switch (answer.kind) {
    case 'usage':
      return m.searchHint;
    case 'topics': {
      const headings = answer.topics.flatMap((doc) =>
        doc.sections.map((s) => (answer.language === 'en' ? s.headingEn : s.heading)),
      );
      const brief = m.topicsBrief(headings.join(answer.language === 'en' ? ', ' : '／'));
      return `${brief}${answer.language === 'en' ? ' ' : ''}${m.searchHint}`;
    }
    case 'full-text':
    case 'no-match':
      return renderPlainText(answer);
  }
}

/** The opening words of a passage, for the preview text under a result's title. */
function previewOpening(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > PREVIEW_LENGTH ? `${oneLine.slice(0, PREVIEW_LENGTH)}…` : oneLine;
}

/**
 * A result's title: where the passage is (section and paragraph), short enough for one line of the
 * result list, with the status of a superseded document.
 */
function previewTitle(quote: Quote, answer: Answer): string {
  const { section } = quote.passage;
  const heading = answer.language === 'en' ? section.headingEn : section.heading;
  const label = entryLabel(quote.passage, messagesFor(answer.language));
  const place = label ? `${heading} ${label}` : heading;
  return quote.citation.status === 'superseded'
    ? `${place}（${MESSAGES[answer.language].status.superseded}）`
    : place;
}

/**
 * Renders an answer as a message-extension result list: each item is titled with the passage's
 * section and paragraph and previews its opening words, and inserts the quote card (without
 * heading, and without buttons that post back to the bot). Intents other than search and key
 * points become a short message.
 */
export function renderSearchResults(answer: Answer): SearchExtensionResponse {
  if (answer.kind !== 'answer' && answer.kind !== 'key-points') {
    return { composeExtension: { type: 'message', text: searchMessage(answer) } };
  }
  const attachments = answer.quotes.map(
    (quote): SearchResultAttachment => ({
      contentType: ADAPTIVE_CARD_CONTENT_TYPE,
      content: renderInsertedQuote(quote, answer),
      preview: {
        contentType: 'application/vnd.microsoft.card.thumbnail',
        content: { title: previewTitle(quote, answer), text: previewOpening(quote.passage.text) },
      },
    }),
  );
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}
