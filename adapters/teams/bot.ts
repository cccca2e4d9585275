import { type InvokeResponse, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { Answer, Retriever } from '../../src/answer.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { logFeedback, logRequest, withRequest } from '../../src/request-log.js';
import { askAll } from '../../src/retriever.js';
import { AnsweredMessages, feedbackOf } from './answered.js';
import { renderCard, renderCopyAllCard } from './card.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './card-types.js';
import { messageContent } from './inserted-card.js';
import { BAD_REQUEST, CARD_ACTION_NOT_SUPPORTED, INVOKE, searchRequestOf } from './invokes.js';
import { composeCardHint, messagesFor } from './messages.js';
import { renderPlainText } from './plain-text.js';
import { renderSearchResults, SEARCH_COMMAND_ID, SEARCH_PARAMETER } from './search-extension.js';
import { languageOfLocale, renderWelcome, welcomeText } from './welcome.js';

export interface QuoteBotOptions {
  readonly retriever: Retriever;
  readonly logger: Logger;
  readonly logQueries: Config['log']['queries'];
  /** Remembers which passage each sent answer quoted, for feedback; one per bot by default. */
  readonly answered?: AnsweredMessages;
}

/**
 * What a member asked, that they want every quote of an answer as one block ("copy all"), or that
 * the message holds only an inserted card (nothing to answer).
 */
type MessageQuery =
  | { kind: 'query'; query: string; offset: number }
  | { kind: 'copy-all'; query: string }
  | { kind: 'card-only' };

/** What a member asked: typed text, or a card button's data (next result, suggestion, copy all). */
function queryOf(context: TurnContext): MessageQuery {
  const value = context.activity.value as { action?: unknown; query?: unknown; offset?: unknown } | undefined;
  if (value?.action === 'copy-all' && typeof value.query === 'string') {
    return { kind: 'copy-all', query: value.query };
  }
  if (value && (value.action === 'next' || value.action === 'ask') && typeof value.query === 'string') {
    const offset = value.action === 'next' && typeof value.offset === 'number' ? value.offset : 0;
    return {
      kind: 'query',
      query: value.query,
      offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
    };
  }
  const { text, attachments } = context.activity;
  // Channels and group chats prefix the text with <at>bot name</at>; that is not part of the question.
  const typed = typeof text === 'string' ? TurnContext.removeRecipientMention(context.activity) : '';
  const content = messageContent(typed, Array.isArray(attachments) ? attachments.length : 0);
  return content.kind === 'card-only' ? content : { kind: 'query', query: content.text, offset: 0 };
}

/**
 * The Teams bot: every message and card button becomes one question to the retriever, answered
 * with one quote card (the "next result" button pages on, Teams' feedback buttons rate it); the
 * search command of the message extension lists matching quotes. Installing the app in a personal
 * chat gets a short welcome. No search logic here: the retriever decides what to say.
 */
export class QuoteBot extends TeamsActivityHandler {
  private readonly answered: AnsweredMessages;

  constructor(private readonly options: QuoteBotOptions) {
    super();
    this.answered = options.answered ?? new AnsweredMessages();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcomeOnInstall(context);
      await next();
    });
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const asked = queryOf(context);
    if (asked.kind === 'card-only') {
      // Both languages, as the apology: nothing typed says which one the member reads, and Teams'
      // locale is the client's (often English for Japanese members).
      const example = this.options.retriever.usage().usage.examples[0] ?? '上清液';
      const hint = `${composeCardHint('ja', example)} / ${composeCardHint('en', example)}`;
      await context.sendActivity({ type: 'message', text: hint, textFormat: 'plain' });
      return;
    }
    if (asked.kind === 'copy-all') {
      await this.copyAll(context, asked.query);
      return;
    }
    const answer = this.options.retriever.ask(asked.query, { limit: 1, offset: asked.offset });
    this.logAnswer(answer, 'message');
    const quoted = answer.kind === 'answer' ? answer.quotes[0] : undefined;
    const sent = await context.sendActivity({
      type: 'message',
      // Bot Framework's fallback for clients that cannot show cards (and notification previews).
      summary: renderPlainText(answer),
      attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(answer) }],
      // Teams' own 👍/👎 under the message; a press arrives as a message/submitAction invoke.
      ...(quoted ? { channelData: { feedbackLoopEnabled: true } } : {}),
    });
    if (quoted && sent?.id) {
      this.answered.remember(sent.id, {
        passageId: quoted.passage.id,
        ...(this.options.logQueries === 'all' ? { query: answer.query } : {}),
      });
    }
  }

  /**
   * "Copy all" under an answer: every quote of it (all results, not only the one shown) as one
   * copy-ready block, in a card of its own.
   */
  private async copyAll(context: TurnContext, query: string): Promise<void> {
    const all = askAll(this.options.retriever, query);
    this.logAnswer(all, 'copy-all');
    const card = renderCopyAllCard(all);
    if (!card) return;
    await context.sendActivity({
      type: 'message',
      summary: messagesFor(all.language).copyAll,
      attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
    });
  }

  /**
   * Installing the app in a personal chat adds the bot to that conversation (`membersAdded` naming
   * the bot). Teams also sends an `installationUpdate` for the same install: it gets no message, so
   * the member is welcomed once.
   */
  private async welcomeOnInstall(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.conversation?.conversationType !== 'personal') return;
    if (!(activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id)) return;
    const usage = this.options.retriever.usage(languageOfLocale(activity.locale));
    await context.sendActivity({
      type: 'message',
      summary: welcomeText(usage),
      attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderWelcome(usage) }],
    });
  }

  /**
   * Every invoke gets a 200 or a 400 (never botbuilder's 501 for one it has no handler for): the
   * search command and the feedback loop are answered, anything else is refused as not understood.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name } = context.activity;
    switch (name) {
      case INVOKE.search:
        return this.search(context.activity.value);
      case INVOKE.feedback:
        return this.feedback(context);
      case INVOKE.cardAction:
        this.options.logger.warn({ name }, 'teams: invoke not understood');
        return CARD_ACTION_NOT_SUPPORTED;
      default:
        this.options.logger.warn({ name: name?.slice(0, 100) }, 'teams: invoke not understood');
        return BAD_REQUEST;
    }
  }

  /** A 👍/👎 press: one feedback log line; acknowledged by the invoke response alone. */
  private feedback(context: TurnContext): InvokeResponse {
    const press = feedbackOf(context.activity.value, context.activity.replyToId);
    if (!press) {
      this.options.logger.warn('teams: message/submitAction not understood');
      return BAD_REQUEST;
    }
    const answered = press.messageId ? this.answered.recall(press.messageId) : undefined;
    const { logger, logQueries } = this.options;
    if (answered) {
      const { passageId, query } = answered;
      const event = {
        platform: 'teams',
        surface: 'invoke',
        passage: passageId,
        value: press.value,
        ...(query === undefined ? {} : { query }),
        ...(press.comment === undefined ? {} : { comment: press.comment }),
      } as const;
      logFeedback(logger, event, logQueries);
    } else {
      // Not a feedback line: without the passage it says nothing the report could use.
      logger.info({ platform: 'teams', value: press.value }, 'teams: feedback on an answer not remembered');
    }
    // Nothing is posted to the conversation.
    return { status: 200 };
  }

  /** The search command of the message extension: matching quotes for the compose box's list. */
  private search(value: unknown): InvokeResponse {
    const request = searchRequestOf(value, SEARCH_PARAMETER);
    if (!request) {
      this.options.logger.warn({ name: INVOKE.search }, 'teams: invoke not understood');
      return BAD_REQUEST;
    }
    if (request.commandId !== SEARCH_COMMAND_ID) {
      const commandId = request.commandId.slice(0, 100);
      this.options.logger.warn({ commandId }, 'teams: unknown message extension command');
      return { status: 200, body: { composeExtension: { type: 'message', text: 'Unknown command' } } };
    }
    // An empty compose box lists the key points, so the command is useful before anything is typed.
    const { retriever } = this.options;
    const { text, skip, count } = request;
    const answer = text === '' ? retriever.keyPoints() : retriever.ask(text, { limit: count, offset: skip });
    this.logAnswer(answer, 'search');
    return { status: 200, body: renderSearchResults(answer) };
  }

  // Each activity is one request for the per-request log line (id and latency).
  override run(context: TurnContext): Promise<void> {
    return withRequest(() => super.run(context));
  }

  private logAnswer(answer: Answer, source: 'message' | 'search' | 'copy-all'): void {
    const { logQueries, logger } = this.options;
    logRequest(logger, answer, { platform: 'teams', surface: source, queries: logQueries });
  }
}
