import type { Answer, Quote } from '../../src/answer.js';
import { renderCard } from './card.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './card-types.js';
import { messagesFor } from './messages.js';
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

/** The first words of a passage, for the result list. */
function previewTitle(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > PREVIEW_LENGTH ? `${oneLine.slice(0, PREVIEW_LENGTH)}…` : oneLine;
}

function previewPlace(quote: Quote, answer: Answer): string {
  const m = messagesFor(answer.language);
  const { section, paragraph, kind } = quote.passage;
  const heading = answer.language === 'en' ? section.headingEn : section.heading;
  if (kind === 'signature') return heading;
  return `${heading} ${kind === 'key-point' ? m.point(paragraph) : m.paragraph(paragraph)}`;
}

/**
 * Renders an answer as a message-extension result list: each item previews the passage's first
 * words and its section and paragraph, and inserts the quote card (without buttons that post back
 * to the bot). Intents other than search and key points become a short message.
 */
export function renderSearchResults(answer: Answer): SearchExtensionResponse {
  if (answer.kind !== 'answer' && answer.kind !== 'key-points') {
    const text = answer.kind === 'usage' ? messagesFor(answer.language).searchHint : renderPlainText(answer);
    return { composeExtension: { type: 'message', text } };
  }
  const attachments = answer.quotes.map(
    (quote): SearchResultAttachment => ({
      contentType: ADAPTIVE_CARD_CONTENT_TYPE,
      content: renderCard(
        answer.kind === 'answer'
          ? { ...answer, quotes: [quote], offset: answer.offset + answer.quotes.indexOf(quote) }
          : { ...answer, quotes: [quote] },
        { interactive: false },
      ),
      preview: {
        contentType: 'application/vnd.microsoft.card.thumbnail',
        content: { title: previewTitle(quote.passage.text), text: previewPlace(quote, answer) },
      },
    }),
  );
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}
