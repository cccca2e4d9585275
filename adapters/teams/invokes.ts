// The invokes Teams sends this bot, read before anything is done with them. botbuilder's
// TeamsActivityHandler answers an invoke it has no handler for with 501, and its own readers assume
// the value's shape (`value.action.type`, `parameters.find`), so a malformed value failed the turn
// with an error line and a 501. Here every invoke gets a 200 or a 400, as botbuilder-dotnet answers
// an unexpected Teams invoke (BadRequest) and an Action.Execute it does not support.
import { z } from 'zod';

/** What an invoke is answered with: botbuilder's InvokeResponse (bot.ts returns it as such). */
interface InvokeResponse {
  readonly status: number;
  readonly body?: unknown;
}

/** The invokes the manifest enables: the search command, and the feedback loop's 👍/👎. */
export const INVOKE = {
  search: 'composeExtension/query',
  feedback: 'message/submitAction',
  /** Action.Execute; this bot's cards have none (they use Action.Submit), so it is never expected. */
  cardAction: 'adaptiveCard/action',
} as const;

/** Teams asks for 25 results at most; more would not fit the compose box's list anyway. */
const MAX_SEARCH_RESULTS = 25;
const DEFAULT_SEARCH_RESULTS = 10;

/** A search in the compose box, as the bot acts on it. */
export interface SearchRequest {
  readonly commandId: string;
  /** What the member typed in the search box ('' when nothing yet, or not a text). */
  readonly text: string;
  /** How many results Teams has shown already, and how many it wants now (1–25). */
  readonly skip: number;
  readonly count: number;
}

/** The shape of `composeExtension/query`'s value, as far as the bot reads it. */
const searchValue = z.looseObject({
  commandId: z.string(),
  parameters: z.array(z.looseObject({ name: z.unknown(), value: z.unknown() })).optional(),
  queryOptions: z.looseObject({ skip: z.unknown(), count: z.unknown() }).optional(),
});

/** A whole number from Teams' paging options, or `fallback` for anything else. */
function whole(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback;
}

/**
 * The search a `composeExtension/query` value asks for, or undefined when the value is not the
 * shape Teams sends (no value, `parameters` that is not a list of objects, a `commandId` that is not
 * text). Within that shape every field is optional: the initial run sends no query parameter.
 */
export function searchRequestOf(value: unknown, parameter: string): SearchRequest | undefined {
  const parsed = searchValue.safeParse(value);
  if (!parsed.success) return undefined;
  const { commandId, parameters = [], queryOptions } = parsed.data;
  const typed = parameters.find((p) => p.name === parameter)?.value;
  return {
    commandId,
    text: typeof typed === 'string' ? typed.trim() : '',
    skip: Math.max(0, whole(queryOptions?.skip, 0)),
    count: Math.min(MAX_SEARCH_RESULTS, Math.max(1, whole(queryOptions?.count, DEFAULT_SEARCH_RESULTS))),
  };
}

/** The answer to an invoke that is not understood. */
export const BAD_REQUEST: InvokeResponse = { status: 400 };

/**
 * The answer to an `adaptiveCard/action`: the Universal Actions error response (an
 * AdaptiveCardInvokeResponse of type application/vnd.microsoft.error), as botbuilder gives for an
 * action it does not support.
 */
export const CARD_ACTION_NOT_SUPPORTED: InvokeResponse = {
  status: 400,
  body: {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'NotSupported', message: 'This bot’s cards have no Action.Execute.' },
  },
};
