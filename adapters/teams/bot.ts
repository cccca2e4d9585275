import {
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import type { Answer, Retriever } from '../../src/answer.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { logRequest, withRequest } from '../../src/request-log.js';
import { renderCard } from './card.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './card-types.js';
import { renderPlainText } from './plain-text.js';
import { renderSearchResults, SEARCH_COMMAND_ID, SEARCH_PARAMETER } from './search-extension.js';

/** Teams asks for 25 results at most; more would not fit the compose box's list anyway. */
const MAX_SEARCH_RESULTS = 25;
const DEFAULT_SEARCH_RESULTS = 10;

export interface QuoteBotOptions {
  readonly retriever: Retriever;
  readonly logger: Logger;
  readonly logQueries: Config['log']['queries'];
}

/** What a member asked: typed text, or a card button's data (next result, suggestion). */
function queryOf(context: TurnContext): { query: string; offset: number } {
  const value = context.activity.value as { action?: unknown; query?: unknown; offset?: unknown } | undefined;
  if (value && (value.action === 'next' || value.action === 'ask') && typeof value.query === 'string') {
    const offset = value.action === 'next' && typeof value.offset === 'number' ? value.offset : 0;
    return { query: value.query, offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0 };
  }
  if (typeof context.activity.text !== 'string') return { query: '', offset: 0 };
  // Channels and group chats prefix the text with <at>bot name</at>; that is not part of the question.
  return { query: TurnContext.removeRecipientMention(context.activity).trim(), offset: 0 };
}

/**
 * The Teams bot: every message and card button becomes one question to the retriever, answered
 * with one quote card (the "next result" button pages on); the search command of the message
 * extension lists matching quotes. No search logic here: the retriever decides what to say.
 */
export class QuoteBot extends TeamsActivityHandler {
  constructor(private readonly options: QuoteBotOptions) {
    super();
    this.onMessage(async (context, next) => {
      const { query, offset } = queryOf(context);
      const answer = options.retriever.ask(query, { limit: 1, offset });
      this.logAnswer(answer, 'message');
      await context.sendActivity({
        type: 'message',
        // Bot Framework's fallback for clients that cannot show cards (and notification previews).
        summary: renderPlainText(answer),
        attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(answer) }],
      });
      await next();
    });
  }

  protected override async handleTeamsMessagingExtensionQuery(
    _context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    if (query.commandId !== SEARCH_COMMAND_ID) {
      this.options.logger.warn({ commandId: query.commandId }, 'teams: unknown message extension command');
      return { composeExtension: { type: 'message', text: 'Unknown command' } };
    }
    const typed = query.parameters?.find((p) => p.name === SEARCH_PARAMETER)?.value;
    const text = typeof typed === 'string' ? typed.trim() : '';
    const skip = Math.max(0, Math.floor(query.queryOptions?.skip ?? 0));
    const count = Math.min(
      MAX_SEARCH_RESULTS,
      Math.max(1, Math.floor(query.queryOptions?.count ?? DEFAULT_SEARCH_RESULTS)),
    );
    // An empty compose box lists the key points, so the command is useful before anything is typed.
    const { retriever } = this.options;
    const answer = text === '' ? retriever.keyPoints() : retriever.ask(text, { limit: count, offset: skip });
    this.logAnswer(answer, 'search');
    return renderSearchResults(answer) as MessagingExtensionResponse;
  }

  // Each activity is one request for the per-request log line (id and latency).
  override run(context: TurnContext): Promise<void> {
    return withRequest(() => super.run(context));
  }

  private logAnswer(answer: Answer, source: 'message' | 'search'): void {
    const { logQueries, logger } = this.options;
    logRequest(logger, answer, { platform: 'teams', surface: source, queries: logQueries });
  }
}
